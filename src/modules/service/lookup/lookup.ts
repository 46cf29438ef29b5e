import type { Database } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors.ts';
import { shipmentsForOrders } from '../../logistics/index.ts';
import { isSameContact } from './contact-match.ts';

/** One answer for every mismatch, so a caller cannot tell a wrong number from a wrong contact. */
function noMatch(): AppError {
  return new AppError('NOT_FOUND', 'no order matches this number and contact');
}

/**
 * The customer's own lookup (CONTRACT.md "Customer order lookup"): by Ordo number or the
 * channel's order id, proven by the order's phone or e-mail. Status history and parcels only:
 * nothing about the address, the lines or the money.
 */
export function createOrderLookup(deps: { database: Database }) {
  const { db } = deps.database;

  async function lookUpOrder(number: string, contact: string) {
    const candidates = await db
      .selectFrom('orders_orders_view')
      .select(['id', 'number', 'status', 'customer_email', 'customer_phone', 'ship_phone'])
      .where((eb) => eb.or([eb('number', '=', number), eb('external_id', '=', number)]))
      .limit(20)
      .execute();
    const order = candidates.find((o) =>
      isSameContact(contact, { email: o.customer_email, phones: [o.customer_phone, o.ship_phone] }),
    );
    if (!order) throw noMatch();
    const history = await db
      .selectFrom('orders_status_history_view')
      .select(['to_status', 'at'])
      .where('order_id', '=', order.id)
      .orderBy('at')
      .execute();
    const parcels = (await shipmentsForOrders(db, [order.id])).get(order.id) ?? [];
    return {
      number: order.number,
      status: order.status,
      events: history.map((h) => ({ status: h.to_status, at: new Date(h.at).toISOString() })),
      shipments: parcels.map((p) => ({
        carrier: p.carrier,
        trackingNumber: p.trackingNumber,
        status: p.status,
      })),
    };
  }

  return { lookUpOrder };
}
