import { type Kysely, sql } from 'kysely';
import { columnTypes, dialectOf } from '../src/platform/db/dialect.ts';

// biome-ignore lint/suspicious/noExplicitAny: a migration sees the schema as it was, not as DB types say.
type AnyDb = Kysely<any>;

/**
 * Inventory: warehouses, stock levels with the no-oversell CHECK, the movement ledger,
 * allocations, channel stock rules, suppliers, purchase orders, alerts and stocktakes.
 */
export async function up(db: AnyDb): Promise<void> {
  const dialect = dialectOf(db);
  const t = columnTypes(dialect);
  const serial = dialect === 'postgres' ? 'bigserial' : 'integer';

  await db.schema
    .createTable('warehouses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('address', t.json, (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('cut_off', 'text', (c) => c.notNull())
    // Region prefixes the warehouse ships to ("CN", "CN/浙江省"); empty means everywhere.
    .addColumn('coverage', t.json, (c) => c.notNull())
    .addColumn('cost_per_order_minor', t.money, (c) => c.notNull().defaultTo(0))
    .addColumn('is_active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('stock_levels')
    .addColumn('sku_id', 'text', (c) => c.notNull())
    .addColumn('warehouse_id', 'text', (c) => c.notNull())
    .addColumn('on_hand', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reserved', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('incoming', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('bin', 'text')
    // The effective warning line (set by hand or planned); crossing it raises stock.low.
    .addColumn('warning_line', 'integer')
    .addColumn('is_low', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_counted_at', t.timestamp)
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('stock_levels_pk', ['sku_id', 'warehouse_id'])
    // The no-oversell invariant lives in the database, whatever the application does.
    .addCheckConstraint(
      'stock_levels_quantities',
      sql`on_hand >= 0 and reserved >= 0 and reserved <= on_hand and incoming >= 0`,
    )
    .execute();
  await db.schema.createIndex('stock_levels_warehouse').on('stock_levels').column('warehouse_id').execute();

  await db.schema
    .createTable('stock_plans')
    .addColumn('sku_id', 'text', (c) => c.notNull())
    .addColumn('warehouse_id', 'text', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('manual_warning_line', 'integer')
    .addColumn('manual_safety_stock', 'integer')
    .addColumn('plan', t.json)
    .addColumn('planned_at', t.timestamp)
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('stock_plans_pk', ['sku_id', 'warehouse_id'])
    .execute();

  await db.schema
    .createTable('stock_movements')
    .addColumn('id', serial, (c) =>
      dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
    )
    .addColumn('sku_id', 'text', (c) => c.notNull())
    .addColumn('warehouse_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('on_hand_delta', 'integer', (c) => c.notNull())
    .addColumn('reserved_delta', 'integer', (c) => c.notNull())
    .addColumn('order_id', 'text')
    .addColumn('reference_type', 'text')
    .addColumn('reference_id', 'text')
    .addColumn('reason', 'text')
    .addColumn('actor_type', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('stock_movements_level')
    .on('stock_movements')
    .columns(['sku_id', 'warehouse_id', 'id'])
    .execute();
  await db.schema.createIndex('stock_movements_at').on('stock_movements').columns(['at']).execute();
  await db.schema.createIndex('stock_movements_order').on('stock_movements').column('order_id').execute();

  await db.schema
    .createTable('allocations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('order_id', 'text', (c) => c.notNull())
    .addColumn('order_line_id', 'text', (c) => c.notNull())
    .addColumn('sku_id', 'text', (c) => c.notNull())
    .addColumn('warehouse_id', 'text', (c) => c.notNull())
    .addColumn('quantity', 'integer', (c) => c.notNull().check(sql`quantity > 0`))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('closed_at', t.timestamp)
    .execute();
  await db.schema.createIndex('allocations_order').on('allocations').column('order_id').execute();

  await db.schema
    .createTable('channel_stock_rules')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('channel_id', 'text', (c) => c.notNull())
    .addColumn('sku_id', 'text')
    .addColumn('percent', 'integer', (c) => c.notNull().check(sql`percent between 0 and 100`))
    .addColumn('buffer', 'integer', (c) => c.notNull().check(sql`buffer >= 0`))
    .addColumn('minimum', 'integer', (c) => c.notNull().check(sql`minimum >= 0`))
    .addColumn('warehouse_ids', t.json)
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('channel_stock_rules_target')
    .on('channel_stock_rules')
    .columns(['channel_id', 'sku_id'])
    .unique()
    .execute();

  await createSupplyTables(db, t);
  await createStocktakeTables(db, t);

  for (const [name, type] of [
    ['category', 'text'],
    ['unit_cost_minor', t.money],
    ['supplier_id', 'text'],
    ['owner_user_id', 'text'],
  ] as const) {
    await db.schema
      .alterTable('skus')
      .addColumn(name, type as 'text')
      .execute();
  }

  // Low-stock mail goes to the SKU's owner.
  await db.schema.alterTable('users').addColumn('email', 'text').execute();

  const now = new Date().toISOString();
  await db
    .insertInto('warehouses')
    .values({
      id: 'main',
      code: 'main',
      name: 'Main warehouse',
      address: JSON.stringify({
        country: 'CN',
        province: '',
        city: '',
        district: '',
        line1: '',
        postalCode: '',
      }),
      time_zone: 'Asia/Shanghai',
      cut_off: '16:00',
      coverage: '[]',
      cost_per_order_minor: 0,
      is_active: 1,
      created_at: now,
      updated_at: now,
    })
    .execute();
}

async function createSupplyTables(db: AnyDb, t: ReturnType<typeof columnTypes>): Promise<void> {
  await db.schema
    .createTable('suppliers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('contact_name', 'text')
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('lead_time_days', 'integer', (c) => c.notNull().check(sql`lead_time_days >= 0`))
    .addColumn('min_order_qty', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('pack_size', 'integer', (c) => c.notNull().defaultTo(1).check(sql`pack_size >= 1`))
    .addColumn('max_order_qty', 'integer')
    .addColumn('notes', 'text')
    .addColumn('is_active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('purchase_orders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('supplier_id', 'text', (c) => c.notNull())
    .addColumn('warehouse_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text')
    .addColumn('due_at', t.timestamp)
    .addColumn('note', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('sent_at', t.timestamp)
    .addColumn('closed_at', t.timestamp)
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('purchase_orders_status')
    .on('purchase_orders')
    .columns(['status', 'due_at'])
    .execute();

  await db.schema
    .createTable('purchase_order_lines')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('purchase_order_id', 'text', (c) => c.notNull())
    .addColumn('sku_id', 'text', (c) => c.notNull())
    .addColumn('quantity', 'integer', (c) => c.notNull().check(sql`quantity > 0`))
    .addColumn('received_quantity', 'integer', (c) =>
      c.notNull().defaultTo(0).check(sql`received_quantity >= 0`),
    )
    .addColumn('unit_cost_minor', t.money, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('purchase_order_lines_order')
    .on('purchase_order_lines')
    .column('purchase_order_id')
    .execute();

  await db.schema
    .createTable('stock_alerts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('sku_id', 'text', (c) => c.notNull())
    .addColumn('warehouse_id', 'text', (c) => c.notNull())
    .addColumn('available', 'integer', (c) => c.notNull())
    .addColumn('warning_line', 'integer', (c) => c.notNull())
    .addColumn('raised_at', t.timestamp, (c) => c.notNull())
    .addColumn('cleared_at', t.timestamp)
    .execute();
  await db.schema
    .createIndex('stock_alerts_open')
    .on('stock_alerts')
    .columns(['cleared_at', 'raised_at'])
    .execute();
}

async function createStocktakeTables(db: AnyDb, t: ReturnType<typeof columnTypes>): Promise<void> {
  await db.schema
    .createTable('stocktakes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('warehouse_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('classes', t.json)
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('approved_by', 'text')
    .addColumn('closed_at', t.timestamp)
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('stocktake_lines')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('stocktake_id', 'text', (c) => c.notNull())
    .addColumn('sku_id', 'text', (c) => c.notNull())
    .addColumn('bin', 'text')
    // What the books said when the count began; never shown to the counter (blind count).
    .addColumn('expected', 'integer', (c) => c.notNull())
    .addColumn('counted', 'integer', (c) => c.check(sql`counted >= 0`))
    .addColumn('counted_by', 'text')
    .addColumn('counted_at', t.timestamp)
    .addColumn('note', 'text')
    .addColumn('unit_cost_minor', t.money, (c) => c.notNull())
    .addUniqueConstraint('stocktake_lines_sku', ['stocktake_id', 'sku_id'])
    .execute();
}
