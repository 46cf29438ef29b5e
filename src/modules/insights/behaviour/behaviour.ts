import type { Database } from '../../../platform/db/database.ts';
import { dayMs } from '../kpis/stages.ts';
import { insightsDb } from '../schema.ts';

/** A customer across channels: the phone's digits (country code 86 dropped), else the lower-cased e-mail. */
export function customerKey(phone: string | null, email: string | null): string | null {
  const digits = (phone ?? '').replace(/\D/g, '');
  if (digits.length >= 6)
    return `p:${digits.length === 13 && digits.startsWith('86') ? digits.slice(2) : digits}`;
  const mail = (email ?? '').trim().toLowerCase();
  return mail.includes('@') ? `e:${mail}` : null;
}

export const rfmSegments = ['champions', 'loyal', 'new', 'at_risk', 'hibernating', 'others'] as const;
export type RfmSegment = (typeof rfmSegments)[number];

/** Scores 1..5 on each axis (5 best); the segment names follow the usual RFM grid. */
export function rfmSegment(r: number, f: number): RfmSegment {
  if (r >= 4 && f >= 4) return 'champions';
  if (f >= 4) return 'loyal';
  if (r >= 4 && f <= 1) return 'new';
  if (r <= 2 && f >= 2) return 'at_risk';
  if (r <= 2) return 'hibernating';
  return 'others';
}

/** Quintile score of a value among all values (ascending: bigger is better unless `lowerIsBetter`). */
function quintile(sorted: readonly number[], value: number, lowerIsBetter = false): number {
  if (sorted.length <= 1) return 3;
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  const rank = lo / (sorted.length - 1);
  const score = Math.min(5, Math.floor(rank * 5) + 1);
  return lowerIsBetter ? 6 - score : score;
}

export interface Behaviour {
  from: string;
  to: string;
  orders: number;
  customers: number;
  repeatCustomers: number;
  repeatRate: number | null;
  basket: {
    avgUnits: number | null;
    avgLines: number | null;
    avgValue: string | null;
    currency: string | null;
  };
  segments: { segment: RfmSegment; customers: number; orders: number; value: string }[];
  affinity: {
    skuA: string;
    skuB: string;
    orders: number;
    support: number;
    confidence: number;
    lift: number;
  }[];
  byHour: { hour: number; orders: number }[];
  byWeekday: { weekday: number; orders: number }[];
  regions: { province: string; city: string; orders: number }[];
}

const money = (minor: number) => (minor / 100).toFixed(2);
const round = (n: number, digits = 4) => Math.round(n * 10 ** digits) / 10 ** digits;

/** Buying behaviour of the customers who ordered in the period (orders placed in it only). */
export async function customerBehaviour(
  database: Database,
  period: { from: string; to: string },
): Promise<Behaviour> {
  const db = insightsDb(database);
  const orders = await db
    .selectFrom('orders_orders_view')
    .select([
      'id',
      'placed_at',
      'customer_phone',
      'customer_email',
      'total_minor',
      'currency',
      'ship_province',
      'ship_city',
      'status',
    ])
    .where('placed_at', '>=', `${period.from}T00:00:00.000Z`)
    .where('placed_at', '<', `${period.to}T00:00:00.000Z`)
    .where('status', '!=', 'cancelled')
    .execute();
  const end = Date.parse(`${period.to}T00:00:00.000Z`);
  const skusOf = new Map<string, Set<string>>();
  let units = 0;
  let lines = 0;
  for (let i = 0; i < orders.length; i += 500) {
    const rows = await db
      .selectFrom('orders_order_lines_view')
      .select(['order_id', 'sku', 'quantity'])
      .where(
        'order_id',
        'in',
        orders.slice(i, i + 500).map((o) => o.id),
      )
      .execute();
    for (const l of rows) {
      units += Number(l.quantity);
      lines += 1;
      const set = skusOf.get(l.order_id) ?? new Set<string>();
      set.add(l.sku);
      skusOf.set(l.order_id, set);
    }
  }
  type Customer = { orders: number; value: number; last: number };
  const customers = new Map<string, Customer>();
  const byHour = Array.from({ length: 24 }, (_, hour) => ({ hour, orders: 0 }));
  const byWeekday = Array.from({ length: 7 }, (_, weekday) => ({ weekday, orders: 0 }));
  const regions = new Map<string, { province: string; city: string; orders: number }>();
  let value = 0;
  for (const o of orders) {
    const at = new Date(o.placed_at);
    byHour[at.getUTCHours()]!.orders += 1;
    byWeekday[at.getUTCDay()]!.orders += 1;
    value += Number(o.total_minor);
    const province = o.ship_province ?? '';
    const regionKey = `${province}\u0000${o.ship_city}`;
    const region = regions.get(regionKey) ?? { province, city: o.ship_city, orders: 0 };
    region.orders += 1;
    regions.set(regionKey, region);
    const key = customerKey(o.customer_phone, o.customer_email);
    if (!key) continue;
    const c = customers.get(key) ?? { orders: 0, value: 0, last: 0 };
    c.orders += 1;
    c.value += Number(o.total_minor);
    c.last = Math.max(c.last, at.getTime());
    customers.set(key, c);
  }
  const list = [...customers.values()];
  const recencies = list.map((c) => (end - c.last) / dayMs).sort((a, b) => a - b);
  const frequencies = list.map((c) => c.orders).sort((a, b) => a - b);
  const segments = new Map<RfmSegment, { customers: number; orders: number; value: number }>(
    rfmSegments.map((s) => [s, { customers: 0, orders: 0, value: 0 }]),
  );
  for (const c of list) {
    const r = quintile(recencies, (end - c.last) / dayMs, true);
    // One order is the lowest frequency whatever its rank among many one-time buyers.
    const f = c.orders === 1 ? 1 : quintile(frequencies, c.orders);
    const s = segments.get(rfmSegment(r, f))!;
    s.customers += 1;
    s.orders += c.orders;
    s.value += c.value;
  }
  // Bought together: pairs of SKUs in the same order, with support, confidence (A→B) and lift.
  const skuOrders = new Map<string, number>();
  const pairs = new Map<string, number>();
  for (const set of skusOf.values()) {
    const skus = [...set].sort();
    for (const s of skus) skuOrders.set(s, (skuOrders.get(s) ?? 0) + 1);
    if (skus.length > 30) continue;
    for (let a = 0; a < skus.length; a++)
      for (let b = a + 1; b < skus.length; b++) {
        const key = `${skus[a]}\u0000${skus[b]}`;
        pairs.set(key, (pairs.get(key) ?? 0) + 1);
      }
  }
  const n = skusOf.size;
  const affinity = [...pairs]
    .filter(([, count]) => count >= 2)
    .map(([key, count]) => {
      const [skuA, skuB] = key.split('\u0000') as [string, string];
      const a = skuOrders.get(skuA)!;
      const b = skuOrders.get(skuB)!;
      return {
        skuA,
        skuB,
        orders: count,
        support: round(count / n),
        confidence: round(count / a),
        lift: round((count * n) / (a * b)),
      };
    })
    .sort((x, y) => y.orders - x.orders || y.lift - x.lift || x.skuA.localeCompare(y.skuA))
    .slice(0, 50);
  const repeatCustomers = list.filter((c) => c.orders >= 2).length;
  return {
    from: period.from,
    to: period.to,
    orders: orders.length,
    customers: list.length,
    repeatCustomers,
    repeatRate: list.length === 0 ? null : round(repeatCustomers / list.length),
    basket: {
      avgUnits: orders.length === 0 ? null : round(units / orders.length, 2),
      avgLines: orders.length === 0 ? null : round(lines / orders.length, 2),
      avgValue: orders.length === 0 ? null : money(Math.round(value / orders.length)),
      currency: orders[0]?.currency ?? null,
    },
    segments: [...segments].map(([segment, s]) => ({
      segment,
      customers: s.customers,
      orders: s.orders,
      value: money(s.value),
    })),
    affinity,
    byHour,
    byWeekday,
    regions: [...regions.values()]
      .sort((a, b) => b.orders - a.orders || a.city.localeCompare(b.city))
      .slice(0, 30),
  };
}
