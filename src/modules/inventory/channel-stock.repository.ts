import type { Executor } from '../../platform/db/database.ts';
import type { Row } from '../../platform/db/schema.ts';

function rulesWithSku(db: Executor) {
  return db
    .selectFrom('channel_stock_rules as r')
    .leftJoin('catalog_skus_view as s', 's.id', 'r.sku_id')
    .selectAll('r')
    .select('s.code as sku_code');
}

/** The SQL of channel stock rules; channels and SKUs are read through catalog's views. */
export const channelStockRepository = {
  /** Rules by channel, then SKU code (the channel-wide rule first). */
  listRules(db: Executor) {
    return rulesWithSku(db).orderBy('r.channel_id').orderBy('s.code').execute();
  },

  findRule(db: Executor, id: string) {
    return rulesWithSku(db).where('r.id', '=', id).executeTakeFirstOrThrow();
  },

  rulesOfChannel(db: Executor, channelId: string) {
    return db.selectFrom('channel_stock_rules').selectAll().where('channel_id', '=', channelId).execute();
  },

  /** The rule of a channel for one SKU, or the channel-wide one when `skuId` is null. */
  findRuleFor(db: Executor, channelId: string, skuId: string | null) {
    const query = db.selectFrom('channel_stock_rules').select('id').where('channel_id', '=', channelId);
    return (skuId ? query.where('sku_id', '=', skuId) : query.where('sku_id', 'is', null)).executeTakeFirst();
  },

  async insertRule(db: Executor, row: Row<'channel_stock_rules'>): Promise<void> {
    await db.insertInto('channel_stock_rules').values(row).execute();
  },

  async updateRule(db: Executor, id: string, set: Partial<Row<'channel_stock_rules'>>): Promise<void> {
    await db.updateTable('channel_stock_rules').set(set).where('id', '=', id).execute();
  },

  async deleteRule(db: Executor, id: string): Promise<boolean> {
    const result = await db.deleteFrom('channel_stock_rules').where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  },

  async channelExists(db: Executor, channelId: string): Promise<boolean> {
    const row = await db
      .selectFrom('catalog_channels_view')
      .select('id')
      .where('id', '=', channelId)
      .executeTakeFirst();
    return row !== undefined;
  },

  /** Active SKUs by code, optionally those whose code or name contains a text. */
  activeSkus(db: Executor, search?: { pattern: string; like: 'like' | 'ilike' }) {
    let query = db.selectFrom('catalog_skus_view').select(['id', 'code', 'name']).where('is_active', '=', 1);
    if (search) {
      const { pattern, like } = search;
      query = query.where((eb) => eb.or([eb('code', like, pattern), eb('name', like, pattern)]));
    }
    return query;
  },
};
