import type { Executor } from '../../platform/db/database.ts';
import type { NewRow, Row } from '../../platform/db/schema.ts';

/** SQL for the staff tables (users, sessions, API keys) and reads of the audit log. */
export const staffRepository = {
  findUserByUsername(db: Executor, username: string) {
    return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
  },
  findUserById(db: Executor, id: string) {
    return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  },
  /** Whether anyone can administer: an active admin, or a user called `admin` at all. */
  async hasAdministrator(db: Executor): Promise<boolean> {
    const row = await db
      .selectFrom('users')
      .select('id')
      .where((eb) =>
        eb.or([eb('username', '=', 'admin'), eb.and([eb('role', '=', 'admin'), eb('is_active', '=', 1)])]),
      )
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  },
  listUsers(db: Executor, after: string | null, limit: number) {
    let query = db
      .selectFrom('users')
      .selectAll()
      .orderBy('username')
      .limit(limit + 1);
    if (after) query = query.where('username', '>', after);
    return query.execute();
  },
  insertUser(db: Executor, user: NewRow<'users'>) {
    return db.insertInto('users').values(user).execute();
  },
  updateUser(db: Executor, id: string, changes: Partial<Row<'users'>>) {
    return db.updateTable('users').set(changes).where('id', '=', id).execute();
  },
  insertSession(db: Executor, session: NewRow<'sessions'>) {
    return db.insertInto('sessions').values(session).execute();
  },
  findSessionWithUser(db: Executor, sessionId: string) {
    return db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .select([
        'sessions.id as session_id',
        'sessions.csrf_token',
        'sessions.expires_at',
        'users.id',
        'users.username',
        'users.display_name',
        'users.role',
        'users.is_active',
      ])
      .where('sessions.id', '=', sessionId)
      .executeTakeFirst();
  },
  deleteSession(db: Executor, sessionId: string) {
    return db.deleteFrom('sessions').where('id', '=', sessionId).execute();
  },
  deleteSessionsOfUser(db: Executor, userId: string) {
    return db.deleteFrom('sessions').where('user_id', '=', userId).execute();
  },
  insertApiKey(db: Executor, key: NewRow<'api_keys'>) {
    return db.insertInto('api_keys').values(key).execute();
  },
  findApiKeyByHash(db: Executor, keyHash: string) {
    return db.selectFrom('api_keys').selectAll().where('key_hash', '=', keyHash).executeTakeFirst();
  },
  findApiKeyById(db: Executor, id: string) {
    return db.selectFrom('api_keys').selectAll().where('id', '=', id).executeTakeFirst();
  },
  listApiKeys(db: Executor, after: string | null, limit: number) {
    let query = db
      .selectFrom('api_keys')
      .selectAll()
      .orderBy('id', 'desc')
      .limit(limit + 1);
    if (after) query = query.where('id', '<', after);
    return query.execute();
  },
  updateApiKey(db: Executor, id: string, changes: Partial<Row<'api_keys'>>) {
    return db.updateTable('api_keys').set(changes).where('id', '=', id).execute();
  },
};
