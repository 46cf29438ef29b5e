import type { Actor } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit-log.ts';
import { randomToken, sha256 } from '../../platform/auth/tokens.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import type { Row } from '../../platform/db/schema.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { afterKey, type Page, toPage } from '../../platform/pagination.ts';
import { isRole } from './roles.ts';
import { staffRepository as repo } from './staff.repository.ts';

export interface ApiKey {
  id: string;
  name: string;
  role: string;
  prefix: string;
  createdAt: string;
  createdBy: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

function toApiKey(row: Row<'api_keys'>): ApiKey {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    prefix: row.prefix,
    createdAt: row.created_at,
    createdBy: row.created_by,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}

export function createApiKeys(deps: { database: Database; clock: Clock }) {
  const { database, clock } = deps;

  /** Makes a key and returns it in clear this once; only its SHA-256 is stored. */
  async function createApiKey(
    actor: Actor,
    input: { name: string; role: string },
  ): Promise<{ apiKey: ApiKey; key: string }> {
    if (!isRole(input.role))
      throw new AppError('UNKNOWN_ROLE', `role: "${input.role}" is not a role`, { field: 'role' });
    const key = `ordo_${randomToken(24)}`;
    const now = clock.now();
    const row: Row<'api_keys'> = {
      id: uuidv7(now.getTime()),
      name: input.name,
      role: input.role,
      prefix: key.slice(0, 9),
      key_hash: sha256(key),
      created_by: actor.name,
      created_at: now.toISOString(),
      last_used_at: null,
      revoked_at: null,
    };
    await inTransaction(database, async (tx) => {
      await repo.insertApiKey(tx, row);
      await recordAudit(tx, actor, now, {
        action: 'apikey.created',
        targetType: 'api_key',
        targetId: row.id,
        details: { name: row.name, role: row.role, prefix: row.prefix },
      });
    });
    return { apiKey: toApiKey(row), key };
  }

  async function revokeApiKey(actor: Actor, id: string): Promise<ApiKey> {
    const now = clock.now();
    return inTransaction(database, async (tx) => {
      const row = await repo.findApiKeyById(tx, id);
      if (!row) throw notFound('API key', id);
      if (row.revoked_at)
        throw new AppError('ALREADY_REVOKED', `API key ${row.prefix}… is already revoked`, { id });
      await repo.updateApiKey(tx, id, { revoked_at: now.toISOString() });
      await recordAudit(tx, actor, now, { action: 'apikey.revoked', targetType: 'api_key', targetId: id });
      return toApiKey({ ...row, revoked_at: now.toISOString() });
    });
  }

  async function listApiKeys(cursor: string | null, limit: number): Promise<Page<ApiKey>> {
    const rows = await repo.listApiKeys(database.db, afterKey(cursor), limit);
    return toPage(rows, limit, toApiKey, (r) => [r.id]);
  }

  return { createApiKey, revokeApiKey, listApiKeys };
}
