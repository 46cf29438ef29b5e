import { type Expression, type SqlBool, sql } from 'kysely';
import { healthMetrics } from '../../contracts/risk.ts';
import type { Executor } from '../../platform/db/database.ts';

type OrderMetric =
  | 'hold_rate'
  | 'high_risk_share'
  | 'payment_failures'
  | 'cancellation_rate'
  | 'refund_rate'
  | 'backorder_rate';
type ShipmentMetric = 'carrier_late_rate' | 'carrier_loss_rate' | 'carrier_backlog';

/**
 * What counts as a hit per order metric, over orders received in the window (orders' read view).
 * One aggregate per monitor: the window's lower bound on created_at keeps it to an index range.
 */
const orderHits: Record<OrderMetric, Expression<SqlBool>> = {
  hold_rate: sql<SqlBool>`status = 'pending_review'`,
  high_risk_share: sql<SqlBool>`hold_codes LIKE '%HIGH_RISK%'`,
  payment_failures: sql<SqlBool>`payment_status IN ('pending', 'partially_paid')`,
  cancellation_rate: sql<SqlBool>`status = 'cancelled'`,
  refund_rate: sql<SqlBool>`payment_status = 'refunded'`,
  backorder_rate: sql<SqlBool>`status = 'backordered'`,
};

/** Per carrier metric, what counts as a hit among the parcels shipped in the window. */
const shipmentHits = (now: string): Record<ShipmentMetric, Expression<SqlBool>> => ({
  // Delivered after the promise, or still on the way with the promise passed.
  carrier_late_rate: sql<SqlBool>`promised_by is not null and ((delivered_at is not null and delivered_at > promised_by) or (delivered_at is null and promised_by < ${now}))`,
  // A lost-parcel case (risk's own table) was opened for the parcel.
  carrier_loss_rate: sql<SqlBool>`exists (select 1 from risk_cases c where c.shipment_id = logistics_shipments_view.id and c.case_type = 'lost_parcel' and c.is_drill = 0)`,
  // Handed over but never scanned by the carrier yet.
  carrier_backlog: sql<SqlBool>`status = 'label_created'`,
});

/** What a monitor is measured over: its window and optional channel, carrier (id) and SKU. */
export interface MetricScope {
  since: string;
  now: string;
  channel: string | null;
  carrierId: string | null;
  sku: string | null;
}

const counted = (row: { volume: unknown; hits: unknown }) => ({
  volume: Number(row.volume ?? 0),
  hits: Number(row.hits ?? 0),
});

export const monitorsRepository = {
  async orderMetric(db: Executor, metric: OrderMetric, scope: MetricScope) {
    let query = db
      .selectFrom('orders_orders_view')
      .select([
        sql<number>`count(*)`.as('volume'),
        sql<number>`sum(case when ${orderHits[metric]} then 1 else 0 end)`.as('hits'),
      ])
      .where('created_at', '>=', scope.since);
    if (scope.channel) query = query.where('channel_id', '=', scope.channel);
    return counted(await query.executeTakeFirstOrThrow());
  },

  async shipmentMetric(db: Executor, metric: ShipmentMetric, scope: MetricScope) {
    let query = db
      .selectFrom('logistics_shipments_view')
      .select([
        sql<number>`count(*)`.as('volume'),
        sql<number>`sum(case when ${shipmentHits(scope.now)[metric]} then 1 else 0 end)`.as('hits'),
      ])
      .where('shipped_at', '>=', scope.since);
    if (scope.carrierId) query = query.where('carrier_id', '=', scope.carrierId);
    return counted(await query.executeTakeFirstOrThrow());
  },

  /** Stock levels (SKU × warehouse) with nothing left to promise: a snapshot, the window unused. */
  async stockouts(db: Executor, scope: MetricScope) {
    let query = db
      .selectFrom('inventory_stock_levels_view as l')
      .select([
        sql<number>`count(*)`.as('volume'),
        sql<number>`sum(case when l.on_hand - l.reserved <= 0 then 1 else 0 end)`.as('hits'),
      ]);
    if (scope.sku)
      query = query.innerJoin('catalog_skus_view as s', 's.id', 'l.sku_id').where('s.code', '=', scope.sku);
    return counted(await query.executeTakeFirstOrThrow());
  },

  /** Units ordered in the window (optionally one SKU and channel). */
  async unitsOrdered(db: Executor, scope: MetricScope) {
    let query = db
      .selectFrom('orders_order_lines_view as l')
      .innerJoin('orders_orders_view as o', 'o.id', 'l.order_id')
      .select(sql<number>`sum(l.quantity)`.as('units'))
      .where('o.created_at', '>=', scope.since)
      .where('o.status', '!=', 'cancelled');
    if (scope.sku) query = query.where('l.sku', '=', scope.sku);
    if (scope.channel) query = query.where('o.channel_id', '=', scope.channel);
    const row = await query.executeTakeFirstOrThrow();
    return Number(row.units ?? 0);
  },

  /** Active users of a role with an e-mail address: who a `notify_role` measure mails. */
  async roleEmails(db: Executor, role: string) {
    const rows = await db
      .selectFrom('staff_users_view')
      .select('email')
      .where('role', '=', role)
      .where('is_active', '=', 1)
      .where('email', 'is not', null)
      .execute();
    return rows.map((r) => r.email as string);
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

  /** Alerts not yet resolved of the system-health monitors, newest first, with their monitor. */
  unresolvedHealthAlerts(db: Executor) {
    return db
      .selectFrom('risk_alerts as a')
      .innerJoin('risk_monitors as m', 'm.id', 'a.monitor_id')
      .selectAll('a')
      .select(['m.name as monitor_name', 'm.metric as monitor_metric'])
      .where('a.status', '!=', 'resolved')
      .where('m.metric', 'in', [...healthMetrics])
      .orderBy('a.id', 'desc')
      .limit(50)
      .execute();
  },

  /** Measures of a monitor not undone: a control that changes something is not taken twice. */
  activeMeasures(db: Executor, monitorId: string) {
    return db
      .selectFrom('risk_measures')
      .selectAll()
      .where('monitor_id', '=', monitorId)
      .where('undone_at', 'is', null)
      .execute();
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
