import type { Executor } from '../../platform/db/database.ts';
import type { Row } from '../../platform/db/schema.ts';

/** The SQL of suppliers. */
export const suppliersRepository = {
  findByCode(db: Executor, code: string) {
    return db.selectFrom('suppliers').selectAll().where('code', '=', code).executeTakeFirst();
  },

  findById(db: Executor, id: string) {
    return db.selectFrom('suppliers').selectAll().where('id', '=', id).executeTakeFirst();
  },

  /** Suppliers by code, optionally those whose code or name contains a text (`like` per dialect). */
  query(db: Executor, search?: { pattern: string; like: 'like' | 'ilike' }) {
    let query = db.selectFrom('suppliers').selectAll();
    if (search) {
      const { pattern, like } = search;
      query = query.where((eb) => eb.or([eb('code', like, pattern), eb('name', like, pattern)]));
    }
    return query;
  },

  async insert(db: Executor, row: Row<'suppliers'>): Promise<void> {
    await db.insertInto('suppliers').values(row).execute();
  },

  async update(db: Executor, id: string, set: Partial<Row<'suppliers'>>): Promise<void> {
    await db.updateTable('suppliers').set(set).where('id', '=', id).execute();
  },
};
