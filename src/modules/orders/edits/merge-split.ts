import type { Actor } from '../../../platform/actor.ts';
import { recordAudit } from '../../../platform/audit-log.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Database, Executor } from '../../../platform/db/database.ts';
import type { Row } from '../../../platform/db/schema.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { AppError, invalidField, notFound } from '../../../platform/errors.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { ordersRepository } from '../orders.repository.ts';
import type { OrderQueries } from '../queries/order-queries.ts';
import { toOrderSummary } from '../queries/order-view.ts';
import { addTimelineEvent, releaseHoldRows } from '../review/order-review.ts';

/** Until allocation an order's shipment grouping may change; after it, stock is committed. */
const regroupableStatuses = ['pending_review', 'approved'];

async function loadRegroupable(tx: Executor, ids: readonly string[]): Promise<Row<'orders'>[]> {
  const rows = await ordersRepository.findByIds(tx, ids);
  for (const id of ids) if (!rows.some((r) => r.id === id)) throw notFound('order', id);
  const fixed = rows.find((r) => !regroupableStatuses.includes(r.status));
  if (fixed)
    throw new AppError(
      'NOT_MERGEABLE',
      `order ${fixed.number} is ${fixed.status}; only orders before allocation can be regrouped`,
      { orderId: fixed.id },
    );
  return rows;
}

/** Groups orders of one buyer into one shipment, and undoes it; splits an order's lines into parcels. */
export function createMergeSplit(deps: { database: Database; clock: Clock; queries: OrderQueries }) {
  const { database, clock, queries } = deps;

  async function releaseMergeHolds(tx: Executor, actor: Actor, now: Date, orders: Row<'orders'>[]) {
    for (const order of orders) {
      const holds = await ordersRepository.openHoldsOfCode(tx, order.id, 'MERGE_CANDIDATE');
      if (order.status === 'pending_review')
        await releaseHoldRows(tx, actor, now, order, holds, {
          isHuman: actor.type !== 'system',
          note: 'merged',
        });
    }
  }

  /** Puts the orders in one shipment group; they must share the buyer and address. */
  async function mergeOrders(actor: Actor, orderIds: readonly string[]) {
    const ids = [...new Set(orderIds)];
    if (ids.length < 2) throw invalidField('orderIds', 'mergeNeedsTwo');
    const now = clock.now();
    return inTransaction(database, async (tx) => {
      const orders = await loadRegroupable(tx, ids);
      if (new Set(orders.map((o) => o.buyer_key)).size > 1) {
        throw new AppError('NOT_MERGEABLE', 'orderIds: the orders go to different buyers or addresses', {
          field: 'orderIds',
        });
      }
      const groupId = orders.find((o) => o.group_id)?.group_id ?? uuidv7(now.getTime());
      await ordersRepository.updateMany(tx, ids, { group_id: groupId, updated_at: now.toISOString() });
      const numbers = orders.map((o) => o.number);
      for (const order of orders)
        await addTimelineEvent(tx, actor, now, order.id, 'merged', { groupId, orders: numbers });
      await releaseMergeHolds(tx, actor, now, orders);
      await recordAudit(tx, actor, now, {
        action: 'orders.merged',
        targetType: 'order_group',
        targetId: groupId,
        details: { orders: numbers },
      });
      return { groupId, orders: await Promise.all(ids.map((id) => queries.getOrder(id, tx))) };
    });
  }

  async function unmergeOrder(actor: Actor, orderId: string) {
    const now = clock.now();
    return inTransaction(database, async (tx) => {
      const [order] = await loadRegroupable(tx, [orderId]);
      if (!order.group_id) throw new AppError('NOT_MERGEABLE', `order ${order.number} is not merged`);
      await ordersRepository.update(tx, orderId, { group_id: null, updated_at: now.toISOString() });
      const rest = await ordersRepository.idsInGroup(tx, order.group_id);
      // A group of one is no group.
      if (rest.length === 1) await ordersRepository.update(tx, rest[0], { group_id: null });
      await addTimelineEvent(tx, actor, now, orderId, 'unmerged', { groupId: order.group_id });
      await recordAudit(tx, actor, now, {
        action: 'orders.unmerged',
        targetType: 'order',
        targetId: orderId,
      });
      return queries.getOrder(orderId, tx);
    });
  }

  /** Splits the lines into parcels: `parcels` lists line numbers per parcel, every line exactly once. */
  async function splitOrder(actor: Actor, orderId: string, parcels: readonly (readonly number[])[]) {
    const now = clock.now();
    return inTransaction(database, async (tx) => {
      await loadRegroupable(tx, [orderId]);
      const lines = await ordersRepository.linesOf(tx, orderId);
      assertPartition(
        lines.map((l) => l.line_no),
        parcels,
      );
      for (const [index, lineNos] of parcels.entries()) {
        await ordersRepository.setParcel(tx, orderId, lineNos, index + 1);
      }
      await addTimelineEvent(tx, actor, now, orderId, parcels.length > 1 ? 'split' : 'unsplit', { parcels });
      await recordAudit(tx, actor, now, {
        action: 'order.split',
        targetType: 'order',
        targetId: orderId,
        details: { parcels },
      });
      return queries.getOrder(orderId, tx);
    });
  }

  /** Open orders of the same buyer and address (the merge key), newest first. */
  async function mergeCandidates(orderId: string) {
    const order = await ordersRepository.findById(database.db, orderId);
    if (!order) throw notFound('order', orderId);
    if (!order.buyer_key) return [];
    const rows = await ordersRepository.buyerOrders(
      database.db,
      order.buyer_key,
      orderId,
      regroupableStatuses,
      50,
    );
    return rows.map(toOrderSummary);
  }

  return { mergeOrders, unmergeOrder, splitOrder, mergeCandidates };
}

export function assertPartition(lineNos: readonly number[], parcels: readonly (readonly number[])[]): void {
  const seen = parcels.flat();
  const isPartition =
    seen.length === lineNos.length &&
    new Set(seen).size === seen.length &&
    lineNos.every((n) => seen.includes(n));
  if (!isPartition || parcels.some((p) => p.length === 0)) {
    throw invalidField('parcels', 'parcelsCoverLines', { lines: lineNos.join(', ') });
  }
}

export type MergeSplit = ReturnType<typeof createMergeSplit>;
