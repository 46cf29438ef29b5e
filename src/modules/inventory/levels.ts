import type { z } from 'zod';
import type {
  adjustmentBody,
  LedgerCheck,
  levelQuery,
  MovementKind,
  movement,
  movementQuery,
  StockLevel,
  transferBody,
} from '../../contracts/inventory.ts';
import type { Actor } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit-log.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Executor } from '../../platform/db/database.ts';
import { escapeLike, likeOperator, readJson } from '../../platform/db/dialect.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { AppError, invalidField } from '../../platform/errors.ts';
import { type Page, pageByKeys, pageNewestFirst } from '../../platform/pagination.ts';
import { skuByCode } from '../catalog/index.ts';
import { ledgerRepository } from './ledger.repository.ts';
import { levelsRepository } from './levels.repository.ts';
import { purchaseOrdersRepository } from './purchase-orders.repository.ts';
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

export async function readLevel(db: Executor, skuId: string, warehouseId: string): Promise<StockLevel> {
  const row = await levelsRepository.find(db, skuId, warehouseId);
  if (row) return toStockLevel(row);
  const names = await levelsRepository.names(db, skuId, warehouseId);
  return toStockLevel({
    sku_id: skuId,
    warehouse_id: warehouseId,
    sku_code: names.skuCode,
    sku_name: names.skuName,
    warehouse_code: names.warehouseCode,
    on_hand: 0,
    reserved: 0,
    incoming: 0,
    bin: null,
    warning_line: null,
    is_low: 0,
  });
}

/**
 * An adjustment in the caller's transaction, so another module can make it part of its own step
 * (a return's restock commits with the return being marked received, or not at all). The
 * reference ties the ledger row to what caused it.
 */
export async function postAdjustment(
  tx: Executor,
  actor: Actor,
  now: Date,
  input: z.output<typeof adjustmentBody> & { referenceType?: string; referenceId?: string },
): Promise<StockLevel> {
  const sku = await skuByCode(tx, input.sku);
  const warehouse = await warehouseByCode(tx, input.warehouse);
  const level = await moveStock(tx, actor, now, {
    skuId: sku.id,
    warehouseId: warehouse.id,
    kind: 'adjustment',
    onHandDelta: input.delta,
    reservedDelta: 0,
    reason: input.reason,
    referenceType: input.referenceType,
    referenceId: input.referenceId,
  });
  if (!level) throw insufficient(input.sku, input.warehouse, 'delta');
  if (input.bin !== undefined) await levelsRepository.setBin(tx, sku.id, warehouse.id, input.bin || null);
  await recordAudit(tx, actor, now, {
    action: 'stock.adjusted',
    targetType: 'sku',
    targetId: sku.id,
    details: { warehouse: input.warehouse, delta: input.delta, reason: input.reason },
  });
  return readLevel(tx, sku.id, warehouse.id);
}

export function createLevels(deps: { database: Database; clock: Clock }) {
  const { database, clock } = deps;
  const like = likeOperator(database.dialect);

  async function listLevels(filter: z.output<typeof levelQuery>): Promise<Page<StockLevel>> {
    const query = levelsRepository.query(database.db, {
      sku: filter.sku,
      warehouse: filter.warehouse,
      isLow: filter.isLow ? filter.isLow === 'true' : undefined,
      search: filter.q ? { pattern: `%${escapeLike(filter.q)}%`, like } : undefined,
    });
    return pageByKeys(query, ['s.code', 'w.code'], filter, toStockLevel, (r) => [
      r.sku_code,
      r.warehouse_code,
    ]);
  }

  /** A correction by hand: found, damaged, lost. It cannot take on-hand below what is reserved. */
  function adjustStock(actor: Actor, input: z.output<typeof adjustmentBody>): Promise<StockLevel> {
    const now = clock.now();
    return inTransaction(database, (tx) => postAdjustment(tx, actor, now, input));
  }

  async function transferStock(actor: Actor, input: z.output<typeof transferBody>) {
    if (input.from === input.to) throw invalidField('to', 'sameWarehouse');
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
    const query = ledgerRepository.movements(database.db, filter);
    return pageNewestFirst(
      query,
      'm.id',
      filter,
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
        reasonExplanation:
          r.explanation == null
            ? null
            : readJson<NonNullable<z.output<typeof movement>['reasonExplanation']>>(r.explanation),
        actorName: r.actor_name,
        at: r.at,
      }),
      (r) => Number(r.id),
    );
  }

  /**
   * Recomputes every level from the ledger (on hand, reserved) and from open purchase orders
   * (incoming) and lists where the stored figures differ. Empty means the books are consistent.
   */
  async function checkLedger(): Promise<LedgerCheck> {
    const db = database.db;
    const [levels, sums, incoming] = await Promise.all([
      levelsRepository.withNames(db).execute(),
      ledgerRepository.sums(db),
      purchaseOrdersRepository.outstanding(db),
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
