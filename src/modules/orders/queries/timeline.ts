import type { Actor } from '../../../platform/actor.ts';
import type { Executor } from '../../../platform/db/database.ts';
import { writeJson } from '../../../platform/db/dialect.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { ordersRepository } from '../orders.repository.ts';

/** One entry on an order's timeline, written in the caller's transaction. */
export async function addTimelineEvent(
  tx: Executor,
  actor: Actor,
  now: Date,
  orderId: string,
  type: string,
  data: Record<string, unknown>,
) {
  await ordersRepository.insertEvent(tx, {
    id: uuidv7(now.getTime()),
    order_id: orderId,
    type,
    actor_type: actor.type,
    actor_id: actor.id,
    actor_name: actor.name,
    data: writeJson(data),
    at: now.toISOString(),
  });
}
