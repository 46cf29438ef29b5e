import { sql } from 'kysely';
import type { z } from 'zod';
import type {
  adjustmentBody,
  LedgerCheck,
  levelQuery,
  MovementKind,
  movementQuery,
  StockLevel,
  transferBody,
} from '../../contracts/inventory.ts';
import type { Actor } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit-log.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Executor } from '../../platform/db/database.ts';
import { escapeLike, likeOperator } from '../../platform/db/dialect.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { AppError } from '../../platform/errors.ts';
import { decodeCursor, type Page, toPage } from '../../platform/pagination.ts';
import { skuByCode } from '../catalog/index.ts';
import { moveStock } from './stock-ledger.ts';
import { warehouseByCode } from './warehouses.ts';

type LevelRow = {
  sku_id: string;
  warehouse_id: string;
  sku_code: string;
  sku_name: string;
  warehouse_code: string;
  on_hand: number;
  reserved: number;
  incoming: number;
  bin: string | null;
  warning_line: number | null;
  is_low: number;
};

export function toStockLevel(row: LevelRow): StockLevel {
  const onHand = Number(row.on_hand);
  const reserved = Number(row.reserved);
  return {
    skuId: row.sku_id,
    sku: row.sku_code,
    skuName: row.sku_name,
    warehouseId: row.warehouse_id,
    warehouse: row.warehouse_code,
    onHand,
    reserved,
    available: onHand - reserved,
    incoming: Number(row.incoming),
    bin: row.bin,
    warningLine: row.warning_line === null ? null : Number(row.warning_line),
    isLow: Number(row.is_low) === 1,
  };
}

/** Levels joined with the SKU and warehouse codes people read. */
export function levelsQuery(db: Executor) {
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

export async function readLevel(db: Executor, skuId: string, warehouseId: string): Promise<StockLevel> {
  const row = await levelsQuery(db)
    .where('l.sku_id', '=', skuId)
    .where('l.warehouse_id', '=', warehouseId)
    .executeTakeFirst();
  if (row) return toStockLevel(row);
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
  return toStockLevel({
    sku_id: skuId,
    warehouse_id: warehouseId,
    sku_code: sku.code,
    sku_name: sku.name,
    warehouse_code: warehouse.code,
    on_hand: 0,
    reserved: 0,
    incoming: 0,
    bin: null,
    warning_line: null,
    is_low: 0,
  });
}

export function createLevels(deps: { database: Database; clock: Clock }) {
  const { database, clock } = deps;
  const like = likeOperator(database.dialect);

  async function listLevels(filter: z.output<typeof levelQuery>): Promise<Page<StockLevel>> {
    let query = levelsQuery(database.db);
    if (filter.sku) query = query.where('s.code', '=', filter.sku);
    if (filter.warehouse) query = query.where('w.code', '=', filter.warehouse);
    if (filter.isLow) query = query.where('l.is_low', '=', filter.isLow === 'true' ? 1 : 0);
    if (filter.q) {
      const pattern = `%${escapeLike(filter.q)}%`;
      query = query.where((eb) => eb.or([eb('s.code', like, pattern), eb('s.name', like, pattern)]));
    }
    if (filter.cursor) {
      const [code, warehouse] = decodeCursor(filter.cursor, 2).map(String);
      query = query.where((eb) =>
        eb.or([eb('s.code', '>', code), eb.and([eb('s.code', '=', code), eb('w.code', '>', warehouse)])]),
      );
    }
    const rows = await query
      .orderBy('s.code')
      .orderBy('w.code')
      .limit(filter.limit + 1)
      .execute();
    return toPage(rows, filter.limit, toStockLevel, (r) => [r.sku_code, r.warehouse_code]);
  }

  /** A correction by hand: found, damaged, lost. It cannot take on-hand below what is reserved. */
  async function adjustStock(actor: Actor, input: z.output<typeof adjustmentBody>): Promise<StockLevel> {
    const now = clock.now();
    return inTransaction(database, async (tx) => {
      const sku = await skuByCode(tx, input.sku);
      const warehouse = await warehouseByCode(tx, input.warehouse);
      const level = await moveStock(tx, actor, now, {
        skuId: sku.id,
        warehouseId: warehouse.id,
        kind: 'adjustment',
        onHandDelta: input.delta,
        reservedDelta: 0,
        reason: input.reason,
      });
      if (!level) throw insufficient(input.sku, input.warehouse, 'delta');
      if (input.bin !== undefined)
        await tx
          .updateTable('stock_levels')
          .set({ bin: input.bin || null })
          .where('sku_id', '=', sku.id)
          .where('warehouse_id', '=', warehouse.id)
          .execute();
      await recordAudit(tx, actor, now, {
        action: 'stock.adjusted',
        targetType: 'sku',
        targetId: sku.id,
        details: { warehouse: input.warehouse, delta: input.delta, reason: input.reason },
      });
      return readLevel(tx, sku.id, warehouse.id);
    });
  }

  async function transferStock(actor: Actor, input: z.output<typeof transferBody>) {
    if (input.from === input.to)
      throw new AppError('VALIDATION_FAILED', 'to: must differ from the source warehouse', { field: 'to' });
    const now = clock.now();
    return inTransaction(database, async (tx) => {
      const sku = await skuByCode(tx, input.sku);
      const from = await warehouseByCode(tx, input.from, 'from');
      const to = await warehouseByCode(tx, input.to, 'to');
      const reference = {
        referenceType: 'transfer',
        referenceId: `${from.code}>${to.code}`,
        reason: input.reason,
      };
      const out = await moveStock(tx, actor, now, {
        skuId: sku.id,
        warehouseId: from.id,
        kind: 'transfer_out',
        onHandDelta: -input.quantity,
        reservedDelta: 0,
        ...reference,
      });
      if (!out) throw insufficient(input.sku, input.from, 'quantity');
      await moveStock(tx, actor, now, {
        skuId: sku.id,
        warehouseId: to.id,
        kind: 'transfer_in',
        onHandDelta: input.quantity,
        reservedDelta: 0,
        ...reference,
      });
      await recordAudit(tx, actor, now, {
        action: 'stock.transferred',
        targetType: 'sku',
        targetId: sku.id,
        details: { from: from.code, to: to.code, quantity: input.quantity },
      });
      return { from: await readLevel(tx, sku.id, from.id), to: await readLevel(tx, sku.id, to.id) };
    });
  }

  async function listMovements(filter: z.output<typeof movementQuery>) {
    let query = database.db
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
        'm.actor_name',
        'm.at',
      ]);
    if (filter.sku) query = query.where('s.code', '=', filter.sku);
    if (filter.warehouse) query = query.where('w.code', '=', filter.warehouse);
    if (filter.kind) query = query.where('m.kind', '=', filter.kind);
    if (filter.orderId) query = query.where('m.order_id', '=', filter.orderId);
    if (filter.cursor) query = query.where('m.id', '<', Number(decodeCursor(filter.cursor, 1)[0]));
    const rows = await query
      .orderBy('m.id', 'desc')
      .limit(filter.limit + 1)
      .execute();
    return toPage(
      rows,
      filter.limit,
      (r) => ({
        id: Number(r.id),
        sku: r.sku,
        warehouse: r.warehouse,
        kind: r.kind as MovementKind,
        onHandDelta: r.on_hand_delta,
        reservedDelta: r.reserved_delta,
        orderId: r.order_id,
        referenceType: r.reference_type,
        referenceId: r.reference_id,
        reason: r.reason,
        actorName: r.actor_name,
        at: r.at,
      }),
      (r) => [Number(r.id)],
    );
  }

  /**
   * Recomputes every level from the ledger (on hand, reserved) and from open purchase orders
   * (incoming) and lists where the stored figures differ. Empty means the books are consistent.
   */
  async function checkLedger(): Promise<LedgerCheck> {
    const db = database.db;
    const [levels, sums, incoming] = await Promise.all([
      levelsQuery(db).execute(),
      db
        .selectFrom('stock_movements')
        .select(['sku_id', 'warehouse_id'])
        .select((eb) => [
          eb.fn.sum<number>('on_hand_delta').as('on_hand'),
          eb.fn.sum<number>('reserved_delta').as('reserved'),
        ])
        .groupBy(['sku_id', 'warehouse_id'])
        .execute(),
      db
        .selectFrom('purchase_order_lines as l')
        .innerJoin('purchase_orders as p', 'p.id', 'l.purchase_order_id')
        .where('p.status', 'in', ['sent', 'partly_received'])
        .select(['l.sku_id', 'p.warehouse_id'])
        .select(sql<number>`sum(l.quantity - l.received_quantity)`.as('outstanding'))
        .groupBy(['l.sku_id', 'p.warehouse_id'])
        .execute(),
    ]);
    const key = (sku: string, warehouse: string) => `${sku}\u0000${warehouse}`;
    const ledger = new Map(sums.map((s) => [key(s.sku_id, s.warehouse_id), s]));
    const open = new Map(incoming.map((i) => [key(i.sku_id, i.warehouse_id), Number(i.outstanding)]));
    const mismatches: LedgerCheck['mismatches'] = [];
    for (const level of levels) {
      const k = key(level.sku_id, level.warehouse_id);
      const figures = {
        onHand: [Number(level.on_hand), Number(ledger.get(k)?.on_hand ?? 0)],
        reserved: [Number(level.reserved), Number(ledger.get(k)?.reserved ?? 0)],
        incoming: [Number(level.incoming), open.get(k) ?? 0],
      } as const;
      for (const [field, [stored, recomputed]] of Object.entries(figures)) {
        if (stored !== recomputed)
          mismatches.push({
            sku: level.sku_code,
            warehouse: level.warehouse_code,
            field: field as 'onHand',
            stored,
            recomputed,
          });
      }
    }
    return { checked: levels.length, mismatches };
  }

  return { listLevels, adjustStock, transferStock, listMovements, checkLedger };
}

export function insufficient(sku: string, warehouse: string, field: string): AppError {
  return new AppError(
    'INSUFFICIENT_STOCK',
    `${field}: not enough available stock of ${sku} in ${warehouse}`,
    {
      field,
      sku,
      warehouse,
    },
  );
}
