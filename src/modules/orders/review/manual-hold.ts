import type { Explanation } from '../../../contracts/explanations.ts';
import type { Actor } from '../../../platform/actor.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Database } from '../../../platform/db/database.ts';
import { writeJson } from '../../../platform/db/dialect.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { holdFor } from '../audit/audit-checks/rule.ts';
import { changeOrderStatus } from '../edits/status-changes.ts';
import type { OrderStatus } from '../order-status.ts';
import { ordersRepository } from '../orders.repository.ts';
import { openHolds } from './order-review.ts';

// Orders not yet in the warehouse's hands can still be stopped; picking onwards cannot.
const holdableStatuses: readonly OrderStatus[] = ['pending_review', 'approved', 'backordered', 'allocated'];

/**
 * Holds orders from outside the audit (an incident, a case step): a hold row with its
 * explanation, and the order back to review. Orders past allocation are skipped and reported.
 */
export function createManualHolds(deps: { database: Database; clock: Clock }) {
  async function holdOrders(
    actor: Actor,
    orderIds: readonly string[],
    reason: { code: string; explanation: Explanation },
  ): Promise<{ held: string[]; skipped: string[] }> {
    const now = deps.clock.now();
    const hold = holdFor(reason.code, reason.explanation);
    return inTransaction(deps.database, async (tx) => {
      const held: string[] = [];
      const skipped: string[] = [];
      for (const id of orderIds) {
        const order = await ordersRepository.findById(tx, id);
        if (!order || !holdableStatuses.includes(order.status as OrderStatus)) {
          skipped.push(id);
          continue;
        }
        const codes = (await openHolds(tx, id)).map((h) => h.code);
        if (!codes.includes(hold.code)) {
          await ordersRepository.insertHolds(tx, [
            {
              id: uuidv7(now.getTime()),
              order_id: id,
              code: hold.code,
              message: hold.message,
              explanation: writeJson(hold.explanation),
              risk_points: 0,
              created_at: now.toISOString(),
            },
          ]);
          codes.push(hold.code);
        }
        const changes = { hold_codes: codes.join(',') };
        if (order.status === 'pending_review') {
          await ordersRepository.update(tx, id, { ...changes, updated_at: now.toISOString() });
        } else {
          await changeOrderStatus(tx, actor, now, id, {
            to: 'pending_review',
            reason: hold.message,
            event: { type: 'held', data: { codes: [hold.code] } },
            changes,
          });
        }
        held.push(id);
      }
      return { held, skipped };
    });
  }
  return { holdOrders };
}
