import type { Actor } from '../../../platform/actor.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Database } from '../../../platform/db/database.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { changeOrderStatus } from '../../orders/index.ts';

/** Whether an order has a return or complaint still open; filled by the app from after-sales. */
export type OpenAftersalesOf = (orderIds: readonly string[]) => Promise<ReadonlySet<string>>;

/** Until after-sales exists, nothing is ever open. */
export const noneOpen: OpenAftersalesOf = async () => new Set();

const dayMs = 24 * 3600_000;
const systemActor: Actor = { type: 'system', id: null, name: 'completion' };
const batchSize = 500;

/**
 * Closes delivered orders whose return window ended with no open return or complaint: the
 * last step of the order's life (`delivered → completed`), run on a schedule.
 */
export function createCompletion(deps: {
  database: Database;
  clock: Clock;
  returnWindowDays: () => Promise<number>;
  openAftersalesOf: OpenAftersalesOf;
}) {
  const { database, clock } = deps;

  /** Delivered orders delivered before `cutoff` (the last time each reached delivered), by id after `afterId`. */
  function dueOrders(cutoff: string, afterId: string) {
    return database.db
      .selectFrom('orders_orders_view as o')
      .innerJoin('orders_status_history_view as h', 'h.order_id', 'o.id')
      .select('o.id')
      .where('o.status', '=', 'delivered')
      .where('o.id', '>', afterId)
      .where('h.to_status', '=', 'delivered')
      .groupBy('o.id')
      .having((eb) => eb.fn.max('h.at'), '<=', cutoff)
      .orderBy('o.id')
      .limit(batchSize)
      .execute();
  }

  async function completeDueOrders(): Promise<{ completed: number; keptOpen: number }> {
    const now = clock.now();
    const days = await deps.returnWindowDays();
    const cutoff = new Date(now.getTime() - days * dayMs).toISOString();
    let completed = 0;
    let keptOpen = 0;
    // In batches by id, so orders kept open by a return do not hide the ones behind them.
    for (let afterId = ''; ; ) {
      const due = (await dueOrders(cutoff, afterId)).map((r) => r.id);
      const open = await deps.openAftersalesOf(due);
      for (const orderId of due) {
        if (open.has(orderId)) {
          keptOpen++;
          continue;
        }
        await inTransaction(database, (tx) =>
          changeOrderStatus(tx, systemActor, now, orderId, {
            to: 'completed',
            reason: `the ${days}-day return window ended with nothing open`,
            event: { type: 'completed', data: { returnWindowDays: days } },
          }),
        );
        completed++;
      }
      if (due.length < batchSize) return { completed, keptOpen };
      afterId = due.at(-1)!;
    }
  }

  return { completeDueOrders };
}
