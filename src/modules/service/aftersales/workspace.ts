import type { Database } from '../../../platform/db/database.ts';
import { isAnyOf } from '../../../platform/db/dialect.ts';
import { fromMinor } from '../../../platform/money.ts';
import { toComplaint, toReturn } from './aftersales.repository.ts';

const digits = (value: string) => value.replace(/\D/g, '');

/**
 * The customer-service workspace: one search box (phone, e-mail, order number, channel order
 * id) and everything about the customer it finds on one page.
 */
export function createWorkspace(deps: { database: Database }) {
  const { db } = deps.database;

  async function ordersMatching(q: string) {
    const term = q.trim();
    const byKey = await db
      .selectFrom('orders_orders_view')
      .selectAll()
      .where((eb) =>
        eb.or([
          eb('number', '=', term),
          eb('external_id', '=', term),
          eb('customer_email', '=', term.toLowerCase()),
          eb('customer_email', '=', term),
          eb('customer_phone', '=', term),
          eb('ship_phone', '=', term),
        ]),
      )
      .orderBy('placed_at', 'desc')
      .limit(1)
      .execute();
    const first = byKey[0];
    if (!first) {
      // A phone typed without its country code: match on the last digits.
      const tail = digits(term);
      if (tail.length < 7) return [];
      return db
        .selectFrom('orders_orders_view')
        .selectAll()
        .where((eb) =>
          eb.or([eb('customer_phone', 'like', `%${tail}`), eb('ship_phone', 'like', `%${tail}`)]),
        )
        .orderBy('placed_at', 'desc')
        .limit(100)
        .execute();
    }
    // The customer behind the first match: all their orders by e-mail or phone.
    return db
      .selectFrom('orders_orders_view')
      .selectAll()
      .where((eb) =>
        eb.or([
          eb('id', '=', first.id),
          ...(first.customer_email ? [eb('customer_email', '=', first.customer_email)] : []),
          ...(first.customer_phone ? [eb('customer_phone', '=', first.customer_phone)] : []),
        ]),
      )
      .orderBy('placed_at', 'desc')
      .limit(100)
      .execute();
  }

  async function customerView(q: string) {
    const orders = await ordersMatching(q);
    const ids = orders.map((o) => o.id);
    const first = orders[0];
    const emails = [...new Set(orders.map((o) => o.customer_email).filter((e): e is string => !!e))];
    const complaints = ids.length
      ? await db
          .selectFrom('service_complaints')
          .selectAll()
          .where((eb) =>
            eb.or([
              isAnyOf(db, 'order_id', ids),
              ...(emails.length ? [isAnyOf(db, 'customer_email', emails)] : []),
            ]),
          )
          .orderBy('id', 'desc')
          .execute()
      : [];
    const returns = ids.length
      ? await db
          .selectFrom('service_returns')
          .selectAll()
          .where(isAnyOf(db, 'order_id', ids))
          .orderBy('id', 'desc')
          .execute()
      : [];
    const surveys = ids.length
      ? await db
          .selectFrom('service_surveys')
          .select(['order_id', 'csat', 'nps', 'comment'])
          .where(isAnyOf(db, 'order_id', ids))
          .where('answered_at', 'is not', null)
          .execute()
      : [];
    return {
      customer: {
        name: first?.customer_name ?? null,
        email: first?.customer_email ?? null,
        phone: first?.customer_phone ?? null,
      },
      orders: orders.map((o) => ({
        id: o.id,
        number: o.number,
        channel: o.channel_id,
        externalId: o.external_id,
        status: o.status,
        total: fromMinor(o.total_minor, o.currency),
        currency: o.currency,
        placedAt: o.placed_at,
      })),
      complaints: complaints.map((c) => toComplaint(c)),
      returns: returns.map(toReturn),
      surveys: surveys.map((s) => ({ orderId: s.order_id, csat: s.csat, nps: s.nps, comment: s.comment })),
    };
  }

  return { customerView };
}
