import type { Database } from '../platform/db/database.ts';
import { readJson, writeJson } from '../platform/db/dialect.ts';

/** The settings key a running worker refreshes every 10 seconds (not audited: it is no change). */
export const workerHeartbeatKey = 'system.worker_heartbeat';

export interface WorkerHeartbeat {
  workerId: string;
  at: string;
}

export async function recordWorkerHeartbeat(database: Database, workerId: string): Promise<void> {
  const at = new Date().toISOString();
  const value = writeJson({ workerId, at } satisfies WorkerHeartbeat);
  await database.db
    .insertInto('settings')
    .values({ key: workerHeartbeatKey, value, updated_by: workerId, updated_at: at })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_by: workerId, updated_at: at }))
    .execute();
}

export async function lastWorkerHeartbeat(database: Database): Promise<WorkerHeartbeat | null> {
  const row = await database.db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', workerHeartbeatKey)
    .executeTakeFirst();
  return row ? readJson<WorkerHeartbeat>(row.value) : null;
}
