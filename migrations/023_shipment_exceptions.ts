import { type Kysely, sql } from 'kysely';
import { columnTypes, dialectOf } from '../src/platform/db/dialect.ts';

// biome-ignore lint/suspicious/noExplicitAny: a migration sees the schema as it was, not as DB types say.
type AnyDb = Kysely<any>;

/** A detector's kind → the risk case type it opens (as 012 mapped it; frozen here). */
const caseTypeOf = (kind: string) =>
  sql.raw(`CASE ${kind} WHEN 'short_pick' THEN 'out_of_stock' WHEN 'lost' THEN 'lost_parcel'
    WHEN 'damaged' THEN 'damaged' WHEN 'failed_attempt' THEN 'refused_delivery'
    WHEN 'returned' THEN 'refused_delivery' WHEN 'channel_change' THEN 'wrong_address'
    ELSE 'delayed' END`);

/**
 * Exception cases live in the risk module only. Fulfilment's `delivery_cases` had its own
 * status and resolve, so one exception could be worked in two places; it becomes
 * `shipment_exceptions`, the detectors' record of what they saw: no owner, deadline or status,
 * only `released_at`, set when the risk case it opened closes, so a recurrence opens a new case.
 *
 * 1. Delivery cases no risk case stands for (opened after 012 whose event was not yet handled,
 *    or whose risk case closed before the delivery case opened) become risk cases, keyed by
 *    the delivery case's id as 012 did; an open one stays open.
 * 2. Each delivery case becomes an exception: a resolved one released when it was resolved, an
 *    open one released when no open risk case of its type remains on the order.
 * 3. `delivery_cases` is dropped.
 */
export async function up(db: AnyDb): Promise<void> {
  const dialect = dialectOf(db);
  const t = columnTypes(dialect);
  const explanation =
    dialect === 'postgres'
      ? "jsonb_build_object('key', 'case.migrated', 'params', jsonb_build_object('kind', d.kind, 'note', coalesce(d.note, '')))"
      : "json_object('key', 'case.migrated', 'params', json_object('kind', d.kind, 'note', coalesce(d.note, '')))";
  await sql`
    INSERT INTO risk_cases (id, case_type, order_id, shipment_id, source, is_drill, status,
      playbook_version, owner_role, owner_id, current_step, due_at, opened_at, closed_at, explanation)
    SELECT d.id, ${caseTypeOf('d.kind')}, d.order_id, d.shipment_id, 'migrated', 0,
      CASE d.status WHEN 'open' THEN 'open' ELSE 'closed' END,
      1, 'support', d.owner_id, 0, d.due_at, d.opened_at, d.resolved_at, ${sql.raw(explanation)}
    FROM delivery_cases d
    WHERE NOT EXISTS (SELECT 1 FROM risk_cases r WHERE r.id = d.id)
      AND NOT EXISTS (
        SELECT 1 FROM risk_cases r
        WHERE r.order_id = d.order_id AND r.case_type = ${caseTypeOf('d.kind')} AND r.is_drill = 0
          AND (r.closed_at IS NULL OR r.closed_at >= d.opened_at))`.execute(db);

  await db.schema
    .createTable('shipment_exceptions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('order_id', 'text', (c) => c.notNull())
    .addColumn('shipment_id', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('detected_at', t.timestamp, (c) => c.notNull())
    .addColumn('released_at', t.timestamp)
    .execute();
  // Detection runs repeatedly: the active exception of a kind on an order is looked up by these.
  await db.schema
    .createIndex('shipment_exceptions_order')
    .on('shipment_exceptions')
    .columns(['order_id', 'kind', 'released_at'])
    .execute();
  await db.schema
    .createIndex('shipment_exceptions_shipment')
    .on('shipment_exceptions')
    .columns(['shipment_id', 'kind'])
    .execute();

  await sql`
    INSERT INTO shipment_exceptions (id, order_id, shipment_id, kind, note, detected_at, released_at)
    SELECT d.id, d.order_id, d.shipment_id, d.kind, d.note, d.opened_at,
      CASE
        WHEN d.status <> 'open' THEN coalesce(d.resolved_at, d.opened_at)
        WHEN EXISTS (
          SELECT 1 FROM risk_cases r
          WHERE r.order_id = d.order_id AND r.case_type = ${caseTypeOf('d.kind')} AND r.status = 'open')
        THEN NULL
        ELSE coalesce((
          SELECT max(r.closed_at) FROM risk_cases r
          WHERE r.order_id = d.order_id AND r.case_type = ${caseTypeOf('d.kind')}), d.opened_at)
      END
    FROM delivery_cases d`.execute(db);

  await db.schema.dropTable('delivery_cases').execute();
}
