import { sql } from 'kysely';
import type { z } from 'zod';
import type { newWaveBody, pickBody, Wave, waveQuery } from '../../contracts/fulfilment.ts';
import type { Actor } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit-log.ts';
import type { Clock } from '../../platform/clock.ts';
import { insertRows } from '../../platform/db/bulk.ts';
import type { Database, Executor } from '../../platform/db/database.ts';
import { readJson, writeJson } from '../../platform/db/dialect.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { randomBase32, uuidv7 } from '../../platform/ids.ts';
import { decodeCursor, toPage } from '../../platform/pagination.ts';
import { adjustForShortPick } from '../inventory/index.ts';
import { changeOrdersStatus } from '../orders/index.ts';
import { openCase } from './cases.ts';

const hourMs = 60 * 60 * 1000;

/**
 * Waves: allocated orders of one warehouse grouped into one pick list (by rule: item mix,
 * priority, cut-off, service, size), picked by scan or tick. The pick list sums each SKU over
 * the wave and sorts it by bin, so a picker walks the aisles once.
 */
export function createWaves(deps: {
  database: Database;
  clock: Clock;
  allocateBackorders: (skuIds: readonly string[]) => Promise<unknown>;
}) {
  const { database, clock } = deps;

  async function createWave(actor: Actor, input: z.output<typeof newWaveBody>): Promise<Wave> {
    const now = clock.now();
    const id = await inTransaction(database, async (tx) => {
      const warehouse = await tx
        .selectFrom('inventory_warehouses_view')
        .select(['id', 'code'])
        .where('code', '=', input.warehouse)
        .executeTakeFirst();
      if (!warehouse)
        throw new AppError('UNKNOWN_WAREHOUSE', `warehouse: no warehouse "${input.warehouse}"`, {
          field: 'warehouse',
        });
      const orders = await waveCandidates(tx, warehouse.id, input);
      if (orders.length === 0)
        throw new AppError(
          'NOTHING_TO_WAVE',
          `no allocated orders in ${warehouse.code} match this wave's rule`,
          {
            warehouse: warehouse.code,
          },
        );
      const waveId = uuidv7(now.getTime());
      const at = now.toISOString();
      await tx
        .insertInto('waves')
        .values({
          id: waveId,
          number: `WV${at.slice(2, 10).replaceAll('-', '')}${randomBase32(5)}`,
          warehouse_id: warehouse.id,
          status: 'picking',
          rule: writeJson(input),
          created_by: actor.name,
          created_at: at,
        })
        .execute();
      await insertRows(
        tx,
        'wave_orders',
        orders.map((o) => ({ wave_id: waveId, order_id: o.id, is_active: 1 })),
      );
      await insertPickLines(tx, waveId, warehouse.id);
      await changeOrdersStatus(
        tx,
        actor,
        now,
        orders.map((order) => ({
          order,
          to: 'picking' as const,
          reason: 'in a pick wave',
          event: { type: 'wave', data: { waveId } },
        })),
      );
      await recordAudit(tx, actor, now, {
        action: 'wave.created',
        targetType: 'wave',
        targetId: waveId,
        details: { orders: orders.length },
      });
      return waveId;
    });
    return getWave(id);
  }

  /** Allocated orders wholly reserved in this warehouse and in no open wave, most urgent first. */
  async function waveCandidates(tx: Executor, warehouseId: string, input: z.output<typeof newWaveBody>) {
    let query = tx
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
    if (input.itemMix !== 'any') {
      const units = sql<number>`(select sum(l.quantity) from orders_order_lines_view l where l.order_id = o.id)`;
      query = query.where(units, input.itemMix === 'single' ? '=' : '>', 1);
    }
    if (input.minPriority !== undefined) query = query.where('o.priority', '>=', input.minPriority);
    if (input.shipByBefore) query = query.where('o.ship_by', '<', new Date(input.shipByBefore).toISOString());
    if (input.requestedService) query = query.where('o.requested_service', '=', input.requestedService);
    query = query
      .orderBy('o.priority', 'desc')
      .orderBy(sql`o.ship_by is null`)
      .orderBy('o.ship_by')
      .orderBy('o.placed_at')
      .limit(input.maxOrders);
    // Two people building waves at once take different orders.
    if (database.dialect === 'postgres') query = query.forUpdate().skipLocked();
    return query.execute();
  }

  async function insertPickLines(tx: Executor, waveId: string, warehouseId: string) {
    const rows = await tx
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
      tx,
      'pick_lines',
      rows.map((r) => ({
        id: uuidv7(),
        wave_id: waveId,
        sku_id: r.sku_id,
        bin: r.bin,
        quantity: Number(r.quantity),
      })),
    );
  }

  /**
   * A pick, by scan or tick. Marked short, the missing units are written off the books and the
   * orders that cannot be served (least urgent first) leave the wave: their stock is released,
   * they go back to be allocated elsewhere, and each gets an exception case.
   */
  async function recordPick(actor: Actor, waveId: string, input: z.output<typeof pickBody>): Promise<Wave> {
    const now = clock.now();
    const shortSkus = await inTransaction(database, async (tx) => {
      const wave = await loadWave(tx, waveId);
      if (wave.status !== 'picking')
        throw new AppError('INVALID_TRANSITION', `wave ${wave.number} is ${wave.status}`, {
          status: wave.status,
        });
      const line = await tx
        .selectFrom('pick_lines as p')
        .innerJoin('catalog_skus_view as s', 's.id', 'p.sku_id')
        .selectAll('p')
        .select('s.code')
        .where('p.wave_id', '=', waveId)
        .where((eb) => eb.or([eb('s.code', '=', input.sku), eb('s.barcode', '=', input.sku)]))
        .executeTakeFirst();
      if (!line)
        throw new AppError('VALIDATION_FAILED', `sku: ${input.sku} is not on this pick list`, {
          field: 'sku',
        });
      const picked = line.picked_quantity + input.quantity;
      if (picked > line.quantity)
        throw new AppError(
          'OVER_PICK',
          `quantity: only ${line.quantity - line.picked_quantity} more of ${line.code} to pick`,
          {
            field: 'quantity',
          },
        );
      const short = input.isShort ? line.quantity - picked : 0;
      await tx
        .updateTable('pick_lines')
        .set({
          picked_quantity: picked,
          short_quantity: line.short_quantity + short,
          picked_by: actor.name,
          picked_at: now.toISOString(),
        })
        .where('id', '=', line.id)
        .execute();
      if (short > 0) await takeOutShortOrders(tx, actor, now, wave, line.sku_id, short);
      await closeIfPicked(tx, waveId, now);
      return short > 0 ? [line.sku_id] : [];
    });
    // The orders sent back look for their stock again, in other warehouses too.
    if (shortSkus.length > 0) await deps.allocateBackorders(shortSkus);
    return getWave(waveId);
  }

  async function takeOutShortOrders(
    tx: Executor,
    actor: Actor,
    now: Date,
    wave: { id: string; number: string; warehouse_id: string },
    skuId: string,
    short: number,
  ) {
    const needing = await tx
      .selectFrom('inventory_allocations_view as a')
      .innerJoin('wave_orders as wo', 'wo.order_id', 'a.order_id')
      .innerJoin('orders_orders_view as o', 'o.id', 'a.order_id')
      .select(['o.id', 'o.number', 'o.status', 'a.quantity'])
      .where('wo.wave_id', '=', wave.id)
      .where('wo.is_active', '=', 1)
      .where('a.sku_id', '=', skuId)
      .where('a.status', '=', 'reserved')
      .orderBy('o.priority')
      .orderBy('o.placed_at', 'desc')
      .execute();
    const out: typeof needing = [];
    let covered = 0;
    for (const order of needing) {
      if (covered >= short) break;
      out.push(order);
      covered += order.quantity;
    }
    const ids = out.map((o) => o.id);
    // Their other SKUs need not be picked any more.
    const released = await tx
      .selectFrom('inventory_allocations_view')
      .select(['sku_id'])
      .select((eb) => eb.fn.sum<number>('quantity').as('quantity'))
      .where('order_id', 'in', ids)
      .where('status', '=', 'reserved')
      .groupBy('sku_id')
      .execute();
    for (const r of released) {
      const reduceBy = Number(r.quantity);
      // What is left to pick is what the remaining orders need; units picked beyond that go back.
      await tx
        .updateTable('pick_lines')
        .set({
          quantity: sql`quantity - ${reduceBy}`,
          picked_quantity: sql`case when picked_quantity > quantity - ${reduceBy} then quantity - ${reduceBy} else picked_quantity end`,
        })
        .where('wave_id', '=', wave.id)
        .where('sku_id', '=', r.sku_id)
        .execute();
    }
    await tx
      .updateTable('wave_orders')
      .set({ is_active: 0 })
      .where('wave_id', '=', wave.id)
      .where('order_id', 'in', ids)
      .execute();
    await changeOrdersStatus(
      tx,
      actor,
      now,
      out.map((order) => ({
        order,
        to: 'backordered' as const,
        reason: `short pick in wave ${wave.number}`,
        event: { type: 'short_pick', data: { waveId: wave.id } },
      })),
    );
    await adjustForShortPick(tx, actor, now, {
      skuId,
      warehouseId: wave.warehouse_id,
      quantity: short,
      reference: wave.number,
    });
    for (const order of out)
      await openCase(tx, now, {
        orderId: order.id,
        shipmentId: null,
        kind: 'short_pick',
        dueAt: new Date(now.getTime() + 4 * hourMs),
        note: `short pick in wave ${wave.number}`,
      });
  }

  async function closeIfPicked(tx: Executor, waveId: string, now: Date) {
    const open = await tx
      .selectFrom('pick_lines')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('wave_id', '=', waveId)
      .whereRef('quantity', '>', 'picked_quantity')
      .executeTakeFirstOrThrow();
    if (Number(open.n) === 0)
      await tx
        .updateTable('waves')
        .set({ status: 'picked', closed_at: now.toISOString() })
        .where('id', '=', waveId)
        .execute();
  }

  async function loadWave(db: Executor, id: string) {
    const wave = await db.selectFrom('waves').selectAll().where('id', '=', id).executeTakeFirst();
    if (!wave) throw notFound('wave', id);
    return wave;
  }

  async function getWave(id: string): Promise<Wave> {
    const db = database.db;
    const wave = await db
      .selectFrom('waves as w')
      .innerJoin('inventory_warehouses_view as h', 'h.id', 'w.warehouse_id')
      .selectAll('w')
      .select('h.code as warehouse')
      .where('w.id', '=', id)
      .executeTakeFirst();
    if (!wave) throw notFound('wave', id);
    const [lines, orders, orderSkus] = await Promise.all([
      db
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
        .where('p.wave_id', '=', id)
        .where('p.quantity', '>', 0)
        // Walk the aisles once: bins in order, SKUs without a bin last.
        .orderBy(sql`p.bin is null`)
        .orderBy('p.bin')
        .orderBy('s.code')
        .execute(),
      db
        .selectFrom('wave_orders as wo')
        .innerJoin('orders_orders_view as o', 'o.id', 'wo.order_id')
        .select(['o.id', 'o.number', 'o.status'])
        .where('wo.wave_id', '=', id)
        .where('wo.is_active', '=', 1)
        .orderBy('o.number')
        .execute(),
      db
        .selectFrom('inventory_allocations_view as a')
        .innerJoin('wave_orders as wo', 'wo.order_id', 'a.order_id')
        .innerJoin('orders_orders_view as o', 'o.id', 'a.order_id')
        .select(['a.sku_id', 'o.number'])
        .where('wo.wave_id', '=', id)
        .where('wo.is_active', '=', 1)
        .execute(),
    ]);
    // One pass over the wave's allocations: a big wave has thousands of them.
    const ordersBySku = new Map<string, Set<string>>();
    for (const row of orderSkus) {
      const numbers = ordersBySku.get(row.sku_id) ?? new Set<string>();
      numbers.add(row.number);
      ordersBySku.set(row.sku_id, numbers);
    }
    return {
      ...waveSummary(wave, wave.warehouse, orders.length, lines),
      lines: lines.map((l) => ({
        sku: l.code,
        skuName: l.name,
        barcode: l.barcode,
        bin: l.bin,
        quantity: l.quantity,
        pickedQuantity: l.picked_quantity,
        shortQuantity: l.short_quantity,
        orders: [...(ordersBySku.get(l.sku_id) ?? [])],
      })),
      orders,
    };
  }

  async function listWaves(filter: z.output<typeof waveQuery>) {
    let query = database.db
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
    if (filter.status) query = query.where('w.status', '=', filter.status);
    if (filter.cursor) query = query.where('w.id', '<', String(decodeCursor(filter.cursor, 1)[0]));
    const rows = await query
      .orderBy('w.id', 'desc')
      .limit(filter.limit + 1)
      .execute();
    return toPage(
      rows,
      filter.limit,
      (r) => ({
        ...waveSummary(r, r.warehouse, Number(r.order_count), []),
        unitCount: Number(r.units ?? 0),
        pickedUnits: Number(r.picked ?? 0),
      }),
      (r) => [r.id],
    );
  }

  return { createWave, recordPick, getWave, listWaves };
}

function waveSummary(
  wave: { id: string; number: string; status: string; rule: unknown; created_by: string; created_at: string },
  warehouse: string,
  orderCount: number,
  lines: readonly { quantity: number; picked_quantity: number }[],
) {
  return {
    id: wave.id,
    number: wave.number,
    warehouse,
    status: wave.status as Wave['status'],
    rule: readJson<Record<string, unknown>>(wave.rule),
    orderCount,
    unitCount: lines.reduce((sum, l) => sum + l.quantity, 0),
    pickedUnits: lines.reduce((sum, l) => sum + l.picked_quantity, 0),
    createdBy: wave.created_by,
    createdAt: wave.created_at,
  };
}
