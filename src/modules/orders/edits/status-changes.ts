import type { Order } from '../../../contracts/orders.ts';
import type { Actor } from '../../../platform/actor.ts';
import { recordAudit } from '../../../platform/audit-log.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Database, Executor } from '../../../platform/db/database.ts';
import { writeJson } from '../../../platform/db/dialect.ts';
import type { Row } from '../../../platform/db/schema.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import { publishMany } from '../../../platform/events/outbox.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import type { Metrics } from '../../../platform/metrics.ts';
import { issueOrderStock, releaseOrderStock } from '../../inventory/index.ts';
import { assertTransition, type OrderStatus } from '../order-status.ts';
import { ordersRepository as repo } from '../orders.repository.ts';
import type { OrderQueries } from '../queries/order-queries.ts';

export interface StatusChange {
  to: OrderStatus;
  reason: string;
  event: { type: string; data: Record<string, unknown> };
  changes?: Partial<Row<'orders'>>;
}

/**
 * Moves an order to a new status inside `tx`: checks the transition table, guards against a
 * concurrent change, and writes the history row, the timeline event and the outbox event.
 */
export async function changeOrderStatus(
  tx: Executor,
  actor: Actor,
  now: Date,
  orderId: string,
  change: StatusChange,
): Promise<Row<'orders'>> {
  const order = await repo.findById(tx, orderId);
  if (!order) throw notFound('order', orderId);
  await changeOrdersStatus(tx, actor, now, [{ ...change, order }]);
  return { ...order, ...change.changes, status: change.to, updated_at: now.toISOString() };
}

/**
 * The same for many orders at once (allocation moves whole batches): one guarded UPDATE per
 * kind of move, and the history rows, timeline events and outbox events in one statement each.
 */
export async function changeOrdersStatus(
  tx: Executor,
  actor: Actor,
  now: Date,
  changes: readonly (StatusChange & { order: Pick<Row<'orders'>, 'id' | 'number' | 'status'> })[],
): Promise<void> {
  if (changes.length === 0) return;
  const at = now.toISOString();
  for (const group of groupMoves(changes)) {
    const { from, to } = group[0];
    assertTransition(from, to);
    const ids = group.map((c) => c.order.id);
    let updated = 0;
    // In slices: a wave moves thousands of orders, more than a statement may bind.
    for (let start = 0; start < ids.length; start += 5000) {
      updated += await repo.updateStatusOfManyIf(tx, ids.slice(start, start + 5000), from, {
        ...group[0].changes,
        status: to,
        updated_at: at,
      });
    }
    if (updated !== ids.length) {
      const order = group[0].order;
      throw new AppError(
        'INVALID_TRANSITION',
        `order ${order.number} changed meanwhile; reload and try again`,
        {
          from,
          to,
        },
      );
    }
    for (const change of group) {
      // Shipping takes the reserved units out of the building; any other way out of the
      // stock-holding statuses (cancelled, held again, short) gives them back at once.
      if (to === 'shipped') await issueOrderStock(tx, actor, now, change.order.id);
      else if (holdsStock(from) && !holdsStock(to))
        await releaseOrderStock(tx, actor, now, change.order.id, to);
    }
  }
  const actorColumns = { actor_type: actor.type, actor_id: actor.id };
  await repo.insertHistory(
    tx,
    changes.map((c) => ({
      id: uuidv7(now.getTime()),
      order_id: c.order.id,
      from_status: c.order.status,
      to_status: c.to,
      reason: c.reason,
      ...actorColumns,
      at,
    })),
  );
  await repo.insertEvents(
    tx,
    changes.map((c) => ({
      id: uuidv7(now.getTime()),
      order_id: c.order.id,
      type: c.event.type,
      ...actorColumns,
      actor_name: actor.name,
      data: writeJson(c.event.data),
      at,
    })),
  );
  await publishMany(
    tx,
    now,
    changes.map((c) => ({
      type: 'order.status_changed' as const,
      payload: {
        orderId: c.order.id,
        number: c.order.number,
        from: c.order.status,
        to: c.to,
        reason: c.reason,
      },
    })),
  );
}

/** Changes grouped by (from, to); a change with extra columns travels alone. */
function groupMoves<T extends StatusChange & { order: { status: string } }>(changes: readonly T[]) {
  const groups = new Map<string, (T & { from: OrderStatus })[]>();
  changes.forEach((change, i) => {
    const from = change.order.status as OrderStatus;
    const key = change.changes ? `single:${i}` : `${from}>${change.to}`;
    groups.set(key, [...(groups.get(key) ?? []), { ...change, from }]);
  });
  return [...groups.values()];
}

const stockHoldingStatuses: readonly OrderStatus[] = ['allocated', 'picking', 'packed'];
const holdsStock = (status: OrderStatus) => stockHoldingStatuses.includes(status);

export function createOrderActions(deps: {
  database: Database;
  clock: Clock;
  queries: OrderQueries;
  metrics?: Metrics;
}) {
  const { database, clock, queries, metrics } = deps;

  async function cancelOrder(actor: Actor, orderId: string, reason: string): Promise<Order> {
    const now = clock.now();
    const order = await inTransaction(database, async (tx) => {
      await changeOrderStatus(tx, actor, now, orderId, {
        to: 'cancelled',
        reason,
        event: { type: 'cancelled', data: { reason } },
        changes: { hold_codes: '' },
      });
      // A cancelled order has nothing left to review.
      await repo.releaseOpenHolds(tx, orderId, now.toISOString(), 'cancelled');
      await recordAudit(tx, actor, now, {
        action: 'order.cancelled',
        targetType: 'order',
        targetId: orderId,
        details: { reason },
      });
      return queries.getOrder(orderId, tx);
    });
    metrics?.ordersTransitioned.inc({ to: 'cancelled' });
    return order;
  }

  return { cancelOrder };
}
