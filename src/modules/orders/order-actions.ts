import type { Order } from '../../contracts/orders.ts';
import type { Actor } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit-log.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Executor } from '../../platform/db/database.ts';
import { writeJson } from '../../platform/db/dialect.ts';
import type { Row } from '../../platform/db/schema.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { publish } from '../../platform/events/outbox.ts';
import { uuidv7 } from '../../platform/ids.ts';
import type { Metrics } from '../../platform/metrics.ts';
import { issueOrderStock, releaseOrderStock } from '../inventory/index.ts';
import type { OrderQueries } from './order-queries.ts';
import { assertTransition, type OrderStatus } from './order-status.ts';
import { ordersRepository as repo } from './orders.repository.ts';

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
  const from = order.status as OrderStatus;
  assertTransition(from, change.to);
  const at = now.toISOString();
  const set = { ...change.changes, status: change.to, updated_at: at };
  if (!(await repo.updateStatusIf(tx, orderId, from, set))) {
    throw new AppError(
      'INVALID_TRANSITION',
      `order ${order.number} changed meanwhile; reload and try again`,
      { from, to: change.to },
    );
  }
  await tx
    .insertInto('order_status_history')
    .values({
      id: uuidv7(now.getTime()),
      order_id: orderId,
      from_status: from,
      to_status: change.to,
      reason: change.reason,
      actor_type: actor.type,
      actor_id: actor.id,
      at,
    })
    .execute();
  await tx
    .insertInto('order_events')
    .values({
      id: uuidv7(now.getTime()),
      order_id: orderId,
      type: change.event.type,
      actor_type: actor.type,
      actor_id: actor.id,
      actor_name: actor.name,
      data: writeJson(change.event.data),
      at,
    })
    .execute();
  // Shipping takes the reserved units out of the building; any other way out of the
  // stock-holding statuses (cancelled, held again, short) gives them back at once.
  if (change.to === 'shipped') await issueOrderStock(tx, actor, now, orderId);
  else if (holdsStock(from) && !holdsStock(change.to))
    await releaseOrderStock(tx, actor, now, orderId, change.reason);
  await publish(tx, now, 'order.status_changed', {
    orderId,
    number: order.number,
    from,
    to: change.to,
    reason: change.reason,
  });
  return { ...order, ...set };
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
