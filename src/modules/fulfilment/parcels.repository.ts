import type { Executor } from '../../platform/db/database.ts';
import type { NewRow } from '../../platform/db/schema.ts';

/** A closed parcel as shipping reads it: what the delivery rules weigh and measure. */
export interface PackedParcel {
  orderId: string;
  weightGrams: number;
  lengthMm: number | null;
  widthMm: number | null;
  heightMm: number | null;
  packedAt: string;
}

/**
 * The SQL of parcels, and of what the packing station reads to fill one: the order and its lines
 * through orders' views, names and barcodes through catalog's.
 */
export const parcelsRepository = {
  /** An order by id or number, as scanned from the tote or the slip. */
  orderToPack(db: Executor, reference: string) {
    return db
      .selectFrom('orders_orders_view')
      .select(['id', 'number', 'status', 'customer_name', 'ship_city', 'buyer_note'])
      .where((eb) => eb.or([eb('id', '=', reference), eb('number', '=', reference)]))
      .executeTakeFirst();
  },

  /** The order's units per SKU, with the catalog's name and barcode when the SKU is known. */
  itemsToPack(db: Executor, orderId: string) {
    return db
      .selectFrom('orders_order_lines_view as l')
      .leftJoin('catalog_skus_view as s', 's.code', 'l.sku')
      .select(['l.sku', 'l.name', 's.name as sku_name', 's.barcode'])
      .select((eb) => eb.fn.sum<number>('l.quantity').as('quantity'))
      .where('l.order_id', '=', orderId)
      .groupBy(['l.sku', 'l.name', 's.name', 's.barcode'])
      .orderBy('l.sku')
      .execute();
  },

  /** Who picked each SKU of the order: its SKUs' picked lines in the order's active wave. */
  pickersOfOrder(db: Executor, orderId: string) {
    return db
      .selectFrom('wave_orders as wo')
      .innerJoin('pick_lines as p', 'p.wave_id', 'wo.wave_id')
      .innerJoin('catalog_skus_view as s', 's.id', 'p.sku_id')
      .innerJoin('orders_order_lines_view as l', (join) =>
        join.onRef('l.order_id', '=', 'wo.order_id').onRef('l.sku', '=', 's.code'),
      )
      .select(['s.code as sku', 'p.picked_by'])
      .distinct()
      .where('wo.order_id', '=', orderId)
      .where('wo.is_active', '=', 1)
      .where('p.picked_by', 'is not', null)
      .execute();
  },

  async insert(db: Executor, row: NewRow<'parcels'>): Promise<void> {
    await db.insertInto('parcels').values(row).execute();
  },

  /** The order's last packed parcel (a repack replaces the one before). */
  async latestForOrder(db: Executor, orderId: string): Promise<PackedParcel | undefined> {
    const row = await db
      .selectFrom('parcels')
      .selectAll()
      .where('order_id', '=', orderId)
      .orderBy('packed_at', 'desc')
      .executeTakeFirst();
    return (
      row && {
        orderId: row.order_id,
        weightGrams: row.weight_grams,
        lengthMm: row.length_mm,
        widthMm: row.width_mm,
        heightMm: row.height_mm,
        packedAt: row.packed_at,
      }
    );
  },
};
