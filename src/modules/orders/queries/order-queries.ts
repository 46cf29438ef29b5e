import type { OrderShipment } from '../../../contracts/fulfilment.ts';
import type { Order, OrderSummary } from '../../../contracts/orders.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Database, Executor } from '../../../platform/db/database.ts';
import { notFound } from '../../../platform/errors.ts';
import { decodeCursor, type Page, toPage } from '../../../platform/pagination.ts';
import { orderAllocations } from '../../inventory/index.ts';
import { type OrderFilter, ordersRepository as repo } from '../orders.repository.ts';
import { toOrder, toOrderSummary } from './order-view.ts';

export interface OrdersOverview {
  total: number;
  byStatus: Record<string, number>;
  holdsByCode: Record<string, number>;
  daily: { date: string; count: number }[];
}

/** Reads the parcels of orders in the caller's transaction (logistics' `shipmentsForOrders`). */
export type ShipmentsOf = (
  db: Executor,
  orderIds: readonly string[],
) => Promise<Map<string, OrderShipment[]>>;

export function createOrderQueries(deps: { database: Database; clock: Clock; shipmentsOf?: ShipmentsOf }) {
  const { database, clock } = deps;

  async function getOrder(id: string, db: Executor = database.db): Promise<Order> {
    const row = await repo.findById(db, id);
    if (!row) throw notFound('order', id);
    // Allocations are the inventory module's rows, read through its surface.
    const [children, allocations, shipments] = await Promise.all([
      repo.findChildren(db, id),
      orderAllocations(db, id),
      deps.shipmentsOf?.(db, [id]),
    ]);
    return toOrder(row, { ...children, allocations, shipments: shipments?.get(id) ?? [] }, clock.now());
  }

  async function listOrders(
    filter: OrderFilter,
    cursor: string | null,
    limit: number,
  ): Promise<Page<OrderSummary>> {
    const after = cursor ? (decodeCursor(cursor, 2) as [string, string]) : null;
    const rows = await repo.list(database.db, database.dialect, filter, after, limit);
    return toPage(rows, limit, toOrderSummary, (r) => [r.placed_at, r.id]);
  }

  /** Figures for the console's home page: counts by status, open holds by reason, orders per day. */
  async function overview(days = 14): Promise<OrdersOverview> {
    const today = clock.now();
    const from = new Date(
      Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - (days - 1)),
    );
    const [byStatus, holdsByCode, perDay] = await Promise.all([
      repo.countByStatus(database.db),
      repo.countOpenHoldsByCode(database.db),
      repo.countPerDay(database.db, database.dialect, from.toISOString()),
    ]);
    const daily = Array.from({ length: days }, (_, i) => {
      const date = new Date(from.getTime() + i * 86_400_000).toISOString().slice(0, 10);
      return { date, count: perDay.get(date) ?? 0 };
    });
    const total = Object.values(byStatus).reduce((sum, n) => sum + n, 0);
    return { total, byStatus, holdsByCode, daily };
  }

  return { getOrder, listOrders, overview };
}

export type OrderQueries = ReturnType<typeof createOrderQueries>;
