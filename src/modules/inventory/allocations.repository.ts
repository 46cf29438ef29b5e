import type { Executor } from '../../platform/db/database.ts';
import type { NewRow } from '../../platform/db/schema.ts';

/** The SQL of allocations: which order's line holds how many units where. */
export const allocationsRepository = {
  async insert(tx: Executor, rows: readonly NewRow<'allocations'>[]): Promise<void> {
    await tx
      .insertInto('allocations')
      .values([...rows])
      .execute();
  },

  /** An order's reservations still open, in the lock order (SKU, then warehouse). */
  openOf(tx: Executor, orderId: string) {
    return tx
      .selectFrom('allocations')
      .selectAll()
      .where('order_id', '=', orderId)
      .where('status', '=', 'reserved')
      .orderBy('sku_id')
      .orderBy('warehouse_id')
      .execute();
  },

  async close(tx: Executor, orderId: string, to: 'released' | 'issued', at: string): Promise<void> {
    await tx
      .updateTable('allocations')
      .set({ status: to, closed_at: at })
      .where('order_id', '=', orderId)
      .where('status', '=', 'reserved')
      .execute();
  },

  /** An order's allocations with SKU and warehouse codes, oldest first. */
  ofOrder(db: Executor, orderId: string) {
    return db
      .selectFrom('allocations as a')
      .innerJoin('catalog_skus_view as s', 's.id', 'a.sku_id')
      .innerJoin('warehouses as w', 'w.id', 'a.warehouse_id')
      .select([
        'a.id',
        'a.order_line_id',
        's.code',
        'w.code as warehouse',
        'a.quantity',
        'a.status',
        'a.created_at',
      ])
      .where('a.order_id', '=', orderId)
      .orderBy('a.created_at')
      .orderBy('a.id')
      .execute();
  },
};
