import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type App, createApp } from '../src/app.ts';
import { loadConfig } from '../src/platform/config.ts';
import { createLogger } from '../src/platform/logger.ts';
import { runForecastBench } from './inventory-forecast.ts';
import { withCleanup } from './support/cleanup.ts';
import { progress } from './support/measure.ts';
import { paidOrderOf } from './support/orders.ts';
import { freshPostgresDatabase } from './support/postgres.ts';

/**
 * `npm run bench -- inventory [--quick] [--save]`: allocation under contention on PostgreSQL
 * (several allocators on a few hot SKUs) against the same guarded updates written as a minimal
 * raw-SQL allocator in the same run (target ratio ≥ 0.5); forecasts and reorder points for
 * 10,000 SKUs with two years of daily history (bound 10 s).
 */
const actor = { type: 'system' as const, id: null, name: 'bench' };
const hotSkus = 20;
const workers = 4;
const batch = 50;

function orderInput(i: number) {
  const lines = [{ sku: `HOT-${i % hotSkus}`, quantity: 1 + (i % 3) }];
  if (i % 4 === 0) lines.push({ sku: `HOT-${(i * 7 + 3) % hotSkus}`, quantity: 1 });
  return paidOrderOf(i, `bench-${i}`, lines);
}

async function seed(app: App, orders: number): Promise<void> {
  for (let s = 0; s < hotSkus; s++) {
    await app.catalog.skus.createSku(actor, { code: `HOT-${s}`, name: `Hot ${s}`, price: '10.00' });
    await app.inventory.levels.adjust(actor, {
      sku: `HOT-${s}`,
      warehouse: 'main',
      delta: 1_000_000,
      reason: 'bench',
    });
  }
  for (let start = 0; start < orders; start += 1000) {
    const inputs = Array.from({ length: Math.min(1000, orders - start) }, (_, k) => orderInput(start + k));
    const results = await app.orders.intake.receiveBatch(actor, inputs);
    const notApproved = results.filter((r) => r.outcome !== 'created' || r.order.status !== 'approved');
    if (notApproved.length > 0) throw new Error(`seed: ${notApproved.length} orders not approved`);
  }
}

/** The bound: the same guarded reservations, as a minimal hand-written allocator in raw SQL. */
async function rawAllocator(url: string): Promise<void> {
  const pool = new pg.Pool({ connectionString: url, max: workers });
  pool.on('error', () => {}); // idle clients dropped with the database at cleanup
  const work = async () => {
    for (;;) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const claimed = await client.query<{ id: string }>(
          `select id from orders where status = 'approved' order by priority desc, placed_at limit ${batch} for update skip locked`,
        );
        if (claimed.rowCount === 0) {
          await client.query('commit');
          return;
        }
        const ids = claimed.rows.map((r) => r.id);
        const lines = await client.query<{
          order_id: string;
          line_no: number;
          sku_id: string;
          quantity: number;
        }>(
          'select l.order_id, l.line_no, s.id as sku_id, l.quantity from order_lines l join skus s on s.code = l.sku where l.order_id = any($1) order by l.order_id, l.line_no',
          [ids],
        );
        const now = new Date().toISOString();
        // Lock rows in one global order (by SKU) so concurrent allocators cannot deadlock.
        const bySku = [...lines.rows].sort((a, b) => a.sku_id.localeCompare(b.sku_id));
        for (const line of bySku) {
          const updated = await client.query(
            `update stock_levels set reserved = reserved + $1 where sku_id = $2 and warehouse_id = 'main' and on_hand - reserved >= $1`,
            [line.quantity, line.sku_id],
          );
          if (updated.rowCount !== 1) throw new Error('bound: out of stock');
        }
        const cols = lines.rows;
        await client.query(
          `insert into stock_movements (sku_id, warehouse_id, kind, on_hand_delta, reserved_delta, order_id, actor_type, actor_name, at)
           select unnest($1::text[]), 'main', 'reservation', 0, unnest($2::int[]), unnest($3::text[]), 'system', 'bench', $4`,
          [cols.map((l) => l.sku_id), cols.map((l) => l.quantity), cols.map((l) => l.order_id), now],
        );
        await client.query(
          `insert into allocations (id, order_id, order_line_id, sku_id, warehouse_id, quantity, status, created_at)
           select gen_random_uuid()::text, unnest($1::text[]), unnest($2::text[]), unnest($3::text[]), 'main', unnest($4::int[]), 'reserved', $5`,
          [
            cols.map((l) => l.order_id),
            cols.map((l) => String(l.line_no)),
            cols.map((l) => l.sku_id),
            cols.map((l) => l.quantity),
            now,
          ],
        );
        await client.query(`update orders set status = 'allocated', updated_at = $2 where id = any($1)`, [
          ids,
          now,
        ]);
        await client.query('commit');
      } catch (error) {
        console.error('bound failed:', error);
        await client.query('rollback');
        throw error;
      } finally {
        client.release();
      }
    }
  };
  await Promise.all(Array.from({ length: workers }, work));
  await pool.end();
}

/** Puts every order back to approved with nothing reserved, for the next contender. */
async function resetAllocation(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`update orders set status = 'approved' where status in ('allocated', 'backordered')`);
  await client.query(`update stock_levels set reserved = 0`);
  await client.query(`delete from allocations`);
  await client.query(`delete from stock_movements where kind = 'reservation'`);
  await client.query(`delete from outbox`);
  await client.query('vacuum analyze');
  await client.end();
}

async function timedSeconds(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return (performance.now() - start) / 1000;
}

async function allocationUnderContention(orders: number) {
  return withCleanup(async (cleanup) => {
    const url = await freshPostgresDatabase('inventory', cleanup);
    const app = await createApp({ config: loadConfig({ DATABASE_URL: url }), logger: createLogger('warn') });
    cleanup.add('close app', () => app.close());
    progress(`seeding ${orders} approved orders on ${hotSkus} hot SKUs`);
    await seed(app, orders);
    await resetAllocation(url);
    progress(`bound: raw SQL allocator, ${workers} workers`);
    const boundSeconds = await timedSeconds(() => rawAllocator(url));
    await resetAllocation(url);
    progress(`Ordo: ${workers} concurrent allocators`);
    const seconds = await timedSeconds(() =>
      Promise.all(Array.from({ length: workers }, () => app.orders.allocation.allocateApproved())),
    );
    const allocated = await app.database.db
      .selectFrom('orders')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '=', 'allocated')
      .executeTakeFirstOrThrow();
    if (Number(allocated.n) !== orders) throw new Error(`only ${allocated.n} of ${orders} orders allocated`);
    const check = await app.inventory.ledger.check();
    if (check.mismatches.length > 0)
      throw new Error(`ledger mismatches: ${JSON.stringify(check.mismatches)}`);
    return { perSecond: orders / seconds, boundPerSecond: orders / boundSeconds };
  });
}

export async function run(args: string[]): Promise<void> {
  const isQuick = args.includes('--quick');
  const lines = [
    `# inventory ${isQuick ? 'quick' : 'full'} run ${new Date().toISOString()}; node ${process.version}, ${os.cpus().length} CPUs`,
  ];
  const print = (line: string) => {
    lines.push(line);
    console.log(line);
  };
  const orders = isQuick ? 2000 : 10_000;
  const allocation = await allocationUnderContention(orders);
  print(
    `inventory allocation postgres (${workers} allocators, ${hotSkus} hot SKUs, ${orders} orders): ${allocation.perSecond.toFixed(0)} orders/s, bound ${allocation.boundPerSecond.toFixed(0)}/s, ratio ${(allocation.perSecond / allocation.boundPerSecond).toFixed(2)}`,
  );
  const forecast = await runForecastBench();
  lines.push(
    `inventory forecast: ${forecast.skus} SKUs × ${forecast.days} days in ${forecast.seconds.toFixed(2)} s (bound 10 s)`,
  );
  if (args.includes('--save')) {
    const file = path.join('bench/results', `inventory-${new Date().toISOString().slice(0, 10)}.txt`);
    fs.writeFileSync(file, `${lines.join('\n')}\n`);
    console.log(`saved ${file}`);
  }
}
