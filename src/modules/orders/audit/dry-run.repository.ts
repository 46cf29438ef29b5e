import type { Executor } from '../../../platform/db/database.ts';

/** SQL a dry run reads: everything a rule set is judged against, and the stored orders in chunks. */
export const dryRunRepository = {
  /** Every SKU's audit-relevant state, through catalog's read view. */
  allSkus(db: Executor) {
    return db
      .selectFrom('catalog_skus_view')
      .select(['code', 'is_active', 'name', 'is_made_to_order', 'presale_release_at'])
      .execute();
  },

  wholeBlocklist(db: Executor) {
    return db.selectFrom('blocklist').select(['kind', 'value']).execute();
  },

  /** Phone and address keys of every order placed since the instant. */
  keysPlacedSince(db: Executor, since: string) {
    return db
      .selectFrom('orders')
      .select(['phone_key', 'address_key', 'placed_at'])
      .where('placed_at', '>=', since)
      .execute();
  },

  /** Buyer keys and numbers of every order in the given statuses. */
  buyerOrdersIn(db: Executor, statuses: readonly string[]) {
    return db
      .selectFrom('orders')
      .select(['buyer_key', 'number'])
      .where('status', 'in', [...statuses])
      .execute();
  },

  /** Orders placed since the instant, by id after `afterId`, `limit` at a time. */
  placedSinceAfter(db: Executor, since: string, afterId: string, limit: number) {
    return db
      .selectFrom('orders')
      .selectAll()
      .where('placed_at', '>=', since)
      .where('id', '>', afterId)
      .orderBy('id')
      .limit(limit)
      .execute();
  },

  linesOfOrders(db: Executor, orderIds: readonly string[]) {
    return db
      .selectFrom('order_lines')
      .selectAll()
      .where('order_id', 'in', [...orderIds])
      .execute();
  },
};
