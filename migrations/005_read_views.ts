import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: a migration sees the schema as it was, not as DB types say.
type AnyDb = Kysely<any>;

/**
 * Read views: the one way a module's SQL reads another (lower) module's data. Each view belongs
 * to the module it is named after and is that module's read contract; its table can change
 * behind it. Writes never go through views: they go through the owner module's functions.
 */
const views: Record<string, { table: string; columns: string[] }> = {
  // staff: who people are: no password hashes
  staff_users_view: {
    table: 'users',
    columns: [
      'id',
      'username',
      'display_name',
      'role',
      'is_active',
      'created_at',
      'updated_at',
      'last_login_at',
      'email',
    ],
  },
  // catalog: SKUs as other modules read them
  catalog_skus_view: {
    table: 'skus',
    columns: [
      'id',
      'code',
      'name',
      'barcode',
      'weight_grams',
      'length_mm',
      'width_mm',
      'height_mm',
      'price_minor',
      'currency',
      'is_active',
      'created_at',
      'updated_at',
      'is_made_to_order',
      'presale_release_at',
      'category',
      'unit_cost_minor',
      'supplier_id',
      'owner_user_id',
    ],
  },
  // catalog: sales channels
  catalog_channels_view: {
    table: 'channels',
    columns: ['id', 'name', 'kind', 'is_active', 'created_at'],
  },
  // inventory: warehouses
  inventory_warehouses_view: {
    table: 'warehouses',
    columns: [
      'id',
      'code',
      'name',
      'address',
      'time_zone',
      'cut_off',
      'coverage',
      'cost_per_order_minor',
      'is_active',
      'created_at',
      'updated_at',
    ],
  },
  // inventory: stock per SKU and warehouse
  inventory_stock_levels_view: {
    table: 'stock_levels',
    columns: [
      'sku_id',
      'warehouse_id',
      'on_hand',
      'reserved',
      'incoming',
      'bin',
      'warning_line',
      'is_low',
      'last_counted_at',
      'updated_at',
    ],
  },
  // inventory: what stock is allocated to which order line
  inventory_allocations_view: {
    table: 'allocations',
    columns: [
      'id',
      'order_id',
      'order_line_id',
      'sku_id',
      'warehouse_id',
      'quantity',
      'status',
      'created_at',
      'closed_at',
    ],
  },
  // orders: orders as fulfilment and logistics read them
  orders_orders_view: {
    table: 'orders',
    columns: [
      'id',
      'number',
      'channel_id',
      'external_id',
      'status',
      'type',
      'priority',
      'ship_by',
      'placed_at',
      'currency',
      'customer_name',
      'customer_email',
      'customer_phone',
      'ship_name',
      'ship_phone',
      'ship_country',
      'ship_province',
      'ship_city',
      'ship_district',
      'ship_line1',
      'ship_line2',
      'ship_postal_code',
      'shipping_fee_minor',
      'discount_minor',
      'total_minor',
      'payment_status',
      'payment_method',
      'paid_amount_minor',
      'paid_at',
      'buyer_note',
      'seller_note',
      'requested_service',
      'line_count',
      'hold_codes',
      'created_at',
      'updated_at',
      'rule_set_version',
      'risk_score',
      'review_stage',
      'hold_until',
      'release_at',
      'team',
      'claimed_by',
      'claimed_at',
      'group_id',
      'customer_tier',
      'type_reason',
      'priority_parts',
      'decided_at',
      'touched',
      'phone_key',
      'address_key',
      'buyer_key',
    ],
  },
  // orders: order lines
  orders_order_lines_view: {
    table: 'order_lines',
    columns: ['order_id', 'line_no', 'sku', 'name', 'quantity', 'unit_price_minor', 'parcel'],
  },
};

export async function up(db: AnyDb): Promise<void> {
  for (const [name, view] of Object.entries(views)) {
    await db.schema.createView(name).as(db.selectFrom(view.table).select(view.columns)).execute();
  }
}

export async function down(db: AnyDb): Promise<void> {
  for (const name of Object.keys(views).reverse()) await db.schema.dropView(name).ifExists().execute();
}
