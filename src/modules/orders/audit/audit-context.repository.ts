import type { Executor } from '../../../platform/db/database.ts';
import { isAnyOf, selectByKeys } from '../../../platform/db/dialect.ts';

/**
 * SQL for what the audit checks read besides the orders judged: recent orders by phone and
 * address, buyers' open orders and order counts, and the blocklist. Each is one query per batch.
 */
export const auditContextRepository = {
  /**
   * Placing times of orders since the instant whose phone or address key is one of `keys`.
   * Recent orders by phone and by address are two lookups, not one with OR: each probes its index.
   */
  recentTimesBy(
    db: Executor,
    column: 'phone_key' | 'address_key',
    keys: string[],
    since: string,
    excludeOrderId: string | undefined,
  ) {
    return selectByKeys(db, keys, (matchesKey) =>
      db
        .selectFrom('orders')
        .select([`${column} as key`, 'placed_at'])
        .where(matchesKey(column))
        .where('placed_at', '>=', since)
        .where('id', '!=', excludeOrderId ?? ''),
    );
  },

  /** Blocklist entries whose value is one of `values`. */
  blocklistMatching(db: Executor, values: readonly string[]) {
    return db
      .selectFrom('blocklist')
      .select(['kind', 'value'])
      .where(isAnyOf(db, 'value', values))
      .execute();
  },

  /** Numbers of the buyers' orders in the given statuses placed since the instant. */
  buyersOpenOrders(
    db: Executor,
    buyers: string[],
    statuses: readonly string[],
    since: string,
    excludeOrderId: string | undefined,
  ) {
    return selectByKeys(db, buyers, (matchesKey) =>
      db
        .selectFrom('orders')
        .select(['buyer_key', 'number'])
        .where(matchesKey('buyer_key'))
        .where('id', '!=', excludeOrderId ?? '')
        .where('status', 'in', [...statuses])
        .where('placed_at', '>=', since),
    );
  },

  /** How many orders (not cancelled) each buyer has. */
  buyersOrderCounts(db: Executor, buyers: string[]) {
    return selectByKeys(db, buyers, (matchesKey) =>
      db
        .selectFrom('orders')
        .select(['buyer_key', (eb) => eb.fn.countAll<number>().as('n')])
        .where(matchesKey('buyer_key'))
        .where('status', '!=', 'cancelled')
        .groupBy('buyer_key'),
    );
  },
};
