/**
 * Everything file imports use of the orders module, in one place: orders' surface may be
 * regrouped, and then this file is the only one to change.
 */
import type { Actor } from '../../../platform/actor.ts';
import type { IntakeOutcome, Orders } from '../../orders/index.ts';

/** Stores a batch of canonical orders as intake judges them: one outcome per order, in order. */
export type ReceiveOrders = (actor: Actor, orders: readonly unknown[]) => Promise<IntakeOutcome[]>;

export function ordersIntake(orders: Pick<Orders, 'intake'>): ReceiveOrders {
  return (actor, inputs) => orders.intake.receiveBatch(actor, inputs);
}
