import type { Executor } from '../../platform/db/database.ts';
import type { StockRisk } from './ports.ts';
import { reviewRepository } from './review.repository.ts';
import { localDay, meetingWeeks } from './schedule.ts';
import {
  type Activity,
  type CalendarDay,
  type DayForecast,
  forecastVolume,
  measureThroughput,
  type StaffingDay,
  staffingPlan,
  type Throughput,
  type WorkEntry,
} from './staffing.ts';

const dayMs = 24 * 60 * 60 * 1000;
/** History behind the forecast and the throughput: four weeks. */
const historyDays = 28;
/** Hours per person per day the staffing plan assumes. */
export const shiftHours = 8;

export interface NextWeekPlan {
  days: string[];
  forecast: DayForecast[];
  throughput: Record<Activity, Throughput>;
  unitsPerOrder: Record<Activity, number>;
  shiftHours: number;
  staffing: StaffingDay[];
  stockRisks: StockRisk[];
  specialOrders: { id: string; number: string; type: string; shipBy: string | null; status: string }[];
}

/** Next week's plan for a meeting: forecast, staffing, stock risks, special orders due. */
export async function planNextWeek(
  db: Executor,
  input: { startsAt: Date; timeZone: string; stockRisks: StockRisk[] },
): Promise<NextWeekPlan> {
  const weeks = meetingWeeks(input.startsAt, input.timeZone);
  const historyTo = weeks.reviewTo.toISOString();
  const historyFrom = new Date(weeks.reviewTo.getTime() - historyDays * dayMs).toISOString();
  const [placed, work, calendarRows, special] = await Promise.all([
    reviewRepository.ordersPlaced(db, historyFrom, historyTo),
    reviewRepository.work(db, historyFrom, historyTo),
    reviewRepository.calendarDays(db, weeks.planDays[0]!, localDay(weeks.planTo, 'UTC')),
    reviewRepository.specialOrdersDue(db, weeks.planFrom.toISOString(), weeks.planTo.toISOString()),
  ]);
  const perDay = new Map<string, number>();
  for (const o of placed) {
    const day = localDay(o.placed_at, input.timeZone);
    perDay.set(day, (perDay.get(day) ?? 0) + 1);
  }
  const history = Array.from({ length: historyDays }, (_, i) => {
    const day = localDay(new Date(Date.parse(historyFrom) + i * dayMs + dayMs / 2), input.timeZone);
    return { day, orders: perDay.get(day) ?? 0 };
  });
  const calendar: CalendarDay[] = calendarRows.map((c) => ({
    day: c.day,
    kind: c.kind as CalendarDay['kind'],
    label: c.label,
    volumeFactor: Number(c.volume_factor),
  }));
  const entries: WorkEntry[] = [
    ...work.picks.map((p) => ({
      activity: 'pick' as const,
      person: p.picked_by ?? '?',
      at: p.picked_at,
      units: Number(p.picked_quantity),
    })),
    ...work.packs.map((p) => ({ activity: 'pack' as const, person: p.packed_by, at: p.packed_at, units: 1 })),
    ...work.reviews.map((r) => ({ activity: 'review' as const, person: r.actor_name, at: r.at, units: 1 })),
  ];
  const throughput = measureThroughput(entries);
  const orders = placed.length;
  const ratio = (units: number) => (orders > 0 ? Math.round((units / orders) * 1000) / 1000 : 0);
  const unitsPerOrder = {
    pick: ratio(throughput.pick.units),
    pack: ratio(throughput.pack.units),
    review: ratio(throughput.review.units),
  };
  const forecast = forecastVolume(history, weeks.planDays, calendar);
  return {
    days: weeks.planDays,
    forecast,
    throughput,
    unitsPerOrder,
    shiftHours,
    staffing: staffingPlan({ forecast, unitsPerOrder, throughput, shiftHours }),
    stockRisks: input.stockRisks,
    specialOrders: special.map((o) => ({
      id: o.id,
      number: o.number,
      type: o.type,
      shipBy: o.ship_by,
      status: o.status,
    })),
  };
}
