import { type Expression, type SqlBool, sql } from 'kysely';
import type { monitorMetrics } from '../../contracts/risk.ts';
import type { Executor } from '../../platform/db/database.ts';

type Metric = (typeof monitorMetrics)[number];

/**
 * What counts as a hit per metric, over orders received in the window (orders' read view).
 * One aggregate per monitor: the window's lower bound on created_at keeps it to an index range.
 */
const hitConditions: Record<Metric, Expression<SqlBool>> = {
  hold_rate: sql<SqlBool>`status = 'pending_review'`,
  high_risk_share: sql<SqlBool>`hold_codes LIKE '%HIGH_RISK%'`,
  payment_failures: sql<SqlBool>`payment_status IN ('pending', 'partially_paid')`,
  cancellation_rate: sql<SqlBool>`status = 'cancelled'`,
  refund_rate: sql<SqlBool>`payment_status = 'refunded'`,
};

export const monitorsRepository = {
  async measure(db: Executor, metric: Metric, since: string, channel: string | null) {
    let query = db
      .selectFrom('orders_orders_view')
      .select([
        sql<number>`count(*)`.as('volume'),
        sql<number>`sum(case when ${hitConditions[metric]} then 1 else 0 end)`.as('hits'),
      ])
      .where('created_at', '>=', since);
    if (channel) query = query.where('channel_id', '=', channel);
    const row = await query.executeTakeFirstOrThrow();
    return { volume: Number(row.volume), hits: Number(row.hits ?? 0) };
  },

  /** Alerts not yet resolved of a monitor, by level: the dedupe key. */
  unresolved(db: Executor, monitorId: string) {
    return db
      .selectFrom('risk_alerts')
      .selectAll()
      .where('monitor_id', '=', monitorId)
      .where('status', '!=', 'resolved')
      .execute();
  },

  activeMeasure(db: Executor, monitorId: string) {
    return db
      .selectFrom('risk_measures')
      .selectAll()
      .where('monitor_id', '=', monitorId)
      .where('undone_at', 'is', null)
      .executeTakeFirst();
  },

  samples(db: Executor, monitorId: string, limit: number) {
    return db
      .selectFrom('risk_monitor_samples')
      .selectAll()
      .where('monitor_id', '=', monitorId)
      .orderBy('at', 'desc')
      .limit(limit)
      .execute();
  },
};
