import type { Kysely } from 'kysely';
import { columnTypes, dialectOf } from '../src/platform/db/dialect.ts';

// biome-ignore lint/suspicious/noExplicitAny: a migration sees the schema as it was, not as DB types say.
type AnyDb = Kysely<any>;

/**
 * Customer notifications (service module): the messages with their delivery state, and the
 * templates operators changed (the built-in ones live in code). Settings (switches, quiet hours,
 * gateways) are one document in `settings`. The status history view lets the public order
 * lookup and the completion job read when an order reached each status without naming the
 * orders module's table.
 */
export async function up(db: AnyDb): Promise<void> {
  const t = columnTypes(dialectOf(db));
  await db.schema
    .createTable('notification_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // One message per event per order (or refund, complaint answer) per channel: the key makes
    // a redelivered event a no-op.
    .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
    .addColumn('order_id', 'text', (c) => c.notNull())
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', t.timestamp)
    .addColumn('last_error', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('sent_at', t.timestamp)
    .execute();
  await db.schema
    .createIndex('notification_messages_due')
    .on('notification_messages')
    .columns(['status', 'next_attempt_at'])
    .execute();
  await db.schema
    .createIndex('notification_messages_order')
    .on('notification_messages')
    .column('order_id')
    .execute();
  await db.schema
    .createTable('notification_templates')
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('notification_templates_pk', ['event', 'language', 'channel'])
    .execute();
  await db.schema
    .createView('orders_status_history_view')
    .as(db.selectFrom('order_status_history').select(['order_id', 'from_status', 'to_status', 'at']))
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropView('orders_status_history_view').ifExists().execute();
  await db.schema.dropTable('notification_templates').ifExists().execute();
  await db.schema.dropTable('notification_messages').ifExists().execute();
}
