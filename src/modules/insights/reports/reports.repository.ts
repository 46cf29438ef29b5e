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
    // One pass: a duration per stage and order (null without both milestones, which
    // percentile_cont and count skip), then every stage's figures at once.
    const stages = Object.entries(stagePairs) as [Stage, readonly [string, string]][];
    const durations = stages.map(
      ([stage, [from, to]]) =>
        sql`extract(epoch from (${sql.ref(`m.${to}`)} - ${sql.ref(`m.${from}`)})) / 3600.0 as ${sql.ref(stage)}`,
    );
    const figures = stages.map(
      ([stage]) => sql`count(${sql.ref(stage)})::int as ${sql.ref(`${stage}_n`)},
        percentile_cont(0.5) within group (order by ${sql.ref(stage)}) as ${sql.ref(`${stage}_p50`)},
        percentile_cont(0.9) within group (order by ${sql.ref(stage)}) as ${sql.ref(`${stage}_p90`)}`,
    );
    const { rows } = await sql<Record<string, number | null>>`
      select ${sql.join(figures)}
      from (
        select ${sql.join(durations)}
        from orders_milestones_view m
        where m.placed_at >= ${period.start} and m.placed_at < ${period.end}
          and (m.delivered_at is not null or m.status = 'delivered')
      ) d`.execute(db);
    const row = rows[0] ?? {};
    return Object.fromEntries(
      stages.map(([stage]) => [
        stage,
        {
          n: Number(row[`${stage}_n`] ?? 0),
          p50: row[`${stage}_p50`] ?? null,
          p90: row[`${stage}_p90`] ?? null,
        },
      ]),
    ) as Record<Stage, { n: number; p50: number | null; p90: number | null }>;
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
