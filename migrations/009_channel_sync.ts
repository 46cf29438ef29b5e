import type { Kysely } from 'kysely';
import { columnTypes, dialectOf } from '../src/platform/db/dialect.ts';

// biome-ignore lint/suspicious/noExplicitAny: a migration sees the schema as it was, not as DB types say.
type AnyDb = Kysely<any>;

/**
 * Sync back: what Ordo pushes to a channel's platform (stock per SKU, tracking per shipment).
 * Settings per channel, the platform's id of each SKU (and whether it is excluded), a queue of
 * one pending push per SKU or shipment (so a burst of changes is one push of the latest value)
 * and a log of every push attempt with its result.
 */
export async function up(db: AnyDb): Promise<void> {
  const t = columnTypes(dialectOf(db));

  await db.schema
    .createTable('channel_sync_settings')
    .addColumn('channel_id', 'text', (c) => c.primaryKey())
    .addColumn('stock_enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('tracking_enabled', 'integer', (c) => c.notNull().defaultTo(1))
    // Shopify stock is set per location; WooCommerce has one stock figure per product.
    .addColumn('location_id', 'text')
    .addColumn('max_per_second', 'integer', (c) => c.notNull().defaultTo(2))
    .addColumn('alert_silent_minutes', 'integer')
    .addColumn('alert_failure_percent', 'integer')
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('channel_sync_skus')
    .addColumn('channel_id', 'text', (c) => c.notNull())
    .addColumn('sku', 'text', (c) => c.notNull())
    // Shopify inventory_item_id, WooCommerce product id.
    .addColumn('external_ref', 'text')
    .addColumn('excluded', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('channel_sync_skus_pk', ['channel_id', 'sku'])
    .execute();

  await db.schema
    .createTable('channel_sync_queue')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('channel_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('payload', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    // Bumped by every change: a push only settles the row if nothing changed while it ran.
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('due_at', t.timestamp, (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addUniqueConstraint('channel_sync_queue_target', ['channel_id', 'kind', 'target'])
    .execute();
  await db.schema
    .createIndex('channel_sync_queue_due')
    .on('channel_sync_queue')
    .columns(['state', 'due_at'])
    .execute();

  await db.schema
    .createTable('channel_sync_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('channel_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('request', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('http_status', 'integer')
    .addColumn('attempt', 'integer', (c) => c.notNull())
    .addColumn('error', 'text')
    .addColumn('at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('channel_sync_log_channel')
    .on('channel_sync_log')
    .columns(['channel_id', 'id'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('channel_sync_log').execute();
  await db.schema.dropTable('channel_sync_queue').execute();
  await db.schema.dropTable('channel_sync_skus').execute();
  await db.schema.dropTable('channel_sync_settings').execute();
}
