import type { Executor } from '../../platform/db/database.ts';
import { escapeLike } from '../../platform/db/dialect.ts';
import type { NewRow, Row } from '../../platform/db/schema.ts';

/** What other modules may know of a SKU while judging an order. */
export interface SkuState {
  id: string;
  isActive: boolean;
  name: string;
  isMadeToOrder: boolean;
  isPresale: boolean;
  presaleReleaseAt: string | null;
}

export const catalogRepository = {
  findSkuById(db: Executor, id: string) {
    return db.selectFrom('skus').selectAll().where('id', '=', id).executeTakeFirst();
  },
  findSkuByCode(db: Executor, code: string) {
    return db.selectFrom('skus').selectAll().where('code', '=', code).executeTakeFirst();
  },
  /** Active/inactive state of the given codes; codes not in the catalog are absent from the map. */
  async skuStates(db: Executor, codes: readonly string[]): Promise<Map<string, SkuState>> {
    const states = new Map<string, SkuState>();
    if (codes.length === 0) return states;
    const rows = await db
      .selectFrom('skus')
      .select(['id', 'code', 'is_active', 'name', 'is_made_to_order', 'presale_release_at'])
      .where('code', 'in', codes)
      .execute();
    for (const row of rows) {
      states.set(row.code, {
        id: row.id,
        isActive: row.is_active === 1,
        name: row.name,
        isMadeToOrder: row.is_made_to_order === 1,
        isPresale: row.presale_release_at !== null,
        presaleReleaseAt: row.presale_release_at,
      });
    }
    return states;
  },
  listSkus(
    db: Executor,
    filter: { q?: string; like: 'like' | 'ilike' },
    after: string | null,
    limit: number,
  ) {
    let query = db
      .selectFrom('skus')
      .selectAll()
      .orderBy('code')
      .limit(limit + 1);
    if (filter.q) {
      const pattern = `%${escapeLike(filter.q)}%`;
      query = query.where((eb) =>
        eb.or([
          eb('code', filter.like, pattern),
          eb('name', filter.like, pattern),
          eb('barcode', '=', filter.q!),
        ]),
      );
    }
    if (after) query = query.where('code', '>', after);
    return query.execute();
  },
  insertSku(db: Executor, row: NewRow<'skus'>) {
    return db.insertInto('skus').values(row).execute();
  },
  updateSku(db: Executor, id: string, changes: Partial<Row<'skus'>>) {
    return db.updateTable('skus').set(changes).where('id', '=', id).execute();
  },
  deleteSku(db: Executor, id: string) {
    return db.deleteFrom('skus').where('id', '=', id).execute();
  },
  listChannels(db: Executor) {
    return db.selectFrom('channels').selectAll().orderBy('id').execute();
  },
  findChannel(db: Executor, id: string) {
    return db.selectFrom('channels').selectAll().where('id', '=', id).executeTakeFirst();
  },
  insertChannel(db: Executor, row: NewRow<'channels'>) {
    return db.insertInto('channels').values(row).execute();
  },
  updateChannel(db: Executor, id: string, changes: Partial<Row<'channels'>>) {
    return db.updateTable('channels').set(changes).where('id', '=', id).execute();
  },
};
