import { sql } from 'kysely';
import type { z } from 'zod';
import type { newWaveBody, waveStatuses } from '../../contracts/fulfilment.ts';
import { insertRows } from '../../platform/db/bulk.ts';
import type { Executor } from '../../platform/db/database.ts';
import type { NewRow } from '../../platform/db/schema.ts';
import { type PageRequest, pageNewestFirst } from '../../platform/pagination.ts';

type WaveRule = z.output<typeof newWaveBody>;

/** The order a wave takes or lets go of: enough to move its status. */
export interface WaveOrder {
  id: string;
  number: string;
  status: string;
}

/**
 * The SQL of waves and wave_orders (pick lines: pick-lines.repository.ts). Orders, allocations
 * and warehouses are read through their owners' views.
 */
export const wavesRepository = {
  warehouseByCode(db: Executor, code: string) {
    return db
      .selectFrom('inventory_warehouses_view')
      .select(['id', 'code'])
      .where('code', '=', code)
      .executeTakeFirst();
  },

  /** Allocated orders wholly reserved in this warehouse and in no open wave, most urgent first. */
  candidates(db: Executor, warehouseId: string, rule: WaveRule, options: { skipLocked: boolean }) {
    let query = db
      .selectFrom('orders_orders_view as o')
      .select(['o.id', 'o.number', 'o.status'])
      .where('o.status', '=', 'allocated')
      .where(({ exists, selectFrom, not }) =>
        exists(
          selectFrom('inventory_allocations_view as a')
            .select('a.id')
            .whereRef('a.order_id', '=', 'o.id')
            .where('a.status', '=', 'reserved')
            .where('a.warehouse_id', '=', warehouseId),
        ).and(
          not(
            exists(
              selectFrom('inventory_allocations_view as a')
                .select('a.id')
                .whereRef('a.order_id', '=', 'o.id')
                .where('a.status', '=', 'reserved')
                .where('a.warehouse_id', '!=', warehouseId),
            ),
          ),
        ),
      )
      .where(({ exists, selectFrom, not }) =>
        not(
          exists(
            selectFrom('wave_orders as wo')
              .select('wo.order_id')
              .whereRef('wo.order_id', '=', 'o.id')
              .where('wo.is_active', '=', 1),
          ),
        ),
      );
    if (rule.itemMix !== 'any') {
      const units = sql<number>`(select sum(l.quantity) from orders_order_lines_view l where l.order_id = o.id)`;
      query = query.where(units, rule.itemMix === 'single' ? '=' : '>', 1);
    }
    if (rule.minPriority !== undefined) query = query.where('o.priority', '>=', rule.minPriority);
    if (rule.shipByBefore) query = query.where('o.ship_by', '<', new Date(rule.shipByBefore).toISOString());
    if (rule.requestedService) query = query.where('o.requested_service', '=', rule.requestedService);
    query = query
      .orderBy('o.priority', 'desc')
      .orderBy(sql`o.ship_by is null`)
      .orderBy('o.ship_by')
      .orderBy('o.placed_at')
      .limit(rule.maxOrders);
    if (options.skipLocked) query = query.forUpdate().skipLocked();
    return query.execute();
  },

  async insertWave(db: Executor, wave: NewRow<'waves'>, orderIds: readonly string[]): Promise<void> {
    await db.insertInto('waves').values(wave).execute();
    await insertRows(
      db,
      'wave_orders',
      orderIds.map((orderId) => ({ wave_id: wave.id, order_id: orderId, is_active: 1 })),
    );
  },

  findById(db: Executor, id: string) {
    return db.selectFrom('waves').selectAll().where('id', '=', id).executeTakeFirst();
  },

  /** The wave's orders still waiting for a SKU, least urgent first: the first to give way. */
  ordersNeedingSku(db: Executor, waveId: string, skuId: string) {
    return db
      .selectFrom('inventory_allocations_view as a')
      .innerJoin('wave_orders as wo', 'wo.order_id', 'a.order_id')
      .innerJoin('orders_orders_view as o', 'o.id', 'a.order_id')
      .select(['o.id', 'o.number', 'o.status', 'a.quantity'])
      .where('wo.wave_id', '=', waveId)
      .where('wo.is_active', '=', 1)
      .where('a.sku_id', '=', skuId)
      .where('a.status', '=', 'reserved')
      .orderBy('o.priority')
      .orderBy('o.placed_at', 'desc')
      .execute();
  },

  /** The orders leave the wave: they are no longer picked for it. */
  async deactivateOrders(db: Executor, waveId: string, orderIds: readonly string[]): Promise<void> {
    await db
      .updateTable('wave_orders')
      .set({ is_active: 0 })
      .where('wave_id', '=', waveId)
      .where('order_id', 'in', orderIds)
      .execute();
  },

  async markPicked(db: Executor, waveId: string, closedAt: string): Promise<void> {
    await db
      .updateTable('waves')
      .set({ status: 'picked', closed_at: closedAt })
      .where('id', '=', waveId)
      .execute();
  },

  findWithWarehouse(db: Executor, id: string) {
    return db
      .selectFrom('waves as w')
      .innerJoin('inventory_warehouses_view as h', 'h.id', 'w.warehouse_id')
      .selectAll('w')
      .select('h.code as warehouse')
      .where('w.id', '=', id)
      .executeTakeFirst();
  },

  activeOrders(db: Executor, waveId: string): Promise<WaveOrder[]> {
    return db
      .selectFrom('wave_orders as wo')
      .innerJoin('orders_orders_view as o', 'o.id', 'wo.order_id')
      .select(['o.id', 'o.number', 'o.status'])
      .where('wo.wave_id', '=', waveId)
      .where('wo.is_active', '=', 1)
      .orderBy('o.number')
      .execute();
  },

  /** Waves newest first, with their order, unit and picked counts. */
  page<T>(
    db: Executor,
    filter: PageRequest & { status?: (typeof waveStatuses)[number] },
    map: (row: WaveListRow) => T,
  ) {
    let query = waveListQuery(db);
    if (filter.status) query = query.where('w.status', '=', filter.status);
    return pageNewestFirst(query, 'w.id', filter, map, (row) => row.id);
  },
};

function waveListQuery(db: Executor) {
  return db
    .selectFrom('waves as w')
    .innerJoin('inventory_warehouses_view as h', 'h.id', 'w.warehouse_id')
    .selectAll('w')
    .select('h.code as warehouse')
    .select((eb) => [
      eb
        .selectFrom('wave_orders as wo')
        .whereRef('wo.wave_id', '=', 'w.id')
        .where('wo.is_active', '=', 1)
        .select(eb.fn.countAll<number>().as('n'))
        .as('order_count'),
      eb
        .selectFrom('pick_lines as p')
        .whereRef('p.wave_id', '=', 'w.id')
        .select((inner) => inner.fn.sum<number>('p.quantity').as('n'))
        .as('units'),
      eb
        .selectFrom('pick_lines as p')
        .whereRef('p.wave_id', '=', 'w.id')
        .select((inner) => inner.fn.sum<number>('p.picked_quantity').as('n'))
        .as('picked'),
    ]);
}

export type WaveListRow = Awaited<ReturnType<ReturnType<typeof waveListQuery>['execute']>>[number];
