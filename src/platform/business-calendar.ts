import { DateTime, IANAZone } from 'luxon';
import { z } from 'zod';
import { AppError } from './errors.ts';

/**
 * When a shop works, in its own time zone. Deadlines count only working time, so an order
 * taken on Saturday night in Shanghai is not "late" on Sunday. All arithmetic runs on real
 * instants (epoch ms) between wall-clock boundaries that Luxon resolves in the shop's zone,
 * which keeps it right across DST changes.
 */
export interface BusinessCalendar {
  /** IANA zone, e.g. 'Asia/Shanghai'. */
  timeZone: string;
  /** ISO weekday numbers 1..7 (Mon..Sun). */
  workingDays: number[];
  /** 'HH:mm' local. */
  workingHours: { start: string; end: string };
  /** 'HH:mm' local: orders received after it count from the next working day. */
  cutoffTime: string;
  /** 'YYYY-MM-DD' local dates closed. */
  holidays: string[];
  /** 'YYYY-MM-DD' days worked although not in `workingDays` (China's 调休 make-up days). */
  extraWorkingDays?: string[];
}

export const defaultCalendar: BusinessCalendar = {
  timeZone: 'Asia/Shanghai',
  workingDays: [1, 2, 3, 4, 5, 6],
  workingHours: { start: '09:00', end: '18:00' },
  cutoffTime: '16:00',
  holidays: [],
  extraWorkingDays: [],
};

// Zero-padded 'HH:mm' strings compare correctly as strings, which the refinement below relies on.
const clockPattern = /^([01]\d|2[0-3]):[0-5]\d$/;
const clockTime = z.string().regex(clockPattern, 'must be HH:mm between 00:00 and 23:59');
const localDate = z.iso.date('must be a date YYYY-MM-DD');

export const businessCalendarSchema: z.ZodType<BusinessCalendar> = z
  .object({
    timeZone: z
      .string()
      .refine((zone) => IANAZone.isValidZone(zone), 'must be an IANA time zone such as Asia/Shanghai'),
    workingDays: z
      .array(z.number().int().min(1).max(7))
      .min(1, 'needs at least one working day (1 = Monday … 7 = Sunday)'),
    workingHours: z.object({ start: clockTime, end: clockTime }),
    cutoffTime: clockTime,
    holidays: z.array(localDate),
    extraWorkingDays: z.array(localDate).optional(),
  })
  .superRefine((calendar, ctx) => {
    const { start, end } = calendar.workingHours;
    // Comparing malformed times would only add noise to the format error already reported.
    if (![start, end, calendar.cutoffTime].every((clock) => clockPattern.test(clock))) return;
    if (start >= end) {
      ctx.addIssue({
        code: 'custom',
        path: ['workingHours', 'end'],
        message: `must be after start ${start}`,
      });
    } else if (calendar.cutoffTime < start || calendar.cutoffTime > end) {
      ctx.addIssue({ code: 'custom', path: ['cutoffTime'], message: `must be within ${start}–${end}` });
    }
    // A date both closed and worked has no single meaning; make the editor pick one.
    calendar.extraWorkingDays?.forEach((date, index) => {
      if (calendar.holidays.includes(date)) {
        ctx.addIssue({
          code: 'custom',
          path: ['extraWorkingDays', index],
          message: `${date} is also a holiday`,
        });
      }
    });
  });

const MS_PER_HOUR = 3_600_000;
const MS_PER_DAY = 86_400_000;
// A calendar with no open day in ten years is misconfigured; stop rather than loop forever.
const MAX_CLOSED_DAYS = 3660;

/** One working day's open span as epoch ms, `open` clipped to where a search started. */
interface Span {
  open: number;
  close: number;
}

// Local dates ('YYYY-MM-DD') step and give their weekday through UTC midnight: pure Gregorian
// arithmetic, the same in every zone, and far cheaper than a zoned DateTime per day.
const utcMidnight = (date: string) => Date.parse(`${date}T00:00:00Z`);
const dateOfUtc = (epochMs: number) => new Date(epochMs).toISOString().slice(0, 10);
const nextDate = (date: string) => dateOfUtc(utcMidnight(date) + MS_PER_DAY);
const isoWeekday = (date: string) => new Date(utcMidnight(date)).getUTCDay() || 7;

// One formatter per zone: building an Intl.DateTimeFormat costs far more than using it.
const dateFormatters = new Map<string, Intl.DateTimeFormat>();

function localDateOf(calendar: BusinessCalendar, epochMs: number): string {
  let formatter = dateFormatters.get(calendar.timeZone);
  if (formatter === undefined) {
    const options = {
      timeZone: calendar.timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    } as const;
    formatter = new Intl.DateTimeFormat('en-US', options);
    dateFormatters.set(calendar.timeZone, formatter);
  }
  const parts: Record<string, string> = {};
  for (const { type, value } of formatter.formatToParts(epochMs)) parts[type] = value;
  return `${parts.year}-${parts.month}-${parts.day}`;
}

// Resolving a wall-clock time in a zone is the costly step (~15 µs) and a deadline touches the
// same few days again and again, so the instants are memoised. The key holds every input, so
// the cache can never go stale; it is cleared if it ever grows past a bound.
const instantCache = new Map<string, number>();
const INSTANT_CACHE_LIMIT = 100_000;

/**
 * `date` at `clock` in `timeZone`, as epoch ms. On a DST gap (02:30 on a spring-forward night)
 * Luxon moves the time forward, so a span's length is always the real time worked.
 */
function instantOf(timeZone: string, date: string, clock: string): number {
  const key = `${timeZone} ${date}T${clock}`;
  let epochMs = instantCache.get(key);
  if (epochMs === undefined) {
    epochMs = DateTime.fromISO(`${date}T${clock}`, { zone: timeZone }).toMillis();
    if (instantCache.size >= INSTANT_CACHE_LIMIT) instantCache.clear();
    instantCache.set(key, epochMs);
  }
  return epochMs;
}

function isOpenOn(calendar: BusinessCalendar, date: string): boolean {
  if (calendar.holidays.includes(date)) return false;
  if (calendar.extraWorkingDays?.includes(date)) return true;
  return calendar.workingDays.includes(isoWeekday(date));
}

export function isWorkingDay(calendar: BusinessCalendar, localDate: string): boolean {
  // Date.parse rolls '2026-02-30' over to March; a date that does not survive the round trip is none.
  const isRealDate = /^\d{4}-\d{2}-\d{2}$/.test(localDate) && dateOfUtc(utcMidnight(localDate)) === localDate;
  return isRealDate && isOpenOn(calendar, localDate);
}

/** The working spans still open at or after `fromMs`, in order, without end. */
function* spansFrom(calendar: BusinessCalendar, fromMs: number): Generator<Span, never> {
  const { timeZone, workingHours } = calendar;
  let date = localDateOf(calendar, fromMs);
  for (let closedDays = 0; closedDays < MAX_CLOSED_DAYS; date = nextDate(date)) {
    const close = isOpenOn(calendar, date) ? instantOf(timeZone, date, workingHours.end) : null;
    if (close === null || close <= fromMs) {
      closedDays++;
      continue;
    }
    closedDays = 0;
    yield { open: Math.max(instantOf(timeZone, date, workingHours.start), fromMs), close };
  }
  throw new AppError('VALIDATION_FAILED', `calendar: no working day within ${MAX_CLOSED_DAYS} days`, {
    field: 'calendar',
  });
}

const firstSpanFrom = (calendar: BusinessCalendar, fromMs: number): Span =>
  spansFrom(calendar, fromMs).next().value;

/** Length of one working day in hours, e.g. 9 for 09:00–18:00. */
export function workingDayHours(calendar: BusinessCalendar): number {
  const minutes = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));
  return (minutes(calendar.workingHours.end) - minutes(calendar.workingHours.start)) / 60;
}

/**
 * Where an order's deadline starts counting: `receivedAt` itself when it falls inside working
 * hours of a working day, up to the cut-off; otherwise the next working day's opening. Before
 * opening on a working day counts from that morning (the order is in before the cut-off).
 */
export function countingStart(calendar: BusinessCalendar, receivedAt: Date): Date {
  const receivedMs = receivedAt.getTime();
  const date = localDateOf(calendar, receivedMs);
  const isAfterCutoff = receivedMs > instantOf(calendar.timeZone, date, calendar.cutoffTime);
  // Searching from today's close skips the rest of today, whatever the cut-off left open.
  const searchFrom = isAfterCutoff
    ? Math.max(receivedMs, instantOf(calendar.timeZone, date, calendar.workingHours.end))
    : receivedMs;
  return new Date(firstSpanFrom(calendar, searchFrom).open);
}

/**
 * The earliest instant at which `hours` of working time have passed since `from`. Time outside
 * working hours or on closed days does not count; the cut-off does not apply here (that is
 * intake's rule, see `countingStart`), so this is the inverse of `workingHoursBetween`.
 */
export function addWorkingHours(calendar: BusinessCalendar, from: Date, hours: number): Date {
  if (!(hours >= 0) || !Number.isFinite(hours)) {
    throw new RangeError(`addWorkingHours: hours must be a finite number ≥ 0, got ${hours}`);
  }
  let remaining = hours * MS_PER_HOUR;
  if (remaining === 0) return new Date(from);
  const spans = spansFrom(calendar, from.getTime());
  for (;;) {
    const span = spans.next().value;
    const available = span.close - span.open;
    if (remaining <= available) return new Date(span.open + remaining);
    remaining -= available;
  }
}

/**
 * Close of the `daysAhead`-th working day, day 0 being the day `from` starts counting on
 * (`countingStart`: the same day before the cut-off, else the next working day).
 */
export function endOfWorkingDay(calendar: BusinessCalendar, from: Date, daysAhead = 0): Date {
  if (!Number.isInteger(daysAhead) || daysAhead < 0) {
    throw new RangeError(`endOfWorkingDay: daysAhead must be an integer ≥ 0, got ${daysAhead}`);
  }
  const spans = spansFrom(calendar, countingStart(calendar, from).getTime());
  for (let day = 0; day < daysAhead; day++) spans.next();
  return new Date(spans.next().value.close);
}

/** Working hours from `from` to `to`; negative when `to` is earlier. */
export function workingHoursBetween(calendar: BusinessCalendar, from: Date, to: Date): number {
  // 0 - h rather than -h: an empty span reads 0, not -0.
  if (to < from) return 0 - workingHoursBetween(calendar, to, from);
  const endMs = to.getTime();
  let workedMs = 0;
  const spans = spansFrom(calendar, from.getTime());
  for (;;) {
    const span = spans.next().value;
    if (span.open >= endMs) return workedMs / MS_PER_HOUR;
    workedMs += Math.min(span.close, endMs) - span.open;
  }
}
