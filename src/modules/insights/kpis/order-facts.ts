import { readJson } from '../../../platform/db/dialect.ts';
import type { InsightsDb } from '../schema.ts';
import { shopClock } from './shop-days.ts';
import { hourMs, type Milestone, milestoneEvents, type Stage, stageSpans } from './stages.ts';

/** Numbers other modules know about orders (refunds, complaints); absent until app.ts fills them. */
export interface InsightsPorts {
  /** Of these orders, the ids with a refund. */
  refundedOrders?: (orderIds: readonly string[]) => Promise<readonly string[]>;
  /** Of these orders, the ids with a complaint. */
  complainedOrders?: (orderIds: readonly string[]) => Promise<readonly string[]>;
}

/** Counted per day: each also per channel, `orders` also per type and status, `held` per reason. */
export const countMetrics = [
  'orders',
  'held',
  'touch_free',
  'cancelled',
  'backordered',
  'exception',
  'shipped',
  'sla_due',
  'sla_hit',
  'promised_delivered',
  'on_time',
  'refunded',
  'complained',
] as const;
export type CountMetric = (typeof countMetrics)[number];

/** Where order-hours are lost: the dimensions a bottleneck finding names. */
export const bottleneckDims = ['channel', 'warehouse', 'carrier', 'team', 'hour', 'weekday'] as const;
export type BottleneckDim = (typeof bottleneckDims)[number];

export const chunkSize = 500;

export interface OrderFacts {
  id: string;
  channel: string;
  type: string;
  status: string;
  team: string;
  placedAt: string;
  shipBy: string | null;
  touched: boolean;
  times: Partial<Record<Milestone, number>>;
  held: boolean;
  holdReasons: Set<string>;
  backordered: boolean;
  shortPicked: boolean;
  cancelled: boolean;
  byPerson: boolean;
  warehouse: string;
  carrier: string;
  promisedBy: string | null;
  deliveredAt: string | null;
}

/** One order's facts from its row, timeline, allocation and shipment: what every daily number uses. */
export async function loadOrderFacts(db: InsightsDb, orderIds: readonly string[]): Promise<OrderFacts[]> {
  const facts: OrderFacts[] = [];
  for (let i = 0; i < orderIds.length; i += chunkSize) {
    const ids = orderIds.slice(i, i + chunkSize);
    const [rows, events, allocations, shipments] = await Promise.all([
      db
        .selectFrom('orders_orders_view')
        .select(['id', 'channel_id', 'type', 'status', 'team', 'placed_at', 'ship_by', 'touched'])
        .where('id', 'in', ids)
        .execute(),
      db
        .selectFrom('orders_order_events_view')
        .select(['order_id', 'type', 'actor_type', 'data', 'at'])
        .where('order_id', 'in', ids)
        .orderBy('at')
        .orderBy('id')
        .execute(),
      db
        .selectFrom('inventory_allocations_view')
        .select(['order_id', 'warehouse_id'])
        .where('order_id', 'in', ids)
        .orderBy('created_at')
        .execute(),
      db
        .selectFrom('logistics_shipments_view')
        .select(['order_id', 'carrier_id', 'promised_by', 'shipped_at', 'delivered_at'])
        .where('order_id', 'in', ids)
        .orderBy('shipped_at')
        .execute(),
    ]);
    const byId = new Map<string, OrderFacts>();
    for (const r of rows) {
      const f: OrderFacts = {
        id: r.id,
        channel: r.channel_id,
        type: r.type,
        status: r.status,
        team: r.team ?? '',
        placedAt: r.placed_at,
        shipBy: r.ship_by,
        touched: Number(r.touched ?? 0) > 0,
        times: {},
        held: false,
        holdReasons: new Set(),
        backordered: false,
        shortPicked: false,
        cancelled: r.status === 'cancelled',
        byPerson: false,
        warehouse: '',
        carrier: '',
        promisedBy: null,
        deliveredAt: null,
      };
      byId.set(r.id, f);
      facts.push(f);
    }
    for (const e of events) {
      const f = byId.get(e.order_id);
      if (!f) continue;
      const milestone = milestoneEvents[e.type];
      if (milestone && f.times[milestone] === undefined) f.times[milestone] = Date.parse(e.at);
      if (e.type === 'held') {
        f.held = true;
        const data = readJson<{ holds?: { code?: string }[] } | null>(e.data);
        for (const h of data?.holds ?? []) if (h.code) f.holdReasons.add(h.code);
      }
      if (e.type === 'backordered') f.backordered = true;
      if (e.type === 'short_pick') f.shortPicked = true;
      if (e.type === 'cancelled') f.cancelled = true;
      if (e.actor_type === 'user' && e.type !== 'received') f.byPerson = true;
    }
    for (const a of allocations) {
      const f = byId.get(a.order_id);
      if (f && !f.warehouse) f.warehouse = a.warehouse_id;
    }
    for (const s of shipments) {
      const f = byId.get(s.order_id);
      if (!f || f.carrier) continue;
      f.carrier = s.carrier_id;
      f.promisedBy = s.promised_by;
      f.deliveredAt = s.delivered_at;
      if (f.times.shipped === undefined) f.times.shipped = Date.parse(s.shipped_at);
      if (f.times.delivered === undefined && s.delivered_at) f.times.delivered = Date.parse(s.delivered_at);
    }
  }
  for (const f of facts) if (f.times.received === undefined) f.times.received = Date.parse(f.placedAt);
  return facts;
}

export function stageHours(f: OrderFacts, stage: Stage): number | null {
  const [a, b] = stageSpans[stage];
  const ta = f.times[a];
  const tb = f.times[b];
  return ta === undefined || tb === undefined ? null : (tb - ta) / hourMs;
}

/** Where a finding's order-hours were lost, per dimension. */
export function dimValue(f: OrderFacts, dim: BottleneckDim, timeZone: string): string {
  if (dim === 'hour') return String(shopClock(f.times.received!, timeZone).hour);
  if (dim === 'weekday') return String(shopClock(f.times.received!, timeZone).weekday);
  return { channel: f.channel, warehouse: f.warehouse, carrier: f.carrier, team: f.team }[dim] || '-';
}

/** The metrics one order counts towards. */
export function orderMetrics(f: OrderFacts, refunded: boolean, complained: boolean): CountMetric[] {
  const m: CountMetric[] = ['orders'];
  if (f.held) m.push('held');
  if (!f.held && !f.touched && !f.byPerson && f.times.approved !== undefined && !f.cancelled)
    m.push('touch_free');
  if (f.cancelled) m.push('cancelled');
  if (f.backordered) m.push('backordered');
  if (f.held || f.backordered || f.shortPicked || f.cancelled) m.push('exception');
  if (f.times.shipped !== undefined) {
    m.push('shipped');
    if (f.shipBy) {
      m.push('sla_due');
      if (f.times.shipped <= Date.parse(f.shipBy)) m.push('sla_hit');
    }
  }
  if (f.promisedBy && f.deliveredAt) {
    m.push('promised_delivered');
    if (f.deliveredAt <= f.promisedBy || Date.parse(f.deliveredAt) <= Date.parse(f.promisedBy))
      m.push('on_time');
  }
  if (refunded) m.push('refunded');
  if (complained) m.push('complained');
  return m;
}
