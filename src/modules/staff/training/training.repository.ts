import type { Executor } from '../../../platform/db/database.ts';
import type { NewRow } from '../../../platform/db/schema.ts';

/** SQL for courses, role requirements, sessions, attendance, quiz attempts and reminders. */
export const trainingRepository = {
  listCourses(db: Executor) {
    return db.selectFrom('training_courses').selectAll().orderBy('title').execute();
  },
  findCourse(db: Executor, id: string) {
    return db.selectFrom('training_courses').selectAll().where('id', '=', id).executeTakeFirst();
  },
  insertCourse(db: Executor, row: NewRow<'training_courses'>) {
    return db.insertInto('training_courses').values(row).execute();
  },
  updateCourse(db: Executor, id: string, row: Omit<NewRow<'training_courses'>, 'id' | 'created_at'>) {
    return db.updateTable('training_courses').set(row).where('id', '=', id).execute();
  },
  listRequirements(db: Executor, role?: string) {
    let query = db
      .selectFrom('training_requirements as r')
      .innerJoin('training_courses as c', 'c.id', 'r.course_id')
      .select(['r.role', 'r.course_id', 'r.renewal_days', 'c.title'])
      .orderBy('r.role')
      .orderBy('c.title');
    if (role) query = query.where('r.role', '=', role);
    return query.execute();
  },
  async upsertRequirement(db: Executor, row: NewRow<'training_requirements'>) {
    await db
      .insertInto('training_requirements')
      .values(row)
      .onConflict((oc) => oc.columns(['role', 'course_id']).doUpdateSet({ renewal_days: row.renewal_days }))
      .execute();
  },
  insertSession(db: Executor, row: NewRow<'training_sessions'>) {
    return db.insertInto('training_sessions').values(row).execute();
  },
  findSession(db: Executor, id: string) {
    return db.selectFrom('training_sessions').selectAll().where('id', '=', id).executeTakeFirst();
  },
  listSessions(db: Executor) {
    return db
      .selectFrom('training_sessions as s')
      .innerJoin('training_courses as c', 'c.id', 's.course_id')
      .selectAll('s')
      .select('c.title')
      .orderBy('s.starts_at', 'desc')
      .limit(200)
      .execute();
  },
  attendeesOf(db: Executor, sessionIds: string[]) {
    if (sessionIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('training_attendance as a')
      .innerJoin('users as u', 'u.id', 'a.user_id')
      .select(['a.session_id', 'u.username'])
      .where('a.session_id', 'in', sessionIds)
      .orderBy('u.username')
      .execute();
  },
  insertAttendance(db: Executor, rows: NewRow<'training_attendance'>[]) {
    return db
      .insertInto('training_attendance')
      .values(rows)
      .onConflict((oc) => oc.columns(['session_id', 'user_id']).doNothing())
      .execute();
  },
  attendedBy(db: Executor, userId: string) {
    return db
      .selectFrom('training_attendance as a')
      .innerJoin('training_sessions as s', 's.id', 'a.session_id')
      .innerJoin('training_courses as c', 'c.id', 's.course_id')
      .select(['s.id', 's.starts_at', 'c.title'])
      .where('a.user_id', '=', userId)
      .orderBy('s.starts_at', 'desc')
      .execute();
  },
  insertAttempt(db: Executor, row: NewRow<'training_attempts'>) {
    return db.insertInto('training_attempts').values(row).execute();
  },
  attemptsBy(db: Executor, userId: string) {
    return db
      .selectFrom('training_attempts as a')
      .innerJoin('training_courses as c', 'c.id', 'a.course_id')
      .selectAll('a')
      .select(['c.title', 'c.pass_mark'])
      .where('a.user_id', '=', userId)
      .orderBy('a.taken_at', 'desc')
      .execute();
  },
  usersByUsername(db: Executor, usernames: string[]) {
    return db.selectFrom('users').selectAll().where('username', 'in', usernames).execute();
  },
  activeUsers(db: Executor) {
    return db.selectFrom('users').selectAll().where('is_active', '=', 1).orderBy('username').execute();
  },
  /** True when this reminder was not given before (and is now recorded as given). */
  async recordReminder(db: Executor, row: NewRow<'training_reminders'>): Promise<boolean> {
    const result = await db
      .insertInto('training_reminders')
      .values(row)
      .onConflict((oc) => oc.columns(['user_id', 'course_id', 'reason']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  },
  remindersOf(db: Executor, userId: string) {
    return db
      .selectFrom('training_reminders')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('reminded_at', 'desc')
      .execute();
  },
};
