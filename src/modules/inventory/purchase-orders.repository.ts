import type { DialectName, Executor } from '../../platform/db/database.ts';
import type { NewRow, Row } from '../../platform/db/schema.ts';

function purchaseOrderRows(db: Executor) {
  return db
    .selectFrom('purchase_orders as p')
    .innerJoin('suppliers as s', 's.id', 'p.supplier_id')
    .innerJoin('warehouses as w', 'w.id', 'p.warehouse_id')
    .leftJoin('staff_users_view as u', 'u.id', 'p.owner_id')
    .selectAll('p')
    .select([
      's.code as supplier_code',
      's.name as supplier_name',
      'w.code as warehouse_code',
      'u.display_name as owner_name',
    ]);
}

export type PurchaseOrderRow = Awaited<ReturnType<ReturnType<typeof purchaseOrderRows>['execute']>>[number];

/** The SQL of purchase orders and their lines; owners are read through staff's view. */
export const purchaseOrdersRepository = {
  /** Purchase orders with their supplier, warehouse and owner names. */
  rows: purchaseOrderRows,

  /** Purchase orders filtered as the list asks; `overdueAt` keeps open ones due before it. */
  query(db: Executor, filter: { status?: string; supplier?: string; overdueAt?: string }) {
    let query = purchaseOrderRows(db);
    if (filter.status) query = query.where('p.status', '=', filter.status);
    if (filter.supplier) query = query.where('s.code', '=', filter.supplier);
    if (filter.overdueAt)
      query = query
        .where('p.status', 'in', ['sent', 'partly_received'])
        .where('p.due_at', '<', filter.overdueAt);
    return query;
  },

  /** The order (locked on PostgreSQL) and its lines in entry order. */
  async findForUpdate(tx: Executor, dialect: DialectName, id: string) {
    let query = tx.selectFrom('purchase_orders').selectAll().where('id', '=', id);
    if (dialect === 'postgres') query = query.forUpdate();
    const po = await query.executeTakeFirst();
    if (!po) return undefined;
    const lines = await tx
      .selectFrom('purchase_order_lines')
      .selectAll()
      .where('purchase_order_id', '=', id)
      .orderBy('id')
      .execute();
    return { po, lines };
  },

  /** The lines of some purchase orders with their SKU code and name, in entry order. */
  linesOf(db: Executor, purchaseOrderIds: readonly string[]) {
    return db
      .selectFrom('purchase_order_lines as l')
      .innerJoin('catalog_skus_view as k', 'k.id', 'l.sku_id')
      .select([
        'l.purchase_order_id',
        'k.code',
        'k.name',
        'l.quantity',
        'l.received_quantity',
        'l.unit_cost_minor',
      ])
      .where('l.purchase_order_id', 'in', [...purchaseOrderIds])
      .orderBy('l.id')
      .execute();
  },

  async insert(
    tx: Executor,
    po: NewRow<'purchase_orders'>,
    lines: readonly NewRow<'purchase_order_lines'>[],
  ): Promise<void> {
    await tx.insertInto('purchase_orders').values(po).execute();
    await tx
      .insertInto('purchase_order_lines')
      .values([...lines])
      .execute();
  },

  async update(tx: Executor, id: string, set: Partial<Row<'purchase_orders'>>): Promise<void> {
    await tx.updateTable('purchase_orders').set(set).where('id', '=', id).execute();
  },

  async setReceived(tx: Executor, lineId: string, receivedQuantity: number): Promise<void> {
    await tx
      .updateTable('purchase_order_lines')
      .set({ received_quantity: receivedQuantity })
      .where('id', '=', lineId)
      .execute();
  },

  /** Units still awaited on sent purchase orders, per SKU and warehouse. */
  outstanding(db: Executor) {
    return db
      .selectFrom('purchase_order_lines as l')
      .innerJoin('purchase_orders as p', 'p.id', 'l.purchase_order_id')
      .where('p.status', 'in', ['sent', 'partly_received'])
      .select(['l.sku_id', 'p.warehouse_id'])
      .select((eb) =>
        eb.fn.sum<number>(eb('l.quantity', '-', eb.ref('l.received_quantity'))).as('outstanding'),
      )
      .groupBy(['l.sku_id', 'p.warehouse_id'])
      .execute();
  },
};
