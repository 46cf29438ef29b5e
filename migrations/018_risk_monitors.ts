import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: a migration sees the schema as it was, not as DB types say.
type AnyDb = Kysely<any>;

/**
 * Risk monitors over carriers, stock, demand and interfaces: a monitor may name a carrier and a
 * SKU, and the windows the metrics read get index ranges so a cycle over a million orders stays
 * well under a second (bench/monitors.ts).
 */
const indexes: [name: string, table: string, columns: string[]][] = [
  ['orders_created', 'orders', ['created_at']],
  ['orders_channel_created', 'orders', ['channel_id', 'created_at']],
  ['shipments_shipped', 'shipments', ['shipped_at']],
  ['shipments_carrier_shipped', 'shipments', ['carrier_id', 'shipped_at']],
  ['channel_sync_log_at', 'channel_sync_log', ['at']],
  ['channel_deliveries_received', 'channel_deliveries', ['received_at']],
  ['risk_cases_shipment', 'risk_cases', ['shipment_id']],
];

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('risk_monitors').addColumn('carrier', 'text').execute();
  await db.schema.alterTable('risk_monitors').addColumn('sku', 'text').execute();
  for (const [name, table, columns] of indexes)
    await db.schema.createIndex(name).ifNotExists().on(table).columns(columns).execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const [name] of indexes) await db.schema.dropIndex(name).ifExists().execute();
  await db.schema.alterTable('risk_monitors').dropColumn('sku').execute();
  await db.schema.alterTable('risk_monitors').dropColumn('carrier').execute();
}
