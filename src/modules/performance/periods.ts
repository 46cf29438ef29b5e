import { DateTime } from 'luxon';

export type Grouping = 'day' | 'week' | 'month';

export interface Period {
  /** The local date the period starts on. */
  period: string;
  from: Date;
  to: Date;
}

/**
 * The days, weeks (Monday first, as ISO weeks) or months of the shop's time zone that [from, to)
 * touches, each clipped to the window. Pure.
 */
export function periodsOf(from: Date, to: Date, by: Grouping, timeZone: string): Period[] {
  const periods: Period[] = [];
  let start = DateTime.fromJSDate(from, { zone: timeZone }).startOf(by);
  while (start.toMillis() < to.getTime()) {
    const end = start.plus({ [`${by}s`]: 1 });
    periods.push({
      period: start.toISODate()!,
      from: new Date(Math.max(start.toMillis(), from.getTime())),
      to: new Date(Math.min(end.toMillis(), to.getTime())),
    });
    start = end;
  }
  return periods;
}

/** Today in the shop's time zone, as a window of instants. Pure. */
export function todayIn(now: Date, timeZone: string) {
  const start = DateTime.fromJSDate(now, { zone: timeZone }).startOf('day');
  return {
    timeZone,
    date: start.toISODate()!,
    from: start.toUTC().toISO()!,
    to: start.plus({ days: 1 }).toUTC().toISO()!,
  };
}

/** The instant of a local date and clock time in the shop's time zone. Pure. */
export function instantIn(date: string, clock: string, timeZone: string): Date {
  return DateTime.fromISO(`${date}T${clock}`, { zone: timeZone }).toJSDate();
}
