import { sql } from 'kysely';
import type { DialectName, Executor } from '../../../platform/db/database.ts';
import type { Row } from '../../../platform/db/schema.ts';

/** SQL allocation runs: which orders to try next, their lines, and what backorders wait for. */
export const allocationRepository = {
  /** SKU codes of catalog SKU ids, through catalog's read view. */
  async skuCodesOfIds(db: Executor, skuIds: readonly string[]): Promise<string[]> {
    const rows = await db
      .selectFrom('catalog_skus_view')
      .select('code')
      .where('id', 'in', [...skuIds])
      .execute();
    return rows.map((r) => r.code);
  },

  /**
   * Up to `limit` orders in the status in queue order (priority, deadline, placing time), but
   * not the `seen` ones, optionally only those with a line of one of the SKU codes. On
   * PostgreSQL the rows are locked and locked rows skipped, so workers share the work.
   */
  nextInQueue(
    db: Executor,
    dialect: DialectName,
    filter: { status: string; seen: readonly string[]; skuCodes?: readonly string[] },
    limit: number,
  ) {
    let query = db
      .selectFrom('orders')
      .select(['id', 'number', 'status', 'ship_country', 'ship_province', 'ship_city'])
      .where('status', '=', filter.status)
      .orderBy('priority', 'desc')
      .orderBy(sql`ship_by is null`)
      .orderBy('ship_by')
      .orderBy('placed_at')
      .limit(limit);
    if (filter.seen.length > 0) query = query.where('id', 'not in', [...filter.seen]);
    const { skuCodes } = filter;
    if (skuCodes && skuCodes.length > 0)
      query = query.where((eb) =>
        eb.exists(
          eb
            .selectFrom('order_lines')
            .select('order_lines.order_id')
            .whereRef('order_lines.order_id', '=', 'orders.id')
            .where('order_lines.sku', 'in', [...skuCodes]),
        ),
      );
    if (dialect === 'postgres') query = query.forUpdate().skipLocked();
    return query.execute();
  },

  /** The lines of the orders, by order and line number. */
  linesOfOrders(
    db: Executor,
    orderIds: readonly string[],
  ): Promise<Pick<Row<'order_lines'>, 'order_id' | 'line_no' | 'sku' | 'quantity'>[]> {
    return db
      .selectFrom('order_lines')
      .select(['order_id', 'line_no', 'sku', 'quantity'])
      .where('order_id', 'in', [...orderIds])
      .orderBy('order_id')
      .orderBy('line_no')
      .execute();
  },

  /** Units of backordered orders per SKU code. */
  backorderedUnitsBySku(db: Executor) {
    return db
      .selectFrom('order_lines as l')
      .innerJoin('orders as o', 'o.id', 'l.order_id')
      .select('l.sku')
      .select((eb) => eb.fn.sum<number>('l.quantity').as('units'))
      .where('o.status', '=', 'backordered')
      .groupBy('l.sku')
      .execute();
  },
};
