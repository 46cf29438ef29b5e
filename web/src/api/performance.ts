// Per-person figures (performance module): mine and the team's over a window, by period, shifts.
import type { z } from 'zod';
import type {
  performanceSeries,
  personFigures,
  shift,
  shiftBody,
  todayWindow,
} from '../../../src/contracts/performance.ts';
import { del, get, type Page, post } from './client';

export type PersonFigures = z.output<typeof personFigures>;
export type PerformanceSeries = z.output<typeof performanceSeries>;
export type TodayWindow = z.output<typeof todayWindow>;
export type Shift = z.output<typeof shift>;
export type ShiftInput = z.input<typeof shiftBody>;
export type Grouping = PerformanceSeries['by'];

export const performanceApi = {
  today: () => get<TodayWindow>('/performance/today'),
  mine: (from: string, to: string) => get<Page<PersonFigures>>('/performance/mine', { from, to }),
  team: (from: string, to: string) => get<Page<PersonFigures>>('/performance/people', { from, to }),
  series: (from: string, to: string, by: Grouping) =>
    get<PerformanceSeries>('/performance/series', { from, to, by }),
  shifts: (from: string, to: string) => get<Page<Shift>>('/performance/shifts', { from, to }),
  recordShift: (input: ShiftInput) => post<Shift>('/performance/shifts', input),
  deleteShift: (id: string) => del(`/performance/shifts/${encodeURIComponent(id)}`),
};
