import type { Actor } from '../../platform/actor.ts';
import type { NewRow } from '../../platform/db/schema.ts';
import type { EventMap } from '../../platform/events/event-map.ts';
import { orderNumber, uuidv7 } from '../../platform/ids.ts';
import { type AuditCheck, auditOrder } from './audit-rules.ts';
import type { NormalisedOrder } from './normalise.ts';
import { classifyOrder } from './priority.ts';

export interface BuiltOrder {
  order: NewRow<'orders'> & { id: string; number: string; status: string; hold_codes: string };
  lines: NewRow<'order_lines'>[];
  holds: NewRow<'order_holds'>[];
  history: NewRow<'order_status_history'>[];
  events: NewRow<'order_events'>[];
  outbox: { type: 'order.received'; payload: EventMap['order.received'] };
}

/**
 * Every row a new order writes, computed without I/O: the audit chain decides between
 * `pending_review` (with its holds) and `approved`.
 */
export function buildOrderRows(
  order: NormalisedOrder,
  ctx: {
    now: Date;
    actor: Actor;
    skuStates: ReadonlyMap<string, { isActive: boolean; name: string }>;
    chain: readonly AuditCheck[];
  },
): BuiltOrder {
  const { now, actor } = ctx;
  const at = now.toISOString();
  const id = uuidv7(now.getTime());
  const holds = auditOrder(order, { now, skuStates: ctx.skuStates }, ctx.chain);
  const status = holds.length > 0 ? 'pending_review' : 'approved';
  const holdCodes = holds.map((h) => h.code).join(',');
  const { type, priority, shipBy } = classifyOrder(order);
  const number = orderNumber(now);
  const actorColumns = { actor_type: actor.type, actor_id: actor.id, actor_name: actor.name };
  // Two timeline entries with the same instant; the uuidv7 ids keep them in this order.
  const eventIds = [uuidv7(now.getTime()), uuidv7(now.getTime())].sort();
  return {
    order: {
      id,
      number,
      channel_id: order.channel,
      external_id: order.externalId,
      status,
      type,
      priority,
      ship_by: shipBy,
      placed_at: order.placedAt,
      currency: order.currency,
      customer_name: order.customer.name,
      customer_email: order.customer.email,
      customer_phone: order.customer.phone,
      ship_name: order.shippingAddress.name,
      ship_phone: order.shippingAddress.phone,
      ship_country: order.shippingAddress.country,
      ship_province: order.shippingAddress.province,
      ship_city: order.shippingAddress.city,
      ship_district: order.shippingAddress.district,
      ship_line1: order.shippingAddress.line1,
      ship_line2: order.shippingAddress.line2,
      ship_postal_code: order.shippingAddress.postalCode,
      shipping_fee_minor: order.shippingFeeMinor,
      discount_minor: order.discountMinor,
      total_minor: order.totalMinor,
      payment_status: order.payment.status,
      payment_method: order.payment.method,
      paid_amount_minor: order.payment.paidAmountMinor,
      paid_at: order.payment.paidAt,
      buyer_note: order.buyerNote,
      seller_note: order.sellerNote,
      requested_service: order.requestedService,
      line_count: order.lines.length,
      hold_codes: holdCodes,
      created_at: at,
      updated_at: at,
    },
    lines: order.lines.map((line) => ({
      order_id: id,
      line_no: line.lineNo,
      sku: line.sku,
      // Channels often send only the code; the catalog's name keeps pick lists and timelines readable.
      name: line.name ?? ctx.skuStates.get(line.sku)?.name ?? null,
      quantity: line.quantity,
      unit_price_minor: line.unitPriceMinor,
    })),
    holds: holds.map((hold) => ({
      id: uuidv7(now.getTime()),
      order_id: id,
      code: hold.code,
      message: hold.message,
      risk_points: hold.riskPoints,
      created_at: at,
      released_at: null,
      released_by: null,
    })),
    history: [
      {
        id: uuidv7(now.getTime()),
        order_id: id,
        from_status: null,
        to_status: status,
        reason: holds.length > 0 ? `held: ${holdCodes}` : 'passed the audit',
        actor_type: actor.type,
        actor_id: actor.id,
        at,
      },
    ],
    events: [
      {
        id: eventIds[0],
        order_id: id,
        type: 'received',
        ...actorColumns,
        data: JSON.stringify({
          channel: order.channel,
          externalId: order.externalId,
          lineCount: order.lines.length,
        }),
        at,
      },
      {
        id: eventIds[1],
        order_id: id,
        type: holds.length > 0 ? 'held' : 'approved',
        actor_type: 'system',
        actor_id: null,
        actor_name: 'audit',
        data: JSON.stringify(holds.length > 0 ? { holds } : { automatic: true }),
        at,
      },
    ],
    outbox: {
      type: 'order.received',
      payload: { orderId: id, number, channel: order.channel, status, holds: holds.map((h) => h.code) },
    },
  };
}
