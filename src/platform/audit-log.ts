import type { Actor } from './actor.ts';
import type { Executor } from './db/database.ts';
import { readJson, writeJson } from './db/dialect.ts';
import type { Row } from './db/schema.ts';
import { uuidv7 } from './ids.ts';
import { type Page, type PageRequest, pageNewestFirst } from './pagination.ts';

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

export interface AuditLogEntry {
  id: string;
  actorType: string;
  actorId: string | null;
  actorName: string;
  action: string;
  targetType: string;
  targetId: string | null;
  details: Record<string, unknown>;
  at: string;
}

function toAuditLogEntry(row: Row<'audit_log'>): AuditLogEntry {
  return {
    id: row.id,
    actorType: row.actor_type,
    actorId: row.actor_id,
    actorName: row.actor_name,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    details: readJson<Record<string, unknown>>(row.details) ?? {},
    at: row.at,
  };
}

/** The audit log newest first, optionally of one action or one target. */
export function listAuditEntries(
  db: Executor,
  filter: { action?: string; targetId?: string },
  page: PageRequest,
): Promise<Page<AuditLogEntry>> {
  let query = db.selectFrom('audit_log').selectAll();
  if (filter.action) query = query.where('action', '=', filter.action);
  if (filter.targetId) query = query.where('target_id', '=', filter.targetId);
  return pageNewestFirst(query, 'id', page, toAuditLogEntry, (row) => row.id);
}

/** Audit entries whose action starts with `prefix`, at or after `from` and before `to`, oldest first. */
export async function auditEntriesBetween(
  db: Executor,
  prefix: string,
  from: string,
  to: string,
): Promise<AuditLogEntry[]> {
  const rows = await db
    .selectFrom('audit_log')
    .selectAll()
    .where('action', 'like', `${prefix}%`)
    .where('at', '>=', from)
    .where('at', '<', to)
    .orderBy('at')
    .execute();
  return rows.map(toAuditLogEntry);
}
