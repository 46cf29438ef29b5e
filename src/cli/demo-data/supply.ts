/**
 * The demo shop's supply side (pure): its warehouses and suppliers, each SKU's category, cost
 * and supplier, and the purchase orders that stocked the shop. Quantities are sized from the
 * shop's own orders, routed the way allocation will route them, so most orders find stock while
 * a chosen few SKUs run low or out and show alerts, backorders and replenishment suggestions.
 */
import { fromMinor, toMinor } from '../../platform/money.ts';
import { mulberry32, shuffled } from './random.ts';
import {
  categoryNames,
  type DemoSupplier,
  type DemoWarehouse,
  demoSuppliers,
  demoWarehouses,
  mainWarehouse,
  supplierOfSku,
} from './suppliers.ts';
import type { CanonicalOrderInput, DemoShop } from './types.ts';

export interface DemoPurchase {
  supplier: string;
  warehouse: string;
  /** Also how a second `ordo demo` recognises the order (with supplier and warehouse). */
  note: string;
  sentAt: string;
  /** Null: still on its way (or late) at the end of the demo. */
  receivedAt: string | null;
  lines: { sku: string; quantity: number }[];
}

export interface DemoSupply {
  warehouses: DemoWarehouse[];
  /** The national warehouse the migration made: where it is and what an order costs there. */
  main: typeof mainWarehouse;
  suppliers: DemoSupplier[];
  skus: { sku: string; category: string; unitCost: string; supplier: string }[];
  purchases: DemoPurchase[];
}

const dayMs = 24 * 60 * 60 * 1000;
/** Opening stock arrives nine weeks back, a restock about a month back. */
const openingDaysAgo = 63;
const restockDaysAgo = 30;
/** A regional warehouse carries a SKU only when its region buys a few of it; main carries all. */
const minRegionalUnits = 5;
const outCount = 8;
const lowCount = 6;

export function planDemoSupply(shop: DemoShop, options: { now: Date; seed: number }): DemoSupply {
  const rng = mulberry32(options.seed ^ 0x2f6b9a3);
  const at = (daysAgo: number) => timeOfDay(options.now, daysAgo, 2);
  const demand = estimateDemand(shop, Date.parse(at(restockDaysAgo)));
  // Low and out SKUs are picked among those that sell enough in a month for it to show.
  const busy = [
    ...new Set([...demand].filter(([, d]) => d.after >= 20).map(([key]) => key.split('\u0000')[1])),
  ];
  const picked = shuffled(rng, busy.sort());
  const out = new Set(picked.slice(0, outCount));
  const low = new Set(picked.slice(outCount, outCount + lowCount));
  const kindOf = (sku: string): StockKind => (out.has(sku) ? 'out' : low.has(sku) ? 'low' : 'normal');
  const purchases = [
    ...stockingPurchases(shop, demand, kindOf, at),
    ...openPurchases(shop, demand, kindOf, options.now),
  ];
  return {
    warehouses: demoWarehouses,
    main: mainWarehouse,
    suppliers: demoSuppliers,
    skus: shop.skus.map((sku) => ({
      sku: sku.code,
      category: categoryNames[sku.category],
      // A D2C brand's landed cost: 40–60 % of the shelf price.
      unitCost: fromMinor(
        Math.round((toMinor(sku.price, 'CNY', 'price') * (0.4 + rng() * 0.2)) / 10) * 10,
        'CNY',
      ),
      supplier: supplierOfSku(sku).code,
    })),
    purchases,
  };
}

/** `daysAgo` days before `now`, at `hourUtc` o'clock UTC (02:00 UTC is 10:00 in Shanghai). */
function timeOfDay(now: Date, daysAgo: number, hourUtc: number): string {
  const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return new Date(midnight - daysAgo * dayMs + hourUtc * 3_600_000).toISOString();
}

type StockKind = 'normal' | 'low' | 'out';
/** Units per `warehouse\u0000sku`, ordered before and after the restock arrived. */
type Demand = Map<string, { before: number; after: number }>;
const demandKey = (warehouse: string, sku: string) => `${warehouse}\u0000${sku}`;

function regionOf(order: CanonicalOrderInput): string | null {
  const { country, province } = order.shippingAddress;
  const region = `${country}/${province ?? ''}`;
  return demoWarehouses.find((w) => w.coverage.includes(region))?.code ?? null;
}

/**
 * Where each order will be served from, as routing will decide it when stock is there: its
 * region's warehouse when that carries every line, otherwise main (which carries everything).
 */
function estimateDemand(shop: DemoShop, restockAtMs: number): Demand {
  const catalog = new Set(shop.skus.map((s) => s.code));
  const linesOf = (order: CanonicalOrderInput) => order.lines.filter((l) => catalog.has(l.sku));
  const regional = new Map<string, number>();
  for (const order of shop.orders) {
    const region = regionOf(order);
    for (const line of region ? linesOf(order) : []) {
      const key = demandKey(region!, line.sku);
      regional.set(key, (regional.get(key) ?? 0) + line.quantity);
    }
  }
  const carries = (warehouse: string, sku: string) =>
    (regional.get(demandKey(warehouse, sku)) ?? 0) >= minRegionalUnits;
  const demand: Demand = new Map(shop.skus.map((s) => [demandKey('main', s.code), { before: 0, after: 0 }]));
  for (const order of shop.orders) {
    const region = regionOf(order);
    const lines = linesOf(order);
    const from = region && lines.every((l) => carries(region, l.sku)) ? region : 'main';
    const period = Date.parse(order.placedAt) < restockAtMs ? 'before' : 'after';
    for (const line of lines) {
      const entry = demand.get(demandKey(from, line.sku)) ?? { before: 0, after: 0 };
      entry[period] += line.quantity;
      demand.set(demandKey(from, line.sku), entry);
    }
  }
  return demand;
}

/** Whole packs, at least the supplier's minimum; nothing when nothing is needed. */
function packsUp(units: number, supplier: DemoSupplier): number {
  if (units <= 0) return 0;
  return Math.max(supplier.minOrderQty, Math.ceil(units / supplier.packSize) * supplier.packSize);
}
function packsDown(units: number, supplier: DemoSupplier): number {
  const packs = Math.floor(Math.max(0, units) / supplier.packSize) * supplier.packSize;
  return packs >= supplier.minOrderQty ? packs : 0;
}

/**
 * Opening stock covers the first weeks with a quarter to spare. The restock leaves a normal SKU
 * about two lead times of demand at the end (above its reorder point); a "low" SKU less than one
 * lead time (an alert); an "out" SKU too little for the last days of orders (backorders).
 */
type Quantities = { opening: number; restock: number };
function stockQuantities(
  d: { before: number; after: number },
  supplier: DemoSupplier,
  kind: StockKind,
): Quantities {
  const opening = packsUp(d.before * 1.25 + 2, supplier);
  const carried = opening - d.before;
  const leadDemand = (d.after / restockDaysAgo) * supplier.leadTimeDays;
  const restock =
    kind === 'out'
      ? packsDown(0.85 * d.after - carried, supplier)
      : kind === 'low'
        ? packsDown(d.after + 0.4 * leadDemand - carried, supplier)
        : packsUp(d.after + 2 * leadDemand + 3 * Math.sqrt(leadDemand) + 2 - carried, supplier);
  return { opening, restock };
}

/** The two rounds of purchase orders that arrived: opening stock, then the monthly restock. */
const rounds = [
  { note: '开仓备货 / opening stock', daysAgo: openingDaysAgo, quantityOf: (q: Quantities) => q.opening },
  { note: '月度补货 / monthly restock', daysAgo: restockDaysAgo, quantityOf: (q: Quantities) => q.restock },
];

/** One received purchase order per round, supplier and warehouse. */
function stockingPurchases(
  shop: DemoShop,
  demand: Demand,
  kindOf: (sku: string) => StockKind,
  at: (daysAgo: number) => string,
): DemoPurchase[] {
  const purchases = new Map<string, DemoPurchase>();
  const purchaseOf = (round: (typeof rounds)[number], supplier: DemoSupplier, warehouse: string) => {
    const key = `${round.note}\u0000${supplier.code}\u0000${warehouse}`;
    const purchase: DemoPurchase = purchases.get(key) ?? {
      supplier: supplier.code,
      warehouse,
      note: round.note,
      sentAt: at(round.daysAgo + supplier.leadTimeDays),
      receivedAt: at(round.daysAgo),
      lines: [],
    };
    purchases.set(key, purchase);
    return purchase;
  };
  for (const sku of shop.skus) {
    const supplier = supplierOfSku(sku);
    for (const warehouse of ['main', ...demoWarehouses.map((w) => w.code)]) {
      const d = demand.get(demandKey(warehouse, sku.code));
      const quantities = d && stockQuantities(d, supplier, kindOf(sku.code));
      for (const round of quantities ? rounds : []) {
        const quantity = round.quantityOf(quantities!);
        if (quantity > 0) purchaseOf(round, supplier, warehouse).lines.push({ sku: sku.code, quantity });
      }
    }
  }
  return [...purchases.values()];
}

/**
 * Two purchase orders still open at the end: the restock of the supplier behind most "out" SKUs,
 * six days late, and a fresh one for "low" SKUs of another supplier, due in a few days.
 */
function openPurchases(
  shop: DemoShop,
  demand: Demand,
  kindOf: (sku: string) => StockKind,
  now: Date,
): DemoPurchase[] {
  const open = (
    kind: StockKind,
    daysAgo: (supplier: DemoSupplier) => number,
    note: string,
    except?: string,
  ): DemoPurchase | null => {
    const skus = shop.skus.filter((s) => kindOf(s.code) === kind && supplierOfSku(s).code !== except);
    const supplier = mostCommon(skus.map(supplierOfSku));
    if (!supplier) return null;
    const lines = skus
      .filter((s) => supplierOfSku(s) === supplier)
      .map((s) => {
        const daily = (demand.get(demandKey('main', s.code))?.after ?? 0) / restockDaysAgo;
        return { sku: s.code, quantity: packsUp(daily * (supplier.leadTimeDays + 21), supplier) };
      })
      .filter((l) => l.quantity > 0);
    const sentAt = timeOfDay(now, daysAgo(supplier), 3);
    return lines.length > 0
      ? { supplier: supplier.code, warehouse: 'main', note, sentAt, receivedAt: null, lines }
      : null;
  };
  const late = open(
    'out',
    (s) => s.leadTimeDays + 6,
    '补货，供应商延迟发货 / restock, supplier shipping late',
  );
  const fresh = open('low', () => 2, '补货 / restock', late?.supplier);
  return [late, fresh].filter((p): p is DemoPurchase => p !== null);
}

function mostCommon<T>(items: readonly T[]): T | undefined {
  const counts = new Map<T, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}
