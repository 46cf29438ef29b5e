import type { z } from 'zod';
import type {
  attempt,
  course,
  courseBody,
  requirementBody,
  session,
  sessionBody,
} from '../../../contracts/training.ts';
import type { Actor } from '../../../platform/actor.ts';
import { recordAudit } from '../../../platform/audit-log.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Database } from '../../../platform/db/database.ts';
import type { Row } from '../../../platform/db/schema.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { AppError, invalidField, notFound } from '../../../platform/errors.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { isRole } from '../roles.ts';
import { trainingRepository as repo } from './training.repository.ts';
import { gradeQuiz, type QuizQuestion } from './training-status.ts';

export type CourseInput = z.output<typeof courseBody>;
export type Course = z.output<typeof course>;
export type Requirement = z.output<typeof requirementBody>;
export type Session = z.output<typeof session>;
export type Attempt = z.output<typeof attempt>;

/** Whether a linked playbook or knowledge base article exists; filled in src/app.ts by the modules that own them. */
export type LinkExists = (kind: 'playbook' | 'article', id: string) => Promise<boolean>;

export function toCourse(row: Row<'training_courses'>): Course {
  const quiz = JSON.parse(row.quiz) as QuizQuestion[];
  return {
    id: row.id,
    title: row.title,
    topic: row.topic as Course['topic'],
    description: row.description,
    links: JSON.parse(row.links),
    quiz: quiz.map(({ question, options }) => ({ question, options })),
    passMark: Number(row.pass_mark),
    updatedAt: row.updated_at,
  };
}

/** Courses, the courses each role must hold, sessions with attendance, and quiz attempts. */
export function createTrainingCourses(deps: { database: Database; clock: Clock; linkExists?: LinkExists }) {
  const { database, clock } = deps;
  const db = database.db;

  async function validateCourse(input: CourseInput) {
    input.quiz.forEach((q, i) => {
      if (q.answer >= q.options.length) throw invalidField(`quiz.${i}.answer`, 'notOptionIndex');
    });
    for (const [i, link] of input.links.entries()) {
      if (deps.linkExists && !(await deps.linkExists(link.kind, link.id)))
        throw invalidField(`links.${i}.id`, 'noLinkTarget', { kind: link.kind, id: link.id });
    }
  }

  function courseRow(input: CourseInput, at: string) {
    return {
      title: input.title,
      topic: input.topic,
      description: input.description,
      links: JSON.stringify(input.links),
      quiz: JSON.stringify(input.quiz),
      pass_mark: input.passMark,
      updated_at: at,
    };
  }

  async function createCourse(actor: Actor, input: CourseInput): Promise<Course> {
    await validateCourse(input);
    const now = clock.now();
    const row = {
      id: uuidv7(now.getTime()),
      created_at: now.toISOString(),
      ...courseRow(input, now.toISOString()),
    };
    await inTransaction(database, async (tx) => {
      await repo.insertCourse(tx, row);
      await recordAudit(tx, actor, now, {
        action: 'training.course_created',
        targetType: 'training_course',
        targetId: row.id,
        details: { title: row.title },
      });
    });
    return toCourse(row);
  }

  async function updateCourse(actor: Actor, id: string, input: CourseInput): Promise<Course> {
    if (!(await repo.findCourse(db, id))) throw notFound('course', id);
    await validateCourse(input);
    const now = clock.now();
    await inTransaction(database, async (tx) => {
      await repo.updateCourse(tx, id, courseRow(input, now.toISOString()));
      await recordAudit(tx, actor, now, {
        action: 'training.course_updated',
        targetType: 'training_course',
        targetId: id,
        details: { title: input.title },
      });
    });
    return toCourse((await repo.findCourse(db, id))!);
  }

  async function listCourses(): Promise<Course[]> {
    return (await repo.listCourses(db)).map(toCourse);
  }

  async function setRequirement(actor: Actor, input: Requirement): Promise<Requirement> {
    if (!isRole(input.role))
      throw new AppError('UNKNOWN_ROLE', `role: "${input.role}" is not a role`, { field: 'role' });
    if (!(await repo.findCourse(db, input.courseId))) throw invalidField('courseId', 'noSuchCourse');
    const now = clock.now();
    await inTransaction(database, async (tx) => {
      await repo.upsertRequirement(tx, {
        role: input.role,
        course_id: input.courseId,
        renewal_days: input.renewalDays,
      });
      await recordAudit(tx, actor, now, {
        action: 'training.requirement_set',
        targetType: 'training_course',
        targetId: input.courseId,
        details: { role: input.role, renewalDays: input.renewalDays },
      });
    });
    return input;
  }

  async function listRequirements() {
    return (await repo.listRequirements(db)).map((r) => ({
      role: r.role,
      courseId: r.course_id,
      courseTitle: r.title,
      renewalDays: r.renewal_days === null ? null : Number(r.renewal_days),
    }));
  }

  async function scheduleSession(input: z.output<typeof sessionBody>): Promise<Session> {
    const found = await repo.findCourse(db, input.courseId);
    if (!found) throw invalidField('courseId', 'noSuchCourse');
    const row = {
      id: uuidv7(clock.now().getTime()),
      course_id: input.courseId,
      starts_at: new Date(input.startsAt).toISOString(),
      trainer: input.trainer,
      location: input.location,
    };
    await repo.insertSession(db, row);
    return { ...input, startsAt: row.starts_at, id: row.id, courseTitle: found.title, attendees: [] };
  }

  async function listSessions(): Promise<Session[]> {
    const rows = await repo.listSessions(db);
    const attendees = await repo.attendeesOf(
      db,
      rows.map((r) => r.id),
    );
    return rows.map((r) => ({
      id: r.id,
      courseId: r.course_id,
      courseTitle: r.title,
      startsAt: r.starts_at,
      trainer: r.trainer,
      location: r.location,
      attendees: attendees.filter((a) => a.session_id === r.id).map((a) => a.username),
    }));
  }

  /** Records who attended; every name must be a user, or nothing is written. */
  async function recordAttendance(actor: Actor, sessionId: string, usernames: string[]): Promise<Session> {
    if (!(await repo.findSession(db, sessionId))) throw notFound('session', sessionId);
    const users = await repo.usersByUsername(db, usernames);
    const known = new Set(users.map((u) => u.username));
    const unknown = usernames.findIndex((name) => !known.has(name));
    if (unknown >= 0)
      throw invalidField(`usernames.${unknown}`, 'noUser', { users: `"${usernames[unknown]}"` });
    const at = clock.now().toISOString();
    await repo.insertAttendance(
      db,
      users.map((u) => ({ session_id: sessionId, user_id: u.id, recorded_by: actor.name, recorded_at: at })),
    );
    return (await listSessions()).find((s) => s.id === sessionId)!;
  }

  /** A person takes a course's quiz; a score at or above the pass mark passes the course. */
  async function takeQuiz(actor: Actor, courseId: string, answers: number[]): Promise<Attempt> {
    if (actor.type !== 'user' || !actor.id)
      throw new AppError('FORBIDDEN', 'only a signed-in person can take a quiz');
    const found = await repo.findCourse(db, courseId);
    if (!found) throw notFound('course', courseId);
    const quiz = JSON.parse(found.quiz) as QuizQuestion[];
    if (answers.length !== quiz.length)
      throw invalidField('answers', 'answerPerQuestion', { count: quiz.length });
    const score = gradeQuiz(quiz, answers);
    const passMark = Number(found.pass_mark);
    const takenAt = clock.now().toISOString();
    const id = uuidv7(clock.now().getTime());
    await repo.insertAttempt(db, {
      id,
      course_id: courseId,
      user_id: actor.id,
      score,
      is_passed: score >= passMark ? 1 : 0,
      taken_at: takenAt,
    });
    return { id, courseId, courseTitle: found.title, score, passMark, isPassed: score >= passMark, takenAt };
  }

  return {
    createCourse,
    updateCourse,
    listCourses,
    setRequirement,
    listRequirements,
    scheduleSession,
    listSessions,
    recordAttendance,
    takeQuiz,
  };
}
