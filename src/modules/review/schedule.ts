import { DateTime } from 'luxon';

/** When meetings happen and when they are prepared, in the series' time zone (pure). */

export interface SeriesTiming {
  weekday: number;
  startTime: string;
  durationMinutes: number;
  timeZone: string;
}

/** The first start of the series after `now`. `weekday` is ISO: 1 Monday … 7 Sunday. */
export function nextStart(series: SeriesTiming, now: Date): Date {
  const [hour, minute] = series.startTime.split(':').map(Number) as [number, number];
  const local = DateTime.fromJSDate(now, { zone: series.timeZone });
  let candidate = local
    .set({ hour, minute, second: 0, millisecond: 0 })
    .plus({ days: (series.weekday - local.weekday + 7) % 7 });
  if (candidate <= local) candidate = candidate.plus({ weeks: 1 });
  return candidate.toJSDate();
}

/** Preparation opens on the Friday before the meeting, at midnight local time (the seed: Friday). */
export function preparationOpensAt(startsAt: Date, timeZone: string): Date {
  const day = DateTime.fromJSDate(startsAt, { zone: timeZone }).startOf('day');
  const back = (day.weekday - 5 + 7) % 7 || 7;
  return day.minus({ days: back }).toJSDate();
}

/** The week the meeting plans (Monday of the meeting's week, seven local days) and the one before it. */
export function meetingWeeks(startsAt: Date, timeZone: string) {
  const planStart = DateTime.fromJSDate(startsAt, { zone: timeZone }).startOf('week');
  const days = Array.from({ length: 7 }, (_, i) => planStart.plus({ days: i }).toISODate()!);
  return {
    planFrom: planStart.toJSDate(),
    planTo: planStart.plus({ weeks: 1 }).toJSDate(),
    planDays: days,
    reviewFrom: planStart.minus({ weeks: 1 }).toJSDate(),
    reviewTo: planStart.toJSDate(),
  };
}

/** The local calendar day of an instant. */
export function localDay(at: string | Date, timeZone: string): string {
  const dt =
    typeof at === 'string'
      ? DateTime.fromISO(at, { zone: timeZone })
      : DateTime.fromJSDate(at, { zone: timeZone });
  return dt.toISODate()!;
}
