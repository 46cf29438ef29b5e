import type { Executor } from '../../platform/db/database.ts';
import type { Row } from '../../platform/db/schema.ts';

/** The SQL of stock plans (warning line and safety stock per SKU and warehouse). */
export const plansRepository = {
  all(db: Executor) {
    return db.selectFrom('stock_plans').selectAll().execute();
  },

  /** Stored plans of one SKU by code (null: every SKU). */
  plansOfSkuCode(db: Executor, skuCode: string | null) {
    let query = db.selectFrom('stock_plans as p').select('p.plan');
    if (skuCode)
      query = query.innerJoin('catalog_skus_view as s', 's.id', 'p.sku_id').where('s.code', '=', skuCode);
    return query.execute();
  },

  ofSku(db: Executor, skuId: string) {
    return db.selectFrom('stock_plans').selectAll().where('sku_id', '=', skuId).execute();
  },

  async upsert(
    tx: Executor,
    key: { skuId: string; warehouseId: string },
    values: Omit<Row<'stock_plans'>, 'sku_id' | 'warehouse_id'>,
  ): Promise<void> {
    await tx
      .insertInto('stock_plans')
      .values({ sku_id: key.skuId, warehouse_id: key.warehouseId, ...values })
      .onConflict((oc) => oc.columns(['sku_id', 'warehouse_id']).doUpdateSet(values))
      .execute();
  },

  /** Every level with the lead time of its SKU's supplier (null without one). */
  levelsWithLeadTime(db: Executor) {
    return db
      .selectFrom('stock_levels as l')
      .innerJoin('catalog_skus_view as s', 's.id', 'l.sku_id')
      .leftJoin('suppliers as p', 'p.id', 's.supplier_id')
      .select(['l.sku_id', 'l.warehouse_id', 'p.lead_time_days'])
      .execute();
  },

  /** Levels with a warning line of active SKUs, with supplier terms and plan: what to reorder. */
  suggestionSource(db: Executor, filter: { warehouse?: string; supplier?: string }) {
    let query = db
      .selectFrom('stock_levels as l')
      .innerJoin('catalog_skus_view as s', 's.id', 'l.sku_id')
      .innerJoin('warehouses as w', 'w.id', 'l.warehouse_id')
      .leftJoin('suppliers as p', 'p.id', 's.supplier_id')
      .leftJoin('stock_plans as sp', (join) =>
        join.onRef('sp.sku_id', '=', 'l.sku_id').onRef('sp.warehouse_id', '=', 'l.warehouse_id'),
      )
      .select([
        's.code as sku',
        's.name as sku_name',
        's.currency',
        's.unit_cost_minor',
        'w.code as warehouse',
        'p.code as supplier',
        'p.lead_time_days',
        'p.min_order_qty',
        'p.pack_size',
        'p.max_order_qty',
        'l.on_hand',
        'l.reserved',
        'l.incoming',
        'l.warning_line',
        'sp.mode',
        'sp.plan',
      ])
      .where('l.warning_line', 'is not', null)
      .where('s.is_active', '=', 1);
    if (filter.warehouse) query = query.where('w.code', '=', filter.warehouse);
    if (filter.supplier) query = query.where('p.code', '=', filter.supplier);
    return query.orderBy('s.code').orderBy('w.code').execute();
  },
};
