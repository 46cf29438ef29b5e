import type { Executor } from '../../../platform/db/database.ts';
import type { NewRow } from '../../../platform/db/schema.ts';

/** SQL for the audit_rule_sets table (immutable versions). */
export const ruleSetsRepository = {
  latest(db: Executor) {
    return db
      .selectFrom('audit_rule_sets')
      .selectAll()
      .orderBy('version', 'desc')
      .limit(1)
      .executeTakeFirst();
  },

  insert(db: Executor, row: NewRow<'audit_rule_sets'>) {
    return db.insertInto('audit_rule_sets').values(row).execute();
  },

  /** The newest versions first. */
  listNewest(db: Executor, limit: number) {
    return db.selectFrom('audit_rule_sets').selectAll().orderBy('version', 'desc').limit(limit).execute();
  },
};
