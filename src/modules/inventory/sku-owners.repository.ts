import type { Executor } from '../../platform/db/database.ts';

/** Who looks after a SKU's stock: read through catalog's and staff's views. */
export const skuOwnersRepository = {
  async userExists(db: Executor, userId: string): Promise<boolean> {
    const row = await db
      .selectFrom('staff_users_view')
      .select('id')
      .where('id', '=', userId)
      .executeTakeFirst();
    return row !== undefined;
  },

  /** The SKU's code and name with its owner's name and e-mail; none without an owner. */
  ownerOf(db: Executor, skuId: string) {
    return db
      .selectFrom('catalog_skus_view as s')
      .innerJoin('staff_users_view as u', 'u.id', 's.owner_user_id')
      .select(['s.code', 's.name', 'u.email', 'u.display_name'])
      .where('s.id', '=', skuId)
      .executeTakeFirst();
  },
};
