import { type Kysely, sql } from 'kysely';
import { columnTypes, dialectOf } from '../src/platform/db/dialect.ts';

// biome-ignore lint/suspicious/noExplicitAny: a migration sees the schema as it was, not as DB types say.
type AnyDb = Kysely<any>;

/** Fulfilment and logistics: waves and picking, parcels, carriers, shipments, tracking, cases. */
export async function up(db: AnyDb): Promise<void> {
  const t = columnTypes(dialectOf(db));

  await db.schema
    .createTable('waves')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('warehouse_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('rule', t.json, (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('closed_at', t.timestamp)
    .execute();
  await db.schema
    .createTable('wave_orders')
    .addColumn('wave_id', 'text', (c) => c.notNull())
    .addColumn('order_id', 'text', (c) => c.notNull())
    .addColumn('is_active', 'integer', (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint('wave_orders_pk', ['wave_id', 'order_id'])
    .execute();
  await db.schema
    .createIndex('wave_orders_order')
    .on('wave_orders')
    .columns(['order_id', 'is_active'])
    .execute();
  await db.schema
    .createTable('pick_lines')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('wave_id', 'text', (c) => c.notNull())
    .addColumn('sku_id', 'text', (c) => c.notNull())
    .addColumn('bin', 'text')
    .addColumn('quantity', 'integer', (c) => c.notNull().check(sql`quantity > 0`))
    .addColumn('picked_quantity', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('short_quantity', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('picked_by', 'text')
    .addColumn('picked_at', t.timestamp)
    .addUniqueConstraint('pick_lines_sku', ['wave_id', 'sku_id'])
    .execute();

  await db.schema
    .createTable('parcels')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('order_id', 'text', (c) => c.notNull())
    .addColumn('weight_grams', 'integer', (c) => c.notNull())
    .addColumn('length_mm', 'integer')
    .addColumn('width_mm', 'integer')
    .addColumn('height_mm', 'integer')
    .addColumn('packed_by', 'text', (c) => c.notNull())
    .addColumn('packed_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('parcels_order').on('parcels').column('order_id').execute();

  await db.schema
    .createTable('carriers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('contract_notes', 'text')
    .addColumn('tracking_secret', 'text', (c) => c.notNull())
    .addColumn('tracking_prefix', 'text', (c) => c.notNull())
    .addColumn('range_start', t.money, (c) => c.notNull())
    .addColumn('range_end', t.money, (c) => c.notNull())
    .addColumn('range_next', t.money, (c) => c.notNull())
    .addColumn('is_active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addCheckConstraint('carriers_range', sql`range_next <= range_end + 1 and range_start <= range_end`)
    .execute();
  await db.schema
    .createTable('carrier_services')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('carrier_id', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('rate_card', t.json, (c) => c.notNull())
    .addColumn('max_weight_grams', 'integer')
    .addColumn('max_longest_side_mm', 'integer')
    .addColumn('daily_capacity', 'integer')
    .addColumn('transit_days', 'integer', (c) => c.notNull())
    .addColumn('is_active', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('carrier_services_code', ['carrier_id', 'code'])
    .execute();

  await db.schema
    .createTable('shipments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('order_id', 'text', (c) => c.notNull())
    .addColumn('carrier_id', 'text', (c) => c.notNull())
    .addColumn('service_id', 'text', (c) => c.notNull())
    .addColumn('tracking_number', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('weight_grams', 'integer', (c) => c.notNull())
    .addColumn('price_minor', t.money, (c) => c.notNull())
    .addColumn('explanation', 'text', (c) => c.notNull())
    .addColumn('promised_by', t.timestamp)
    .addColumn('shipped_at', t.timestamp, (c) => c.notNull())
    .addColumn('delivered_at', t.timestamp)
    .addColumn('last_event_at', t.timestamp)
    .addColumn('first_attempt_ok', 'integer')
    .addUniqueConstraint('shipments_tracking', ['carrier_id', 'tracking_number'])
    .execute();
  await db.schema.createIndex('shipments_order').on('shipments').column('order_id').execute();
  await db.schema.createIndex('shipments_status').on('shipments').columns(['status', 'shipped_at']).execute();
  await db.schema
    .createTable('tracking_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('shipment_id', 'text', (c) => c.notNull())
    .addColumn('carrier_id', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('raw_status', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('location', 'text')
    .addColumn('event_at', t.timestamp, (c) => c.notNull())
    .addColumn('received_at', t.timestamp, (c) => c.notNull())
    // A carrier that sends an event twice (retries, replays) stores it once.
    .addUniqueConstraint('tracking_events_external', ['carrier_id', 'external_id'])
    .execute();
  await db.schema
    .createIndex('tracking_events_shipment')
    .on('tracking_events')
    .columns(['shipment_id', 'event_at'])
    .execute();

  await db.schema
    .createTable('delivery_cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('order_id', 'text', (c) => c.notNull())
    .addColumn('shipment_id', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text')
    .addColumn('note', 'text')
    .addColumn('due_at', t.timestamp, (c) => c.notNull())
    .addColumn('opened_at', t.timestamp, (c) => c.notNull())
    .addColumn('resolved_at', t.timestamp)
    .execute();
  // One open case of a kind per shipment (or per order before shipping): detection runs repeatedly.
  await db.schema
    .createIndex('delivery_cases_open')
    .on('delivery_cases')
    .columns(['order_id', 'kind', 'status'])
    .execute();
}
