import type { App } from '../app.ts';
import type { Inventory } from '../modules/inventory/index.ts';
import type { Orders } from '../modules/orders/index.ts';
import type { Actor } from '../platform/actor.ts';
import type { fixedClock } from '../platform/clock.ts';
import type { DemoPurchase, DemoSupply } from './demo-data/supply.ts';

type DemoClock = ReturnType<typeof fixedClock>;
const dayMs = 24 * 60 * 60 * 1000;
const hourMs = 60 * 60 * 1000;

/**
 * Warehouses, suppliers and each SKU's category, cost and supplier, through the inventory
 * use-cases. Found by code, nothing is made twice; a SKU someone gave a supplier is left alone.
 */
export async function setUpSupply(
  app: App,
  inventory: Inventory,
  clock: DemoClock,
  supply: DemoSupply,
  manager: Actor,
): Promise<void> {
  const firstSent = supply.purchases.reduce(
    (min, p) => (p.sentAt < min ? p.sentAt : min),
    clock.now().toISOString(),
  );
  clock.set(new Date(Date.parse(firstSent) - dayMs));
  const warehouses = await inventory.warehouses.list();
  for (const w of supply.warehouses)
    if (!warehouses.some((existing) => existing.code === w.code))
      await inventory.warehouses.create(manager, { ...w, timeZone: 'Asia/Shanghai' });
  const main = warehouses.find((w) => w.code === 'main');
  // Only a main warehouse nobody has described yet gets the demo's address and cost.
  if (main && main.address.province === '' && main.costPerOrder === '0.00')
    await inventory.warehouses.update(manager, main.id, supply.main);
  const suppliers = new Set(
    (await app.database.db.selectFrom('suppliers').select('code').execute()).map((s) => s.code),
  );
  for (const s of supply.suppliers)
    if (!suppliers.has(s.code)) await inventory.suppliers.create(manager, { ...s, notes: null });
  const unplanned = new Set(
    (await app.database.db.selectFrom('skus').select('code').where('supplier_id', 'is', null).execute()).map(
      (s) => s.code,
    ),
  );
  for (const { sku, ...planning } of supply.skus)
    if (unplanned.has(sku)) await inventory.skus.updatePlanning(manager, sku, planning);
}

interface Step {
  at: string;
  run: () => Promise<unknown>;
}

/**
 * The supply side's dated steps, run as the demo clock passes them: purchase orders sent and
 * received (backorders then take their turn, as the worker would do), and the weekly planning
 * run that sets warning lines and raises alerts. Orders the database already has are skipped.
 */
export async function supplyTimeline(
  app: App,
  parts: { inventory: Inventory; orders: Orders; clock: DemoClock },
  supply: DemoSupply,
  actors: { buyer: Actor; receiver: Actor },
) {
  const { inventory, orders, clock } = parts;
  const known = await knownPurchases(app);
  const steps: Step[] = [];
  for (const purchase of supply.purchases) {
    if (known.has(purchaseKey(purchase))) continue;
    let id = '';
    steps.push({
      at: purchase.sentAt,
      run: async () => {
        const { supplier, warehouse, note, lines } = purchase;
        id = (await inventory.purchaseOrders.create(actors.buyer, { supplier, warehouse, note, lines })).id;
        await inventory.purchaseOrders.send(actors.buyer, id);
      },
    });
    if (purchase.receivedAt)
      steps.push({
        at: purchase.receivedAt,
        run: async () => {
          await inventory.purchaseOrders.receive(actors.receiver, id, { lines: purchase.lines });
          await orders.allocation.allocateBackorders();
        },
      });
  }
  const now = clock.now().getTime();
  // Planning back in time only while the weeks are being made; later runs leave history alone.
  for (let weeksAgo = known.size > 0 ? 0 : 7; weeksAgo >= 1; weeksAgo--)
    steps.push({
      at: new Date(now - weeksAgo * 7 * dayMs).toISOString(),
      run: () => inventory.plans.recompute(),
    });
  steps.sort((a, b) => a.at.localeCompare(b.at));
  let next = 0;
  return {
    /** Runs every step due up to `at`, each at its own time. */
    async runUntil(at: string): Promise<void> {
      for (; next < steps.length && steps[next].at <= at; next++) {
        clock.set(steps[next].at);
        await steps[next].run();
      }
    },
  };
}

export type SupplyTimeline = Awaited<ReturnType<typeof supplyTimeline>>;

const purchaseKey = (p: Pick<DemoPurchase, 'supplier' | 'warehouse' | 'note'>) =>
  `${p.supplier}\u0000${p.warehouse}\u0000${p.note}`;

async function knownPurchases(app: App): Promise<Set<string>> {
  const rows = await app.database.db
    .selectFrom('purchase_orders as p')
    .innerJoin('suppliers as s', 's.id', 'p.supplier_id')
    .innerJoin('warehouses as w', 'w.id', 'p.warehouse_id')
    .select(['s.code as supplier', 'w.code as warehouse', 'p.note'])
    .execute();
  return new Set(rows.map((r) => purchaseKey({ ...r, note: r.note ?? '' })));
}

const countNote = '季度全盘 / quarterly full count';
/** What the counter finds on some lines with stock (every eighth line), and notes down. */
const findings = [
  { variance: -2, note: '2 件外包装破损，已报损 / 2 with crushed packaging, written off' },
  { variance: -1, note: '' },
  { variance: 1, note: '上次收货少点 1 件 / one more than the last receipt counted' },
  { variance: -3, note: '货位未找到，待复查 / not in its bin, to be rechecked' },
];

/**
 * A full count of the south warehouse this morning, submitted and waiting for review with a few
 * variances. Counting is blind, so the counter's figures start from the levels, not the sheet.
 */
export async function countSouthWarehouse(app: App, inventory: Inventory, clock: DemoClock, counter: Actor) {
  const now = clock.now().getTime();
  const counted = await app.database.db
    .selectFrom('stocktakes')
    .select('id')
    .where('note', '=', countNote)
    .executeTakeFirst();
  const levels = await inventory.levels.list({ warehouse: 'south', limit: 500 });
  // A tiny demo (`--orders 20`) may have stocked nothing there to count.
  if (counted || levels.items.length === 0) return;
  clock.set(new Date(now - 5 * hourMs));
  const sheet = await inventory.stocktakes.create(counter, {
    warehouse: 'south',
    kind: 'full',
    note: countNote,
  });
  const onHand = new Map(levels.items.map((l) => [l.sku, l.onHand]));
  let found = 0;
  const counts = sheet.lines.map((line, i) => {
    const books = onHand.get(line.sku) ?? 0;
    const finding = i % 8 === 3 && books >= 5 ? findings[found++] : undefined;
    return { sku: line.sku, counted: books + (finding?.variance ?? 0), note: finding?.note || undefined };
  });
  clock.set(new Date(now - 3 * hourMs));
  await inventory.stocktakes.recordCounts(counter, sheet.id, { counts });
  clock.set(new Date(now - 2 * hourMs));
  await inventory.stocktakes.submit(counter, sheet.id);
  clock.set(new Date(now));
}

/** A SKU's shelf: aisle, rack and level from its place in the catalogue (`A-03-2`). */
export function binOf(index: number): string {
  const aisle = String.fromCharCode(65 + Math.floor(index / 48));
  const rack = String(Math.floor((index % 48) / 4) + 1).padStart(2, '0');
  return `${aisle}-${rack}-${(index % 4) + 1}`;
}

/**
 * Gives every stocked SKU without a bin its shelf, through the stock import (a bin-only line
 * posts no movement), so pick lists can be walked in bin order.
 */
export async function placeStockInBins(app: App, inventory: Inventory, keeper: Actor): Promise<number> {
  const [skus, unplaced] = await Promise.all([
    app.database.db.selectFrom('skus').select('code').orderBy('code').execute(),
    app.database.db
      .selectFrom('stock_levels as l')
      .innerJoin('skus as s', 's.id', 'l.sku_id')
      .innerJoin('warehouses as w', 'w.id', 'l.warehouse_id')
      .select(['s.code as sku', 'w.code as warehouse', 'l.on_hand'])
      .where('l.bin', 'is', null)
      .execute(),
  ]);
  if (unplaced.length === 0) return 0;
  const position = new Map(skus.map((s, i) => [s.code, i]));
  const csv = [
    'sku,warehouse,onHand,bin',
    ...unplaced.map((l) => `${l.sku},${l.warehouse},${Number(l.on_hand)},${binOf(position.get(l.sku) ?? 0)}`),
  ].join('\n');
  const result = await inventory.levels.importCsv(keeper, csv);
  return result.updated + result.created;
}
