import type { Actor } from '../../../platform/actor.ts';
import { recordAudit } from '../../../platform/audit-log.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Database, Executor } from '../../../platform/db/database.ts';
import type { Row } from '../../../platform/db/schema.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { AppError, invalidField, notFound } from '../../../platform/errors.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import type { OrderQueries } from '../queries/order-queries.ts';
import { toOrderSummary } from '../queries/order-view.ts';
import { addTimelineEvent, releaseHoldRows } from '../review/order-review.ts';

/** Until allocation an order's shipment grouping may change; after it, stock is committed. */
const regroupableStatuses = ['pending_review', 'approved'];

async function loadRegroupable(tx: Executor, ids: readonly string[]): Promise<Row<'orders'>[]> {
  const rows = await tx.selectFrom('orders').selectAll().where('id', 'in', ids).execute();
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
      const holds = await tx
        .selectFrom('order_holds')
        .selectAll()
        .where('order_id', '=', order.id)
        .where('code', '=', 'MERGE_CANDIDATE')
        .where('released_at', 'is', null)
        .execute();
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
    if (ids.length < 2) throw invalidField('orderIds', 'name at least two orders to merge');
    const now = clock.now();
    return inTransaction(database, async (tx) => {
      const orders = await loadRegroupable(tx, ids);
      if (new Set(orders.map((o) => o.buyer_key)).size > 1) {
        throw new AppError('NOT_MERGEABLE', 'orderIds: the orders go to different buyers or addresses', {
          field: 'orderIds',
        });
      }
      const groupId = orders.find((o) => o.group_id)?.group_id ?? uuidv7(now.getTime());
      await tx
        .updateTable('orders')
        .set({ group_id: groupId, updated_at: now.toISOString() })
        .where('id', 'in', ids)
        .execute();
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
      await tx
        .updateTable('orders')
        .set({ group_id: null, updated_at: now.toISOString() })
        .where('id', '=', orderId)
        .execute();
      const rest = await tx
        .selectFrom('orders')
        .select('id')
        .where('group_id', '=', order.group_id)
        .execute();
      // A group of one is no group.
      if (rest.length === 1)
        await tx.updateTable('orders').set({ group_id: null }).where('id', '=', rest[0].id).execute();
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
      const lines = await tx
        .selectFrom('order_lines')
        .select('line_no')
        .where('order_id', '=', orderId)
        .execute();
      assertPartition(
        lines.map((l) => l.line_no),
        parcels,
      );
      for (const [index, lineNos] of parcels.entries()) {
        await tx
          .updateTable('order_lines')
          .set({ parcel: index + 1 })
          .where('order_id', '=', orderId)
          .where('line_no', 'in', [...lineNos])
          .execute();
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
    const order = await database.db
      .selectFrom('orders')
      .select(['id', 'buyer_key'])
      .where('id', '=', orderId)
      .executeTakeFirst();
    if (!order) throw notFound('order', orderId);
    if (!order.buyer_key) return [];
    const rows = await database.db
      .selectFrom('orders')
      .selectAll()
      .where('buyer_key', '=', order.buyer_key)
      .where('id', '!=', orderId)
      .where('status', 'in', regroupableStatuses)
      .orderBy('placed_at', 'desc')
      .limit(50)
      .execute();
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
    throw invalidField('parcels', `put each of lines ${lineNos.join(', ')} in exactly one non-empty parcel`);
  }
}

export type MergeSplit = ReturnType<typeof createMergeSplit>;
