import type { Executor } from '../../platform/db/database.ts';
import type { Row } from '../../platform/db/schema.ts';

/** The SQL of stock plans (warning line and safety stock per SKU and warehouse). */
export const plansRepository = {
  all(db: Executor) {
    return db.selectFrom('stock_plans').selectAll().execute();
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
};
