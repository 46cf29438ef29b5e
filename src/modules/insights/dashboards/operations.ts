import type { Database } from '../../../platform/db/database.ts';
import { dayStartIso, shopToday } from '../kpis/shop-days.ts';
import { hourMs } from '../kpis/stages.ts';
import { insightsDb } from '../schema.ts';

/** Statuses in which an order waits for someone (not yet shipped, not cancelled). */
export const openStatuses = [
  'pending_review',
  'approved',
  'backordered',
  'allocated',
  'picking',
  'packed',
] as const;

export interface OperationsToday {
  at: string;
  placedToday: number;
  queues: { status: string; orders: number; oldestPlacedAt: string | null; oldestAgeHours: number | null }[];
  slaAtRisk: {
    overdue: number;
    dueSoon: number;
    orders: { id: string; number: string; status: string; shipBy: string; hoursLeft: number }[];
  };
}

/** Live: open orders per status and how long the oldest has waited, and orders near or past ship-by. */
export async function operationsToday(
  database: Database,
  now: Date,
  timeZone: string,
  riskHours = 4,
): Promise<OperationsToday> {
  const db = insightsDb(database);
  const dayStart = dayStartIso(shopToday(now, timeZone), timeZone);
  const [placed, queues, atRisk] = await Promise.all([
    db
      .selectFrom('orders_orders_view')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('placed_at', '>=', dayStart)
      .executeTakeFirst(),
    db
      .selectFrom('orders_orders_view')
      .select((eb) => ['status', eb.fn.countAll<number>().as('n'), eb.fn.min('placed_at').as('oldest')])
      .where('status', 'in', openStatuses)
      .groupBy('status')
      .execute(),
    db
      .selectFrom('orders_orders_view')
      .select(['id', 'number', 'status', 'ship_by'])
      .where('status', 'in', openStatuses)
      .where('ship_by', 'is not', null)
      .where('ship_by', '<', new Date(now.getTime() + riskHours * hourMs).toISOString())
      .orderBy('ship_by')
      .limit(200)
      .execute(),
  ]);
  const byStatus = new Map(queues.map((q) => [q.status, q]));
  const orders = atRisk.map((o) => ({
    id: o.id,
    number: o.number,
    status: o.status,
    shipBy: o.ship_by!,
    hoursLeft: Math.round(((Date.parse(o.ship_by!) - now.getTime()) / hourMs) * 100) / 100,
  }));
  return {
    at: now.toISOString(),
    placedToday: Number(placed?.n ?? 0),
    queues: openStatuses.map((status) => {
      const q = byStatus.get(status);
      const oldest = q?.oldest ? String(q.oldest) : null;
      return {
        status,
        orders: Number(q?.n ?? 0),
        oldestPlacedAt: oldest,
        oldestAgeHours: oldest
          ? Math.round(((now.getTime() - Date.parse(oldest)) / hourMs) * 100) / 100
          : null,
      };
    }),
    slaAtRisk: {
      overdue: orders.filter((o) => o.hoursLeft < 0).length,
      dueSoon: orders.filter((o) => o.hoursLeft >= 0).length,
      orders: orders.slice(0, 50),
    },
  };
}
