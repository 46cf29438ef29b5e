import { DateTime } from 'luxon';

/**
 * Insights counts by the shop's days: an order placed at 23:30 in Shanghai belongs to that
 * Shanghai day, not to the UTC day it is stored under. Days are `YYYY-MM-DD` in the zone.
 */
export interface ShopZone {
  timeZone: string;
}

/** The instant (ISO, UTC) the shop's day `day` begins. */
export function dayStartIso(day: string, timeZone: string): string {
  return DateTime.fromISO(day, { zone: timeZone }).startOf('day').toUTC().toISO()!;
}

/** The shop's day of an instant. */
export function shopDayOf(iso: string | number, timeZone: string): string {
  const at = typeof iso === 'number' ? DateTime.fromMillis(iso) : DateTime.fromISO(iso);
  return at.setZone(timeZone).toISODate()!;
}

/** The shop's hour of day (0–23) and weekday (0 = Sunday, as getUTCDay counts) of an instant. */
export function shopClock(ms: number, timeZone: string): { hour: number; weekday: number } {
  const at = DateTime.fromMillis(ms, { zone: timeZone });
  return { hour: at.hour, weekday: at.weekday % 7 };
}

/** The shop's today. */
export function shopToday(now: Date, timeZone: string): string {
  return shopDayOf(now.getTime(), timeZone);
}

/** `YYYY-MM` of a day. */
export const monthOf = (day: string) => day.slice(0, 7);

/** The first day of the month after `month` (`YYYY-MM`). */
export function nextMonthStart(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}
