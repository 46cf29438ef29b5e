import { sql } from 'kysely';
import type { Database } from '../../../platform/db/database.ts';
import { isUniqueViolation } from '../../../platform/db/dialect.ts';
import { type InsightsDb, insightsDb } from '../schema.ts';
import { monthOf, nextMonthStart } from './shop-days.ts';

/**
 * Monthly rollups: each month's daily rows summed (counts, stage hours) or merged (sketches), so a
 * period of any length reads its whole months from one row each and only its ragged ends by day.
 * They are rebuilt from the daily rows whenever a day of the month is, in one transaction.
 */
export async function rebuildMonths(database: Database, months: readonly string[]): Promise<void> {
  const db = insightsDb(database);
  for (const month of [...months].sort()) {
    await db
      .transaction()
      .execute((tx) => rebuildMonth(tx, month))
      .catch((error) => {
        // Another worker rolled up the same month at the same moment, from the same days.
        if (!isUniqueViolation(error)) throw error;
      });
  }
}

async function rebuildMonth(tx: InsightsDb, month: string): Promise<void> {
  const from = `${month}-01`;
  const to = nextMonthStart(month);
  const label = sql<string>`cast(${month} as text)`.as('month');
  for (const table of [
    'insights_monthly_counts',
    'insights_monthly_samples',
    'insights_monthly_stage_hours',
  ] as const)
    await tx.deleteFrom(table).where('month', '=', month).execute();
  await tx
    .insertInto('insights_monthly_counts')
    .columns(['month', 'metric', 'dim', 'dim_value', 'value'])
    .expression(
      tx
        .selectFrom('insights_daily_counts')
        .select((eb) => [label, 'metric', 'dim', 'dim_value', eb.fn.sum<number>('value').as('value')])
        .where('day', '>=', from)
        .where('day', '<', to)
        .groupBy(['metric', 'dim', 'dim_value']),
    )
    .execute();
  // Hours are summed here, in a fixed order and rounded, so a month's figure does not depend on
  // the order the database happens to return its days in.
  const hourRows = await tx
    .selectFrom('insights_daily_stage_hours')
    .select(['stage', 'dim', 'dim_value', 'n', 'hours'])
    .where('day', '>=', from)
    .where('day', '<', to)
    .orderBy('day')
    .orderBy('stage')
    .orderBy('dim')
    .orderBy('dim_value')
    .execute();
  const hours = new Map<
    string,
    { stage: string; dim: string; dim_value: string; n: number; hours: number }
  >();
  for (const r of hourRows) {
    const key = `${r.stage}\u0000${r.dim}\u0000${r.dim_value}`;
    const h = hours.get(key) ?? { stage: r.stage, dim: r.dim, dim_value: r.dim_value, n: 0, hours: 0 };
    h.n += Number(r.n);
    h.hours += Number(r.hours);
    hours.set(key, h);
  }
  const hourValues = [...hours.values()].map((h) => ({
    month,
    ...h,
    hours: Math.round(h.hours * 1e6) / 1e6,
  }));
  for (let i = 0; i < hourValues.length; i += 200)
    await tx
      .insertInto('insights_monthly_stage_hours')
      .values(hourValues.slice(i, i + 200))
      .execute();
  const samples = await tx
    .selectFrom('insights_daily_samples')
    .select(['stage', 'channel', 'n', 'sketch'])
    .where('day', '>=', from)
    .where('day', '<', to)
    .execute();
  const merged = new Map<
    string,
    { stage: string; channel: string; n: number; sketch: Record<string, number> }
  >();
  for (const r of samples) {
    const key = `${r.stage}\u0000${r.channel}`;
    const m = merged.get(key) ?? { stage: r.stage, channel: r.channel, n: 0, sketch: {} };
    m.n += Number(r.n);
    mergeSketch(m.sketch, JSON.parse(r.sketch) as Record<string, number>);
    merged.set(key, m);
  }
  const rows = [...merged.values()]
    .sort((a, b) => a.stage.localeCompare(b.stage) || a.channel.localeCompare(b.channel))
    .map((m) => ({ month, stage: m.stage, channel: m.channel, n: m.n, sketch: JSON.stringify(m.sketch) }));
  for (let i = 0; i < rows.length; i += 200)
    await tx
      .insertInto('insights_monthly_samples')
      .values(rows.slice(i, i + 200))
      .execute();
}

/** Adds one sketch's bucket counts into another. */
export function mergeSketch(into: Record<string, number>, from: Record<string, number>): void {
  for (const [bucket, n] of Object.entries(from)) into[bucket] = (into[bucket] ?? 0) + n;
}

/** A period `from`..`to` (exclusive days) as its ragged ends by day and its whole months between. */
export interface SplitPeriod {
  /** Day ranges [from, to) read from the daily rows. */
  days: [string, string][];
  /** Months [from, to) (`YYYY-MM`) read from the monthly rows; null when the period holds none. */
  months: [string, string] | null;
}

export function splitPeriod(from: string, to: string): SplitPeriod {
  const firstWhole = from.endsWith('-01') ? from : nextMonthStart(monthOf(from));
  const endWhole = `${monthOf(to)}-01`;
  if (firstWhole >= endWhole) return { days: [[from, to]], months: null };
  const days: [string, string][] = [];
  if (from < firstWhole) days.push([from, firstWhole]);
  if (endWhole < to) days.push([endWhole, to]);
  return { days, months: [monthOf(firstWhole), monthOf(endWhole)] };
}

/** The whole period by day: for checking the rollups against the days they came from. */
export function byDaysOnly(from: string, to: string): SplitPeriod {
  return { days: [[from, to]], months: null };
}

export interface CountRow {
  metric: string;
  dim: string;
  dim_value: string;
  value: number;
}

/** Count rows of a period (days and whole months), of the given dimensions, optionally one value. */
export async function readCounts(
  db: InsightsDb,
  split: SplitPeriod,
  dims: readonly string[],
  dimValue?: string,
): Promise<CountRow[]> {
  const byDay = split.days.map(([from, to]) => {
    let q = db
      .selectFrom('insights_daily_counts')
      .select(['metric', 'dim', 'dim_value', 'value'])
      .where('day', '>=', from)
      .where('day', '<', to)
      .where('dim', 'in', dims);
    if (dimValue !== undefined) q = q.where('dim_value', '=', dimValue);
    return q.execute();
  });
  const byMonth = split.months
    ? [
        (() => {
          let q = db
            .selectFrom('insights_monthly_counts')
            .select(['metric', 'dim', 'dim_value', 'value'])
            .where('month', '>=', split.months[0])
            .where('month', '<', split.months[1])
            .where('dim', 'in', dims);
          if (dimValue !== undefined) q = q.where('dim_value', '=', dimValue);
          return q.execute();
        })(),
      ]
    : [];
  return (await Promise.all([...byDay, ...byMonth])).flat();
}

/** Stage-hours rows of a period (days and whole months). */
export async function readStageHours(
  db: InsightsDb,
  split: SplitPeriod,
): Promise<{ stage: string; dim: string; dim_value: string; n: number; hours: number }[]> {
  const byDay = split.days.map(([from, to]) =>
    db
      .selectFrom('insights_daily_stage_hours')
      .select(['stage', 'dim', 'dim_value', 'n', 'hours'])
      .where('day', '>=', from)
      .where('day', '<', to)
      .execute(),
  );
  const byMonth = split.months
    ? [
        db
          .selectFrom('insights_monthly_stage_hours')
          .select(['stage', 'dim', 'dim_value', 'n', 'hours'])
          .where('month', '>=', split.months[0])
          .where('month', '<', split.months[1])
          .execute(),
      ]
    : [];
  return (await Promise.all([...byDay, ...byMonth])).flat();
}

/** Per stage of one channel ('' = the whole shop): durations counted and sketch rows, days and months. */
export async function readSketches(
  db: InsightsDb,
  split: SplitPeriod,
  channel: string,
  columns: 'n' | 'sketch',
  stages?: readonly string[],
): Promise<{ stage: string; n: number; sketch?: string }[]> {
  const cols = columns === 'n' ? (['stage', 'n'] as const) : (['stage', 'n', 'sketch'] as const);
  const byDay = split.days.map(([from, to]) => {
    let q = db
      .selectFrom('insights_daily_samples')
      .select(cols)
      .where('day', '>=', from)
      .where('day', '<', to)
      .where('channel', '=', channel);
    if (stages) q = q.where('stage', 'in', stages);
    return q.execute();
  });
  const byMonth = split.months
    ? [
        (() => {
          let q = db
            .selectFrom('insights_monthly_samples')
            .select(cols)
            .where('month', '>=', split.months[0])
            .where('month', '<', split.months[1])
            .where('channel', '=', channel);
          if (stages) q = q.where('stage', 'in', stages);
          return q.execute();
        })(),
      ]
    : [];
  return (await Promise.all([...byDay, ...byMonth])).flat() as {
    stage: string;
    n: number;
    sketch?: string;
  }[];
}
