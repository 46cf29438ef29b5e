import type { Kysely } from 'kysely';
import { columnTypes, dialectOf } from '../src/platform/db/dialect.ts';

// biome-ignore lint/suspicious/noExplicitAny: a migration sees the schema as it was, not as DB types say.
type AnyDb = Kysely<any>;

/**
 * Shift records (performance module): who worked on which local date, from when to when, with how
 * long a break. Rates per hour worked divide by these hours only — never by a guess.
 * `starts_at`/`ends_at` are the instants of the local times in the shop's time zone when recorded.
 */
export async function up(db: AnyDb): Promise<void> {
  const t = columnTypes(dialectOf(db));
  await db.schema
    .createTable('work_shifts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person', 'text', (c) => c.notNull())
    .addColumn('work_date', 'text', (c) => c.notNull())
    .addColumn('start_time', 'text', (c) => c.notNull())
    .addColumn('end_time', 'text', (c) => c.notNull())
    .addColumn('break_minutes', 'integer', (c) => c.notNull())
    .addColumn('starts_at', t.timestamp, (c) => c.notNull())
    .addColumn('ends_at', t.timestamp, (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', t.timestamp, (c) => c.notNull())
    // One shift per person and day: a second record of the same day is a correction, not more hours.
    .addUniqueConstraint('work_shifts_person_date', ['person', 'work_date'])
    .execute();
  await db.schema.createIndex('work_shifts_starts_at').on('work_shifts').column('starts_at').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('work_shifts').execute();
}
