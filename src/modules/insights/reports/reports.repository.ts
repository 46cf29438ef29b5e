import { sql } from 'kysely';
import type { Executor } from '../../../platform/db/database.ts';
import type { Period } from './periods.ts';

/** One order placed in a period, with the milestones reports measure. */
export interface MilestoneRow {
  order_id: string;
  channel_id: string;
  status: string;
  received_at: string | null;
  approved_at: string | null;
  shipped_at: string | null;
  delivered_at: string | null;
  promised_at: string | null;
}

export const stagePairs = {
  receivedToApproved: ['received_at', 'approved_at'],
  approvedToShipped: ['approved_at', 'shipped_at'],
  shippedToDelivered: ['shipped_at', 'delivered_at'],
  receivedToDelivered: ['received_at', 'delivered_at'],
} as const;
export type Stage = keyof typeof stagePairs;

/** SQL for reports: only read views of the orders and logistics modules. */
export const reportsRepository = {
  /**
   * Orders placed in [start, end): status, channel and milestones (the first event of each kind
   * on the timeline; a shipment's promise as fallback). One grouped pass over the period's
   * events, read from the (order_id, type, at) index: the milestones view's subquery per
   * milestone and order cost the weekly pack seconds at a million orders. The promise is read
   * per order from the shipments' index, not by grouping every shipment.
   */
  async milestones(db: Executor, period: Pick<Period, 'start' | 'end'>): Promise<MilestoneRow[]> {
    const first = (type: string) =>
      sql<string | null>`min(case when e.type = ${sql.lit(type)} then e.at end)`;
    const { rows } = await sql<MilestoneRow>`
      select o.id as order_id, o.channel_id, o.status,
        ${first('received')} as received_at,
        ${first('approved')} as approved_at,
        ${first('shipped')} as shipped_at,
        ${first('delivered')} as delivered_at,
        coalesce(${first('delivery_promised')},
          (select min(s.promised_by) from logistics_shipments_view s where s.order_id = o.id)) as promised_at
      from orders_orders_view o
      left join orders_order_events_view e on e.order_id = o.id
        and e.type in ('received', 'approved', 'shipped', 'delivered', 'delivery_promised')
      where o.placed_at >= ${period.start} and o.placed_at < ${period.end}
      group by o.id, o.channel_id, o.status`.execute(db);
    return rows;
  },

  /** Holds put on orders placed in the period, by reason code. */
  holdsByReason(db: Executor, period: Pick<Period, 'start' | 'end'>) {
    return db
      .selectFrom('orders_holds_view as h')
      .innerJoin('orders_orders_view as o', 'o.id', 'h.order_id')
      .select(['h.code', sql<number>`count(distinct h.order_id)`.as('orders')])
      .where('o.placed_at', '>=', period.start)
      .where('o.placed_at', '<', period.end)
      .groupBy('h.code')
      .orderBy('h.code')
      .execute();
  },

  /** Orders placed in the period that were ever held. */
  async heldOrders(db: Executor, period: Pick<Period, 'start' | 'end'>): Promise<number> {
    const row = await db
      .selectFrom('orders_holds_view as h')
      .innerJoin('orders_orders_view as o', 'o.id', 'h.order_id')
      .select(sql<number>`count(distinct h.order_id)`.as('n'))
      .where('o.placed_at', '>=', period.start)
      .where('o.placed_at', '<', period.end)
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  },
};
