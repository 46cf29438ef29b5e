import type { Order, OrderSummary } from '../../../contracts/orders.ts';
import { readJson } from '../../../platform/db/dialect.ts';
import type { NewRow, Row } from '../../../platform/db/schema.ts';
import { fromMinor } from '../../../platform/money.ts';
import { slaStatus } from '../priority.ts';

/** Null for rows written before explanations were stored (migration 008). */
const readExplanation = (value: unknown) =>
  value == null ? null : readJson<NonNullable<Order['typeExplanation']>>(value);

type OrderRow = Row<'orders'> | NewRow<'orders'>;

/** A claim lapses after this long, so an order a person walked away from returns to the queue. */
export const claimTtlMs = 30 * 60 * 1000;

/** Maps stored rows to the API's order; the only place that knows both shapes. */
export function toOrder(
  row: OrderRow,
  children: {
    lines: NewRow<'order_lines'>[];
    holds: NewRow<'order_holds'>[];
    events: NewRow<'order_events'>[];
    allocations?: Order['allocations'];
    shipments?: Order['shipments'];
  },
  now: Date = new Date(),
): Order {
  const money = (minor: number) => fromMinor(minor, row.currency);
  return {
    id: row.id,
    number: row.number,
    channel: row.channel_id,
    externalId: row.external_id,
    status: row.status as Order['status'],
    type: row.type as Order['type'],
    priority: row.priority ?? 0,
    shipBy: row.ship_by ?? null,
    placedAt: row.placed_at,
    currency: row.currency,
    customer: {
      name: row.customer_name,
      email: row.customer_email ?? null,
      phone: row.customer_phone ?? null,
    },
    shippingAddress: {
      name: row.ship_name,
      phone: row.ship_phone,
      country: row.ship_country,
      province: row.ship_province ?? null,
      city: row.ship_city,
      district: row.ship_district ?? null,
      line1: row.ship_line1,
      line2: row.ship_line2 ?? null,
      postalCode: row.ship_postal_code ?? null,
    },
    lines: children.lines.map((line) => ({
      lineNo: line.line_no,
      sku: line.sku,
      name: line.name ?? null,
      quantity: line.quantity,
      unitPrice: money(line.unit_price_minor),
      lineTotal: money(line.unit_price_minor * line.quantity),
      parcel: line.parcel ?? 1,
    })),
    shippingFee: money(row.shipping_fee_minor),
    discount: money(row.discount_minor),
    total: money(row.total_minor),
    payment: {
      status: row.payment_status as Order['payment']['status'],
      method: row.payment_method ?? null,
      paidAmount: row.paid_amount_minor == null ? null : money(row.paid_amount_minor),
      paidAt: row.paid_at ?? null,
    },
    buyerNote: row.buyer_note ?? null,
    sellerNote: row.seller_note ?? null,
    requestedService: row.requested_service as Order['requestedService'],
    holds: splitHoldCodes(row.hold_codes ?? ''),
    holdDetails: children.holds.map((hold) => ({
      code: hold.code,
      message: hold.message,
      explanation: readExplanation(hold.explanation),
      riskPoints: hold.risk_points ?? 0,
      createdAt: hold.created_at,
      releasedAt: hold.released_at ?? null,
    })),
    allocations: children.allocations ?? [],
    shipments: children.shipments ?? [],
    events: children.events.map((event) => ({
      id: event.id,
      type: event.type,
      at: event.at,
      actor: {
        type: event.actor_type as 'user' | 'api_key' | 'system',
        id: event.actor_id ?? null,
        name: event.actor_name,
      },
      data: readJson<Record<string, unknown>>(event.data) ?? {},
    })),
    review: {
      stage: (row.review_stage ?? null) as Order['review']['stage'],
      riskScore: row.risk_score ?? 0,
      ruleSetVersion: row.rule_set_version ?? null,
      // A lapsed claim is no claim: the queue offers the order to others again.
      claimedBy:
        row.claimed_at && Date.parse(row.claimed_at) > now.getTime() - claimTtlMs
          ? (row.claimed_by ?? null)
          : null,
      team: row.team ?? null,
      holdUntil: row.hold_until ?? null,
      releaseAt: row.release_at ?? null,
    },
    typeReason: row.type_reason ?? null,
    typeExplanation: readExplanation(row.type_explanation),
    priorityParts: readJson<Record<string, number>>(row.priority_parts ?? null) ?? {},
    slaStatus: ['pending_review', 'approved', 'backordered', 'allocated', 'picking', 'packed'].includes(
      row.status,
    )
      ? slaStatus(row.ship_by ?? null, now)
      : 'none',
    groupId: row.group_id ?? null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toOrderSummary(
  row: Pick<
    Row<'orders'>,
    | 'id'
    | 'number'
    | 'channel_id'
    | 'external_id'
    | 'status'
    | 'type'
    | 'priority'
    | 'placed_at'
    | 'customer_name'
    | 'total_minor'
    | 'currency'
    | 'hold_codes'
    | 'line_count'
  >,
): OrderSummary {
  return {
    id: row.id,
    number: row.number,
    channel: row.channel_id,
    externalId: row.external_id,
    status: row.status as OrderSummary['status'],
    type: row.type as OrderSummary['type'],
    priority: row.priority,
    placedAt: row.placed_at,
    customerName: row.customer_name,
    total: fromMinor(row.total_minor, row.currency),
    currency: row.currency,
    holds: splitHoldCodes(row.hold_codes),
    lineCount: row.line_count,
  };
}

export function splitHoldCodes(codes: string): string[] {
  return codes === '' ? [] : codes.split(',');
}
