import type { OrderShipment, shipmentStatuses } from '../../contracts/fulfilment.ts';
import type { Executor } from '../../platform/db/database.ts';

type ShipmentStatus = (typeof shipmentStatuses)[number];

/** The SQL of shipments: logistics' own tables only. */
export const shipmentsRepository = {
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
