import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import type { App } from '../app.ts';
import { replayFailedBody } from '../contracts/channels.ts';
import type { Actor } from '../platform/actor.ts';
import { fromZodIssues } from '../platform/errors.ts';
import { printTable } from './table.ts';

type WithApp = (run: (app: App) => Promise<void>) => Promise<void>;

const ago = (iso: string | null, now: number) => {
  if (!iso) return '-';
  const minutes = Math.round((now - new Date(iso).getTime()) / 60_000);
  if (minutes < 60) return `${minutes} min ago`;
  if (minutes < 48 * 60) return `${Math.round(minutes / 60)} h ago`;
  return `${Math.round(minutes / 1440)} d ago`;
};

/** `ordo channels health`: the Integrations page's lights as a table (docs/channels.md). */
export async function channelsHealth(app: App): Promise<void> {
  const now = Date.now();
  const items = await app.channels.health.channelsHealth();
  const rows = items.map((h) => [
    h.channelId,
    h.connector,
    h.status,
    ago(h.lastOrderAt, now),
    String(h.ordersLastHour),
    String(h.signatureFailures),
    String(h.mappingFailures),
    h.lastPullError ? `error: ${h.lastPullError}` : ago(h.lastPullAt, now),
    `${h.syncFailures}/${h.syncPending}`,
  ]);
  printTable([
    [
      'CHANNEL',
      'CONNECTOR',
      'STATUS',
      'LAST ORDER',
      'LAST HOUR',
      'REFUSED',
      'UNMAPPED',
      'LAST PULL',
      'SYNC FAILED/WAITING',
    ],
    ...rows,
  ]);
  const failing = items.filter((h) => h.status === 'failing').length;
  console.log(`${items.length} channels; ${failing} failing`);
  if (failing > 0) process.exitCode = 3;
}

/** `ordo channels pull CHANNEL`: the reconciliation pull now, as the worker runs it. */
export async function pullChannel(app: App, channelId: string): Promise<void> {
  const result = await app.channels.reconciliation.pullChannel(channelId);
  console.log(`listed: ${result.listed}\ncreated: ${result.created}\ncursor: ${result.cursor ?? '-'}`);
  if (result.error) {
    console.error(`pull failed: ${result.error}`);
    process.exitCode = 1;
  }
}

/**
 * `ordo channels replay CHANNEL`: every failed delivery of the channel applied again after a fix,
 * oldest first, in pages, each once; a progress bar on a terminal.
 */
export async function replayFailedDeliveries(
  app: App,
  channelId: string,
  options: { batch?: string },
): Promise<void> {
  const parsed = replayFailedBody.safeParse({ limit: options.batch ?? 100 });
  if (!parsed.success) throw fromZodIssues(parsed.error.issues);
  const limit = parsed.data.limit;
  let after: string | undefined;
  let totals = { replayed: 0, recovered: 0, stillFailed: 0 };
  const bar =
    process.stderr.isTTY &&
    new cliProgress.SingleBar(
      { format: 'replaying [{bar}] {value}/{total} deliveries', stream: process.stderr, hideCursor: true },
      cliProgress.Presets.shades_classic,
    );
  do {
    const run = await app.channels.deliveries.replayFailed(channelId, { limit, ...(after ? { after } : {}) });
    totals = {
      replayed: totals.replayed + run.replayed,
      recovered: totals.recovered + run.recovered,
      stillFailed: totals.stillFailed + run.stillFailed,
    };
    if (bar) {
      if (totals.replayed === run.replayed) bar.start(run.replayed + run.remaining, 0);
      bar.update(totals.replayed);
    }
    after = run.nextAfter ?? undefined;
  } while (after);
  if (bar) bar.stop();
  console.log(
    `replayed: ${totals.replayed}\nrecovered: ${totals.recovered}\nstill failed: ${totals.stillFailed}`,
  );
}

/**
 * `ordo channels webhooks CHANNEL [--register]`: what the shop holds for Ordo's webhook address,
 * one line per topic; with --register the missing ones are created. Exit 1 when a topic failed.
 */
export async function channelWebhooks(
  app: App,
  actor: Actor,
  channelId: string,
  options: { register?: boolean },
): Promise<void> {
  const result = options.register
    ? await app.channels.webhooks.registerWebhooks(actor, channelId)
    : await app.channels.webhooks.listWebhooks(channelId);
  console.log(`address: ${result.address}`);
  for (const { topic, state, error } of result.topics)
    console.log(`${topic}: ${state}${error ? ` (${error})` : ''}`);
  if (result.topics.some((topic) => topic.state === 'failed')) process.exitCode = 1;
}

/** `ordo channels health|pull|replay|webhooks` (docs/channels.md). */
export function addChannelCommands(program: Command, withApp: WithApp, actor: Actor): void {
  const channels = program
    .command('channels')
    .description('sales channel connectors: health, pull, replay, webhooks');
  channels
    .command('health')
    .description(
      'each channel: light, last order, refused and unmapped deliveries, pull, sync (exit 3 when one is failing)',
    )
    .action(() => withApp(channelsHealth));
  channels
    .command('pull <channel>')
    .description("run the channel's reconciliation pull now")
    .action((channel: string) => withApp((app) => pullChannel(app, channel)));
  channels
    .command('replay <channel>')
    .description("apply the channel's failed deliveries again after a fix (each once, oldest first)")
    .option('--batch <n>', 'deliveries per page (1-500)', '100')
    .action((channel: string, options: { batch?: string }) =>
      withApp((app) => replayFailedDeliveries(app, channel, options)),
    );
  channels
    .command('webhooks <channel>')
    .description("the shop's order webhooks for Ordo's address, one line per topic")
    .option('--register', 'create the missing ones on the shop with its API credentials')
    .action((channel: string, options: { register?: boolean }) =>
      withApp((app) => channelWebhooks(app, actor, channel, options)),
    );
}
