import type { Kysely } from 'kysely';
import { columnTypes, dialectOf } from '../src/platform/db/dialect.ts';

// biome-ignore lint/suspicious/noExplicitAny: a migration sees the schema as it was, not as DB types say.
type AnyDb = Kysely<any>;

/**
 * Evaluations (performance module): periods scoring one role's people from their figures with
 * weights that sum to 100, reviewers' comments and rewards per person, and improvement plans
 * tracked to a review date. Training (staff module): courses with a quiz, sessions and who
 * attended, courses a role must hold with how long a pass stays valid, quiz attempts, and the
 * reminders already given, so a reminder goes out once per due date.
 */
export async function up(db: AnyDb): Promise<void> {
  const t = columnTypes(dialectOf(db));
  await db.schema
    .createTable('evaluation_periods')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('starts_at', t.timestamp, (c) => c.notNull())
    .addColumn('ends_at', t.timestamp, (c) => c.notNull())
    // JSON: [{ figure, weight }], weights in whole percent summing to 100.
    .addColumn('weights', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('evaluation_reviews')
    .addColumn('period_id', 'text', (c) => c.notNull())
    .addColumn('person', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('bonus_points', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('recognition', 'text')
    .addColumn('reviewer', 'text', (c) => c.notNull())
    .addColumn('reviewed_at', t.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('evaluation_reviews_pk', ['period_id', 'person'])
    .execute();
  await db.schema
    .createTable('improvement_plans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('period_id', 'text')
    .addColumn('person', 'text', (c) => c.notNull())
    .addColumn('goals', 'text', (c) => c.notNull())
    .addColumn('coach', 'text', (c) => c.notNull())
    .addColumn('review_on', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('closed_at', t.timestamp)
    .execute();
  await db.schema.createIndex('improvement_plans_person').on('improvement_plans').column('person').execute();

  await db.schema
    .createTable('training_courses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    // JSON: [{ kind: 'playbook' | 'article', id }] and [{ question, options, answer }].
    .addColumn('links', 'text', (c) => c.notNull())
    .addColumn('quiz', 'text', (c) => c.notNull())
    .addColumn('pass_mark', 'integer', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('training_requirements')
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('course_id', 'text', (c) => c.notNull())
    // Null: a pass never expires.
    .addColumn('renewal_days', 'integer')
    .addPrimaryKeyConstraint('training_requirements_pk', ['role', 'course_id'])
    .execute();
  await db.schema
    .createTable('training_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('course_id', 'text', (c) => c.notNull())
    .addColumn('starts_at', t.timestamp, (c) => c.notNull())
    .addColumn('trainer', 'text', (c) => c.notNull())
    .addColumn('location', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('training_attendance')
    .addColumn('session_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', t.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('training_attendance_pk', ['session_id', 'user_id'])
    .execute();
  await db.schema
    .createTable('training_attempts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('course_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('is_passed', 'integer', (c) => c.notNull())
    .addColumn('taken_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('training_attempts_user')
    .on('training_attempts')
    .columns(['user_id', 'course_id'])
    .execute();
  await db.schema
    .createTable('training_reminders')
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('course_id', 'text', (c) => c.notNull())
    // What the reminder was about: "due", or "expiring:<date>" / "expired:<date>" of one pass.
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('is_mailed', 'integer', (c) => c.notNull())
    .addColumn('reminded_at', t.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('training_reminders_pk', ['user_id', 'course_id', 'reason'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of [
    'training_reminders',
    'training_attempts',
    'training_attendance',
    'training_sessions',
    'training_requirements',
    'training_courses',
    'improvement_plans',
    'evaluation_reviews',
    'evaluation_periods',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
