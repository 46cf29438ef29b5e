import type { Actor } from '../../../platform/actor.ts';
import { writeJson } from '../../../platform/db/dialect.ts';
import type { NewRow } from '../../../platform/db/schema.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import type { AuditContext, Hold } from '../audit/audit-rules.ts';
import type { Classification } from '../priority.ts';
import type { NormalisedOrder } from './normalise.ts';

export type OrderRow = NewRow<'orders'> & { id: string; number: string; status: string; hold_codes: string };

/** What intake decided about a new order: everything its row holds beyond the order's own data. */
export interface OrderDecision {
  id: string;
  number: string;
  /** ISO UTC instant of intake. */
  at: string;
  status: 'pending_review' | 'approved';
  holdCodes: readonly string[];
  classification: Classification;
  keys: { phoneKey: string | null; addressKey: string | null; buyerKey: string | null };
  customerTier: 'vip' | 'regular' | 'new';
  riskScore: number;
  ruleSetVersion: number;
  holdUntil: string | null;
  releaseAt: string | null;
  team: string | null;
}

/** The `orders` row of a new order. */
export function orderRow(order: NormalisedOrder, decision: OrderDecision): OrderRow {
  const { at, status, holdCodes, classification, keys } = decision;
  // One literal, no spread: a spread plus twenty more keys leaves V8 a slow dictionary object.
  return {
    id: decision.id,
    number: decision.number,
    channel_id: order.channel,
    external_id: order.externalId,
    status,
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
    created_at: at,
    updated_at: at,
    type: classification.type,
    type_reason: classification.reason,
    type_explanation: writeJson(classification.reasonExplanation),
    priority: classification.priority,
    priority_parts: writeJson(classification.priorityParts),
    ship_by: classification.shipBy,
    hold_codes: holdCodes.join(','),
    rule_set_version: decision.ruleSetVersion,
    customer_tier: decision.customerTier,
    risk_score: decision.riskScore,
    review_stage: holdCodes.includes('HIGH_RISK') ? 'processor' : null,
    hold_until: decision.holdUntil,
    release_at: decision.releaseAt,
    team: decision.team,
    phone_key: keys.phoneKey,
    address_key: keys.addressKey,
    buyer_key: keys.buyerKey,
    decided_at: status === 'approved' ? at : null,
    touched: 0,
  };
}

/** The `order_lines` rows; a line without a name takes the catalog's. */
export function lineRows(
  order: NormalisedOrder,
  orderId: string,
  skuStates: AuditContext['skuStates'],
): NewRow<'order_lines'>[] {
  return order.lines.map((line) => ({
    order_id: orderId,
    line_no: line.lineNo,
    sku: line.sku,
    // Channels often send only the code; the catalog's name keeps pick lists and timelines readable.
    name: line.name ?? skuStates.get(line.sku)?.name ?? null,
    quantity: line.quantity,
    unit_price_minor: line.unitPriceMinor,
    parcel: 1,
  }));
}

/** The `order_holds` rows, open, in the order the holds were found. */
export function holdRows(holds: readonly Hold[], orderId: string, now: Date): NewRow<'order_holds'>[] {
  const at = now.toISOString();
  return holds.map((hold) => ({
    id: uuidv7(now.getTime()),
    order_id: orderId,
    code: hold.code,
    message: hold.message,
    explanation: writeJson(hold.explanation),
    risk_points: hold.riskPoints,
    created_at: at,
    released_at: null,
    released_by: null,
  }));
}

/**
 * The first status-history row and the two timeline entries of a new order: received (by the
 * actor) and the audit's verdict (held or approved). `eventIds` are two ascending ids of the same
 * instant, so the entries keep this order.
 */
export function timelineRows(
  order: NormalisedOrder,
  decision: OrderDecision,
  holds: readonly Hold[],
  actor: Actor,
  now: Date,
  eventIds: readonly [string, string],
): { history: NewRow<'order_status_history'>[]; events: NewRow<'order_events'>[] } {
  const { id, at, classification } = decision;
  const isHeld = holds.length > 0;
  return {
    history: [
      {
        id: uuidv7(now.getTime()),
        order_id: id,
        from_status: null,
        to_status: decision.status,
        reason: isHeld ? `held: ${decision.holdCodes.join(',')}` : 'passed the audit',
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
        actor_type: actor.type,
        actor_id: actor.id,
        actor_name: actor.name,
        data: writeJson({
          channel: order.channel,
          externalId: order.externalId,
          lineCount: order.lines.length,
          type: classification.type,
          typeReason: classification.reason,
          typeExplanation: classification.reasonExplanation,
          ruleSetVersion: decision.ruleSetVersion,
          ...(order.unreadable.length > 0 ? { unreadable: order.unreadable } : {}),
        }),
        at,
      },
      {
        id: eventIds[1],
        order_id: id,
        type: isHeld ? 'held' : 'approved',
        actor_type: 'system',
        actor_id: null,
        actor_name: 'audit',
        data: writeJson(
          isHeld
            ? { holds, riskScore: decision.riskScore }
            : { automatic: true, riskScore: decision.riskScore },
        ),
        at,
      },
    ],
  };
}
