import type { OrderShipment, shipmentStatuses } from '../../contracts/fulfilment.ts';
import type { Executor } from '../../platform/db/database.ts';
import type { NewRow, Row } from '../../platform/db/schema.ts';

type ShipmentStatus = (typeof shipmentStatuses)[number];

/** Shipments in a state the carrier may still report on. */
export const openShipmentStatuses = ['label_created', 'in_transit', 'out_for_delivery', 'failed_attempt'];

/** Shipments with their carrier, service and order number (read through orders' view). */
function shipmentRows(db: Executor) {
  return db
    .selectFrom('shipments as s')
    .innerJoin('carriers as c', 'c.id', 's.carrier_id')
    .innerJoin('carrier_services as v', 'v.id', 's.service_id')
    .innerJoin('orders_orders_view as o', 'o.id', 's.order_id')
    .selectAll('s')
    .select([
      'c.code as carrier_code',
      'c.name as carrier_name',
      'v.code as service_code',
      'v.name as service_name',
      'v.kind as service_kind',
      'o.number as order_number',
    ]);
}

export type ShipmentRow = Awaited<ReturnType<ReturnType<typeof shipmentRows>['execute']>>[number];

/** What a shipment's outcome is measured by (on time, first attempt, cost). */
const outcomeColumns = [
  'id',
  'carrier_id',
  'shipped_at',
  'promised_by',
  'delivered_at',
  'first_attempt_ok',
  'price_minor',
] as const;

/** The SQL of shipments and their tracking events; orders are read through orders' view. */
export const shipmentsRepository = {
  withNames: shipmentRows,

  findWithNames(db: Executor, id: string) {
    return shipmentRows(db).where('s.id', '=', id).executeTakeFirst();
  },

  /** Shipments filtered as the shipment list asks; `search` matches tracking or order number. */
  query(
    db: Executor,
    filter: { status?: string; carrier?: string; search?: { pattern: string; like: 'like' | 'ilike' } },
  ) {
    let query = shipmentRows(db);
    if (filter.status) query = query.where('s.status', '=', filter.status);
    if (filter.carrier) query = query.where('c.code', '=', filter.carrier);
    if (filter.search) {
      const { pattern, like } = filter.search;
      query = query.where((eb) =>
        eb.or([eb('s.tracking_number', like, pattern), eb('o.number', like, pattern)]),
      );
    }
    return query;
  },

  async insert(tx: Executor, row: NewRow<'shipments'>): Promise<void> {
    await tx.insertInto('shipments').values(row).execute();
  },

  async update(tx: Executor, id: string, set: Partial<Row<'shipments'>>): Promise<void> {
    await tx.updateTable('shipments').set(set).where('id', '=', id).execute();
  },

  findByTracking(db: Executor, carrierId: string, trackingNumber: string) {
    return db
      .selectFrom('shipments')
      .selectAll()
      .where('carrier_id', '=', carrierId)
      .where('tracking_number', '=', trackingNumber)
      .executeTakeFirst();
  },

  /** Shipments the carrier may still report on: all carriers', or one carrier's. */
  open(db: Executor, carrierId?: string) {
    let query = db.selectFrom('shipments').selectAll().where('status', 'in', openShipmentStatuses);
    if (carrierId) query = query.where('carrier_id', '=', carrierId);
    return query.execute();
  },

  /** Outcomes of the shipments shipped from `from` (inclusive) up to `to` (inclusive when given). */
  outcomes(db: Executor, from: string, to?: string) {
    let query = db
      .selectFrom('shipments')
      .select([...outcomeColumns])
      .where('shipped_at', '>=', from);
    if (to) query = query.where('shipped_at', '<=', to);
    return query.execute();
  },

  /** Parcels shipped per service since a time (today's use of each service's capacity). */
  async shippedPerService(db: Executor, since: string): Promise<Map<string, number>> {
    const rows = await db
      .selectFrom('shipments')
      .select('service_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('shipped_at', '>=', since)
      .groupBy('service_id')
      .execute();
    return new Map(rows.map((r) => [r.service_id, Number(r.n)]));
  },

  /** Active services of active carriers, with the carrier's name. */
  activeServices(db: Executor) {
    return db
      .selectFrom('carrier_services as s')
      .innerJoin('carriers as c', 'c.id', 's.carrier_id')
      .selectAll('s')
      .select('c.name as carrier_name')
      .where('s.is_active', '=', 1)
      .where('c.is_active', '=', 1)
      .execute();
  },

  /** A shipment's tracking events, newest first. */
  events(db: Executor, shipmentId: string) {
    return db
      .selectFrom('tracking_events')
      .selectAll()
      .where('shipment_id', '=', shipmentId)
      .orderBy('event_at', 'desc')
      .orderBy('received_at', 'desc')
      .execute();
  },

  /** Stores an event once per carrier and event id; false when it was stored before. */
  async insertEvent(tx: Executor, row: NewRow<'tracking_events'>): Promise<boolean> {
    const inserted = await tx
      .insertInto('tracking_events')
      .values(row)
      .onConflict((oc) => oc.columns(['carrier_id', 'external_id']).doNothing())
      .executeTakeFirst();
    return Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0;
  },

  async hasFailedAttempt(db: Executor, shipmentId: string): Promise<boolean> {
    const row = await db
      .selectFrom('tracking_events')
      .select('id')
      .where('shipment_id', '=', shipmentId)
      .where('status', '=', 'failed_attempt')
      .executeTakeFirst();
    return row !== undefined;
  },

  /** The order a shipment belongs to, through orders' view. */
  order(db: Executor, orderId: string) {
    return db.selectFrom('orders_orders_view').selectAll().where('id', '=', orderId).executeTakeFirst();
  },

  /** Same-day orders packed and not yet shipped, through orders' view: the riders' parcels. */
  packedSameDay(db: Executor) {
    return db
      .selectFrom('orders_orders_view')
      .select([
        'number',
        'ship_province as province',
        'ship_city as city',
        'ship_district as district',
        'ship_line1 as street',
      ])
      .where('requested_service', '=', 'same_day')
      .where('status', '=', 'packed')
      .orderBy('number')
      .execute();
  },

  /** The warehouse an order's stock is allocated in, through inventory's views. */
  shippingWarehouse(db: Executor, orderId: string) {
    return db
      .selectFrom('inventory_allocations_view as a')
      .innerJoin('inventory_warehouses_view as w', 'w.id', 'a.warehouse_id')
      .select(['w.name', 'w.address'])
      .where('a.order_id', '=', orderId)
      .executeTakeFirst();
  },
  /** Each order's parcels, oldest first; orders without any are absent from the map. */
  async summariesForOrders(db: Executor, orderIds: readonly string[]): Promise<Map<string, OrderShipment[]>> {
    const byOrder = new Map<string, OrderShipment[]>();
    if (orderIds.length === 0) return byOrder;
    const rows = await db
      .selectFrom('shipments as s')
      .innerJoin('carriers as c', 'c.id', 's.carrier_id')
      .select([
        's.id',
        's.order_id',
        'c.name as carrier',
        's.tracking_number',
        's.status',
        's.shipped_at',
        's.delivered_at',
      ])
      .where('s.order_id', 'in', orderIds)
      .orderBy('s.shipped_at')
      .orderBy('s.id')
      .execute();
    for (const row of rows) {
      const list = byOrder.get(row.order_id) ?? [];
      list.push({
        id: row.id,
        carrier: row.carrier,
        trackingNumber: row.tracking_number,
        status: row.status as ShipmentStatus,
        shippedAt: row.shipped_at,
        deliveredAt: row.delivered_at,
      });
      byOrder.set(row.order_id, list);
    }
    return byOrder;
  },
};
