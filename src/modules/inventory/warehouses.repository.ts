import type { Executor } from '../../platform/db/database.ts';
import type { NewRow, Row } from '../../platform/db/schema.ts';

/** The SQL of warehouses. */
export const warehousesRepository = {
  findByCode(db: Executor, code: string) {
    return db.selectFrom('warehouses').selectAll().where('code', '=', code).executeTakeFirst();
  },

  findById(db: Executor, id: string) {
    return db.selectFrom('warehouses').selectAll().where('id', '=', id).executeTakeFirst();
  },

  /** The code of a warehouse known to exist (a foreign key points at it). */
  async codeOf(db: Executor, id: string): Promise<string> {
    const row = await db
      .selectFrom('warehouses')
      .select('code')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    return row.code;
  },

  listActive(db: Executor) {
    return db.selectFrom('warehouses').selectAll().where('is_active', '=', 1).execute();
  },

  listAll(db: Executor) {
    return db.selectFrom('warehouses').selectAll().orderBy('code').execute();
  },

  async insert(db: Executor, row: NewRow<'warehouses'>): Promise<void> {
    await db.insertInto('warehouses').values(row).execute();
  },

  async update(db: Executor, id: string, set: Partial<Row<'warehouses'>>): Promise<void> {
    await db.updateTable('warehouses').set(set).where('id', '=', id).execute();
  },
};
