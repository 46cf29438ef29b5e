import type { Actor } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit-log.ts';
import { hashPassword } from '../../platform/auth/password.ts';
import { randomToken } from '../../platform/auth/tokens.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import type { Row } from '../../platform/db/schema.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { publish } from '../../platform/events/outbox.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { afterKey, type Page, toPage } from '../../platform/pagination.ts';
import { isRole } from './roles.ts';
import { staffRepository as repo } from './staff.repository.ts';

export interface User {
  id: string;
  username: string;
  displayName: string;
  role: string;
  email: string | null;
  isActive: boolean;
  createdAt: string;
  lastLoginAt: string | null;
}

export interface NewUser {
  username: string;
  displayName?: string;
  email?: string | null;
  role: string;
  password: string;
}

export interface UserChanges {
  displayName?: string;
  email?: string | null;
  role?: string;
  isActive?: boolean;
  password?: string;
}

export function toUser(row: Row<'users'>): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    email: row.email,
    isActive: row.is_active === 1,
    createdAt: row.created_at,
    lastLoginAt: row.last_login_at,
  };
}

function assertRole(role: string): void {
  if (!isRole(role)) throw new AppError('UNKNOWN_ROLE', `role: "${role}" is not a role`, { field: 'role' });
}

export function createUsers(deps: { database: Database; clock: Clock }) {
  const { database, clock } = deps;

  async function createUser(actor: Actor, input: NewUser): Promise<User> {
    assertRole(input.role);
    const passwordHash = await hashPassword(input.password);
    const now = clock.now();
    return inTransaction(database, async (tx) => {
      if (await repo.findUserByUsername(tx, input.username)) {
        throw new AppError('USERNAME_TAKEN', `username: "${input.username}" is taken`, { field: 'username' });
      }
      const row = {
        id: uuidv7(now.getTime()),
        username: input.username,
        display_name: input.displayName || input.username,
        role: input.role,
        password_hash: passwordHash,
        is_active: 1,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
        last_login_at: null,
        email: input.email ?? null,
      };
      await repo.insertUser(tx, row);
      await recordAudit(tx, actor, now, {
        action: 'user.created',
        targetType: 'user',
        targetId: row.id,
        details: { username: row.username, role: row.role },
      });
      await publish(tx, now, 'user.changed', { userId: row.id, change: 'created' });
      return toUser(row);
    });
  }

  async function updateUser(actor: Actor, id: string, changes: UserChanges): Promise<User> {
    if (changes.role !== undefined) assertRole(changes.role);
    if (changes.isActive === false && actor.type === 'user' && actor.id === id) {
      throw new AppError('CANNOT_DEACTIVATE_SELF', 'isActive: you cannot deactivate your own account', {
        field: 'isActive',
      });
    }
    const passwordHash = changes.password ? await hashPassword(changes.password) : undefined;
    const now = clock.now();
    return inTransaction(database, async (tx) => {
      const existing = await repo.findUserById(tx, id);
      if (!existing) throw notFound('user', id);
      const set: Partial<Row<'users'>> = { updated_at: now.toISOString() };
      if (changes.displayName !== undefined) set.display_name = changes.displayName;
      if (changes.role !== undefined) set.role = changes.role;
      if (changes.email !== undefined) set.email = changes.email;
      if (changes.isActive !== undefined) set.is_active = changes.isActive ? 1 : 0;
      if (passwordHash) set.password_hash = passwordHash;
      await repo.updateUser(tx, id, set);
      // A new password, role or deactivation ends the user's open sessions.
      if (passwordHash || changes.role !== undefined || changes.isActive === false) {
        await repo.deleteSessionsOfUser(tx, id);
      }
      const { password: _hidden, ...visible } = changes;
      await recordAudit(tx, actor, now, {
        action: 'user.updated',
        targetType: 'user',
        targetId: id,
        details: { ...visible, passwordChanged: Boolean(passwordHash) },
      });
      await publish(tx, now, 'user.changed', { userId: id, change: 'updated' });
      return toUser({ ...existing, ...set });
    });
  }

  async function listUsers(cursor: string | null, limit: number): Promise<Page<User>> {
    const rows = await repo.listUsers(database.db, afterKey(cursor), limit);
    return toPage(rows, limit, toUser, (r) => [r.username]);
  }

  /**
   * First start: with nobody able to administer (a fresh database, or one the demo filled with
   * its staff only), create `admin` with the configured password or a generated one, which the
   * caller prints once. A deactivated `admin` stays deactivated: someone chose that.
   */
  async function ensureFirstAdmin(password?: string): Promise<{ username: string; password: string } | null> {
    if (await repo.hasAdministrator(database.db)) return null;
    const chosen = password ?? randomToken(12);
    await createUser(
      { type: 'system', id: null, name: 'first-run' },
      { username: 'admin', role: 'admin', password: chosen, displayName: 'Administrator' },
    );
    return { username: 'admin', password: chosen };
  }

  /** Who can be put in a team: active users' names and roles only. */
  async function userDirectory() {
    const rows = await database.db
      .selectFrom('users')
      .select(['id', 'username', 'display_name', 'role'])
      .where('is_active', '=', 1)
      .orderBy('username')
      .limit(1000)
      .execute();
    return rows.map((r) => ({ id: r.id, username: r.username, displayName: r.display_name, role: r.role }));
  }

  return { createUser, updateUser, listUsers, ensureFirstAdmin, userDirectory };
}
