import type { Actor } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit-log.ts';
import { verifyPassword } from '../../platform/auth/password.ts';
import { randomToken, sha256 } from '../../platform/auth/tokens.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { AppError } from '../../platform/errors.ts';
import { type Permission, permissionsOf } from './roles.ts';
import { staffRepository as repo } from './staff.repository.ts';
import { toUser, type User } from './users.ts';

/** Who is calling and what they may do, resolved once per request. */
export interface Principal {
  actor: Actor;
  role: string;
  permissions: readonly Permission[];
  via: 'session' | 'api_key';
  /** Only for sessions: the token mutating requests must echo in X-CSRF-Token. */
  csrfToken?: string;
  sessionId?: string;
}

export const sessionLifetimeMs = 12 * 60 * 60 * 1000;

// Verifying against a real hash when the user does not exist keeps the response time the same,
// so timing does not reveal which usernames exist.
const decoyHash =
  '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$Gq2vXJm2Bq+oZP3C0bKxkqv3m9bQG3b0c0Gm1vR6s2A';

export function createAccess(deps: { database: Database; clock: Clock }) {
  const { database, clock } = deps;

  async function login(
    username: string,
    password: string,
  ): Promise<{ sessionToken: string; csrfToken: string; user: User; expiresAt: Date }> {
    const row = await repo.findUserByUsername(database.db, username);
    const isValid = await verifyPassword(row?.password_hash ?? decoyHash, password);
    if (!row || !isValid || row.is_active !== 1) {
      throw new AppError('INVALID_CREDENTIALS', 'username or password is wrong, or the account is inactive');
    }
    const now = clock.now();
    const sessionToken = randomToken();
    const csrfToken = randomToken();
    const expiresAt = new Date(now.getTime() + sessionLifetimeMs);
    await inTransaction(database, async (tx) => {
      await repo.insertSession(tx, {
        id: sha256(sessionToken),
        user_id: row.id,
        csrf_token: csrfToken,
        created_at: now.toISOString(),
        expires_at: expiresAt.toISOString(),
      });
      await repo.updateUser(tx, row.id, { last_login_at: now.toISOString() });
      await recordAudit(tx, { type: 'user', id: row.id, name: row.username }, now, {
        action: 'session.created',
        targetType: 'user',
        targetId: row.id,
      });
    });
    return { sessionToken, csrfToken, expiresAt, user: toUser({ ...row, last_login_at: now.toISOString() }) };
  }

  async function logout(principal: Principal): Promise<void> {
    if (principal.sessionId) await repo.deleteSession(database.db, principal.sessionId);
  }

  async function authenticateSession(sessionToken: string): Promise<Principal | null> {
    const row = await repo.findSessionWithUser(database.db, sha256(sessionToken));
    if (row?.is_active !== 1 || row.expires_at <= clock.now().toISOString()) return null;
    return {
      actor: { type: 'user', id: row.id, name: row.username },
      role: row.role,
      permissions: permissionsOf(row.role),
      via: 'session',
      csrfToken: row.csrf_token,
      sessionId: row.session_id,
    };
  }

  async function authenticateApiKey(key: string): Promise<Principal | null> {
    const row = await repo.findApiKeyByHash(database.db, sha256(key));
    if (!row || row.revoked_at) return null;
    const now = clock.now();
    // Last use is coarse (per minute) so a busy integration does not write on every request.
    if (!row.last_used_at || now.getTime() - Date.parse(row.last_used_at) > 60_000) {
      await repo.updateApiKey(database.db, row.id, { last_used_at: now.toISOString() });
    }
    return {
      actor: { type: 'api_key', id: row.id, name: row.name },
      role: row.role,
      permissions: permissionsOf(row.role),
      via: 'api_key',
    };
  }

  async function userOf(principal: Principal): Promise<User | null> {
    if (principal.actor.type !== 'user' || !principal.actor.id) return null;
    const row = await repo.findUserById(database.db, principal.actor.id);
    return row ? toUser(row) : null;
  }

  return { login, logout, authenticateSession, authenticateApiKey, userOf };
}
