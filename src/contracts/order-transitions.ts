import type { orderStatuses } from './order-enums.ts';

export type OrderStatus = (typeof orderStatuses)[number];

/**
 * The order state machine as data (CONTRACT.md "Order statuses"), plain constants (no zod) so
 * the console asks the same table what an order may become.
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
