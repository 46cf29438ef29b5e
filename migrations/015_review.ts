import type { Kysely } from 'kysely';
import { columnTypes, dialectOf } from '../src/platform/db/dialect.ts';

// biome-ignore lint/suspicious/noExplicitAny: a migration sees the schema as it was, not as DB types say.
type AnyDb = Kysely<any>;

/**
 * The weekly order-processing meeting and continuous improvement: meeting series and meetings
 * with their agenda, issues, decisions, action items and feedback; corrective actions verified
 * against a KPI; knowledge-base articles; hand-entered calendar days (holidays, campaigns) for
 * next week's plan. Read views over lower modules give the plan its measured throughput.
 */
export async function up(db: AnyDb): Promise<void> {
  const t = columnTypes(dialectOf(db));

  await db.schema
    .createTable('meeting_series')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('chair', 'text', (c) => c.notNull())
    .addColumn('participants', t.json, (c) => c.notNull())
    .addColumn('weekday', 'integer', (c) => c.notNull())
    .addColumn('start_time', 'text', (c) => c.notNull())
    .addColumn('duration_minutes', 'integer', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('online_link', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('meetings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('series_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('starts_at', t.timestamp, (c) => c.notNull())
    .addColumn('ends_at', t.timestamp, (c) => c.notNull())
    .addColumn('pack', t.json)
    .addColumn('plan', t.json)
    .addColumn('previous_meeting_id', 'text')
    .addColumn('prepared_at', t.timestamp)
    .addColumn('notice_sent_at', t.timestamp)
    .addColumn('reminder_sent_at', t.timestamp)
    .addColumn('started_at', t.timestamp)
    .addColumn('closed_at', t.timestamp)
    .addColumn('minutes', 'text')
    .addColumn('minutes_sent_at', t.timestamp)
    .addColumn('minutes_late_at', t.timestamp)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    // One meeting per series and start: preparing twice (a retried job) finds the first.
    .addUniqueConstraint('meetings_series_start', ['series_id', 'starts_at'])
    .execute();

  await db.schema
    .createTable('meeting_agenda_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('meeting_id', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('section', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('planned_minutes', 'integer', (c) => c.notNull())
    .addColumn('started_at', t.timestamp)
    .addColumn('used_seconds', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex('meeting_agenda_meeting')
    .on('meeting_agenda_items')
    .columns(['meeting_id', 'position'])
    .execute();

  await db.schema
    .createTable('meeting_issues')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('meeting_id', 'text')
    .addColumn('department', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('detail', 'text')
    .addColumn('signal_key', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('raised_by', 'text', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('meeting_issues_meeting')
    .on('meeting_issues')
    .columns(['meeting_id', 'id'])
    .execute();

  await db.schema
    .createTable('meeting_decisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('meeting_id', 'text', (c) => c.notNull())
    .addColumn('issue_id', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('meeting_action_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('meeting_id', 'text', (c) => c.notNull())
    .addColumn('issue_id', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('owner_name', 'text', (c) => c.notNull())
    .addColumn('owner_email', 'text')
    .addColumn('deadline_at', t.timestamp, (c) => c.notNull())
    .addColumn('link_type', 'text')
    .addColumn('link_ref', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('drop_reason', 'text')
    .addColumn('done_at', t.timestamp)
    .addColumn('reminded_before_at', t.timestamp)
    .addColumn('reminded_after_at', t.timestamp)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('meeting_action_items_status')
    .on('meeting_action_items')
    .columns(['status', 'deadline_at'])
    .execute();

  await db.schema
    .createTable('meeting_feedback')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('meeting_id', 'text', (c) => c.notNull())
    .addColumn('rating', 'integer', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('author', 'text', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('corrective_actions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('source_type', 'text', (c) => c.notNull())
    .addColumn('source_ref', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('classification', 'text', (c) => c.notNull())
    .addColumn('cause_category', 'text', (c) => c.notNull())
    .addColumn('whys', t.json, (c) => c.notNull())
    .addColumn('root_cause', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('owner_name', 'text', (c) => c.notNull())
    .addColumn('owner_email', 'text')
    .addColumn('deadline_at', t.timestamp, (c) => c.notNull())
    .addColumn('kpi', 'text', (c) => c.notNull())
    .addColumn('kpi_baseline', 'double precision', (c) => c.notNull())
    .addColumn('kpi_target', 'double precision', (c) => c.notNull())
    .addColumn('verify_at', t.timestamp, (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('kpi_measured', 'double precision')
    .addColumn('verified_at', t.timestamp)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('kb_articles')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull())
    .addColumn('title_zh', 'text', (c) => c.notNull())
    .addColumn('body_en', 'text', (c) => c.notNull())
    .addColumn('body_zh', 'text', (c) => c.notNull())
    .addColumn('source_type', 'text')
    .addColumn('source_ref', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('meeting_calendar_days')
    .addColumn('day', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('volume_factor', 'double precision', (c) => c.notNull())
    .execute();

  // Measured throughput per person for next week's staffing: who picked, packed and reviewed when.
  await db.schema
    .createView('fulfilment_picks_view')
    .as(
      db
        .selectFrom('pick_lines')
        .select(['picked_by', 'picked_at', 'picked_quantity'])
        .where('picked_at', 'is not', null),
    )
    .execute();
  await db.schema
    .createView('fulfilment_packs_view')
    .as(db.selectFrom('parcels').select(['packed_by', 'packed_at', 'order_id']))
    .execute();
  await db.schema
    .createView('orders_review_decisions_view')
    .as(db.selectFrom('review_decisions').select(['actor_name', 'at', 'order_id']))
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const view of ['orders_review_decisions_view', 'fulfilment_packs_view', 'fulfilment_picks_view']) {
    await db.schema.dropView(view).execute();
  }
  for (const table of [
    'meeting_calendar_days',
    'kb_articles',
    'corrective_actions',
    'meeting_feedback',
    'meeting_action_items',
    'meeting_decisions',
    'meeting_issues',
    'meeting_agenda_items',
    'meetings',
    'meeting_series',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
