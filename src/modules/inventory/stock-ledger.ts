import { type Explanation, renderExplanation } from '../../contracts/explanations.ts';
import type { MovementKind } from '../../contracts/inventory.ts';
import type { Actor } from '../../platform/actor.ts';
import type { Executor } from '../../platform/db/database.ts';
import { writeJson } from '../../platform/db/dialect.ts';
import { publish } from '../../platform/events/outbox.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { ledgerRepository } from './ledger.repository.ts';
import { levelsRepository } from './levels.repository.ts';

export interface Movement {
  skuId: string;
  warehouseId: string;
  kind: MovementKind;
  onHandDelta: number;
  reservedDelta: number;
  orderId?: string | null;
  referenceType?: string | null;
  referenceId?: string | null;
  reason?: string | null;
  /** The reason as a key with parameters when Ordo wrote it; `reason` is its English text. */
  explanation?: Explanation | null;
}

export interface LevelAfter {
  onHand: number;
  reserved: number;
  warningLine: number | null;
  isLow: boolean;
}

/**
 * The one way stock changes: a guarded update of the level and its ledger row, in the caller's
 * transaction. The WHERE clause refuses any change that would oversell or go negative, so two
 * API nodes racing for the last unit cannot both win; the table's CHECK backs it up. Returns
 * null when the guard refused (not enough stock), leaving nothing written.
 */
export async function moveStock(
  tx: Executor,
  actor: Actor,
  now: Date,
  movement: Movement,
): Promise<LevelAfter | null> {
  const level = await changeLevel(tx, now, movement);
  if (!level) return null;
  await recordMovements(tx, actor, now, [movement]);
  return afterLevelChange(tx, now, movement, level, movement.onHandDelta - movement.reservedDelta);
}

/** The guarded update alone (creating the level row on first stock); null when refused. */
export async function changeLevel(
  tx: Executor,
  now: Date,
  change: Pick<Movement, 'skuId' | 'warehouseId' | 'onHandDelta' | 'reservedDelta'>,
): Promise<LevelAfter | null> {
  const at = now.toISOString();
  const level = await guardedUpdate(tx, change, at);
  if (level || change.onHandDelta <= 0) return level;
  // First stock of this SKU in this warehouse: the row appears, then the same guarded update.
  await levelsRepository.ensure(tx, change.skuId, change.warehouseId, at);
  return guardedUpdate(tx, change, at);
}

/** Ledger rows for changes already applied to the levels, in one statement. */
export async function recordMovements(
  tx: Executor,
  actor: Actor,
  now: Date,
  movements: readonly Movement[],
): Promise<void> {
  if (movements.length === 0) return;
  const at = now.toISOString();
  await ledgerRepository.insertMovements(
    tx,
    movements.map((movement) => ({
      sku_id: movement.skuId,
      warehouse_id: movement.warehouseId,
      kind: movement.kind,
      on_hand_delta: movement.onHandDelta,
      reserved_delta: movement.reservedDelta,
      order_id: movement.orderId ?? null,
      reference_type: movement.referenceType ?? null,
      reference_id: movement.referenceId ?? null,
      reason: movement.explanation
        ? renderExplanation(movement.explanation, 'en')
        : (movement.reason ?? null),
      explanation: movement.explanation ? writeJson(movement.explanation) : null,
      actor_type: actor.type,
      actor_id: actor.id,
      actor_name: actor.name,
      at,
    })),
  );
}

/** Tells the rest of Ordo that available stock moved, and raises or clears the low-stock alert. */
export async function afterLevelChange(
  tx: Executor,
  now: Date,
  target: { skuId: string; warehouseId: string },
  level: LevelAfter,
  availableDelta: number,
): Promise<LevelAfter> {
  if (availableDelta === 0) return level;
  await publish(tx, now, 'stock.changed', {
    skuId: target.skuId,
    warehouseId: target.warehouseId,
    available: level.onHand - level.reserved,
    delta: availableDelta,
  });
  return raiseOrClearAlert(tx, now, target, level);
}

async function guardedUpdate(
  tx: Executor,
  m: Pick<Movement, 'skuId' | 'warehouseId' | 'onHandDelta' | 'reservedDelta'>,
  at: string,
): Promise<LevelAfter | null> {
  const row = await levelsRepository.guardedUpdate(tx, m, at);
  if (!row) return null;
  return {
    onHand: Number(row.on_hand),
    reserved: Number(row.reserved),
    warningLine: row.warning_line === null ? null : Number(row.warning_line),
    isLow: Number(row.is_low) === 1,
  };
}

/** Crossing the warning line downwards opens an alert (and a stock.low event); back above closes it. */
export async function raiseOrClearAlert(
  tx: Executor,
  now: Date,
  target: { skuId: string; warehouseId: string },
  level: LevelAfter,
): Promise<LevelAfter> {
  const available = level.onHand - level.reserved;
  // A line of 0 (a SKU nobody buys) would only announce that nothing is there; no alert then.
  const isBelow = level.warningLine !== null && level.warningLine > 0 && available <= level.warningLine;
  if (isBelow === level.isLow) return level;
  const at = now.toISOString();
  await levelsRepository.setLow(tx, target.skuId, target.warehouseId, isBelow);
  if (isBelow && level.warningLine !== null) {
    await ledgerRepository.raiseAlert(tx, {
      id: uuidv7(now.getTime()),
      sku_id: target.skuId,
      warehouse_id: target.warehouseId,
      available,
      warning_line: level.warningLine,
      raised_at: at,
    });
    await publish(tx, now, 'stock.low', { ...target, available, warningLine: level.warningLine });
  } else {
    await ledgerRepository.clearAlerts(tx, target.skuId, target.warehouseId, at);
  }
  return { ...level, isLow: isBelow };
}
