import type { Executor } from '../../../platform/db/database.ts';
import type { NewRow } from '../../../platform/db/schema.ts';
import { afterKey } from '../../../platform/pagination.ts';

/** SQL for the blocklist table. */
export const blocklistRepository = {
  insert(db: Executor, row: NewRow<'blocklist'>) {
    return db.insertInto('blocklist').values(row).execute();
  },

  findById(db: Executor, id: string) {
    return db.selectFrom('blocklist').selectAll().where('id', '=', id).executeTakeFirst();
  },

  delete(db: Executor, id: string) {
    return db.deleteFrom('blocklist').where('id', '=', id).execute();
  },

  /** Newest first, one more than `limit` (so the caller knows whether a next page exists). */
  listNewestFirst(db: Executor, cursor: string | null, limit: number) {
    let query = db
      .selectFrom('blocklist')
      .selectAll()
      .orderBy('id', 'desc')
      .limit(limit + 1);
    const after = afterKey(cursor);
    if (after) query = query.where('id', '<', after);
    return query.execute();
  },
};
