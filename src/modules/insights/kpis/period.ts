import type { Database } from '../../../platform/db/database.ts';
import { insightsDb } from '../schema.ts';
import { mergeSorted, percentileCont, type Stage, sketchPercentile, stages } from './stages.ts';

/** Above this many durations in a period a stage's percentiles come from the sketches (±2%). */
export const exactSamples = 20_000;

import { type CountMetric, countMetrics } from './summaries.ts';

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
}

const round = (n: number) => Math.round(n * 10_000) / 10_000;
const ratio = (a: number, b: number) => (b === 0 ? null : round(a / b));

/** A period's figures, combined from its days' summaries (never from the orders themselves). */
export async function periodSummary(
  database: Database,
  filter: PeriodFilter,
  options: { stages?: boolean } = {},
): Promise<PeriodSummary> {
  const db = insightsDb(database);
  const channelDim = filter.channel ? 'channel' : '';
  const channelValue = filter.channel ?? '';
  // One channel needs only its own rows; the whole shop also its type, status and reason splits.
  const dims = filter.channel ? ['channel'] : ['', 'channel', 'type', 'status', 'reason'];
  let query = db
    .selectFrom('insights_daily_counts')
    .select(['day', 'metric', 'dim', 'dim_value', 'value'])
    .where('day', '>=', filter.from)
    .where('day', '<', filter.to)
    .where('dim', 'in', dims);
  if (filter.channel) query = query.where('dim_value', '=', filter.channel);
  const rows = await query.execute();
  const counts = Object.fromEntries(countMetrics.map((m) => [m, 0])) as Record<CountMetric, number>;
  const byDay = new Map<
    string,
    { day: string; orders: number; shipped: number; held: number; cancelled: number }
  >();
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
    const d = byDay.get(r.day) ?? { day: r.day, orders: 0, shipped: 0, held: 0, cancelled: 0 };
    if (r.metric === 'orders' || r.metric === 'shipped' || r.metric === 'held' || r.metric === 'cancelled')
      d[r.metric] += value;
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
  // How many durations each stage has decides where its percentiles come from: up to
  // exactSamples from every sample, beyond that from the merged per-day sketches.
  if (options.stages === false) {
    const none = { n: 0, p50: null, p90: null, exact: true };
    return {
      ...base(),
      stages: Object.fromEntries(stages.map((st) => [st, none])) as Record<Stage, StageFigures>,
    };
  }
  const sizes = await db
    .selectFrom('insights_daily_samples')
    .select((eb) => ['stage', eb.fn.sum<number>('n').as('n')])
    .where('day', '>=', filter.from)
    .where('day', '<', filter.to)
    .where('channel', '=', channelValue)
    .groupBy('stage')
    .execute();
  const sizeOf = new Map(sizes.map((r) => [r.stage, Number(r.n)]));
  const exactStages = stages.filter((stage) => (sizeOf.get(stage) ?? 0) <= exactSamples);
  const sketchStages = stages.filter((stage) => (sizeOf.get(stage) ?? 0) > exactSamples);
  const exact = new Map<string, number[][]>();
  const sketches = new Map<string, Record<string, number>[]>();
  for (const [wanted, column] of [
    [exactStages, 'samples'],
    [sketchStages, 'sketch'],
  ] as const) {
    if (wanted.length === 0) continue;
    const rows = await db
      .selectFrom('insights_daily_samples')
      .select(['stage', column])
      .where('day', '>=', filter.from)
      .where('day', '<', filter.to)
      .where('channel', '=', channelValue)
      .where('stage', 'in', wanted)
      .execute();
    for (const r of rows as { stage: string; samples?: string; sketch?: string }[]) {
      if (column === 'samples') {
        const list = exact.get(r.stage) ?? [];
        list.push(JSON.parse(r.samples!) as number[]);
        exact.set(r.stage, list);
      } else {
        const list = sketches.get(r.stage) ?? [];
        list.push(JSON.parse(r.sketch!) as Record<string, number>);
        sketches.set(r.stage, list);
      }
    }
  }
  const stageFigures = Object.fromEntries(
    stages.map((stage) => {
      const isExact = exactStages.includes(stage);
      const all = isExact ? mergeSorted(exact.get(stage) ?? []) : [];
      const merged = sketches.get(stage) ?? [];
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
  return { ...base(), stages: stageFigures };
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
