import { sql } from 'kysely';
import type { Explanation } from '../../contracts/explanations.ts';
import type { Actor } from '../../platform/actor.ts';
import type { Executor } from '../../platform/db/database.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { allocationsRepository } from './allocations.repository.ts';
import { levelsRepository } from './levels.repository.ts';
import {
  availabilityKey,
  type PlannedPick,
  type RoutingAddress,
  type RoutingLine,
  type RoutingWarehouse,
  routeOrder,
} from './routing.ts';
import {
  afterLevelChange,
  changeLevel,
  type LevelAfter,
  moveStock,
  recordMovements,
} from './stock-ledger.ts';

export interface ReservationRequest {
  orderId: string;
  lines: readonly RoutingLine[];
  address: RoutingAddress;
}

export type ReservationResult =
  | { outcome: 'reserved'; warehouseIds: string[]; picks: PlannedPick[] }
  | { outcome: 'short'; shortages: { skuId: string; needed: number; available: number }[] };

const attempts = 3;
let savepointSeq = 0;

/**
 * Reserves an order's stock in the caller's transaction: route, then one guarded update per
 * pick. Another node may take the stock between reading the levels and reserving; then the
 * guard refuses, everything this order reserved is rolled back to a savepoint, and routing
 * runs again on fresh levels. All or nothing: a short order reserves no stock at all.
 */
export async function reserveForOrder(
  tx: Executor,
  actor: Actor,
  now: Date,
  request: ReservationRequest,
  warehouses: readonly RoutingWarehouse[],
  options: { allowSplit: boolean },
): Promise<ReservationResult> {
  if (request.lines.length === 0) return { outcome: 'reserved', warehouseIds: [], picks: [] };
  for (let attempt = 1; ; attempt++) {
    const available = await readAvailability(
      tx,
      request.lines.map((l) => l.skuId),
      warehouses.map((w) => w.id),
    );
    const plan = routeOrder(request.lines, request.address, warehouses, available, options);
    if (plan.outcome === 'short') return plan;
    const savepoint = sql.raw(`reserve_${++savepointSeq}`);
    await sql`savepoint ${savepoint}`.execute(tx);
    if (await reservePicks(tx, actor, now, request.orderId, plan.picks)) {
      await sql`release savepoint ${savepoint}`.execute(tx);
      return { outcome: 'reserved', warehouseIds: plan.warehouseIds, picks: plan.picks };
    }
    await sql`rollback to savepoint ${savepoint}`.execute(tx);
    await sql`release savepoint ${savepoint}`.execute(tx);
    if (attempt === attempts) {
      return {
        outcome: 'short',
        shortages: plan.picks.map((p) => ({ skuId: p.skuId, needed: p.quantity, available: 0 })),
      };
    }
  }
}

/**
 * Reserves a batch of orders (in queue order) with one guarded update per SKU and warehouse
 * instead of one per line: routing runs against the levels read once, the batch's totals are
 * reserved in a fixed lock order (so concurrent allocators never deadlock), and only when a
 * total is refused (another node took the stock meanwhile) do the orders concerned give their
 * share back and go one by one. Ledger rows stay one per order and pick.
 */
export async function reserveForOrders(
  tx: Executor,
  actor: Actor,
  now: Date,
  requests: readonly ReservationRequest[],
  warehouses: readonly RoutingWarehouse[],
  options: { allowSplit: boolean },
): Promise<ReservationResult[]> {
  const local = new Map(
    await readAvailability(
      tx,
      requests.flatMap((r) => r.lines.map((l) => l.skuId)),
      warehouses.map((w) => w.id),
    ),
  );
  const results: (ReservationResult | null)[] = requests.map((request) => {
    if (request.lines.length === 0) return { outcome: 'reserved', warehouseIds: [], picks: [] };
    const plan = routeOrder(request.lines, request.address, warehouses, local, options);
    if (plan.outcome === 'short') return plan;
    for (const pick of plan.picks) {
      const key = availabilityKey(pick.warehouseId, pick.skuId);
      local.set(key, (local.get(key) ?? 0) - pick.quantity);
    }
    return { outcome: 'reserved', warehouseIds: plan.warehouseIds, picks: plan.picks };
  });
  const planned = (i: number) => results[i]?.outcome === 'reserved';
  const totals = totalsByLevel(requests.map((_, i) => i).filter(planned), results);
  const levels = new Map<string, LevelAfter>();
  const refused = new Set<string>();
  for (const [key, total] of totals) {
    const [warehouseId, skuId] = key.split('\u0000');
    const level = await changeLevel(tx, now, { skuId, warehouseId, onHandDelta: 0, reservedDelta: total });
    if (level) levels.set(key, level);
    else refused.add(key);
  }
  const retry = requests
    .map((_, i) => i)
    .filter(
      (i) =>
        planned(i) && picksOf(results[i]).some((p) => refused.has(availabilityKey(p.warehouseId, p.skuId))),
    );
  if (retry.length > 0) {
    // Give back what the refused orders took on the levels that did go through.
    const giveBack = totalsByLevel(retry, results);
    for (const [key, quantity] of giveBack) {
      if (refused.has(key)) continue;
      const [warehouseId, skuId] = key.split('\u0000');
      const level = await changeLevel(tx, now, {
        skuId,
        warehouseId,
        onHandDelta: 0,
        reservedDelta: -quantity,
      });
      if (!level) throw new Error('giving back a reservation just made was refused');
      levels.set(key, level);
      totals.set(key, (totals.get(key) ?? 0) - quantity);
    }
    for (const i of retry) results[i] = null;
  }
  const done = requests.map((_, i) => i).filter((i) => results[i] !== null && planned(i));
  await recordReservations(
    tx,
    actor,
    now,
    done.map((i) => ({ orderId: requests[i].orderId, picks: picksOf(results[i]) })),
  );
  for (const [key, level] of levels) {
    const [warehouseId, skuId] = key.split('\u0000');
    await afterLevelChange(tx, now, { skuId, warehouseId }, level, -(totals.get(key) ?? 0));
  }
  for (const i of retry) results[i] = await reserveForOrder(tx, actor, now, requests[i], warehouses, options);
  return results as ReservationResult[];
}

function picksOf(result: ReservationResult | null): PlannedPick[] {
  return result?.outcome === 'reserved' ? result.picks : [];
}

/** Units per level over the given orders' picks, in lock order (SKU, then warehouse). */
function totalsByLevel(indexes: readonly number[], results: readonly (ReservationResult | null)[]) {
  const totals = new Map<string, number>();
  for (const i of indexes)
    for (const pick of picksOf(results[i])) {
      const key = availabilityKey(pick.warehouseId, pick.skuId);
      totals.set(key, (totals.get(key) ?? 0) + pick.quantity);
    }
  const lockOrder = (key: string) => key.split('\u0000').reverse().join('\u0000');
  return new Map([...totals].sort(([a], [b]) => lockOrder(a).localeCompare(lockOrder(b))));
}

async function recordReservations(
  tx: Executor,
  actor: Actor,
  now: Date,
  orders: readonly { orderId: string; picks: readonly PlannedPick[] }[],
): Promise<void> {
  const rows = orders.flatMap((o) => o.picks.map((pick) => ({ orderId: o.orderId, pick })));
  if (rows.length === 0) return;
  await recordMovements(
    tx,
    actor,
    now,
    rows.map(({ orderId, pick }) => ({
      skuId: pick.skuId,
      warehouseId: pick.warehouseId,
      kind: 'reservation' as const,
      onHandDelta: 0,
      reservedDelta: pick.quantity,
      orderId,
    })),
  );
  const at = now.toISOString();
  await allocationsRepository.insert(
    tx,
    rows.map(({ orderId, pick }) => ({
      id: uuidv7(now.getTime()),
      order_id: orderId,
      order_line_id: pick.lineId,
      sku_id: pick.skuId,
      warehouse_id: pick.warehouseId,
      quantity: pick.quantity,
      status: 'reserved',
      created_at: at,
    })),
  );
}

async function readAvailability(tx: Executor, skuIds: string[], warehouseIds: string[]) {
  if (skuIds.length === 0 || warehouseIds.length === 0) return new Map<string, number>();
  const rows = await levelsRepository.ofSkus(tx, [...new Set(skuIds)], warehouseIds);
  return new Map(
    rows.map((r) => [availabilityKey(r.warehouse_id, r.sku_id), Number(r.on_hand) - Number(r.reserved)]),
  );
}

async function reservePicks(
  tx: Executor,
  actor: Actor,
  now: Date,
  orderId: string,
  picks: readonly PlannedPick[],
): Promise<boolean> {
  // A fixed order of row locks keeps two allocators from deadlocking on the same SKUs.
  const sorted = [...picks].sort(
    (a, b) => a.skuId.localeCompare(b.skuId) || a.warehouseId.localeCompare(b.warehouseId),
  );
  for (const pick of sorted) {
    const level = await changeLevel(tx, now, {
      skuId: pick.skuId,
      warehouseId: pick.warehouseId,
      onHandDelta: 0,
      reservedDelta: pick.quantity,
    });
    if (!level) return false;
    await afterLevelChange(tx, now, pick, level, -pick.quantity);
  }
  await recordReservations(tx, actor, now, [{ orderId, picks: sorted }]);
  return true;
}

/**
 * Gives back an order's reserved stock (cancelled, held again, or short after a change); the
 * ledger says which status the order went to, in the reader's language.
 */
export async function releaseOrderStock(
  tx: Executor,
  actor: Actor,
  now: Date,
  orderId: string,
  toStatus: string,
) {
  return closeAllocations(tx, actor, now, orderId, 'released', {
    key: 'ledger.released',
    params: { status: toStatus },
  });
}

/** Shipping: the reserved units leave the building (on hand and reserved both go down). */
export async function issueOrderStock(tx: Executor, actor: Actor, now: Date, orderId: string) {
  return closeAllocations(tx, actor, now, orderId, 'issued', { key: 'ledger.shipped' });
}

async function closeAllocations(
  tx: Executor,
  actor: Actor,
  now: Date,
  orderId: string,
  to: 'released' | 'issued',
  explanation: Explanation,
): Promise<number> {
  const open = await allocationsRepository.openOf(tx, orderId);
  for (const allocation of open) {
    const level = await moveStock(tx, actor, now, {
      skuId: allocation.sku_id,
      warehouseId: allocation.warehouse_id,
      kind: to === 'released' ? 'release' : 'issue',
      onHandDelta: to === 'issued' ? -allocation.quantity : 0,
      reservedDelta: -allocation.quantity,
      orderId,
      explanation,
    });
    // The CHECK and the ledger make this impossible unless the books were edited by hand.
    if (!level) throw new Error(`stock of allocation ${allocation.id} no longer matches its reservation`);
  }
  if (open.length > 0) {
    await allocationsRepository.close(tx, orderId, to, now.toISOString());
  }
  return open.length;
}

/** An order's allocations as the order detail shows them (where each unit is reserved). */
export async function orderAllocations(db: Executor, orderId: string) {
  const rows = await allocationsRepository.ofOrder(db, orderId);
  return rows.map((r) => ({
    id: r.id,
    orderLineId: r.order_line_id,
    sku: r.code,
    warehouse: r.warehouse,
    quantity: r.quantity,
    status: r.status as 'reserved' | 'released' | 'issued',
    createdAt: r.created_at,
  }));
}

/**
 * A picker found fewer units in the bin than the books said: the difference is written off
 * (after the orders that wanted them gave back their reservation).
 */
export async function adjustForShortPick(
  tx: Executor,
  actor: Actor,
  now: Date,
  short: { skuId: string; warehouseId: string; quantity: number; reference: string },
): Promise<void> {
  const level = await moveStock(tx, actor, now, {
    skuId: short.skuId,
    warehouseId: short.warehouseId,
    kind: 'adjustment',
    onHandDelta: -short.quantity,
    reservedDelta: 0,
    referenceType: 'wave',
    referenceId: short.reference,
    explanation: { key: 'ledger.shortPick' },
  });
  if (!level) throw new Error(`short pick of ${short.quantity} could not be written off`);
}
