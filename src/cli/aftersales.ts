import type { Command } from 'commander';
import type { ZodType } from 'zod';
import type { App } from '../app.ts';
import { complaintQuery, returnQuery } from '../contracts/aftersales.ts';
import { fromZodIssues } from '../platform/errors.ts';
import type { Page } from '../platform/pagination.ts';

type WithApp = (run: (app: App) => Promise<void>) => Promise<void>;

/** Options checked by the API's own query schema: the same rules and field names as the HTTP 400. */
function parseOptions<T>(schema: ZodType<T>, options: Record<string, unknown>): T {
  const parsed = schema.safeParse(options);
  if (!parsed.success) throw fromZodIssues(parsed.error.issues);
  return parsed.data;
}

/** One line per item (tab-separated, for grep and cut), then how to ask for the next page. */
function printPage<T>(page: Page<T>, isJson: boolean, line: (item: T) => readonly (string | null)[]) {
  if (isJson) {
    console.log(JSON.stringify(page));
    return;
  }
  for (const item of page.items)
    console.log(
      line(item)
        .map((cell) => cell ?? '-')
        .join('\t'),
    );
  console.log(
    `${page.items.length} shown${page.nextCursor ? `; more with --cursor ${page.nextCursor}` : ''}`,
  );
}

/** `ordo complaints …`, `ordo returns list`, `ordo surveys send-due` (docs/customer-service.md). */
export function addAftersalesCommands(program: Command, withApp: WithApp): void {
  const complaints = program.command('complaints').description('the complaints queue');
  complaints
    .command('list')
    .description('complaints, newest first: id, status, order, category, team, resolution due, subject')
    .option('--status <status>', 'open, answered or resolved')
    .option('--team <team>', 'one team queue')
    .option('--breached', 'only complaints past an SLA deadline')
    .option('--limit <n>', 'at most this many (1–500)', '50')
    .option('--cursor <cursor>', 'the next page, as printed by the previous one')
    .option('--json', 'the page as one JSON object')
    .action((opts) =>
      withApp(async (app) => {
        const query = parseOptions(complaintQuery, {
          status: opts.status,
          team: opts.team,
          isBreached: opts.breached ? 'true' : undefined,
          limit: opts.limit,
          cursor: opts.cursor,
        });
        const page = await app.aftersales.complaints.listComplaints(query);
        printPage(page, Boolean(opts.json), (c) => [
          c.id,
          c.status,
          c.orderNumber,
          c.category,
          c.team,
          c.resolutionDueAt,
          c.isBreached ? 'BREACHED' : '',
          c.subject,
        ]);
      }),
    );
  complaints
    .command('check-sla')
    .description('flag unresolved complaints past a deadline now (the worker does it every 5 minutes)')
    .action(() =>
      withApp(async (app) => {
        console.log(`${await app.aftersales.complaints.flagSlaBreaches()} complaints newly breached`);
      }),
    );

  program
    .command('returns')
    .description('returns and exchanges')
    .command('list')
    .description('returns, newest first: id, status, kind, order, reason')
    .option('--status <status>', 'requested, approved, rejected, received or refunded')
    .option('--limit <n>', 'at most this many (1–500)', '50')
    .option('--cursor <cursor>', 'the next page, as printed by the previous one')
    .option('--json', 'the page as one JSON object')
    .action((opts) =>
      withApp(async (app) => {
        const query = parseOptions(returnQuery, {
          status: opts.status,
          limit: opts.limit,
          cursor: opts.cursor,
        });
        const page = await app.aftersales.returns.listReturns(query);
        printPage(page, Boolean(opts.json), (r) => [r.id, r.status, r.kind, r.orderNumber, r.reason]);
      }),
    );

  program
    .command('surveys')
    .description('satisfaction surveys')
    .command('send-due')
    .description('mail the survey to every order delivered at least the set delay ago (once per order)')
    .action(() =>
      withApp(async (app) => {
        console.log(`${await app.aftersales.surveys.sendDueSurveys()} surveys sent`);
      }),
    );
}
