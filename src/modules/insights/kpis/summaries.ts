import type { Clock } from '../../../platform/clock.ts';
import type { Database } from '../../../platform/db/database.ts';
import { isUniqueViolation, readJson } from '../../../platform/db/dialect.ts';
import { type InsightsDb, insightsDb } from '../schema.ts';
import {
  addDays,
  dayMs,
  dayOfIso,
  flowStages,
  hourMs,
  type Milestone,
  milestoneEvents,
  type Stage,
  sketchOf,
  stageSpans,
  stages,
} from './stages.ts';

/** Numbers other modules know about orders (refunds, complaints); absent until app.ts fills them. */
export interface InsightsPorts {
  /** Of these orders, the ids with a refund. */
  refundedOrders?: (orderIds: readonly string[]) => Promise<readonly string[]>;
  /** Of these orders, the ids with a complaint. */
  complainedOrders?: (orderIds: readonly string[]) => Promise<readonly string[]>;
}

export interface SummaryDeps {
  database: Database;
  clock: Clock;
  ports?: InsightsPorts;
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

const chunkSize = 500;
const stateKey = 'event_cursor';
/** Events committed out of id order by concurrent transactions are caught by re-reading this far back. */
const overlapMs = 5 * 60_000;
/** Event-driven refreshes are gathered this long. */
const wakeDelayMs = 10_000;

interface OrderFacts {
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
export function dimValue(f: OrderFacts, dim: BottleneckDim): string {
  if (dim === 'hour') return String(new Date(f.times.received!).getUTCHours());
  if (dim === 'weekday') return String(new Date(f.times.received!).getUTCDay());
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

interface DayRows {
  counts: { day: string; metric: string; dim: string; dim_value: string; value: number }[];
  samples: { day: string; stage: string; channel: string; n: number; samples: string; sketch: string }[];
  stageHours: { day: string; stage: string; dim: string; dim_value: string; n: number; hours: number }[];
}

/** Everything summarised for one day of placement, from the orders placed that day. */
export async function computeDay(deps: SummaryDeps, day: string): Promise<DayRows> {
  const db = insightsDb(deps.database);
  const from = `${day}T00:00:00.000Z`;
  const to = `${addDays(day, 1)}T00:00:00.000Z`;
  const ids = (
    await db
      .selectFrom('orders_orders_view')
      .select('id')
      .where('placed_at', '>=', from)
      .where('placed_at', '<', to)
      .orderBy('id')
      .execute()
  ).map((r) => r.id);
  const facts = await loadOrderFacts(db, ids);
  const refunded = new Set(deps.ports?.refundedOrders ? await deps.ports.refundedOrders(ids) : []);
  const complained = new Set(deps.ports?.complainedOrders ? await deps.ports.complainedOrders(ids) : []);

  const counts = new Map<string, number>();
  const bump = (metric: string, dim: string, value: string) => {
    const key = `${metric}\u0000${dim}\u0000${value}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  };
  const samples = new Map<string, number[]>();
  const hours = new Map<string, { n: number; hours: number }>();
  for (const f of facts) {
    for (const metric of orderMetrics(f, refunded.has(f.id), complained.has(f.id))) {
      bump(metric, '', '');
      bump(metric, 'channel', f.channel);
      if (metric === 'promised_delivered' || metric === 'on_time') bump(metric, 'carrier', f.carrier || '-');
    }
    bump('orders', 'type', f.type);
    bump('orders', 'status', f.status);
    for (const reason of f.holdReasons) bump('held', 'reason', reason);
    for (const stage of stages) {
      const h = stageHours(f, stage);
      if (h === null) continue;
      for (const channel of ['', f.channel]) {
        const key = `${stage}\u0000${channel}`;
        const list = samples.get(key) ?? [];
        list.push(h);
        samples.set(key, list);
      }
      if (!flowStages.includes(stage)) continue;
      for (const dim of ['', ...bottleneckDims] as const) {
        const key = `${stage}\u0000${dim}\u0000${dim === '' ? '' : dimValue(f, dim)}`;
        const acc = hours.get(key) ?? { n: 0, hours: 0 };
        acc.n += 1;
        acc.hours += h;
        hours.set(key, acc);
      }
    }
  }
  return {
    counts: [...counts].map(([key, value]) => {
      const [metric, dim, dim_value] = key.split('\u0000') as [string, string, string];
      return { day, metric, dim, dim_value, value };
    }),
    samples: [...samples].map(([key, list]) => {
      const [stage, channel] = key.split('\u0000') as [string, string];
      list.sort((a, b) => a - b);
      const rounded = list.map((h) => Math.round(h * 1e6) / 1e6);
      return {
        day,
        stage,
        channel,
        n: rounded.length,
        samples: JSON.stringify(rounded),
        sketch: JSON.stringify(sketchOf(rounded)),
      };
    }),
    stageHours: [...hours].map(([key, acc]) => {
      const [stage, dim, dim_value] = key.split('\u0000') as [string, string, string];
      return { day, stage, dim, dim_value, n: acc.n, hours: acc.hours };
    }),
  };
}

async function insertChunked(db: InsightsDb, rows: DayRows): Promise<void> {
  for (let i = 0; i < rows.counts.length; i += 200)
    await db
      .insertInto('insights_daily_counts')
      .values(rows.counts.slice(i, i + 200))
      .execute();
  for (let i = 0; i < rows.samples.length; i += 200)
    await db
      .insertInto('insights_daily_samples')
      .values(rows.samples.slice(i, i + 200))
      .execute();
  for (let i = 0; i < rows.stageHours.length; i += 200)
    await db
      .insertInto('insights_daily_stage_hours')
      .values(rows.stageHours.slice(i, i + 200))
      .execute();
}

export function createSummaries(deps: SummaryDeps) {
  const db = insightsDb(deps.database);
  let running: Promise<{ days: string[] }> | null = null;
  let again = false;

  /** Recomputes the given days: each day's rows are replaced in one transaction. */
  async function recomputeDays(days: readonly string[]): Promise<void> {
    for (const day of days) {
      const rows = await computeDay(deps, day);
      await replaceDay(day, rows).catch((error) => {
        // Another worker wrote the same day at the same moment: its rows are as good as ours.
        if (!isUniqueViolation(error)) throw error;
      });
    }
  }

  async function replaceDay(day: string, rows: DayRows): Promise<void> {
    await db.transaction().execute(async (tx) => {
      for (const table of [
        'insights_daily_counts',
        'insights_daily_samples',
        'insights_daily_stage_hours',
      ] as const)
        await tx.deleteFrom(table).where('day', '=', day).execute();
      await insertChunked(tx, rows);
    });
  }

  async function readCursor(): Promise<string | null> {
    const row = await db
      .selectFrom('insights_state')
      .select('value')
      .where('key', '=', stateKey)
      .executeTakeFirst();
    return row?.value ?? null;
  }

  async function writeCursor(value: string): Promise<void> {
    await db
      .insertInto('insights_state')
      .values({ key: stateKey, value })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
      .execute();
  }

  /** Every day with orders, recomputed from scratch. */
  async function recomputeAll(): Promise<{ days: string[] }> {
    const top = await db
      .selectFrom('orders_order_events_view')
      .select((eb) => eb.fn.max('id').as('id'))
      .executeTakeFirst();
    const range = await db
      .selectFrom('orders_orders_view')
      .select((eb) => [eb.fn.min('placed_at').as('first'), eb.fn.max('placed_at').as('last')])
      .executeTakeFirst();
    for (const table of [
      'insights_daily_counts',
      'insights_daily_samples',
      'insights_daily_stage_hours',
    ] as const)
      await db.deleteFrom(table).execute();
    const days: string[] = [];
    if (range?.first && range.last) {
      for (let d = dayOfIso(String(range.first)); d <= dayOfIso(String(range.last)); d = addDays(d, 1))
        days.push(d);
    }
    await recomputeDays(days);
    if (top?.id) await writeCursor(String(top.id));
    return { days };
  }

  /** The days whose orders have timeline events since the last run, recomputed. */
  async function refreshOnce(): Promise<{ days: string[] }> {
    const cursor = await readCursor();
    if (cursor === null) return recomputeAll();
    const since = lowerCursor(cursor, overlapMs);
    const touched = await db
      .selectFrom('orders_order_events_view')
      .select(['id', 'order_id'])
      .where('id', '>', since)
      .execute();
    if (touched.length === 0) return { days: [] };
    const orderIds = [...new Set(touched.map((t) => t.order_id))];
    const days = new Set<string>();
    for (let i = 0; i < orderIds.length; i += chunkSize) {
      const rows = await db
        .selectFrom('orders_orders_view')
        .select('placed_at')
        .where('id', 'in', orderIds.slice(i, i + chunkSize))
        .execute();
      for (const r of rows) days.add(dayOfIso(r.placed_at));
    }
    const sorted = [...days].sort();
    await recomputeDays(sorted);
    const top = touched.reduce((max, t) => (t.id > max ? t.id : max), cursor);
    await writeCursor(top);
    return { days: sorted };
  }

  /** One refresh at a time; a call while one runs makes it run once more after. */
  function refresh(): Promise<{ days: string[] }> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        let result = await refreshOnce();
        while (again) {
          again = false;
          const more = await refreshOnce();
          result = { days: [...new Set([...result.days, ...more.days])].sort() };
        }
        return result;
      } finally {
        running = null;
      }
    })();
    return running;
  }

  let wakeTimer: NodeJS.Timeout | null = null;
  /**
   * An order changed: refresh soon, at most once per `wakeDelayMs` however many events arrive
   * (a busy intake would otherwise recompute today's summaries without pause).
   */
  function wake(): void {
    if (wakeTimer) return;
    wakeTimer = setTimeout(() => {
      wakeTimer = null;
      void refresh().catch(() => {
        // The scheduled run tries again; a closed database at shutdown is no error.
      });
    }, wakeDelayMs);
    wakeTimer.unref();
  }

  return { refresh, wake, recomputeAll, recomputeDays };
}

/** A uuidv7-ordered id bound `ms` before the given id's own time: ids compare as text. */
export function lowerCursor(id: string, ms: number): string {
  const hex = id.replace(/-/g, '').slice(0, 12);
  if (!/^[0-9a-f]{12}$/.test(hex)) return '';
  const at = Math.max(0, Number.parseInt(hex, 16) - ms);
  const h = at.toString(16).padStart(12, '0');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}`;
}

export const summariesDayMs = dayMs;
export type Summaries = ReturnType<typeof createSummaries>;
