import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { type App, createApp } from '../src/app.ts';
import { newCarrierBody, serviceBody } from '../src/contracts/fulfilment.ts';
import { loadConfig } from '../src/platform/config.ts';
import { createLogger } from '../src/platform/logger.ts';
import { generate } from './insights.ts';
import { tempDir, withCleanup } from './support/cleanup.ts';
import { progress } from './support/measure.ts';
import { freshPostgresDatabase, settlePostgres } from './support/postgres.ts';

/**
 * `npm run bench -- monitors [--orders N] [--sqlite-only|--postgres-only]`: one evaluation
 * cycle of every kind of risk monitor (orders, carriers, stock, demand, interfaces; whole shop
 * and per channel, hour and day windows) over 1,000,000 generated orders (insights' generator:
 * a year of orders) and a parcel for each order of the last 30 days. The cycle time is printed
 * against the target of 1 s per cycle and against a full scan of the orders measured in the same
 * run: what a cycle that read every order would pay at least.
 */
const actor = { type: 'system' as const, id: null, name: 'bench' };
const boundMs = 1000;
const cycles = 10;

const monitors = [
  ['hold_rate', {}],
  ['hold_rate', { channel: 'web' }],
  ['high_risk_share', {}],
  ['payment_failures', {}],
  ['cancellation_rate', { windowMinutes: 24 * 60 }],
  ['refund_rate', { windowMinutes: 24 * 60 }],
  ['backorder_rate', { channel: 'bench-shop' }],
  ['carrier_late_rate', { carrier: 'benchpost', windowMinutes: 24 * 60 }],
  ['carrier_loss_rate', { carrier: 'benchpost', windowMinutes: 24 * 60 }],
  ['carrier_backlog', {}],
  ['stockout_rate', {}],
  ['demand_spike', { sku: 'BENCH-001' }],
  ['demand_spike', {}],
  ['interface_failures', {}],
] as const;

/** A parcel for every order of the last 30 days: a seventh of them undelivered past the promise. */
async function generateShipments(app: App, carrierId: string, serviceId: string) {
  const since = new Date(Date.now() - 30 * 86_400_000).toISOString();
  const n = 'cast(substr(o.id, 7) as integer)';
  await sql
    .raw(
      `insert into shipments (id, order_id, carrier_id, service_id, tracking_number, status, weight_grams,
        price_minor, explanation, promised_by, shipped_at, delivered_at)
      select 'bs-' || o.id, o.id, '${carrierId}', '${serviceId}', 'BT' || o.id,
        case when ${n} % 20 = 0 then 'label_created' when ${n} % 7 = 0 then 'in_transit' else 'delivered' end,
        500, 1200, 'bench', o.ship_by, o.created_at,
        case when ${n} % 20 = 0 or ${n} % 7 = 0 then null else o.ship_by end
      from orders o where o.created_at >= '${since}'`,
    )
    .execute(app.database.db);
}

async function measure(dialect: 'sqlite' | 'postgres', count: number, print: (line: string) => void) {
  await withCleanup(async (cleanup) => {
    const env: Record<string, string> = { ORDO_WEB_DIR: '/nonexistent' };
    let url: string | undefined;
    if (dialect === 'postgres') {
      url = await freshPostgresDatabase('monitors', cleanup);
      env.DATABASE_URL = url;
    } else env.ORDO_DATA_DIR = tempDir('monitors', cleanup);
    const app = await createApp({ config: loadConfig(env), logger: createLogger('warn') });
    cleanup.add('close app', () => app.close());
    progress(`${dialect}: generating ${count.toLocaleString('en')} orders`);
    const generated = await generate(app, count);
    const carrier = await app.logistics.carriers.create(
      actor,
      newCarrierBody.parse({ code: 'benchpost', name: 'Bench Post' }),
    );
    const rateCard = {
      zones: [{ id: 'cn', regions: ['CN'] }],
      rates: [
        {
          zoneId: 'cn',
          firstWeightGrams: 1000,
          firstPrice: '12.00',
          extraWeightStepGrams: 1000,
          extraPrice: '2.00',
        },
      ],
    };
    const withService = await app.logistics.carriers.saveService(
      actor,
      carrier.id,
      serviceBody.parse({ code: 'std', name: 'Standard', kind: 'standard', rateCard }),
    );
    await generateShipments(app, carrier.id, withService.services[0]!.id);
    if (dialect === 'postgres') await settlePostgres(url);
    else await sql`analyze`.execute(app.database.db);
    for (const [metric, scope] of monitors)
      await app.risk.monitors.create(actor, {
        name: `${metric} ${JSON.stringify(scope)}`,
        metric,
        channel: null,
        carrier: null,
        sku: null,
        windowMinutes: 60,
        minVolume: 10,
        warning: metric === 'demand_spike' ? 3 : 0.5,
        critical: metric === 'demand_spike' ? 5 : 0.8,
        controls: [],
        notify: { emails: [], webhookUrl: null },
        ...scope,
      });
    // The bound of the same run: one full scan of the orders.
    const scans: number[] = [];
    for (let i = 0; i < 5; i++) {
      const began = performance.now();
      await sql`select status, count(*) as n from orders group by status`.execute(app.database.db);
      scans.push(performance.now() - began);
    }
    const scanMs = scans.sort((a, b) => a - b)[2]!;
    for (let i = 0; i < 2; i++) await app.risk.monitors.evaluate();
    const samples: number[] = [];
    for (let i = 0; i < cycles; i++) samples.push((await app.risk.monitors.evaluate()).elapsedMs);
    samples.sort((a, b) => a - b);
    const median = samples[Math.floor(cycles / 2)]!;
    const worst = samples[cycles - 1]!;
    print(
      `${dialect}: ${count.toLocaleString('en')} orders generated in ${generated.toFixed(1)} s; ` +
        `${monitors.length} monitors; full scan of orders ${scanMs.toFixed(1)} ms`,
    );
    for (const [name, value] of [
      ['cycle, median', median],
      ['cycle, worst of 10', worst],
    ] as const)
      print(
        `${dialect}: ${name.padEnd(20)} ${String(value).padStart(6)} ms  vs bound ${boundMs} ms: ` +
          `${(value / boundMs).toFixed(3)} (${value <= boundMs ? 'ok' : 'OVER'})  vs full scan: ${(value / scanMs).toFixed(3)}`,
      );
  });
}

export async function run(args: string[]): Promise<void> {
  const at = args.indexOf('--orders');
  const count = at >= 0 ? Number(args[at + 1]) : 1_000_000;
  if (!Number.isInteger(count) || count < 1000) throw new Error('--orders: a whole number of at least 1000');
  const dialects = args.includes('--sqlite-only')
    ? (['sqlite'] as const)
    : args.includes('--postgres-only')
      ? (['postgres'] as const)
      : (['sqlite', 'postgres'] as const);
  const print = (line: string) => console.log(line);
  print(
    `# monitors over ${count.toLocaleString('en')} orders, ${new Date().toISOString()}; node ${process.version}, ` +
      `${os.cpus().length} CPUs (${path.basename(process.cwd())})`,
  );
  for (const dialect of dialects) await measure(dialect, count, print);
}
