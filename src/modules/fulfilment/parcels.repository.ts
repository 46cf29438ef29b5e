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

/** The SQL of parcels. */
export const parcelsRepository = {
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
