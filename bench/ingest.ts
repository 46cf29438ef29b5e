/**
 * Ingest benchmark (DESIGN.md section 8): orders through the real server over HTTP — one per
 * request and 1,000 per batch — against the same rows written by raw SQL on the same kind of
 * database, on SQLite and PostgreSQL in one run; then the server's memory after 100,000 orders.
 * Server and bound take turns in rounds (see Plan.rounds); each case prints the medians and,
 * on the next line, every round's figures.
 *
 *   npm run bench -- ingest [--quick] [--rss | --no-rss] [--db sqlite|postgres] [--save] [--cpu-prof]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openBoundRun } from './ingest-bound.ts';
import { measureRss, openServerRun } from './ingest-server.ts';
import { fullPlan, makeWorkload, type Plan, quickPlan } from './ingest-workload.ts';
import { type Cleanup, withCleanup } from './support/cleanup.ts';
import { progress, type Throughput } from './support/measure.ts';
import { summariseProfiles } from './support/profile.ts';
import { buildServerBundle, type DatabaseKind } from './support/server.ts';

const rssOrders = 100_000;
const rssBoundMb = 300;

interface Options {
  plan: Plan;
  kinds: DatabaseKind[];
  isQuick: boolean;
  shouldSave: boolean;
  profileDir?: string;
}

function parseOptions(args: string[]): Options {
  const { values } = parseArgs({
    args,
    options: {
      quick: { type: 'boolean', default: false },
      rss: { type: 'boolean' },
      'no-rss': { type: 'boolean' },
      db: { type: 'string' },
      save: { type: 'boolean', default: false },
      'cpu-prof': { type: 'boolean', default: false },
    },
  });
  const kinds: DatabaseKind[] =
    values.db === undefined ? ['sqlite', 'postgres'] : [values.db as DatabaseKind];
  if (!kinds.every((k) => k === 'sqlite' || k === 'postgres'))
    throw new Error(`--db must be sqlite or postgres, got "${values.db}"`);
  // The 100k-order memory check runs by default in a full run (it adds about half a minute).
  const isRssOn = values.rss ?? (!values['no-rss'] && !values.quick);
  const plan = {
    ...(values.quick ? quickPlan : fullPlan),
    rssOrders: isRssOn && kinds.includes('sqlite') ? rssOrders : 0,
  };
  const profileDir = values['cpu-prof']
    ? fs.mkdtempSync(path.join(os.tmpdir(), 'ordo-bench-profiles-'))
    : undefined;
  return { plan, kinds, isQuick: values.quick, shouldSave: values.save, profileDir };
}

// ---- report ----

const round = (n: number) => Math.round(n);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

interface RoundResult {
  ordo: Throughput;
  bound: Throughput;
  ratio: number;
}

/** One case over its rounds: the median of each figure, and the median of the rounds' ratios. */
function summarise(rounds: RoundResult[]) {
  return {
    ordoPerSecond: median(rounds.map((r) => r.ordo.perSecond)),
    boundPerSecond: median(rounds.map((r) => r.bound.perSecond)),
    ratio: median(rounds.map((r) => r.ratio)),
    rounds,
  };
}

function caseLines(kind: DatabaseKind, name: string, result: ReturnType<typeof summarise>): string[] {
  const { ordoPerSecond, boundPerSecond, ratio, rounds } = result;
  const lines = [
    `ingest ${kind} ${name}: ${round(ordoPerSecond)} orders/s, bound ${round(boundPerSecond)}/s, ratio ${ratio.toFixed(2)}`,
  ];
  if (rounds.length > 1) {
    const each = rounds.map(
      (r) => `${round(r.ordo.perSecond)}/${round(r.bound.perSecond)}=${r.ratio.toFixed(2)}`,
    );
    lines.push(`  ${kind} ${name} rounds (ordo/bound=ratio): ${each.join(', ')}`);
  }
  return lines;
}

function save(lines: string[], json: unknown): void {
  const dir = path.join(import.meta.dirname, 'results');
  fs.mkdirSync(dir, { recursive: true });
  const base = path.join(dir, `ingest-${new Date().toISOString().slice(0, 10)}`);
  fs.writeFileSync(`${base}.txt`, `${lines.join('\n')}\n`);
  fs.writeFileSync(`${base}.json`, `${JSON.stringify(json, null, 2)}\n`);
  console.error(`saved ${path.relative(process.cwd(), base)}.txt and .json`);
}

async function benchDatabase(
  kind: DatabaseKind,
  options: Options,
  cleanup: Cleanup,
  print: (line: string) => void,
) {
  const workload = makeWorkload(options.plan);
  const server = await openServerRun(kind, options, cleanup);
  const bound = await openBoundRun(kind, options.plan, cleanup);
  await server.warmUp(workload);
  await server.settle();
  await bound.warmUp(workload);
  await bound.settle();
  // Server and bound take turns on the same orders, so both see the machine in the same minute.
  const single: RoundResult[] = [];
  const batch: RoundResult[] = [];
  const measure = async (ordoWork: () => Promise<Throughput>, boundWork: () => Promise<Throughput>) => {
    const ordoResult = await ordoWork();
    await server.settle();
    const boundResult = await boundWork();
    await bound.settle();
    return { ordo: ordoResult, bound: boundResult, ratio: ordoResult.perSecond / boundResult.perSecond };
  };
  for (const [index, orders] of workload.rounds.entries()) {
    progress(`${kind}: round ${index + 1} of ${workload.rounds.length}`);
    single.push(
      await measure(
        () => server.single(orders.single),
        () => bound.single(orders.single),
      ),
    );
    batch.push(
      await measure(
        () => server.batch(orders.batches),
        () => bound.batch(orders.batches),
      ),
    );
  }
  const peakMb = server.peakMb();
  await server.stop();
  await bound.close();
  const result = { single: summarise(single), batch: summarise(batch) };
  for (const line of caseLines(kind, 'single', result.single)) print(line);
  for (const line of caseLines(kind, 'batch', result.batch)) print(line);
  print(`server peak rss ${kind}: ${peakMb} MB`);
  return { database: kind, ...result, serverPeakRssMb: peakMb };
}

export async function run(args: string[]): Promise<void> {
  const options = parseOptions(args);
  const lines: string[] = [];
  const print = (line: string) => {
    lines.push(line);
    console.log(line);
  };
  const startedAt = new Date();
  // The load average tells a reader whether something else was using the 2 cores.
  const machine = `node ${process.version}, ${os.cpus().length} CPUs, load average ${os.loadavg()[0].toFixed(1)}`;
  const server = `server: ORDO_WORKER=off (API node) for throughput, ORDO_INTAKE_THREADS=${process.env.ORDO_INTAKE_THREADS ?? 'default'}`;
  print(
    `# ingest ${options.isQuick ? 'quick' : 'full'} run ${startedAt.toISOString()}; ${machine}; ${server}`,
  );
  progress('npm run build:server');
  await buildServerBundle();
  const result = await withCleanup(async (cleanup) => {
    const databases = [];
    for (const kind of options.kinds) databases.push(await benchDatabase(kind, options, cleanup, print));
    const rss = options.plan.rssOrders > 0 ? await measureRss(options, cleanup) : null;
    if (rss)
      print(
        `rss sqlite after ${rss.orders} orders (worker idle after ${rss.drainSeconds.toFixed(0)} s): ${rss.rssMb} MB (peak ${rss.peakMb} MB), bound ${rssBoundMb} MB`,
      );
    return { databases, rss };
  });
  if (options.profileDir) await summariseProfiles(options.profileDir);
  const seconds = (Date.now() - startedAt.getTime()) / 1000;
  progress(`done in ${seconds.toFixed(0)} s`);
  if (options.shouldSave) {
    save(lines, {
      startedAt,
      seconds,
      node: process.version,
      cpus: os.cpus().length,
      plan: options.plan,
      ...result,
      rssBoundMb,
      text: lines,
    });
  }
}
