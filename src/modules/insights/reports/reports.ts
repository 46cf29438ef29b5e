import type { Clock } from '../../../platform/clock.ts';
import type { Database } from '../../../platform/db/database.ts';
import { percentileCont, round6 } from './percentile.ts';
import { lastWeek, type Period, periodOf, sameWeekLastYear, weekPeriod, weeksBefore } from './periods.ts';
import {
  type MilestoneRow,
  reportsRepository as repo,
  type Stage,
  stagePairs,
} from './reports.repository.ts';

export interface StageFigures {
  n: number;
  p50: number;
  p90: number;
}

/** CONTRACT.md "Reports": the figures of one period. */
export interface PeriodReport {
  from: string;
  to: string;
  timeZone: string;
  /** The instants the period starts and ends at (UTC, end exclusive). */
  start: string;
  end: string;
  orders: { received: number; byStatus: Record<string, number>; byChannel: Record<string, number> };
  stageHours: Record<Stage, StageFigures>;
  delivery: { delivered: number; late: number; withPromise: number; lateRate: number };
}

/** A week's row in the weekly pack's comparisons. */
export interface WeekSummary {
  week: string;
  from: string;
  to: string;
  received: number;
  delivered: number;
  late: number;
  lateRate: number;
  receivedToDeliveredP50: number;
  receivedToDeliveredP90: number;
}

export interface WeeklyReport extends PeriodReport {
  week: string;
  /** The four weeks before, most recent first. */
  previousWeeks: WeekSummary[];
  /** Averages of the four weeks before (received, delivered, late rate, p50 receivedToDelivered). */
  previousAverage: { received: number; delivered: number; lateRate: number; receivedToDeliveredP50: number };
  lastYear: WeekSummary;
  /** Orders placed in the week that were held, by reason code (an order may count under several). */
  exceptions: { heldOrders: number; byReason: Record<string, number> };
}

export interface ReportsDeps {
  /** Where reports read: the read replica (DATABASE_READ_URL) when there is one. */
  database: Database;
  clock: Clock;
  /** The shop's time zone (order settings' business calendar). */
  shopTimeZone: () => Promise<string>;
}

/** Reached delivered: a delivery on its timeline, or recorded as delivered (history without the time). */
const reachedDelivered = (row: MilestoneRow) => row.delivered_at !== null || row.status === 'delivered';

const stageEntries = Object.entries(stagePairs) as [
  Stage,
  readonly [keyof MilestoneRow, keyof MilestoneRow],
][];

/** Figures of a sample: n and p50/p90 by linear interpolation; an empty sample reports 0s. */
export function stageFigures(values: number[]): StageFigures {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: round6(percentileCont(sorted, 0.5) ?? 0),
    p90: round6(percentileCont(sorted, 0.9) ?? 0),
  };
}

/** Stage durations in hours over delivered orders that have both milestones, as recorded (negatives kept). */
export function stageSamples(rows: readonly MilestoneRow[]): Record<Stage, number[]> {
  const samples = Object.fromEntries(Object.keys(stagePairs).map((s) => [s, [] as number[]])) as Record<
    Stage,
    number[]
  >;
  // Each milestone parsed once per order, not once per stage it bounds: a week at a million
  // orders is some 20,000 rows.
  const at: Partial<Record<keyof MilestoneRow, number>> = {};
  for (const row of rows) {
    if (!reachedDelivered(row)) continue;
    for (const column of ['received_at', 'approved_at', 'shipped_at', 'delivered_at'] as const) {
      const value = row[column];
      at[column] = value ? Date.parse(value) : undefined;
    }
    for (const [stage, [from, to]] of stageEntries) {
      const start = at[from];
      const end = at[to];
      if (start !== undefined && end !== undefined) samples[stage].push((end - start) / 3_600_000);
    }
  }
  return samples;
}

/** Computes a period's report from its orders' rows (no I/O: the SQL only selects). */
export function reportOf(period: Period, rows: readonly MilestoneRow[]): PeriodReport {
  const byStatus: Record<string, number> = {};
  const byChannel: Record<string, number> = {};
  let delivered = 0;
  let late = 0;
  let withPromise = 0;
  for (const row of rows) {
    byStatus[row.status] = (byStatus[row.status] ?? 0) + 1;
    byChannel[row.channel_id] = (byChannel[row.channel_id] ?? 0) + 1;
    if (!reachedDelivered(row)) continue;
    delivered += 1;
    // Lateness needs both times: a delivery without a recorded time cannot be judged.
    if (row.promised_at && row.delivered_at) {
      withPromise += 1;
      if (Date.parse(row.delivered_at) > Date.parse(row.promised_at)) late += 1;
    }
  }
  const samples = stageSamples(rows);
  const stageHours = Object.fromEntries(
    (Object.keys(stagePairs) as Stage[]).map((stage) => [stage, stageFigures(samples[stage])]),
  ) as Record<Stage, StageFigures>;
  return {
    from: period.from,
    to: period.to,
    timeZone: period.timeZone,
    start: period.start,
    end: period.end,
    orders: { received: rows.length, byStatus: sorted(byStatus), byChannel: sorted(byChannel) },
    stageHours,
    delivery: { delivered, late, withPromise, lateRate: withPromise === 0 ? 0 : round6(late / withPromise) },
  };
}

const sorted = (counts: Record<string, number>) =>
  Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));

function summaryOf(week: string, report: PeriodReport): WeekSummary {
  return {
    week,
    from: report.from,
    to: report.to,
    received: report.orders.received,
    delivered: report.delivery.delivered,
    late: report.delivery.late,
    lateRate: report.delivery.lateRate,
    receivedToDeliveredP50: report.stageHours.receivedToDelivered.p50,
    receivedToDeliveredP90: report.stageHours.receivedToDelivered.p90,
  };
}

const mean = (values: number[]) =>
  values.length === 0 ? 0 : round6(values.reduce((a, b) => a + b, 0) / values.length);

/** Reports over orders: a period's figures and the weekly pack (docs/reports.md). */
export function createReports(deps: ReportsDeps) {
  const { database } = deps;

  // Percentiles in TypeScript on both databases: they equal PostgreSQL's percentile_cont (tested).
  async function report(period: Period): Promise<PeriodReport> {
    return reportOf(period, await repo.milestones(database.db, period));
  }

  const zoneOf = async (tz?: string) => tz || (await deps.shopTimeZone());

  /** `from` to `to` (exclusive), local dates in the shop's zone unless `tz` names another. */
  async function period(input: { from: string; to: string; tz?: string }): Promise<PeriodReport> {
    return report(periodOf(input.from, input.to, await zoneOf(input.tz)));
  }

  /** The weekly pack: a week (default: the last whole one), the 4 before it, the same week last year, exceptions. */
  async function weekly(input: { week?: string; tz?: string } = {}): Promise<WeeklyReport> {
    const timeZone = await zoneOf(input.tz);
    const week = input.week || lastWeek(deps.clock.now(), timeZone);
    const current = weekPeriod(week, timeZone);
    const before = weeksBefore(week, timeZone, 4);
    const lastYearWeek = sameWeekLastYear(week);
    // Independent reads: on PostgreSQL they run side by side on the pool.
    const [main, previous, lastYearReport, holds, heldOrders] = await Promise.all([
      report(current),
      Promise.all(before.map((w) => report(weekPeriod(w, timeZone)))),
      report(weekPeriod(lastYearWeek, timeZone)),
      repo.holdsByReason(database.db, current),
      repo.heldOrders(database.db, current),
    ]);
    const previousWeeks = previous.map((r, i) => summaryOf(before[i]!, r));
    const lastYear = summaryOf(lastYearWeek, lastYearReport);
    return {
      week,
      ...main,
      previousWeeks,
      previousAverage: {
        received: mean(previousWeeks.map((w) => w.received)),
        delivered: mean(previousWeeks.map((w) => w.delivered)),
        lateRate: mean(previousWeeks.map((w) => w.lateRate)),
        receivedToDeliveredP50: mean(previousWeeks.map((w) => w.receivedToDeliveredP50)),
      },
      lastYear,
      exceptions: {
        heldOrders,
        byReason: Object.fromEntries(holds.map((h) => [h.code, Number(h.orders)])),
      },
    };
  }

  return { period, weekly };
}

export type Reports = ReturnType<typeof createReports>;
