import type { z } from 'zod';
import type { quietHours } from '../../../contracts/notifications.ts';

export type QuietHours = z.output<typeof quietHours>;

const minuteMs = 60_000;

/** Minutes since local midnight of `at` in `timeZone`. */
function localMinutes(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const value = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return value('hour') * 60 + value('minute');
}

function minutesOf(clock: string): number {
  const [h, m] = clock.split(':').map(Number);
  return h! * 60 + m!;
}

/**
 * When the quiet hours around `now` end, or null when `now` is outside them. Hours may wrap
 * midnight (21:00–08:00). Pure: time is passed in.
 */
export function quietHoursEnd(hours: QuietHours, now: Date): Date | null {
  if (!hours.isEnabled) return null;
  const start = minutesOf(hours.start);
  const end = minutesOf(hours.end);
  if (start === end) return null;
  const current = localMinutes(now, hours.timeZone);
  const isQuiet = start < end ? current >= start && current < end : current >= start || current < end;
  if (!isQuiet) return null;
  const untilEnd = (end - current + 24 * 60) % (24 * 60);
  // Whole minutes: the end is at the start of its minute, so drop the seconds already gone.
  const startOfMinute = Math.floor(now.getTime() / minuteMs) * minuteMs;
  return new Date(startOfMinute + untilEnd * minuteMs);
}
