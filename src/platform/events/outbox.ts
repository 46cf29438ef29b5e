import { insertRows } from '../db/bulk.ts';
import type { Executor } from '../db/database.ts';
import { writeJson } from '../db/dialect.ts';
import type { EventMap, EventType } from './event-map.ts';

/**
 * Writes events into the outbox inside the caller's transaction, so an event exists exactly
 * when the change that caused it committed. The worker delivers them afterwards.
 */
export async function publish<T extends EventType>(
  tx: Executor,
  at: Date,
  type: T,
  payload: EventMap[T],
): Promise<void> {
  await publishMany(tx, at, [{ type, payload }]);
}

export async function publishMany(
  tx: Executor,
  at: Date,
  events: readonly { type: EventType; payload: EventMap[EventType] }[],
): Promise<void> {
  if (events.length === 0) return;
  const iso = at.toISOString();
  await insertRows(
    tx,
    'outbox',
    events.map((e) => ({
      type: e.type,
      payload: writeJson(e.payload),
      status: 'pending',
      attempts: 0,
      created_at: iso,
      available_at: iso,
    })),
  );
}
