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
  /** Orders placed in [start, end): status, channel and milestones (a shipment's promise as fallback). */
  milestones(db: Executor, period: Pick<Period, 'start' | 'end'>): Promise<MilestoneRow[]> {
    return db
      .selectFrom('orders_milestones_view as m')
      .leftJoin('logistics_promises_view as p', 'p.order_id', 'm.order_id')
      .select([
        'm.order_id',
        'm.channel_id',
        'm.status',
        'm.received_at',
        'm.approved_at',
        'm.shipped_at',
        'm.delivered_at',
        sql<string | null>`coalesce(m.promised_at, p.promised_by)`.as('promised_at'),
      ])
      .where('m.placed_at', '>=', period.start)
      .where('m.placed_at', '<', period.end)
      .execute();
  },

  /**
   * PostgreSQL's own percentile_cont over the stage durations (hours) of delivered orders placed
   * in the period; the TypeScript computation must give the same figures (tested).
   */
  async pgStagePercentiles(db: Executor, period: Pick<Period, 'start' | 'end'>) {
    const result: Partial<Record<Stage, { n: number; p50: number | null; p90: number | null }>> = {};
    for (const [stage, [from, to]] of Object.entries(stagePairs) as [Stage, readonly [string, string]][]) {
      const { rows } = await sql<{ n: number; p50: number | null; p90: number | null }>`
        select count(*)::int as n,
          percentile_cont(0.5) within group (order by h) as p50,
          percentile_cont(0.9) within group (order by h) as p90
        from (
          select extract(epoch from (${sql.ref(`m.${to}`)} - ${sql.ref(`m.${from}`)})) / 3600.0 as h
          from orders_milestones_view m
          where m.placed_at >= ${period.start} and m.placed_at < ${period.end}
            and (m.delivered_at is not null or m.status = 'delivered')
            and ${sql.ref(`m.${from}`)} is not null and ${sql.ref(`m.${to}`)} is not null
        ) d`.execute(db);
      result[stage] = rows[0];
    }
    return result as Record<Stage, { n: number; p50: number | null; p90: number | null }>;
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
