import { type Kysely, sql } from 'kysely';
import { columnTypes, dialectOf } from '../src/platform/db/dialect.ts';

// biome-ignore lint/suspicious/noExplicitAny: a migration sees the schema as it was, not as DB types say.
type AnyDb = Kysely<any>;

/**
 * The risk module: exception cases (moved from fulfilment's delivery_cases, which stays as the
 * detectors' record), versioned playbooks, monitors with their alerts and control measures, and
 * incidents.
 */
export async function up(db: AnyDb): Promise<void> {
  const t = columnTypes(dialectOf(db));
  await db.schema
    .createTable('risk_playbooks')
    .addColumn('case_type', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('definition', t.json, (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('risk_playbooks_pk', ['case_type', 'version'])
    .execute();

  await db.schema
    .createTable('risk_cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_type', 'text', (c) => c.notNull())
    .addColumn('order_id', 'text')
    .addColumn('shipment_id', 'text')
    .addColumn('sku', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('is_drill', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('playbook_version', 'integer', (c) => c.notNull())
    .addColumn('owner_role', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text')
    .addColumn('current_step', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('step_due_at', t.timestamp)
    .addColumn('escalated_at', t.timestamp)
    .addColumn('due_at', t.timestamp, (c) => c.notNull())
    .addColumn('opened_at', t.timestamp, (c) => c.notNull())
    .addColumn('closed_at', t.timestamp)
    .addColumn('explanation', t.json)
    .addColumn('outcome', t.json)
    .addColumn('review_note', 'text')
    .execute();
  await db.schema
    .createIndex('risk_cases_open')
    .on('risk_cases')
    .columns(['status', 'step_due_at'])
    .execute();
  await db.schema
    .createIndex('risk_cases_order')
    .on('risk_cases')
    .columns(['order_id', 'case_type', 'status'])
    .execute();
  await db.schema
    .createTable('risk_case_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('at', t.timestamp, (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('explanation', t.json)
    .addColumn('actor', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('risk_case_events_case')
    .on('risk_case_events')
    .columns(['case_id', 'id'])
    .execute();

  await db.schema
    .createTable('risk_monitors')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('metric', 'text', (c) => c.notNull())
    .addColumn('channel', 'text')
    .addColumn('window_minutes', 'integer', (c) => c.notNull())
    .addColumn('min_volume', 'integer', (c) => c.notNull())
    .addColumn('warning', 'real', (c) => c.notNull())
    .addColumn('critical', 'real', (c) => c.notNull())
    .addColumn('measure', t.json)
    .addColumn('notify', t.json, (c) => c.notNull())
    .addColumn('is_enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('risk_monitor_samples')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('monitor_id', 'text', (c) => c.notNull())
    .addColumn('at', t.timestamp, (c) => c.notNull())
    .addColumn('value', 'real', (c) => c.notNull())
    .addColumn('volume', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('risk_monitor_samples_monitor')
    .on('risk_monitor_samples')
    .columns(['monitor_id', 'at'])
    .execute();
  await db.schema
    .createTable('risk_alerts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('monitor_id', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('value', 'real', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('opened_at', t.timestamp, (c) => c.notNull())
    .addColumn('acknowledged_at', t.timestamp)
    .addColumn('acknowledged_by', 'text')
    .addColumn('note', 'text')
    .execute();
  await db.schema
    .createIndex('risk_alerts_monitor')
    .on('risk_alerts')
    .columns(['monitor_id', 'level', 'status'])
    .execute();
  await db.schema
    .createTable('risk_measures')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('monitor_id', 'text', (c) => c.notNull())
    .addColumn('alert_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('params', t.json, (c) => c.notNull())
    .addColumn('applied_at', t.timestamp, (c) => c.notNull())
    .addColumn('undone_at', t.timestamp)
    .addColumn('undone_by', 'text')
    .execute();

  await db.schema
    .createTable('risk_incidents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text')
    .addColumn('team', t.json, (c) => c.notNull())
    .addColumn('selection', t.json, (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('declared_at', t.timestamp, (c) => c.notNull())
    .addColumn('closed_at', t.timestamp)
    .addColumn('review', 'text')
    .execute();
  await db.schema
    .createTable('risk_incident_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('incident_id', 'text', (c) => c.notNull())
    .addColumn('at', t.timestamp, (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('text', 'text')
    .addColumn('explanation', t.json)
    .addColumn('actor', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('risk_incident_log_incident')
    .on('risk_incident_log')
    .columns(['incident_id', 'id'])
    .execute();

  // Existing delivery cases come over with their history: kind → case type, the old free-text
  // note kept as an explanation parameter, resolved cases closed.
  await sql`
    INSERT INTO risk_cases (id, case_type, order_id, shipment_id, source, is_drill, status,
      playbook_version, owner_role, owner_id, current_step, due_at, opened_at, closed_at, explanation)
    SELECT id,
      CASE kind WHEN 'short_pick' THEN 'out_of_stock' WHEN 'lost' THEN 'lost_parcel'
        WHEN 'damaged' THEN 'damaged' WHEN 'failed_attempt' THEN 'refused_delivery'
        WHEN 'returned' THEN 'refused_delivery' WHEN 'channel_change' THEN 'wrong_address'
        ELSE 'delayed' END,
      order_id, shipment_id, 'migrated', 0,
      CASE status WHEN 'open' THEN 'open' ELSE 'closed' END,
      1, 'support', owner_id, 0, due_at, opened_at, resolved_at,
      ${sql.raw(dialectOf(db) === 'postgres' ? "jsonb_build_object('key', 'case.migrated', 'params', jsonb_build_object('kind', kind, 'note', coalesce(note, '')))" : "json_object('key', 'case.migrated', 'params', json_object('kind', kind, 'note', coalesce(note, '')))")}
    FROM delivery_cases`.execute(db);
}
