import { canTransition, type OrderStatus, orderTransitions } from '../../contracts/order-transitions.ts';
import { AppError } from '../../platform/errors.ts';

// The table is the contract's, so the console asks the same one (CONTRACT.md "Order statuses").
// Every change of `status` goes through `assertTransition` and writes a history row and an
// outbox event with it.
export { canTransition, type OrderStatus, orderTransitions };

export function assertTransition(from: OrderStatus, to: OrderStatus): void {
  if (!canTransition(from, to)) {
    throw new AppError('INVALID_TRANSITION', `an order that is ${from} cannot become ${to}`, { from, to });
  }
}

/** Statuses in which an order is still being worked on (not finished, not cancelled). */
export const openStatuses: readonly OrderStatus[] = (Object.keys(orderTransitions) as OrderStatus[]).filter(
  (s) => orderTransitions[s].length > 0 && s !== 'shipped' && s !== 'delivered',
);
