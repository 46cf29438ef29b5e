/**
 * Next week's plan, pure: a daily order forecast from the history and the hand-entered calendar,
 * and the people each activity needs from the throughput measured per person.
 */

export const activities = ['pick', 'pack', 'review'] as const;
export type Activity = (typeof activities)[number];

/** The console names the role that does each activity. */
export const activityRole: Record<Activity, string> = {
  pick: 'warehouse',
  pack: 'warehouse',
  review: 'order_processor',
};

export interface WorkEntry {
  activity: Activity;
  person: string;
  at: string;
  units: number;
}

export interface Throughput {
  units: number;
  /** Hours with at least one entry, summed over people: the hours each person was on the task. */
  personHours: number;
  perPersonHour: number | null;
}

/**
 * Units per person-hour per activity. A person's working hours are the distinct clock hours in
 * which they logged the activity: the event log has no shift times, and an hour with one scan is
 * an hour on the task.
 */
export function measureThroughput(entries: readonly WorkEntry[]): Record<Activity, Throughput> {
  const result = {} as Record<Activity, Throughput>;
  for (const activity of activities) {
    const mine = entries.filter((e) => e.activity === activity);
    const hours = new Set(mine.map((e) => `${e.person}\u0000${e.at.slice(0, 13)}`));
    const units = mine.reduce((sum, e) => sum + e.units, 0);
    result[activity] = {
      units,
      personHours: hours.size,
      perPersonHour: hours.size > 0 ? units / hours.size : null,
    };
  }
  return result;
}

export interface CalendarDay {
  day: string;
  kind: 'holiday' | 'campaign';
  label: string;
  volumeFactor: number;
}

export interface DayForecast {
  day: string;
  orders: number;
  /** Why the number differs from the weekday's base: the holiday or campaign and its factor. */
  calendar: CalendarDay | null;
}

const weekdayOf = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay();

/**
 * Orders per day for `days`: the mean of the same weekday in the last four weeks of history
 * (orders follow a weekly shape; four weeks keep one odd day from swinging it), times the
 * calendar's factor for a holiday or campaign day. `history` is orders per local day.
 */
export function forecastVolume(
  history: readonly { day: string; orders: number }[],
  days: readonly string[],
  calendar: readonly CalendarDay[],
): DayForecast[] {
  const recent = [...history].sort((a, b) => a.day.localeCompare(b.day)).slice(-28);
  return days.map((day) => {
    const same = recent.filter((h) => weekdayOf(h.day) === weekdayOf(day));
    const base = same.length > 0 ? same.reduce((sum, h) => sum + h.orders, 0) / same.length : 0;
    const entry = calendar.find((c) => c.day === day) ?? null;
    return { day, orders: Math.round(base * (entry?.volumeFactor ?? 1)), calendar: entry };
  });
}

export interface StaffingInput {
  forecast: readonly DayForecast[];
  /** Units of each activity per order, measured over the history window. */
  unitsPerOrder: Record<Activity, number>;
  throughput: Record<Activity, Throughput>;
  shiftHours: number;
}

export interface StaffingDay {
  day: string;
  orders: number;
  needs: Record<Activity, { units: number; hours: number; people: number | null }>;
}

/** People per activity and day: units ÷ (units per person-hour × shift hours), rounded up. */
export function staffingPlan(input: StaffingInput): StaffingDay[] {
  return input.forecast.map((f) => {
    const needs = {} as StaffingDay['needs'];
    for (const activity of activities) {
      const units = Math.round(f.orders * input.unitsPerOrder[activity] * 100) / 100;
      const rate = input.throughput[activity].perPersonHour;
      const hours = rate ? Math.round((units / rate) * 100) / 100 : 0;
      needs[activity] = { units, hours, people: rate ? Math.ceil(units / (rate * input.shiftHours)) : null };
    }
    return { day: f.day, orders: f.orders, needs };
  });
}
