import { type Kysely, sql } from 'kysely';
import { dialectOf } from '../src/platform/db/dialect.ts';

// biome-ignore lint/suspicious/noExplicitAny: a migration sees the schema as it was, not as DB types say.
type AnyDb = Kysely<any>;

/**
 * Indexes that keep reports and order search within their bounds at a million orders. Reports
 * read an order's first event of each kind: (order_id, type, at) answers that from the index
 * alone. Order search matches the channel's order id on its own (the unique key leads with the
 * channel) and a customer name by its case-insensitive prefix: PostgreSQL's ILIKE is LIKE over
 * lower() of both sides, so an index of lower(name) with text_pattern_ops serves the prefix;
 * SQLite's LIKE is case-insensitive for ASCII, which a NOCASE index serves.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createIndex('order_events_order_type_at')
    .on('order_events')
    .columns(['order_id', 'type', 'at'])
    .execute();
  await db.schema.createIndex('orders_external_id').on('orders').column('external_id').execute();
  if (dialectOf(db) === 'postgres')
    await sql`create index orders_customer_name_prefix on orders (lower(customer_name) text_pattern_ops)`.execute(
      db,
    );
  else
    await sql`create index orders_customer_name_prefix on orders (customer_name collate nocase)`.execute(db);
}

export async function down(db: AnyDb): Promise<void> {
  for (const name of ['orders_customer_name_prefix', 'orders_external_id', 'order_events_order_type_at'])
    await db.schema.dropIndex(name).ifExists().execute();
}
