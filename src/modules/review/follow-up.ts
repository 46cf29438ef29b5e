/** Follow-up rules, pure: an action item's state, its reminders, the minutes deadline, a KPI verdict. */

export const actionStates = ['open', 'done', 'late', 'dropped'] as const;
export type ActionState = (typeof actionStates)[number];

const hourMs = 60 * 60 * 1000;

/** Minutes are due this long after the meeting closed (the seed: within 24 hours). */
export const minutesDueMs = 24 * hourMs;
/** The owner hears about an item this long before its deadline, and once when it has passed. */
export const remindBeforeMs = 24 * hourMs;

export function actionState(item: { status: string; deadlineAt: string }, now: Date): ActionState {
  if (item.status === 'done' || item.status === 'dropped') return item.status;
  return Date.parse(item.deadlineAt) < now.getTime() ? 'late' : 'open';
}

export type Reminder = 'before' | 'after' | null;

/** Which reminder is due now, if any; each is sent once. */
export function dueReminder(
  item: {
    status: string;
    deadlineAt: string;
    remindedBeforeAt: string | null;
    remindedAfterAt: string | null;
  },
  now: Date,
): Reminder {
  if (item.status !== 'open') return null;
  const deadline = Date.parse(item.deadlineAt);
  if (now.getTime() > deadline) return item.remindedAfterAt ? null : 'after';
  if (now.getTime() >= deadline - remindBeforeMs) return item.remindedBeforeAt ? null : 'before';
  return null;
}

/** Minutes not sent within 24 h of the meeting's close are late. */
export function isMinutesLate(
  meeting: { closedAt: string | null; minutesSentAt: string | null },
  now: Date,
): boolean {
  if (!meeting.closedAt) return false;
  const due = Date.parse(meeting.closedAt) + minutesDueMs;
  const sent = meeting.minutesSentAt ? Date.parse(meeting.minutesSentAt) : null;
  return sent === null ? now.getTime() > due : sent > due;
}

/**
 * Whether a corrective action worked: the KPI reached the target in the direction from the
 * baseline to the target (a target below the baseline means lower is better).
 */
export function verdict(kpi: {
  baseline: number;
  target: number;
  measured: number;
}): 'effective' | 'not_effective' {
  const lowerIsBetter = kpi.target < kpi.baseline;
  const reached = lowerIsBetter ? kpi.measured <= kpi.target : kpi.measured >= kpi.target;
  return reached ? 'effective' : 'not_effective';
}
