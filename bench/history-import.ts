/**
 * History import benchmark: N past orders spread over a year, each with a realistic history
 * (approved within hours, shipped within a day or two, delivered two to five days later, some late,
 * some cancelled), imported with `--history` into a fresh database; then the weekly pack over it.
 * Prints the import rate, its ratio to the live import of the same orders (a bound measured in the
 * same run), and the weekly pack's time.
 *
 *   npm run bench -- history-import [--orders 100000] [--quick] [--db sqlite|postgres] [--no-live]
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createApp } from '../src/app.ts';
import { importOrdersFile } from '../src/cli/import.ts';
import { systemActor } from '../src/platform/actor.ts';
import { loadConfig } from '../src/platform/config.ts';
import { createLogger } from '../src/platform/logger.ts';
import { type Cleanup, tempDir, withCleanup } from './support/cleanup.ts';
import { progress, type Throughput, timed } from './support/measure.ts';
import { benchSkus, formatMinor, OrderFactory } from './support/orders.ts';
import { freshPostgresDatabase } from './support/postgres.ts';

const hour = 3_600_000;
const yearStart = Date.parse('2025-11-24T00:00:00Z');

function mulberry(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function writeHistory(file: string, count: number): void {
  const out = fs.openSync(file, 'w');
  const factory = new OrderFactory('HI');
  const random = mulberry(11);
  const iso = (ms: number) => new Date(ms).toISOString();
  for (let done = 0; done < count; done += 1000) {
    const lines = factory.take(Math.min(1000, count - done)).map((order, i) => {
      const placed =
        yearStart + Math.floor(((done + i) / count) * 365 * 24 * hour) + Math.floor(random() * hour);
      const approved = placed + random() * 4 * hour;
      const isCancelled = random() < 0.04;
      const shipped = approved + (6 + random() * 40) * hour;
      const delivered = shipped + (30 + random() * 90) * hour;
      const promised = placed + 96 * hour;
      const milestones = isCancelled
        ? { approvedAt: iso(approved), cancelledAt: iso(approved + hour) }
        : {
            approvedAt: iso(approved),
            shippedAt: iso(shipped),
            deliveredAt: iso(delivered),
            promisedAt: iso(promised),
          };
      return JSON.stringify({
        ...order,
        placedAt: iso(placed),
        status: isCancelled ? 'cancelled' : 'delivered',
        milestones,
      });
    });
    fs.writeSync(out, `${lines.join('\n')}\n`);
  }
  fs.closeSync(out);
}

async function quietly<T>(work: () => Promise<T>): Promise<T> {
  const log = console.log;
  console.log = (...args: unknown[]) => progress(args.join(' '));
  try {
    return await work();
  } finally {
    console.log = log;
  }
}

async function openApp(db: string, purpose: string, cleanup: Cleanup) {
  const env: Record<string, string> = { ORDO_DATA_DIR: tempDir(purpose, cleanup) };
  if (db === 'postgres')
    env.DATABASE_URL = await freshPostgresDatabase(purpose.replaceAll('-', '_'), cleanup);
  const app = await createApp({ config: loadConfig(env), logger: createLogger('warn') });
  for (const sku of benchSkus)
    await app.catalog.skus.createSku(systemActor, {
      code: sku.code,
      name: sku.name,
      price: formatMinor(sku.priceMinor),
    });
  return app;
}

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      orders: { type: 'string' },
      quick: { type: 'boolean', default: false },
      db: { type: 'string', default: 'sqlite' },
      'no-live': { type: 'boolean', default: false },
    },
  });
  const orders = Number(values.orders ?? (values.quick ? 10_000 : 100_000));
  const db = values.db!;
  if (db !== 'sqlite' && db !== 'postgres') throw new Error('--db must be sqlite or postgres');
  await withCleanup(async (cleanup) => {
    const file = path.join(tempDir('history-files', cleanup), 'history.jsonl');
    progress(`writing ${orders} past orders with their milestones`);
    writeHistory(file, orders);
    const options = { batchSize: 1000, showProgress: false };
    let live: Throughput | undefined;
    if (!values['no-live']) {
      const app = await openApp(db, 'history-live', cleanup);
      try {
        progress(`importing them live (the bound: intake with audit) on ${db}`);
        live = await timed(orders, () =>
          quietly(() => importOrdersFile(app, systemActor, file, options).then(() => {})),
        );
      } finally {
        await app.close();
      }
    }
    const app = await openApp(db, 'history', cleanup);
    try {
      progress(`importing them with --history on ${db}`);
      const history = await timed(orders, () =>
        quietly(() => importOrdersFile(app, systemActor, file, { ...options, history: true }).then(() => {})),
      );
      const started = performance.now();
      const pack = await app.insights.reports.weekly({ week: '2026-W20', tz: 'UTC' });
      const weeklySeconds = (performance.now() - started) / 1000;
      const rate = (t: Throughput) => `${Math.round(t.perSecond)} orders/s (${t.seconds.toFixed(1)} s)`;
      console.log(`history import, ${orders} orders, ${db}`);
      console.log(`  --history:            ${rate(history)}`);
      if (live) {
        console.log(`  live import (bound):  ${rate(live)}`);
        console.log(`  ratio history / live: ${(history.perSecond / live.perSecond).toFixed(2)}`);
      }
      console.log(
        `  weekly pack 2026-W20: ${weeklySeconds.toFixed(2)} s (${pack.orders.received} orders in the week, p50 received→delivered ${pack.stageHours.receivedToDelivered.p50} h)`,
      );
    } finally {
      await app.close();
    }
  });
}
