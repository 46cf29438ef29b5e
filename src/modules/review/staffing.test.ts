import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  type CalendarDay,
  forecastVolume,
  measureThroughput,
  staffingPlan,
  type WorkEntry,
} from './staffing.ts';

const at = (hour: number, minute = 0) =>
  `2026-11-10T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00.000Z`;

describe('staffing plan', () => {
  it('matches the hand computation for a week', () => {
    // Picks: A 60 units over two clock hours, B 60 units in one → 120 units / 3 person-hours = 40/h.
    // Packs: P 50 parcels over two hours → 25/h. Reviews: R 20 in one hour → 20/h.
    const entries: WorkEntry[] = [
      { activity: 'pick', person: 'A', at: at(9, 5), units: 30 },
      { activity: 'pick', person: 'A', at: at(10, 40), units: 30 },
      { activity: 'pick', person: 'B', at: at(9, 10), units: 60 },
      ...Array.from({ length: 50 }, (_, i) => ({
        activity: 'pack' as const,
        person: 'P',
        at: at(9 + (i % 2), i),
        units: 1,
      })),
      ...Array.from({ length: 20 }, (_, i) => ({
        activity: 'review' as const,
        person: 'R',
        at: at(14, i),
        units: 1,
      })),
    ];
    const throughput = measureThroughput(entries);
    assert.deepEqual(
      [throughput.pick.perPersonHour, throughput.pack.perPersonHour, throughput.review.perPersonHour],
      [40, 25, 20],
    );

    // Four weeks of history (2026-10-19 is a Monday): Mondays 400 orders, every other day 200.
    const history = Array.from({ length: 28 }, (_, i) => {
      const day = new Date(Date.UTC(2026, 9, 19 + i)).toISOString().slice(0, 10);
      return { day, orders: i % 7 === 0 ? 400 : 200 };
    });
    const calendar: CalendarDay[] = [
      { day: '2026-11-17', kind: 'campaign', label: 'Double 11 return', volumeFactor: 1.5 },
      { day: '2026-11-19', kind: 'holiday', label: 'Closed', volumeFactor: 0 },
    ];
    const forecast = forecastVolume(
      history,
      ['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19'],
      calendar,
    );
    assert.deepEqual(
      forecast.map((f) => f.orders),
      [400, 300, 200, 0],
    );

    const plan = staffingPlan({
      forecast,
      unitsPerOrder: { pick: 2, pack: 1, review: 0.2 },
      throughput,
      shiftHours: 8,
    });
    // Monday: picks 800 / (40×8) = 2.5 → 3; packs 400 / (25×8) = 2 → 2; reviews 80 / (20×8) = 0.5 → 1.
    // Tuesday (campaign ×1.5 = 300 orders): 600/320 → 2; 300/200 → 2; 60/160 → 1. Wednesday: 400/320 → 2; 1; 1.
    assert.deepEqual(
      plan.map((d) => [d.needs.pick.people, d.needs.pack.people, d.needs.review.people]),
      [
        [3, 2, 1],
        [2, 2, 1],
        [2, 1, 1],
        [0, 0, 0],
      ],
    );
    assert.equal(plan[0]!.needs.pick.hours, 20);
  });
});
