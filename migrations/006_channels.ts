import type { Kysely } from 'kysely';
import { columnTypes, dialectOf } from '../src/platform/db/dialect.ts';

// biome-ignore lint/suspicious/noExplicitAny: a migration sees the schema as it was, not as DB types say.
type AnyDb = Kysely<any>;

/**
 * Channel connectors: how each sales channel reaches Ordo (its webhook secret, the shop's REST
 * API for the reconciliation pull), and every delivery it made, kept with its raw payload so a
 * delivery that could not be mapped is shown and replayed rather than lost.
 */
export async function up(db: AnyDb): Promise<void> {
  const t = columnTypes(dialectOf(db));

  await db.schema
    .createTable('channel_connectors')
    .addColumn('channel_id', 'text', (c) => c.primaryKey())
    .addColumn('connector', 'text', (c) => c.notNull())
    .addColumn('webhook_secret', 'text')
    .addColumn('shop_url', 'text')
    .addColumn('api_token', 'text')
    .addColumn('api_key', 'text')
    .addColumn('api_secret', 'text')
    .addColumn('pull_every_minutes', 'integer', (c) => c.notNull().defaultTo(15))
    .addColumn('pull_cursor', t.timestamp)
    .addColumn('last_pull_at', t.timestamp)
    .addColumn('last_pull_error', 'text')
    .addColumn('signature_failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_signature_failure_at', t.timestamp)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();

  // The payload is kept as the exact text received: re-serialised JSON would lose ids above 2^53.
  await db.schema
    .createTable('channel_deliveries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('channel_id', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('delivery_key', 'text')
    .addColumn('external_id', 'text')
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('error', 'text')
    .addColumn('order_id', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('received_at', t.timestamp, (c) => c.notNull())
    .addColumn('processed_at', t.timestamp)
    // At-least-once delivery: a platform's retry of one delivery id is recognised, not re-applied.
    .addUniqueConstraint('channel_deliveries_key', ['channel_id', 'delivery_key'])
    .execute();
  await db.schema
    .createIndex('channel_deliveries_outcome')
    .on('channel_deliveries')
    .columns(['channel_id', 'outcome', 'id'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('channel_deliveries').execute();
  await db.schema.dropTable('channel_connectors').execute();
}
