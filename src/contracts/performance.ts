import { z } from 'zod';
import { isoDateTime, pageOf } from './common.ts';

const window = { from: isoDateTime, to: isoDateTime };
const fromBeforeTo = (q: { from: string; to: string }) => Date.parse(q.from) < Date.parse(q.to);
const fromBeforeToIssue = { message: 'from must be before to', path: ['to'] };

export const performanceQuery = z.object(window).refine(fromBeforeTo, fromBeforeToIssue);

export const groupings = ['day', 'week', 'month'] as const;
/** At most this many periods in one series: a year by day. */
export const maxPeriods = 370;

export const seriesQuery = z
  .object({
    ...window,
    by: z.enum(groupings).describe("periods in the shop's time zone; weeks start Monday"),
  })
  .refine(fromBeforeTo, fromBeforeToIssue);

const ids = z.array(z.string());
const rate = z.number().nullable().describe('null when the person has no shift in the window');

export const personFigures = z
  .object({
    person: z.string(),
    pickLines: z.number().int(),
    pickedUnits: z.number().int(),
    shortUnits: z.number().int(),
    parcelsPacked: z.number().int(),
    ordersReviewed: z.number().int(),
    reviewMinutes: z.number().nullable().describe('mean minutes from held to decided'),
    holdsReleasedWrongly: z.number().int(),
    pickErrors: z.number().int(),
    packErrors: z.number().int(),
    complaintsHandled: z.number().int(),
    complaintsWithinSla: z.number().int(),
    averageRating: z.number().nullable(),
    hoursWorked: rate,
    picksPerHour: rate,
    packsPerHour: rate,
    reviewsPerHour: rate,
    sources: z.object({
      pickLines: ids,
      parcels: ids,
      reviews: ids.describe('audit log entries'),
      wrongReleases: ids.describe('audit log entries of the releases'),
      pickErrors: ids.describe('audit log entries order.pack_mismatch'),
      packErrors: ids.describe('complaint ids'),
      complaints: ids.describe('complaint ids'),
      shifts: ids,
    }),
  })
  .meta({ id: 'PersonFigures' });

export const performancePage = z.object({ items: z.array(personFigures), nextCursor: z.string().nullable() });

export const performanceSeries = z.object({
  timeZone: z.string(),
  by: z.enum(groupings),
  periods: z.array(
    z.object({
      period: z.string().describe('local date the period starts on'),
      from: isoDateTime,
      to: isoDateTime,
      items: z.array(personFigures),
    }),
  ),
});

export const todayWindow = z.object({
  timeZone: z.string(),
  date: z.string(),
  from: isoDateTime,
  to: isoDateTime,
});

const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD');
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM');

export const shiftBody = z
  .object({
    person: z.string().trim().min(1, 'required').max(100).describe('username, or API key name'),
    date: localDate,
    start: clockTime,
    end: clockTime,
    breakMinutes: z.number().int().min(0).max(600).default(0),
  })
  .refine((s) => s.end > s.start, {
    message: 'must be after start (a shift ends on its own date)',
    path: ['end'],
  })
  .refine((s) => s.breakMinutes < minutesOf(s.end) - minutesOf(s.start), {
    message: 'must be shorter than the shift',
    path: ['breakMinutes'],
  });

function minutesOf(clock: string): number {
  const [hours, minutes] = clock.split(':').map(Number);
  return hours! * 60 + minutes!;
}

export const shift = z
  .object({
    id: z.string(),
    person: z.string(),
    date: z.string(),
    start: z.string(),
    end: z.string(),
    breakMinutes: z.number().int(),
    hours: z.number(),
    startsAt: isoDateTime,
    endsAt: isoDateTime,
    recordedBy: z.string(),
    recordedAt: isoDateTime,
  })
  .meta({ id: 'Shift' });

export const shiftPage = pageOf(shift);
export const shiftQuery = z
  .object({ ...window, person: z.string().max(100).optional() })
  .refine(fromBeforeTo, fromBeforeToIssue);
