/** Whether a person holds a required course: pure, with time passed in. */

export type TrainingStatus = 'due' | 'valid' | 'expiring' | 'expired';

/** A pass is "expiring" this many days before it runs out: time to book the next session. */
export const expiringWithinDays = 14;

const dayMs = 24 * 60 * 60 * 1000;

export interface RequirementState {
  status: TrainingStatus;
  passedAt: string | null;
  /** When the last pass runs out; null while never passed or when it never expires. */
  expiresAt: string | null;
}

export function requirementState(
  lastPassAt: string | null,
  renewalDays: number | null,
  now: Date,
): RequirementState {
  if (!lastPassAt) return { status: 'due', passedAt: null, expiresAt: null };
  if (renewalDays === null) return { status: 'valid', passedAt: lastPassAt, expiresAt: null };
  const expires = new Date(new Date(lastPassAt).getTime() + renewalDays * dayMs);
  const status =
    expires.getTime() <= now.getTime()
      ? 'expired'
      : expires.getTime() - now.getTime() <= expiringWithinDays * dayMs
        ? 'expiring'
        : 'valid';
  return { status, passedAt: lastPassAt, expiresAt: expires.toISOString() };
}

/**
 * What a reminder is about, so each is given once: "due" for a course never passed, and
 * "expiring:<date>" or "expired:<date>" for one pass running out. A new pass has a new date and so
 * earns new reminders when it, in turn, runs out. Null when nothing needs saying.
 */
export function reminderReason(state: RequirementState): string | null {
  if (state.status === 'valid') return null;
  if (state.status === 'due') return 'due';
  return `${state.status}:${state.expiresAt!.slice(0, 10)}`;
}

export interface QuizQuestion {
  question: string;
  options: string[];
  /** Index of the right option. */
  answer: number;
}

/** Percent of questions answered right, rounded down. */
export function gradeQuiz(quiz: readonly QuizQuestion[], answers: readonly number[]): number {
  const right = quiz.filter((q, i) => answers[i] === q.answer).length;
  return Math.floor((right * 100) / quiz.length);
}
