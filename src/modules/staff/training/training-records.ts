import type { z } from 'zod';
import type { trainingRecord } from '../../../contracts/training.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Database } from '../../../platform/db/database.ts';
import type { Row } from '../../../platform/db/schema.ts';
import { notFound } from '../../../platform/errors.ts';
import type { Mailer } from '../../../platform/mail.ts';
import { trainingRepository as repo } from './training.repository.ts';
import { reminderReason, requirementState } from './training-status.ts';

export type TrainingRecord = z.output<typeof trainingRecord>;

/** A person's training record, and reminders of the required courses they are due to take. */
export function createTrainingRecords(deps: {
  database: Database;
  clock: Clock;
  mailer: Mailer;
  publicUrl: string;
}) {
  const { clock } = deps;
  const db = deps.database.db;

  async function recordOf(user: Row<'users'>, now: Date): Promise<TrainingRecord> {
    const attempts = await repo.attemptsBy(db, user.id);
    const required = (await repo.listRequirements(db, user.role)).map((r) => {
      const renewalDays = r.renewal_days === null ? null : Number(r.renewal_days);
      // Attempts are newest first: the first pass found is the one in force.
      const lastPass = attempts.find((a) => a.course_id === r.course_id && Number(a.is_passed) === 1);
      return {
        courseId: r.course_id,
        courseTitle: r.title,
        renewalDays,
        ...requirementState(lastPass?.taken_at ?? null, renewalDays, now),
      };
    });
    const attended = await repo.attendedBy(db, user.id);
    return {
      username: user.username,
      role: user.role,
      required,
      attempts: attempts.map((a) => ({
        id: a.id,
        courseId: a.course_id,
        courseTitle: a.title,
        score: Number(a.score),
        passMark: Number(a.pass_mark),
        isPassed: Number(a.is_passed) === 1,
        takenAt: a.taken_at,
      })),
      attended: attended.map((s) => ({ sessionId: s.id, courseTitle: s.title, startsAt: s.starts_at })),
    };
  }

  async function recordOfUsername(username: string): Promise<TrainingRecord> {
    const [user] = await repo.usersByUsername(db, [username]);
    if (!user) throw notFound('user', username);
    return recordOf(user, clock.now());
  }

  /**
   * Reminds every active person of each required course that is due, about to expire or
   * expired: once per course and pass (training_reminders), by mail when the person has an
   * address. The console shows the same list on the person's home page whether mailed or not.
   */
  async function sendReminders(): Promise<{ reminded: number }> {
    const now = clock.now();
    let reminded = 0;
    for (const user of await repo.activeUsers(db)) {
      const record = await recordOf(user, now);
      for (const course of record.required) {
        const reason = reminderReason(course);
        if (!reason) continue;
        const isNew = await repo.recordReminder(db, {
          user_id: user.id,
          course_id: course.courseId,
          reason,
          is_mailed: user.email ? 1 : 0,
          reminded_at: now.toISOString(),
        });
        if (!isNew) continue;
        reminded += 1;
        if (user.email) await deps.mailer.send(reminderMail(user.email, course, deps.publicUrl));
      }
    }
    return { reminded };
  }

  return { recordOf, recordOfUsername, sendReminders };
}

function reminderMail(to: string, course: TrainingRecord['required'][number], publicUrl: string) {
  const when =
    course.status === 'due'
      ? 'is required for your role and not passed yet'
      : course.status === 'expiring'
        ? `expires on ${course.expiresAt!.slice(0, 10)}`
        : `expired on ${course.expiresAt!.slice(0, 10)}`;
  return {
    to,
    subject: `Training due: ${course.courseTitle}`,
    text: `The course "${course.courseTitle}" ${when}.\nTake it in the console: ${publicUrl}/training\n`,
  };
}
