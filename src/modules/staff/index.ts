import { listAuditEntries } from '../../platform/audit-log.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import { createAccess } from './access.ts';
import { createApiKeys } from './api-keys.ts';
import { createJobDescriptions } from './job-descriptions.ts';
import { createUsers } from './users.ts';

export type { AuditLogEntry } from '../../platform/audit-log.ts';
export type { Principal } from './access.ts';
export type { JobDescription, JobDescriptionInput, Kpi, WorkflowStep } from './job-descriptions.ts';
export type { Permission, Role } from './roles.ts';
export { hasPermission, permissionsOf, rolePermissions, roles } from './roles.ts';
export type { LinkExists, Training, TrainingRecord } from './training/index.ts';
export { createTraining } from './training/index.ts';

/** The staff module: users, sessions, API keys and the audit log's reads. */
export function createStaff(deps: { database: Database; clock: Clock }) {
  function listAudit(filter: { action?: string; targetId?: string }, cursor: string | null, limit: number) {
    return listAuditEntries(deps.database.db, filter, { cursor, limit });
  }
  return {
    ...createUsers(deps),
    ...createAccess(deps),
    ...createApiKeys(deps),
    ...createJobDescriptions(deps),
    listAudit,
  };
}

export type Staff = ReturnType<typeof createStaff>;
