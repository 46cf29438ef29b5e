import type { Clock } from '../../../platform/clock.ts';
import type { Database } from '../../../platform/db/database.ts';
import type { Mailer } from '../../../platform/mail.ts';
import { createTrainingCourses, type LinkExists } from './training.ts';
import { createTrainingRecords } from './training-records.ts';

export type { Attempt, Course, CourseInput, LinkExists, Requirement, Session } from './training.ts';
export type { TrainingRecord } from './training-records.ts';

/** Training: courses with a quiz, sessions and attendance, required courses per role, records and reminders. */
export function createTraining(deps: {
  database: Database;
  clock: Clock;
  mailer: Mailer;
  publicUrl: string;
  linkExists?: LinkExists;
}) {
  return {
    courses: createTrainingCourses(deps),
    records: createTrainingRecords(deps),
  };
}

export type Training = ReturnType<typeof createTraining>;
