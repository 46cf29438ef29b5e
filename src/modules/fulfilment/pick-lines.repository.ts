import { sql } from 'kysely';
import { insertRows } from '../../platform/db/bulk.ts';
import type { Executor } from '../../platform/db/database.ts';
import { uuidv7 } from '../../platform/ids.ts';

/**
 * The SQL of pick lines: one per SKU and bin of a wave. Allocations, stock levels, SKUs and
 * orders are read through their owners' views.
 */
export const pickLinesRepository = {
  /** One pick line per SKU and bin over the wave's reservations in its warehouse. */
  async insertForWave(db: Executor, waveId: string, warehouseId: string): Promise<void> {
    const rows = await db
      .selectFrom('inventory_allocations_view as a')
      .innerJoin('wave_orders as wo', 'wo.order_id', 'a.order_id')
      .leftJoin('inventory_stock_levels_view as l', (join) =>
        join.onRef('l.sku_id', '=', 'a.sku_id').onRef('l.warehouse_id', '=', 'a.warehouse_id'),
      )
      .select(['a.sku_id', 'l.bin'])
      .select((eb) => eb.fn.sum<number>('a.quantity').as('quantity'))
      .where('wo.wave_id', '=', waveId)
      .where('wo.is_active', '=', 1)
      .where('a.status', '=', 'reserved')
      .where('a.warehouse_id', '=', warehouseId)
      .groupBy(['a.sku_id', 'l.bin'])
      .execute();
    await insertRows(
      db,
      'pick_lines',
      rows.map((r) => ({
        id: uuidv7(),
        wave_id: waveId,
        sku_id: r.sku_id,
        bin: r.bin,
        quantity: Number(r.quantity),
      })),
    );
  },

  /** The wave's line of a SKU, by SKU code or barcode as scanned. */
  findByScan(db: Executor, waveId: string, scan: string) {
    return db
      .selectFrom('pick_lines as p')
      .innerJoin('catalog_skus_view as s', 's.id', 'p.sku_id')
      .selectAll('p')
      .select('s.code')
      .where('p.wave_id', '=', waveId)
      .where((eb) => eb.or([eb('s.code', '=', scan), eb('s.barcode', '=', scan)]))
      .executeTakeFirst();
  },

  async recordPick(
    db: Executor,
    lineId: string,
    pick: { pickedQuantity: number; shortQuantity: number; pickedBy: string; pickedAt: string },
  ): Promise<void> {
    await db
      .updateTable('pick_lines')
      .set({
        picked_quantity: pick.pickedQuantity,
        short_quantity: pick.shortQuantity,
        picked_by: pick.pickedBy,
        picked_at: pick.pickedAt,
      })
      .where('id', '=', lineId)
      .execute();
  },

  /**
   * Orders leaving the wave: their reserved units come off its pick lines. What is left to pick
   * is what the remaining orders need; units picked beyond that go back.
   */
  async takeOffOrders(db: Executor, waveId: string, orderIds: readonly string[]): Promise<void> {
    const released = await db
      .selectFrom('inventory_allocations_view')
      .select(['sku_id'])
      .select((eb) => eb.fn.sum<number>('quantity').as('quantity'))
      .where('order_id', 'in', orderIds)
      .where('status', '=', 'reserved')
      .groupBy('sku_id')
      .execute();
    for (const r of released) {
      const reduceBy = Number(r.quantity);
      await db
        .updateTable('pick_lines')
        .set({
          quantity: sql`quantity - ${reduceBy}`,
          picked_quantity: sql`case when picked_quantity > quantity - ${reduceBy} then quantity - ${reduceBy} else picked_quantity end`,
        })
        .where('wave_id', '=', waveId)
        .where('sku_id', '=', r.sku_id)
        .execute();
    }
  },

  /** Every line picked in full: the wave is done. */
  async isAllPicked(db: Executor, waveId: string): Promise<boolean> {
    const open = await db
      .selectFrom('pick_lines')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('wave_id', '=', waveId)
      .whereRef('quantity', '>', 'picked_quantity')
      .executeTakeFirstOrThrow();
    return Number(open.n) === 0;
  },

  /** The pick list: bins in order, SKUs without a bin last, so a picker walks the aisles once. */
  listForWave(db: Executor, waveId: string) {
    return db
      .selectFrom('pick_lines as p')
      .innerJoin('catalog_skus_view as s', 's.id', 'p.sku_id')
      .select([
        'p.sku_id',
        's.code',
        's.name',
        's.barcode',
        'p.bin',
        'p.quantity',
        'p.picked_quantity',
        'p.short_quantity',
      ])
      .where('p.wave_id', '=', waveId)
      .where('p.quantity', '>', 0)
      .orderBy(sql`p.bin is null`)
      .orderBy('p.bin')
      .orderBy('s.code')
      .execute();
  },

  /** Which of the wave's orders need each SKU, for the pick list's order column. */
  orderSkus(db: Executor, waveId: string) {
    return db
      .selectFrom('inventory_allocations_view as a')
      .innerJoin('wave_orders as wo', 'wo.order_id', 'a.order_id')
      .innerJoin('orders_orders_view as o', 'o.id', 'a.order_id')
      .select(['a.sku_id', 'o.number'])
      .where('wo.wave_id', '=', waveId)
      .where('wo.is_active', '=', 1)
      .execute();
  },
};
