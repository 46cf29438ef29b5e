import type { Database } from '../../../platform/db/database.ts';
import { insightsDb } from '../schema.ts';
import { type CountMetric, countMetrics } from './order-facts.ts';
import {
  byDaysOnly,
  mergeSketch,
  readCounts,
  readSketches,
  type SplitPeriod,
  splitPeriod,
} from './rollups.ts';
import { mergeSorted, percentileCont, type Stage, sketchPercentile, stages } from './stages.ts';

/** Above this many durations in a period a stage's percentiles come from the sketches (±2%). */
export const exactSamples = 20_000;

export interface PeriodFilter {
  from: string;
  /** Exclusive. */
  to: string;
  channel?: string;
}

export interface KpiDefinition {
  key: string;
  name: string;
  formula: string;
  unit: string;
  goodDirection: 'up' | 'down';
  target: number | null;
}

export interface StageFigures {
  n: number;
  p50: number | null;
  p90: number | null;
  /** False when the percentiles come from the sketches (within 2%). */
  exact: boolean;
}

export interface PeriodSummary {
  from: string;
  to: string;
  channel: string | null;
  counts: Record<CountMetric, number>;
  byDay: { day: string; orders: number; shipped: number; held: number; cancelled: number }[];
  byChannel: Record<string, number>;
  byType: Record<string, number>;
  byStatus: Record<string, number>;
  holdsByReason: Record<string, number>;
  stages: Record<Stage, StageFigures>;
  /** SKU-days out of stock over the period (from inventory), for the stock-out rate. */
  stock?: StockOuts | null;
}

export interface StockOuts {
  skuDays: number;
  outDays: number;
  rate: number | null;
}

type DayVolume = { day: string; orders: number; shipped: number; held: number; cancelled: number };
const dayMetrics = ['orders', 'shipped', 'held', 'cancelled'] as const;

const round = (n: number) => Math.round(n * 10_000) / 10_000;
const ratio = (a: number, b: number) => (b === 0 ? null : round(a / b));

/**
 * A period's figures, combined from its summaries (never from the orders themselves): whole
 * months from the monthly rollups, the days around them from the daily rows. `rollups: false`
 * reads every day instead (the same figures, slower; for checking the rollups).
 */
export async function periodSummary(
  database: Database,
  filter: PeriodFilter,
  options: { stages?: boolean; rollups?: boolean } = {},
): Promise<PeriodSummary> {
  const db = insightsDb(database);
  const split =
    options.rollups === false ? byDaysOnly(filter.from, filter.to) : splitPeriod(filter.from, filter.to);
  const channelDim = filter.channel ? 'channel' : '';
  const channelValue = filter.channel ?? '';
  // One channel needs only its own rows; the whole shop also its type, status and reason splits.
  const dims = filter.channel ? ['channel'] : ['', 'channel', 'type', 'status', 'reason'];
  const [rows, dayRows] = await Promise.all([
    readCounts(db, split, dims, filter.channel),
    // The volume per day: four metrics of the one slice, by day over the whole period.
    db
      .selectFrom('insights_daily_counts')
      .select(['day', 'metric', 'value'])
      .where('day', '>=', filter.from)
      .where('day', '<', filter.to)
      .where('dim', '=', channelDim)
      .where('dim_value', '=', channelValue)
      .where('metric', 'in', dayMetrics)
      .execute(),
  ]);
  const counts = Object.fromEntries(countMetrics.map((m) => [m, 0])) as Record<CountMetric, number>;
  const byDay = new Map<string, DayVolume>();
  const byChannel: Record<string, number> = {};
  const byType: Record<string, number> = {};
  const byStatus: Record<string, number> = {};
  const holdsByReason: Record<string, number> = {};
  for (const r of rows) {
    const value = Number(r.value);
    if (r.dim === 'channel' && r.metric === 'orders')
      byChannel[r.dim_value] = (byChannel[r.dim_value] ?? 0) + value;
    // Type, status and reason splits are kept for the whole shop, not per channel.
    if (!filter.channel) {
      if (r.dim === 'type') byType[r.dim_value] = (byType[r.dim_value] ?? 0) + value;
      if (r.dim === 'status') byStatus[r.dim_value] = (byStatus[r.dim_value] ?? 0) + value;
      if (r.dim === 'reason') holdsByReason[r.dim_value] = (holdsByReason[r.dim_value] ?? 0) + value;
    }
    if (r.dim !== channelDim || r.dim_value !== channelValue) continue;
    if ((countMetrics as readonly string[]).includes(r.metric)) counts[r.metric as CountMetric] += value;
  }
  for (const r of dayRows) {
    const d = byDay.get(r.day) ?? { day: r.day, orders: 0, shipped: 0, held: 0, cancelled: 0 };
    d[r.metric as (typeof dayMetrics)[number]] += Number(r.value);
    byDay.set(r.day, d);
  }
  const base = () => ({
    from: filter.from,
    to: filter.to,
    channel: filter.channel ?? null,
    counts,
    byDay: [...byDay.values()].sort((a, b) => a.day.localeCompare(b.day)),
    byChannel,
    byType,
    byStatus,
    holdsByReason,
  });
  if (options.stages === false) {
    const none = { n: 0, p50: null, p90: null, exact: true };
    return {
      ...base(),
      stages: Object.fromEntries(stages.map((st) => [st, none])) as Record<Stage, StageFigures>,
    };
  }
  return { ...base(), stages: await stageFiguresOf(database, filter, split) };
}

/**
 * How many durations each stage has decides where its percentiles come from: up to
 * exactSamples from every sample (by day), beyond that from the merged sketches (days and months).
 */
async function stageFiguresOf(
  database: Database,
  filter: PeriodFilter,
  split: SplitPeriod,
): Promise<Record<Stage, StageFigures>> {
  const db = insightsDb(database);
  const channel = filter.channel ?? '';
  const sizeOf = new Map<string, number>();
  for (const r of await readSketches(db, split, channel, 'n'))
    sizeOf.set(r.stage, (sizeOf.get(r.stage) ?? 0) + Number(r.n));
  const exactStages = stages.filter((stage) => (sizeOf.get(stage) ?? 0) <= exactSamples);
  const sketchStages = stages.filter((stage) => (sizeOf.get(stage) ?? 0) > exactSamples);
  const exact = new Map<string, number[][]>();
  const sketches = new Map<string, Record<string, number>>();
  const [sampleRows, sketchRows] = await Promise.all([
    exactStages.length === 0
      ? []
      : db
          .selectFrom('insights_daily_samples')
          .select(['stage', 'samples'])
          .where('day', '>=', filter.from)
          .where('day', '<', filter.to)
          .where('channel', '=', channel)
          .where('stage', 'in', exactStages)
          .execute(),
    sketchStages.length === 0 ? [] : readSketches(db, split, channel, 'sketch', sketchStages),
  ]);
  for (const r of sampleRows) {
    const list = exact.get(r.stage) ?? [];
    list.push(JSON.parse(r.samples) as number[]);
    exact.set(r.stage, list);
  }
  for (const r of sketchRows) {
    const merged = sketches.get(r.stage) ?? {};
    mergeSketch(merged, JSON.parse(r.sketch!) as Record<string, number>);
    sketches.set(r.stage, merged);
  }
  return Object.fromEntries(
    stages.map((stage) => {
      const isExact = exactStages.includes(stage);
      const all = isExact ? mergeSorted(exact.get(stage) ?? []) : [];
      const merged = [sketches.get(stage) ?? {}];
      const p50 = isExact ? percentileCont(all, 0.5) : sketchPercentile(merged, 0.5);
      const p90 = isExact ? percentileCont(all, 0.9) : sketchPercentile(merged, 0.9);
      return [
        stage,
        {
          n: sizeOf.get(stage) ?? 0,
          p50: p50 === null ? null : round(p50),
          p90: p90 === null ? null : round(p90),
          exact: isExact,
        },
      ];
    }),
  ) as Record<Stage, StageFigures>;
}

/** A KPI's value for a period, by its formula key. Rates are 0..1, durations hours; null = no base. */
export function kpiValue(formula: string, s: PeriodSummary): number | null {
  const c = s.counts;
  switch (formula) {
    case 'orders_received':
      return c.orders;
    case 'touch_free_rate':
      return ratio(c.touch_free, c.orders);
    case 'hold_rate':
      return ratio(c.held, c.orders);
    case 'sla_hit_rate':
      return ratio(c.sla_hit, c.sla_due);
    case 'exception_rate':
      return ratio(c.exception, c.orders);
    case 'cancel_rate':
      return ratio(c.cancelled, c.orders);
    case 'refund_rate':
      return ratio(c.refunded, c.orders);
    case 'complaint_rate':
      return ratio(c.complained, c.orders);
    case 'backorder_rate':
      return ratio(c.backordered, c.orders);
    case 'stock_out_rate':
      return s.stock?.rate ?? null;
    case 'carrier_on_time_rate':
      return ratio(c.on_time, c.promised_delivered);
    case 'received_to_shipped_p50':
      return s.stages.receivedToShipped.p50;
    case 'received_to_shipped_p90':
      return s.stages.receivedToShipped.p90;
    case 'received_to_delivered_p50':
      return s.stages.receivedToDelivered.p50;
    default:
      return null;
  }
}

/** The formula keys a definition may name. */
export const kpiFormulas = [
  'orders_received',
  'touch_free_rate',
  'hold_rate',
  'sla_hit_rate',
  'exception_rate',
  'cancel_rate',
  'refund_rate',
  'complaint_rate',
  'backorder_rate',
  'stock_out_rate',
  'carrier_on_time_rate',
  'received_to_shipped_p50',
  'received_to_shipped_p90',
  'received_to_delivered_p50',
] as const;

export async function listDefinitions(database: Database): Promise<KpiDefinition[]> {
  const rows = await insightsDb(database)
    .selectFrom('insights_kpi_definitions')
    .selectAll()
    .orderBy('key')
    .execute();
  return rows.map((r) => ({
    key: r.key,
    name: r.name,
    formula: r.formula,
    unit: r.unit,
    goodDirection: r.good_direction === 'down' ? 'down' : 'up',
    target: r.target === null ? null : Number(r.target),
  }));
}
