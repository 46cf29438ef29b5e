import type { Actor } from './actor.ts';
import type { Executor } from './db/database.ts';
import { writeJson } from './db/dialect.ts';
import { uuidv7 } from './ids.ts';

export interface AuditEntry {
  action: string;
  targetType: string;
  targetId: string | null;
  details?: Record<string, unknown>;
}

/** Records a change in the audit log, inside the transaction that made the change. */
export async function recordAudit(tx: Executor, actor: Actor, at: Date, entry: AuditEntry): Promise<void> {
  await tx
    .insertInto('audit_log')
    .values({
      id: uuidv7(at.getTime()),
      actor_type: actor.type,
      actor_id: actor.id,
      actor_name: actor.name,
      action: entry.action,
      target_type: entry.targetType,
      target_id: entry.targetId,
      details: writeJson(entry.details ?? {}),
      at: at.toISOString(),
    })
    .execute();
}
