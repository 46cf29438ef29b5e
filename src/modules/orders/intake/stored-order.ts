import type { Row } from '../../../platform/db/schema.ts';
import type { NormalisedOrder, OrderType } from './normalise.ts';

/** A stored order read back as intake saw it, so the audit can judge it again after a change. */
export function toNormalised(row: Row<'orders'>, lines: readonly Row<'order_lines'>[]): NormalisedOrder {
  return {
    channel: row.channel_id,
    externalId: row.external_id,
    placedAt: row.placed_at,
    currency: row.currency,
    customer: { name: row.customer_name, email: row.customer_email, phone: row.customer_phone },
    shippingAddress: {
      name: row.ship_name,
      phone: row.ship_phone,
      country: row.ship_country,
      province: row.ship_province,
      city: row.ship_city,
      district: row.ship_district,
      line1: row.ship_line1,
      line2: row.ship_line2,
      postalCode: row.ship_postal_code,
    },
    lines: lines.map((l) => ({
      lineNo: l.line_no,
      sku: l.sku,
      name: l.name,
      quantity: l.quantity,
      unitPriceMinor: l.unit_price_minor,
    })),
    shippingFeeMinor: row.shipping_fee_minor,
    discountMinor: row.discount_minor,
    totalMinor: row.total_minor,
    payment: {
      status: row.payment_status as NormalisedOrder['payment']['status'],
      method: row.payment_method,
      paidAmountMinor: row.paid_amount_minor,
      paidAt: row.paid_at,
    },
    typeHint: row.type as OrderType,
    buyerNote: row.buyer_note,
    sellerNote: row.seller_note,
    requestedService: row.requested_service as NormalisedOrder['requestedService'],
    // What could not be read at intake stays on its DATA_UNREADABLE hold.
    unreadable: [],
  };
}
