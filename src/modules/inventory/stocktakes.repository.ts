import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { NewRow, Row } from '../../platform/db/schema.ts';

function stocktakesWithWarehouse(db: Executor) {
  return db
    .selectFrom('stocktakes as t')
    .innerJoin('warehouses as w', 'w.id', 't.warehouse_id')
    .selectAll('t')
    .select('w.code as warehouse_code');
}

/** The SQL of stocktakes and their count lines; SKU codes through catalog's view. */
export const stocktakesRepository = {
  findById(db: Executor, id: string) {
    return db.selectFrom('stocktakes').selectAll().where('id', '=', id).executeTakeFirst();
  },

  findWithWarehouse(db: Executor, id: string) {
    return stocktakesWithWarehouse(db).where('t.id', '=', id).executeTakeFirst();
  },

  /** The warehouse's stocktake still counting or in review, if any. */
  findOpen(db: Executor, warehouseId: string) {
    return db
      .selectFrom('stocktakes')
      .select(['id', 'number'])
      .where('warehouse_id', '=', warehouseId)
      .where('status', 'in', ['counting', 'review'])
      .executeTakeFirst();
  },

  /** The stock records a new count sheet lists (all, or those of some SKUs), by bin then code. */
  sheetSource(db: Executor, warehouseId: string, skuIds: readonly string[] | null) {
    let levels = db
      .selectFrom('stock_levels as l')
      .innerJoin('catalog_skus_view as s', 's.id', 'l.sku_id')
      .select(['l.sku_id', 'l.bin', 'l.on_hand', 's.unit_cost_minor', 's.price_minor'])
      .where('l.warehouse_id', '=', warehouseId);
    if (skuIds) levels = levels.where('l.sku_id', 'in', skuIds.length > 0 ? [...skuIds] : ['']);
    return levels.orderBy('l.bin').orderBy('s.code').execute();
  },

  async insert(
    tx: Executor,
    stocktake: NewRow<'stocktakes'>,
    lines: readonly NewRow<'stocktake_lines'>[],
  ): Promise<void> {
    await tx.insertInto('stocktakes').values(stocktake).execute();
    for (let i = 0; i < lines.length; i += 500)
      await tx
        .insertInto('stocktake_lines')
        .values(lines.slice(i, i + 500))
        .execute();
  },

  /** Changes one line by SKU; false when the SKU is not on the sheet. */
  async updateLine(
    tx: Executor,
    stocktakeId: string,
    skuId: string,
    set: Partial<Row<'stocktake_lines'>>,
  ): Promise<boolean> {
    const result = await tx
      .updateTable('stocktake_lines')
      .set(set)
      .where('stocktake_id', '=', stocktakeId)
      .where('sku_id', '=', skuId)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  },

  /** Changes the stocktake if it still has the status it was read with; false otherwise. */
  async update(
    tx: Executor,
    id: string,
    set: Partial<Row<'stocktakes'>>,
    whileStatus?: string,
  ): Promise<boolean> {
    let query = tx.updateTable('stocktakes').set(set).where('id', '=', id);
    if (whileStatus) query = query.where('status', '=', whileStatus);
    const result = await query.executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  },

  async uncountedCount(db: Executor, stocktakeId: string): Promise<number> {
    const row = await db
      .selectFrom('stocktake_lines')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('stocktake_id', '=', stocktakeId)
      .where('counted', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  /** The SKU codes on a count sheet. */
  async skuCodes(db: Executor, stocktakeId: string): Promise<Set<string>> {
    const rows = await db
      .selectFrom('stocktake_lines as l')
      .innerJoin('catalog_skus_view as s', 's.id', 'l.sku_id')
      .select('s.code')
      .where('l.stocktake_id', '=', stocktakeId)
      .execute();
    return new Set(rows.map((r) => r.code));
  },

  /** SKU ids by code, for the codes that exist. */
  async skuIdsByCode(db: Executor, codes: readonly string[]): Promise<Map<string, string>> {
    if (codes.length === 0) return new Map();
    const rows = await db
      .selectFrom('catalog_skus_view')
      .select(['id', 'code'])
      .where('code', 'in', [...new Set(codes)])
      .execute();
    return new Map(rows.map((r) => [r.code, r.id]));
  },

  /** Lines with what approval needs: SKU code, books and count. */
  linesToPost(db: Executor, stocktakeId: string) {
    return db
      .selectFrom('stocktake_lines as l')
      .innerJoin('catalog_skus_view as s', 's.id', 'l.sku_id')
      .select(['l.sku_id', 's.code', 'l.expected', 'l.counted'])
      .where('l.stocktake_id', '=', stocktakeId)
      .orderBy('l.sku_id')
      .execute();
  },

  /** Lines as the count sheet shows them, by bin then SKU code. */
  sheetLines(db: Executor, stocktakeId: string) {
    return db
      .selectFrom('stocktake_lines as l')
      .innerJoin('catalog_skus_view as s', 's.id', 'l.sku_id')
      .select([
        's.code',
        's.name',
        'l.bin',
        'l.expected',
        'l.counted',
        'l.counted_at',
        'l.note',
        'l.unit_cost_minor',
      ])
      .where('l.stocktake_id', '=', stocktakeId)
      .orderBy('l.bin')
      .orderBy('s.code')
      .execute();
  },

  /** Stocktakes with warehouse code, line and counted counts and variance value (minor units). */
  summaries(db: Executor, filter: { status?: string }) {
    let query = stocktakesWithWarehouse(db).select((eb) => [
      eb
        .selectFrom('stocktake_lines as l')
        .whereRef('l.stocktake_id', '=', 't.id')
        .select(eb.fn.countAll<number>().as('n'))
        .as('line_count'),
      eb
        .selectFrom('stocktake_lines as l')
        .whereRef('l.stocktake_id', '=', 't.id')
        .where('l.counted', 'is not', null)
        .select(eb.fn.countAll<number>().as('n'))
        .as('counted_count'),
      eb
        .selectFrom('stocktake_lines as l')
        .whereRef('l.stocktake_id', '=', 't.id')
        .select(sql<number>`coalesce(sum((l.counted - l.expected) * l.unit_cost_minor), 0)`.as('v'))
        .as('variance_minor'),
    ]);
    if (filter.status) query = query.where('t.status', '=', filter.status);
    return query;
  },
};
