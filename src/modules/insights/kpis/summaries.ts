import type { Clock } from '../../../platform/clock.ts';
import type { Database } from '../../../platform/db/database.ts';
import { isUniqueViolation } from '../../../platform/db/dialect.ts';
import { insightsDb } from '../schema.ts';
import { computeDay, type DayRows, insertChunked } from './day-summary.ts';
import { chunkSize, type InsightsPorts } from './order-facts.ts';
import { rebuildMonths } from './rollups.ts';
import { monthOf, shopDayOf } from './shop-days.ts';
import { addDays } from './stages.ts';

export interface SummaryDeps {
  database: Database;
  clock: Clock;
  ports?: InsightsPorts;
  /** The shop's time zone (orders settings' calendar); summaries are kept per day of the shop. */
  shopTimeZone?: () => Promise<string>;
}

const stateKey = 'event_cursor';
/** The zone the summaries' days were cut in: a change of zone rebuilds them. */
const zoneKey = 'time_zone';
/** Events committed out of id order by concurrent transactions are caught by re-reading this far back. */
const overlapMs = 5 * 60_000;
/** Event-driven refreshes are gathered this long. */
const wakeDelayMs = 10_000;
const dailyTables = [
  'insights_daily_counts',
  'insights_daily_samples',
  'insights_daily_stage_hours',
] as const;
const monthlyTables = [
  'insights_monthly_counts',
  'insights_monthly_samples',
  'insights_monthly_stage_hours',
] as const;

export function createSummaries(deps: SummaryDeps) {
  const db = insightsDb(deps.database);
  const zoneOf = async () => (deps.shopTimeZone ? await deps.shopTimeZone() : 'UTC');
  let running: Promise<{ days: string[] }> | null = null;
  let again = false;

  /**
   * Recomputes the given days (each day's rows replaced in one transaction), then the monthly
   * rollups of their months.
   */
  async function recomputeDays(days: readonly string[], timeZone?: string): Promise<void> {
    const zone = timeZone ?? (await zoneOf());
    for (const day of days) {
      const rows = await computeDay({ ...deps, timeZone: zone }, day);
      await replaceDay(day, rows).catch((error) => {
        // Another worker wrote the same day at the same moment: its rows are as good as ours.
        if (!isUniqueViolation(error)) throw error;
      });
    }
    await rebuildMonths(deps.database, [...new Set(days.map(monthOf))]);
  }

  async function replaceDay(day: string, rows: DayRows): Promise<void> {
    await db.transaction().execute(async (tx) => {
      for (const table of dailyTables) await tx.deleteFrom(table).where('day', '=', day).execute();
      await insertChunked(tx, rows);
    });
  }

  async function readState(key: string): Promise<string | null> {
    const row = await db
      .selectFrom('insights_state')
      .select('value')
      .where('key', '=', key)
      .executeTakeFirst();
    return row?.value ?? null;
  }

  async function writeState(key: string, value: string): Promise<void> {
    await db
      .insertInto('insights_state')
      .values({ key, value })
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
    const zone = await zoneOf();
    for (const table of [...dailyTables, ...monthlyTables]) await db.deleteFrom(table).execute();
    const days: string[] = [];
    if (range?.first && range.last) {
      const last = shopDayOf(String(range.last), zone);
      for (let d = shopDayOf(String(range.first), zone); d <= last; d = addDays(d, 1)) days.push(d);
    }
    await recomputeDays(days, zone);
    if (top?.id) await writeState(stateKey, String(top.id));
    await writeState(zoneKey, zone);
    return { days };
  }

  /** The days whose orders have timeline events since the last run, recomputed. */
  async function refreshOnce(): Promise<{ days: string[] }> {
    const [cursor, zone, cutIn] = await Promise.all([readState(stateKey), zoneOf(), readState(zoneKey)]);
    // First run, or the shop moved to another zone: every day is cut anew.
    if (cursor === null || cutIn !== zone) return recomputeAll();
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
      for (const r of rows) days.add(shopDayOf(r.placed_at, zone));
    }
    const sorted = [...days].sort();
    await recomputeDays(sorted, zone);
    const top = touched.reduce((max, t) => (t.id > max ? t.id : max), cursor);
    await writeState(stateKey, top);
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

export type Summaries = ReturnType<typeof createSummaries>;
