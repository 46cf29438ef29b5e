import type { orderStatuses } from '../../contracts/orders.ts';
import { AppError } from '../../platform/errors.ts';

export type OrderStatus = (typeof orderStatuses)[number];

/**
 * The order state machine as data (CONTRACT.md "Order statuses"). Every change of `status`
 * goes through `assertTransition` and writes a history row and an outbox event with it.
 */
export const orderTransitions = {
  pending_review: ['approved', 'cancelled'],
  approved: ['allocated', 'backordered', 'pending_review', 'cancelled'],
  backordered: ['allocated', 'pending_review', 'cancelled'],
  allocated: ['picking', 'backordered', 'pending_review', 'cancelled'],
  // A short pick sends an order back to find its stock elsewhere (backordered, then re-allocated).
  picking: ['packed', 'allocated', 'backordered', 'cancelled'],
  packed: ['shipped', 'picking', 'cancelled'],
  shipped: ['delivered'],
  delivered: ['completed'],
  completed: [],
  cancelled: [],
} as const satisfies Record<OrderStatus, readonly OrderStatus[]>;

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return (orderTransitions[from] as readonly OrderStatus[]).includes(to);
}

export function assertTransition(from: OrderStatus, to: OrderStatus): void {
  if (!canTransition(from, to)) {
    throw new AppError('INVALID_TRANSITION', `an order that is ${from} cannot become ${to}`, { from, to });
  }
}

/** Statuses in which an order is still being worked on (not finished, not cancelled). */
export const openStatuses: readonly OrderStatus[] = (Object.keys(orderTransitions) as OrderStatus[]).filter(
  (s) => orderTransitions[s].length > 0 && s !== 'shipped' && s !== 'delivered',
);
