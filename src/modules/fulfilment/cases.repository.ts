import type { caseKinds } from '../../contracts/fulfilment.ts';
import type { Executor } from '../../platform/db/database.ts';
import type { NewRow } from '../../platform/db/schema.ts';
import { type PageRequest, pageNewestFirst } from '../../platform/pagination.ts';

type CaseKind = (typeof caseKinds)[number];

function casesWithOrderNumber(db: Executor) {
  return db
    .selectFrom('delivery_cases as c')
    .innerJoin('orders_orders_view as o', 'o.id', 'c.order_id')
    .selectAll('c')
    .select('o.number as order_number');
}

export type CaseRow = Awaited<ReturnType<ReturnType<typeof casesWithOrderNumber>['execute']>>[number];

/** The SQL of exception cases; the order's number is read through orders' view. */
export const casesRepository = {
  findOpen(db: Executor, orderId: string, kind: CaseKind) {
    return db
      .selectFrom('delivery_cases')
      .select('id')
      .where('order_id', '=', orderId)
      .where('kind', '=', kind)
      .where('status', '=', 'open')
      .executeTakeFirst();
  },

  async insert(db: Executor, row: NewRow<'delivery_cases'>): Promise<void> {
    await db.insertInto('delivery_cases').values(row).execute();
  },

  findById(db: Executor, id: string) {
    return db.selectFrom('delivery_cases').selectAll().where('id', '=', id).executeTakeFirst();
  },

  findWithOrder(db: Executor, id: string) {
    return casesWithOrderNumber(db).where('c.id', '=', id).executeTakeFirst();
  },

  async resolve(db: Executor, id: string, resolution: { note: string; resolvedAt: string }): Promise<void> {
    await db
      .updateTable('delivery_cases')
      .set({ status: 'resolved', resolved_at: resolution.resolvedAt, note: resolution.note })
      .where('id', '=', id)
      .execute();
  },

  /** Cases newest first, open or resolved or all. */
  page<T>(
    db: Executor,
    filter: PageRequest & { status: 'open' | 'resolved' | 'all' },
    map: (row: CaseRow) => T,
  ) {
    let query = casesWithOrderNumber(db);
    if (filter.status !== 'all') query = query.where('c.status', '=', filter.status);
    return pageNewestFirst(query, 'c.id', filter, map, (row) => row.id);
  },

  /** Shipments with a case of one of the kinds, open or resolved. */
  async onShipments(db: Executor, kinds: readonly CaseKind[]) {
    const rows = await db
      .selectFrom('delivery_cases')
      .select(['shipment_id', 'kind'])
      .where('kind', 'in', kinds)
      .where('shipment_id', 'is not', null)
      .execute();
    return rows.map((row) => ({ shipmentId: row.shipment_id as string, kind: row.kind as CaseKind }));
  },
};
