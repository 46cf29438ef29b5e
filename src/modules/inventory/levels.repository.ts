import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';

/** Levels joined with the SKU and warehouse codes people read. */
function levelsQuery(db: Executor) {
  return db
    .selectFrom('stock_levels as l')
    .innerJoin('catalog_skus_view as s', 's.id', 'l.sku_id')
    .innerJoin('warehouses as w', 'w.id', 'l.warehouse_id')
    .select([
      'l.sku_id',
      'l.warehouse_id',
      's.code as sku_code',
      's.name as sku_name',
      'w.code as warehouse_code',
      'l.on_hand',
      'l.reserved',
      'l.incoming',
      'l.bin',
      'l.warning_line',
      'l.is_low',
    ]);
}

/** The figures a guarded update returns. */
export interface LevelFigures {
  on_hand: number;
  reserved: number;
  warning_line: number | null;
  is_low: number;
}

/** The SQL of stock levels (one row per SKU and warehouse); SKU names through catalog's view. */
export const levelsRepository = {
  withNames: levelsQuery,

  /** Levels filtered as the stock list asks; `search` matches SKU code or name. */
  query(
    db: Executor,
    filter: {
      sku?: string;
      warehouse?: string;
      isLow?: boolean;
      search?: { pattern: string; like: 'like' | 'ilike' };
    },
  ) {
    let query = levelsQuery(db);
    if (filter.sku) query = query.where('s.code', '=', filter.sku);
    if (filter.warehouse) query = query.where('w.code', '=', filter.warehouse);
    if (filter.isLow !== undefined) query = query.where('l.is_low', '=', filter.isLow ? 1 : 0);
    if (filter.search) {
      const { pattern, like } = filter.search;
      query = query.where((eb) => eb.or([eb('s.code', like, pattern), eb('s.name', like, pattern)]));
    }
    return query;
  },

  find(db: Executor, skuId: string, warehouseId: string) {
    return levelsQuery(db)
      .where('l.sku_id', '=', skuId)
      .where('l.warehouse_id', '=', warehouseId)
      .executeTakeFirst();
  },

  /** The SKU's code and name and the warehouse's code, for a level that has no row yet. */
  async names(db: Executor, skuId: string, warehouseId: string) {
    const sku = await db
      .selectFrom('catalog_skus_view')
      .select(['code', 'name'])
      .where('id', '=', skuId)
      .executeTakeFirstOrThrow();
    const warehouse = await db
      .selectFrom('warehouses')
      .select('code')
      .where('id', '=', warehouseId)
      .executeTakeFirstOrThrow();
    return { skuCode: sku.code, skuName: sku.name, warehouseCode: warehouse.code };
  },

  /** The level row appears on first use; an existing one is left as it is. */
  async ensure(tx: Executor, skuId: string, warehouseId: string, at: string): Promise<void> {
    await tx
      .insertInto('stock_levels')
      .values({ sku_id: skuId, warehouse_id: warehouseId, updated_at: at })
      .onConflict((oc) => oc.columns(['sku_id', 'warehouse_id']).doNothing())
      .execute();
  },

  /**
   * The guarded update: refuses (no row) any change that would oversell or go negative, so two
   * API nodes racing for the last unit cannot both win; the table's CHECK backs it up.
   */
  async guardedUpdate(
    tx: Executor,
    m: { skuId: string; warehouseId: string; onHandDelta: number; reservedDelta: number },
    at: string,
  ): Promise<LevelFigures | undefined> {
    const result = await sql<LevelFigures>`
    update stock_levels
    set on_hand = on_hand + ${m.onHandDelta}, reserved = reserved + ${m.reservedDelta}, updated_at = ${at}
    where sku_id = ${m.skuId} and warehouse_id = ${m.warehouseId}
      and on_hand + ${m.onHandDelta} >= 0
      and reserved + ${m.reservedDelta} >= 0
      and reserved + ${m.reservedDelta} <= on_hand + ${m.onHandDelta}
    returning on_hand, reserved, warning_line, is_low`.execute(tx);
    return result.rows[0];
  },

  async changeIncoming(
    tx: Executor,
    skuId: string,
    warehouseId: string,
    delta: number,
    at: string,
  ): Promise<void> {
    await tx
      .updateTable('stock_levels')
      .set({ incoming: sql`incoming + ${delta}`, updated_at: at })
      .where('sku_id', '=', skuId)
      .where('warehouse_id', '=', warehouseId)
      .execute();
  },

  async setLow(tx: Executor, skuId: string, warehouseId: string, isLow: boolean): Promise<void> {
    await tx
      .updateTable('stock_levels')
      .set({ is_low: isLow ? 1 : 0 })
      .where('sku_id', '=', skuId)
      .where('warehouse_id', '=', warehouseId)
      .execute();
  },

  /** A new warning line; returns the figures that decide whether the level is now low. */
  setWarningLine(tx: Executor, skuId: string, warehouseId: string, line: number | null) {
    return tx
      .updateTable('stock_levels')
      .set({ warning_line: line })
      .where('sku_id', '=', skuId)
      .where('warehouse_id', '=', warehouseId)
      .returning(['on_hand', 'reserved', 'is_low'])
      .executeTakeFirstOrThrow();
  },

  async setBin(
    tx: Executor,
    skuId: string,
    warehouseId: string,
    bin: string | null,
    at?: string,
  ): Promise<void> {
    await tx
      .updateTable('stock_levels')
      .set(at ? { bin, updated_at: at } : { bin })
      .where('sku_id', '=', skuId)
      .where('warehouse_id', '=', warehouseId)
      .execute();
  },

  async markCounted(tx: Executor, skuId: string, warehouseId: string, at: string): Promise<void> {
    await tx
      .updateTable('stock_levels')
      .set({ last_counted_at: at })
      .where('sku_id', '=', skuId)
      .where('warehouse_id', '=', warehouseId)
      .execute();
  },

  /** On hand per SKU in one warehouse, for the SKUs asked about that have a level. */
  async onHand(db: Executor, warehouseId: string, skuIds: readonly string[]): Promise<Map<string, number>> {
    if (skuIds.length === 0) return new Map();
    const rows = await db
      .selectFrom('stock_levels')
      .select(['sku_id', 'on_hand'])
      .where('warehouse_id', '=', warehouseId)
      .where('sku_id', 'in', [...skuIds])
      .execute();
    return new Map(rows.map((r) => [r.sku_id, Number(r.on_hand)]));
  },

  /** On hand and reserved of some SKUs in every warehouse, or in the warehouses named. */
  ofSkus(db: Executor, skuIds: readonly string[], warehouseIds?: readonly string[]) {
    if (skuIds.length === 0) return Promise.resolve([]);
    let query = db
      .selectFrom('stock_levels')
      .select(['sku_id', 'warehouse_id', 'on_hand', 'reserved'])
      .where('sku_id', 'in', [...skuIds]);
    if (warehouseIds) query = query.where('warehouse_id', 'in', [...warehouseIds]);
    return query.execute();
  },

  /** One level's figures, locked on PostgreSQL: a difference is taken against what it changes. */
  async findForUpdate(tx: Executor, isPostgres: boolean, skuId: string, warehouseId: string) {
    let query = tx
      .selectFrom('stock_levels')
      .select(['on_hand', 'reserved', 'bin'])
      .where('sku_id', '=', skuId)
      .where('warehouse_id', '=', warehouseId);
    if (isPostgres) query = query.forUpdate();
    return query.executeTakeFirst();
  },

  /** Levels in active warehouses with when each was last counted. */
  inActiveWarehouses(db: Executor) {
    return db
      .selectFrom('stock_levels as l')
      .innerJoin('warehouses as w', 'w.id', 'l.warehouse_id')
      .select(['l.sku_id', 'l.warehouse_id', 'l.last_counted_at'])
      .where('w.is_active', '=', 1)
      .execute();
  },

  /** Levels with the SKU facts a stock report needs, optionally of one warehouse. */
  forReport(db: Executor, warehouse?: string) {
    let levels = db
      .selectFrom('stock_levels as l')
      .innerJoin('catalog_skus_view as s', 's.id', 'l.sku_id')
      .innerJoin('warehouses as w', 'w.id', 'l.warehouse_id')
      .select([
        'l.sku_id',
        'l.warehouse_id',
        's.code',
        's.name',
        's.category',
        's.unit_cost_minor',
        's.price_minor',
        'w.code as warehouse',
        'l.on_hand',
        'l.reserved',
      ]);
    if (warehouse) levels = levels.where('w.code', '=', warehouse);
    return levels.execute();
  },
};
