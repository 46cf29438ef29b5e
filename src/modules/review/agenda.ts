/**
 * The meeting's agenda, built in the seed's order: opening, data report, each department's
 * issues, solutions, next week's plan, summary (pure).
 */

import { departments } from '../../contracts/review.ts';

export type Department = (typeof departments)[number];

export const agendaSections = [
  'opening',
  'data_report',
  'department_issues',
  'solutions',
  'next_week',
  'summary',
] as const;
export type AgendaSection = (typeof agendaSections)[number];

export interface PlannedAgendaItem {
  section: AgendaSection;
  title: string;
  plannedMinutes: number;
}

/** Fixed minutes of the frame; what is left of the meeting goes to department issues and solutions. */
const frame = { opening: 3, data_report: 10, next_week: 7, summary: 5 } as const;

/**
 * Department slots get time in proportion to their issue count (at least 3 minutes each, only
 * departments with issues get a slot); solutions get a third of the issue time. A meeting kept
 * short is the point: the total never exceeds `durationMinutes` by more than the minimum slots.
 */
export function buildAgenda(
  issueCounts: Partial<Record<Department, number>>,
  durationMinutes: number,
): PlannedAgendaItem[] {
  const withIssues = departments.filter((d) => (issueCounts[d] ?? 0) > 0);
  const fixed = frame.opening + frame.data_report + frame.next_week + frame.summary;
  const left = Math.max(0, durationMinutes - fixed);
  const solutions = withIssues.length > 0 ? Math.max(5, Math.round(left / 4)) : 0;
  const forIssues = Math.max(0, left - solutions);
  const total = withIssues.reduce((sum, d) => sum + (issueCounts[d] ?? 0), 0);
  const slots = withIssues.map((department) => ({
    section: 'department_issues' as const,
    title: department,
    plannedMinutes: Math.max(3, Math.floor((forIssues * (issueCounts[department] ?? 0)) / total)),
  }));
  return [
    { section: 'opening', title: 'opening', plannedMinutes: frame.opening },
    { section: 'data_report', title: 'data_report', plannedMinutes: frame.data_report },
    ...slots,
    ...(solutions > 0
      ? [{ section: 'solutions' as const, title: 'solutions', plannedMinutes: solutions }]
      : []),
    { section: 'next_week', title: 'next_week', plannedMinutes: frame.next_week },
    { section: 'summary', title: 'summary', plannedMinutes: frame.summary },
  ];
}

/** Seconds an item has run: what was banked plus the running stretch, if it runs now. */
export function usedSeconds(item: { usedSeconds: number; startedAt: string | null }, now: Date): number {
  const running = item.startedAt
    ? Math.max(0, Math.floor((now.getTime() - Date.parse(item.startedAt)) / 1000))
    : 0;
  return item.usedSeconds + running;
}
