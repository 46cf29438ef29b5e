import type { DialectName, Executor } from '../../platform/db/database.ts';
import { dayOf } from '../../platform/db/dialect.ts';
import type { NewRow } from '../../platform/db/schema.ts';

/** The SQL of the stock ledger (movements) and of low-stock alerts. */
export const ledgerRepository = {
  async insertMovements(tx: Executor, rows: readonly NewRow<'stock_movements'>[]): Promise<void> {
    await tx
      .insertInto('stock_movements')
      .values([...rows])
      .execute();
  },

  /** Movements with SKU and warehouse codes, filtered as the ledger page asks. */
  movements(db: Executor, filter: { sku?: string; warehouse?: string; kind?: string; orderId?: string }) {
    let query = db
      .selectFrom('stock_movements as m')
      .innerJoin('catalog_skus_view as s', 's.id', 'm.sku_id')
      .innerJoin('warehouses as w', 'w.id', 'm.warehouse_id')
      .select([
        'm.id',
        's.code as sku',
        'w.code as warehouse',
        'm.kind',
        'm.on_hand_delta',
        'm.reserved_delta',
        'm.order_id',
        'm.reference_type',
        'm.reference_id',
        'm.reason',
        'm.explanation',
        'm.actor_name',
        'm.at',
      ]);
    if (filter.sku) query = query.where('s.code', '=', filter.sku);
    if (filter.warehouse) query = query.where('w.code', '=', filter.warehouse);
    if (filter.kind) query = query.where('m.kind', '=', filter.kind);
    if (filter.orderId) query = query.where('m.order_id', '=', filter.orderId);
    return query;
  },

  /** Units reserved minus released per SKU, warehouse and UTC day, from `from` until before `to`. */
  demand(db: Executor, dialect: DialectName, window: { from: string; to: string; skuId?: string }) {
    const day = dayOf(dialect, 'at');
    let query = db
      .selectFrom('stock_movements')
      .select(['sku_id', 'warehouse_id'])
      .select(day.as('day'))
      .select((eb) => eb.fn.sum<number>('reserved_delta').as('units'))
      .where('kind', 'in', ['reservation', 'release'])
      .where('at', '>=', window.from)
      .where('at', '<', window.to)
      .groupBy(['sku_id', 'warehouse_id', day]);
    if (window.skuId) query = query.where('sku_id', '=', window.skuId);
    return query.execute();
  },

  /** On hand and reserved as the ledger sums them, per SKU and warehouse. */
  sums(db: Executor) {
    return db
      .selectFrom('stock_movements')
      .select(['sku_id', 'warehouse_id'])
      .select((eb) => [
        eb.fn.sum<number>('on_hand_delta').as('on_hand'),
        eb.fn.sum<number>('reserved_delta').as('reserved'),
      ])
      .groupBy(['sku_id', 'warehouse_id'])
      .execute();
  },

  async raiseAlert(tx: Executor, row: NewRow<'stock_alerts'>): Promise<void> {
    await tx.insertInto('stock_alerts').values(row).execute();
  },

  async clearAlerts(tx: Executor, skuId: string, warehouseId: string, at: string): Promise<void> {
    await tx
      .updateTable('stock_alerts')
      .set({ cleared_at: at })
      .where('sku_id', '=', skuId)
      .where('warehouse_id', '=', warehouseId)
      .where('cleared_at', 'is', null)
      .execute();
  },

  /** Alerts newest first with SKU and warehouse codes; `isOpen` keeps those not cleared. */
  alerts(db: Executor, filter: { isOpen: boolean }) {
    let query = db
      .selectFrom('stock_alerts as a')
      .innerJoin('catalog_skus_view as s', 's.id', 'a.sku_id')
      .innerJoin('warehouses as w', 'w.id', 'a.warehouse_id')
      .select([
        'a.id',
        's.code as sku',
        's.name as sku_name',
        'w.code as warehouse',
        'a.available',
        'a.warning_line',
        'a.raised_at',
        'a.cleared_at',
      ]);
    if (filter.isOpen) query = query.where('a.cleared_at', 'is', null);
    return query;
  },

  async openAlertCount(db: Executor): Promise<number> {
    const row = await db
      .selectFrom('stock_alerts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('cleared_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  /** Movements that changed on hand since a time. */
  onHandMovesSince(db: Executor, since: string) {
    return db
      .selectFrom('stock_movements')
      .select(['sku_id', 'warehouse_id', 'on_hand_delta', 'at'])
      .where('at', '>=', since)
      .where('on_hand_delta', '!=', 0)
      .execute();
  },

  /** When each SKU was last reserved or issued, per warehouse. */
  lastSales(db: Executor) {
    return db
      .selectFrom('stock_movements')
      .select(['sku_id', 'warehouse_id'])
      .select((eb) => eb.fn.max('at').as('last'))
      .where('kind', 'in', ['reservation', 'issue'])
      .groupBy(['sku_id', 'warehouse_id'])
      .execute();
  },
};
