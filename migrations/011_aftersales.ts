import type { Kysely } from 'kysely';
import { columnTypes, dialectOf } from '../src/platform/db/dialect.ts';

// biome-ignore lint/suspicious/noExplicitAny: a migration sees the schema as it was, not as DB types say.
type AnyDb = Kysely<any>;

/**
 * After-sales: complaints with their conversation and routing table, returns and exchanges with
 * their inspected lines, refunds, satisfaction surveys. Plus the read views service needs from
 * lower modules (shipments, status history), so its SQL never names their tables.
 */
export async function up(db: AnyDb): Promise<void> {
  const t = columnTypes(dialectOf(db));

  await db.schema
    .createTable('service_routing')
    .addColumn('category', 'text', (c) => c.primaryKey())
    .addColumn('department', 'text', (c) => c.notNull())
    .addColumn('team', 'text', (c) => c.notNull())
    .addColumn('first_response_hours', 'integer', (c) => c.notNull())
    .addColumn('resolution_hours', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('service_complaints')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('order_id', 'text')
    .addColumn('order_number', 'text')
    .addColumn('shipment_id', 'text')
    .addColumn('carrier_id', 'text')
    .addColumn('sku', 'text')
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('department', 'text', (c) => c.notNull())
    .addColumn('team', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('customer_name', 'text')
    .addColumn('customer_email', 'text')
    .addColumn('customer_phone', 'text')
    .addColumn('reply_token', 'text', (c) => c.notNull().unique())
    .addColumn('first_response_due_at', t.timestamp, (c) => c.notNull())
    .addColumn('resolution_due_at', t.timestamp, (c) => c.notNull())
    .addColumn('first_responded_at', t.timestamp)
    .addColumn('resolved_at', t.timestamp)
    .addColumn('breached_at', t.timestamp)
    .addColumn('resolution_kind', 'text')
    .addColumn('resolution_cost_minor', t.money)
    .addColumn('resolution_note', 'text')
    .addColumn('rating', 'integer')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('service_complaints_order')
    .on('service_complaints')
    .column('order_id')
    .execute();
  await db.schema
    .createIndex('service_complaints_queue')
    .on('service_complaints')
    .columns(['status', 'resolution_due_at'])
    .execute();

  await db.schema
    .createTable('service_complaint_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('complaint_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('author', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('service_complaint_messages_complaint')
    .on('service_complaint_messages')
    .column('complaint_id')
    .execute();

  await db.schema
    .createTable('service_returns')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('order_id', 'text', (c) => c.notNull())
    .addColumn('order_number', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('customer_email', 'text')
    .addColumn('decision', 'text')
    .addColumn('replacement_order_id', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('service_returns_order').on('service_returns').column('order_id').execute();

  await db.schema
    .createTable('service_return_lines')
    .addColumn('return_id', 'text', (c) => c.notNull())
    .addColumn('line_no', 'integer', (c) => c.notNull())
    .addColumn('sku', 'text', (c) => c.notNull())
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('unit_price_minor', t.money, (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('warehouse', 'text')
    .addColumn('inspection_note', 'text')
    .addPrimaryKeyConstraint('service_return_lines_pk', ['return_id', 'line_no'])
    .execute();

  await db.schema
    .createTable('service_refunds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('order_id', 'text', (c) => c.notNull())
    .addColumn('return_id', 'text')
    .addColumn('complaint_id', 'text')
    .addColumn('amount_minor', t.money, (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('service_refunds_order').on('service_refunds').column('order_id').execute();

  await db.schema
    .createTable('service_surveys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('order_id', 'text', (c) => c.notNull().unique())
    .addColumn('carrier_id', 'text')
    .addColumn('channel_id', 'text')
    .addColumn('team', 'text')
    .addColumn('skus', t.json, (c) => c.notNull())
    .addColumn('sent_at', t.timestamp, (c) => c.notNull())
    .addColumn('answered_at', t.timestamp)
    .addColumn('csat', 'integer')
    .addColumn('nps', 'integer')
    .addColumn('comment', 'text')
    .addColumn('problems', t.json)
    .addColumn('follow_up_complaint_id', 'text')
    .execute();

  await db.schema
    .createView('logistics_shipments_view')
    .as(
      db
        .selectFrom('shipments')
        .select(['id', 'order_id', 'carrier_id', 'tracking_number', 'status', 'shipped_at', 'delivered_at']),
    )
    .execute();
  // orders_status_history_view comes from 010_notifications.
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropView('logistics_shipments_view').ifExists().execute();
  for (const table of [
    'service_surveys',
    'service_refunds',
    'service_return_lines',
    'service_returns',
    'service_complaint_messages',
    'service_complaints',
    'service_routing',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
