import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type App, createApp } from '../src/app.ts';
import { generateDemoShop } from '../src/cli/demo-data/index.ts';
import { canonicalOrder } from '../src/contracts/orders.ts';
import { keysOf } from '../src/modules/orders/audit/audit-context.ts';
import { type AuditContext, defaultRuleSet, runAudit } from '../src/modules/orders/audit/audit-rules.ts';
import { type NormalisedOrder, normaliseOrder } from '../src/modules/orders/intake/normalise.ts';
import { classifyOrder, defaultPolicy } from '../src/modules/orders/priority.ts';
import { loadConfig } from '../src/platform/config.ts';
import { createLogger } from '../src/platform/logger.ts';

/**
 * `npm run bench -- audit [--quick]`: the audit chain in process (p99 per order against 1 ms),
 * intake with every rule on against intake with none (same run, target ≥ 0.8), and a dry run
 * of a rule change over 100,000 stored orders (against 10 s).
 */
const actor = { type: 'system' as const, id: null, name: 'bench' };

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function demoOrders(count: number, seed: number) {
  return generateDemoShop({ seed, now: new Date(), orderCount: count });
}

/** A context like intake's: other orders of the same phone/address and open orders per buyer. */
function contextFor(orders: NormalisedOrder[], skus: AuditContext['skuStates']): AuditContext {
  const byPhone = new Map<string, string[]>();
  const byAddress = new Map<string, string[]>();
  const openOrdersByBuyer = new Map<string, string[]>();
  orders.forEach((order, i) => {
    const keys = keysOf(order);
    if (keys.phoneKey) byPhone.set(keys.phoneKey, [...(byPhone.get(keys.phoneKey) ?? []), order.placedAt]);
    if (keys.addressKey)
      byAddress.set(keys.addressKey, [...(byAddress.get(keys.addressKey) ?? []), order.placedAt]);
    if (keys.buyerKey && i % 3 === 0) openOrdersByBuyer.set(keys.buyerKey, [`SO${i}`]);
  });
  for (const list of [...byPhone.values(), ...byAddress.values()]) list.sort();
  const empty = new Set<string>();
  return {
    now: new Date(),
    skuStates: skus,
    blocklist: { phones: empty, emails: empty, names: empty, addresses: empty },
    recentOrders: { byPhone, byAddress },
    openOrdersByBuyer,
  };
}

function chainLatencies(count: number): { p50: number; p99: number; max: number } {
  const shop = demoOrders(count, 3);
  const orders = shop.orders.map((o) => normaliseOrder(canonicalOrder.parse(o)));
  const skus = new Map(
    shop.skus.map((s) => [s.code, { isActive: true, name: s.name, isMadeToOrder: false, isPresale: false }]),
  );
  const context = contextFor(orders, skus);
  const ruleSet = defaultRuleSet();
  const latencies: number[] = [];
  for (let round = 0; round < 2; round += 1) {
    latencies.length = 0;
    for (const order of orders) {
      const started = process.hrtime.bigint();
      runAudit(order, context, ruleSet);
      classifyOrder({ order, receivedAt: context.now, skuFlags: skus }, defaultPolicy);
      latencies.push(Number(process.hrtime.bigint() - started) / 1000);
    }
  }
  latencies.sort((a, b) => a - b);
  return {
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: latencies[latencies.length - 1],
  };
}

async function freshApp(label: string): Promise<{ app: App; dir: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `ordo-bench-${label}-`));
  const app = await createApp({ config: loadConfig({ ORDO_DATA_DIR: dir }), logger: createLogger('warn') });
  return { app, dir };
}

async function seedCatalog(app: App, shop: ReturnType<typeof demoOrders>) {
  for (const channel of shop.channels)
    await app.catalog.channels.createChannel(actor, channel).catch(() => undefined);
  const csv = ['code,name,price', ...shop.skus.map((s) => `${s.code},"${s.name}",${s.price}`)].join('\n');
  await app.catalog.importSkus(actor, csv);
}

/** Ingest throughput with all rules against none, chunks interleaved so both see the same machine. */
async function rulesOnVersusOff(count: number) {
  const shop = demoOrders(count, 5);
  const [on, off] = [await freshApp('on'), await freshApp('off')];
  for (const { app } of [on, off]) await seedCatalog(app, shop);
  const rules = defaultRuleSet().rules.map((r) => ({ ...r, enabled: false }));
  await off.app.orders.ruleSets.save(actor, { rules, note: 'bench: no rules' });
  const elapsed = { on: 0, off: 0 };
  for (let start = 0; start < shop.orders.length; start += 500) {
    const chunk = shop.orders.slice(start, start + 500);
    for (const [name, { app }] of [
      ['on', on],
      ['off', off],
    ] as const) {
      const began = performance.now();
      await app.orders.intake.receiveBatch(
        actor,
        chunk.map((o) => ({ ...o, externalId: `${o.externalId}-${name}` })),
      );
      elapsed[name] += performance.now() - began;
    }
  }
  for (const { app, dir } of [on, off]) {
    await app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return { on: (count / elapsed.on) * 1000, off: (count / elapsed.off) * 1000 };
}

async function dryRunOver(count: number): Promise<{ seconds: number; orders: number; fillSeconds: number }> {
  const shop = demoOrders(count, 9);
  const { app, dir } = await freshApp('dry');
  try {
    await seedCatalog(app, shop);
    const filled = performance.now();
    for (let start = 0; start < shop.orders.length; start += 1000) {
      await app.orders.intake.receiveBatch(actor, shop.orders.slice(start, start + 1000));
      if (process.stderr.isTTY)
        process.stderr.write(`\r  storing orders for the dry run: ${Math.min(start + 1000, count)}/${count}`);
    }
    if (process.stderr.isTTY) process.stderr.write('\n');
    const fillSeconds = (performance.now() - filled) / 1000;
    const proposed = defaultRuleSet().rules.map((r) =>
      r.code === 'VELOCITY' ? { ...r, params: { ...r.params, maxOrders: 1 } } : r,
    );
    const began = performance.now();
    const result = await app.orders.dryRun(proposed, 60);
    return { seconds: (performance.now() - began) / 1000, orders: result.orders, fillSeconds };
  } finally {
    await app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(args: string[]): Promise<void> {
  const isQuick = args.includes('--quick');
  const lines: string[] = [
    `# audit ${isQuick ? 'quick' : 'full'} run ${new Date().toISOString()}; node ${process.version}, ${os.cpus().length} CPUs`,
  ];
  const print = (line: string) => {
    lines.push(line);
    console.log(line);
  };
  const chain = chainLatencies(isQuick ? 2000 : 10_000);
  print(
    `audit chain in process: p50 ${chain.p50.toFixed(0)} µs, p99 ${chain.p99.toFixed(0)} µs, bound 1000 µs, ratio ${(chain.p99 / 1000).toFixed(2)}`,
  );
  const ingest = await rulesOnVersusOff(isQuick ? 2000 : 10_000);
  print(
    `audit ingest all rules: ${ingest.on.toFixed(0)} orders/s, bound no rules ${ingest.off.toFixed(0)}/s, ratio ${(ingest.on / ingest.off).toFixed(2)}`,
  );
  const dry = await dryRunOver(isQuick ? 10_000 : 100_000);
  print(
    `audit dry run over ${dry.orders} orders: ${dry.seconds.toFixed(1)} s, bound 10 s, ratio ${(dry.seconds / 10).toFixed(2)} (stored in ${dry.fillSeconds.toFixed(0)} s)`,
  );
  if (args.includes('--save')) {
    const file = path.join('bench/results', `audit-${new Date().toISOString().slice(0, 10)}.txt`);
    fs.writeFileSync(file, `${lines.join('\n')}\n`);
    console.log(`saved ${file}`);
  }
}
