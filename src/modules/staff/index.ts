import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import { readJson } from '../../platform/db/dialect.ts';
import type { Row } from '../../platform/db/schema.ts';
import { afterKey, type Page, toPage } from '../../platform/pagination.ts';
import { createAccess } from './access.ts';
import { createApiKeys } from './api-keys.ts';
import { staffRepository } from './staff.repository.ts';
import { createUsers } from './users.ts';

export type { Principal } from './access.ts';
export type { Permission, Role } from './roles.ts';
export { hasPermission, permissionsOf, rolePermissions, roles } from './roles.ts';

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

/** The staff module: users, sessions, API keys and the audit log's reads. */
export function createStaff(deps: { database: Database; clock: Clock }) {
  async function listAudit(
    filter: { action?: string; targetId?: string },
    cursor: string | null,
    limit: number,
  ): Promise<Page<AuditLogEntry>> {
    const rows = await staffRepository.listAudit(deps.database.db, filter, afterKey(cursor), limit);
    return toPage(rows, limit, toAuditLogEntry, (r) => [r.id]);
  }
  return { ...createUsers(deps), ...createAccess(deps), ...createApiKeys(deps), listAudit };
}

export type Staff = ReturnType<typeof createStaff>;
