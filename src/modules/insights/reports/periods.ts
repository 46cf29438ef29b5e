import { DateTime, IANAZone } from 'luxon';
import { invalidField } from '../../../platform/errors.ts';

/** A report's span: local dates in a zone, and the instants they start and end at (end exclusive). */
export interface Period {
  from: string;
  to: string;
  timeZone: string;
  start: string;
  end: string;
}

const localDate = /^\d{4}-\d{2}-\d{2}$/;
const isoWeek = /^(\d{4})-W(\d{2})$/;

export function assertZone(timeZone: string, field = 'tz'): string {
  if (!IANAZone.isValidZone(timeZone)) throw invalidField(field, 'notTimeZone', { value: timeZone });
  return timeZone;
}

function startOfDay(date: string, timeZone: string, field: string): DateTime {
  const at = localDate.test(date) ? DateTime.fromISO(date, { zone: timeZone }) : null;
  if (!at?.isValid) throw invalidField(field, 'notDate', { value: date });
  return at.startOf('day');
}

const toUtc = (at: DateTime) => at.toUTC().toISO() as string;

/** `from` to `to` (exclusive), local dates in `timeZone`. */
export function periodOf(from: string, to: string, timeZone: string): Period {
  assertZone(timeZone);
  const start = startOfDay(from, timeZone, 'from');
  const end = startOfDay(to, timeZone, 'to');
  if (end <= start) throw invalidField('to', 'toAfterFromValue', { to, from });
  if (end.diff(start, 'days').days > 3700) throw invalidField('to', 'periodTenYears');
  return { from, to, timeZone, start: toUtc(start), end: toUtc(end) };
}

/** The ISO week `2026-W47` (Monday to Monday) in `timeZone`. */
export function weekPeriod(week: string, timeZone: string): Period & { week: string } {
  assertZone(timeZone);
  const match = isoWeek.exec(week);
  const monday = match ? DateTime.fromISO(`${week}-1`, { zone: timeZone }) : null;
  if (!monday?.isValid || monday.weekNumber !== Number(match![2]))
    throw invalidField('week', 'notIsoWeek', { value: week });
  const next = monday.plus({ weeks: 1 });
  return {
    week,
    from: monday.toISODate() as string,
    to: next.toISODate() as string,
    timeZone,
    start: toUtc(monday),
    end: toUtc(next),
  };
}

export function weekName(at: DateTime): string {
  return `${at.weekYear}-W${String(at.weekNumber).padStart(2, '0')}`;
}

/** The last whole week before `now` in `timeZone`. */
export function lastWeek(now: Date, timeZone: string): string {
  return weekName(DateTime.fromJSDate(now, { zone: timeZone }).minus({ weeks: 1 }));
}

/** The `count` weeks before `week`, most recent first. */
export function weeksBefore(week: string, timeZone: string, count: number): string[] {
  const monday = DateTime.fromISO(`${week}-1`, { zone: timeZone });
  return Array.from({ length: count }, (_, i) => weekName(monday.minus({ weeks: i + 1 })));
}

/** The same ISO week number a year earlier (week 53 falls back to 52). */
export function sameWeekLastYear(week: string): string {
  const [, year, number] = isoWeek.exec(week)!;
  const candidate = `${Number(year) - 1}-W${number}`;
  return DateTime.fromISO(`${candidate}-1`).isValid ? candidate : `${Number(year) - 1}-W52`;
}
