import { amountText, arrayOf, idText, objectOf, textOf } from './exact-json.ts';
import {
  type CanonicalOrderInput,
  joinName,
  type MappedOrder,
  sumAmounts,
  UnmappablePayload,
} from './mapped-order.ts';

/** WooCommerce order statuses that mean the money has come in. */
const paidStatuses = new Set(['processing', 'completed']);
const cancelledStatuses = new Set(['cancelled', 'refunded', 'trash']);

/** WooCommerce's times without an offset are the site's; the `_gmt` twin is UTC. */
function utcTime(o: Record<string, unknown>, field: string): string | undefined {
  const gmt = textOf(o[`${field}_gmt`]);
  if (gmt) return /[zZ]|[+-]\d\d:?\d\d$/.test(gmt) ? gmt : `${gmt}Z`;
  return textOf(o[field]);
}

function paymentOf(o: Record<string, unknown>, status: string): CanonicalOrderInput['payment'] {
  const isPaid = paidStatuses.has(status) || o.set_paid === true || textOf(o.date_paid) !== undefined;
  const method = textOf(o.payment_method);
  if (status === 'refunded') return { status: 'refunded', method };
  if (method === 'cod' && !isPaid) return { status: 'cod', method };
  if (!isPaid) return { status: 'pending', method };
  return {
    status: 'paid',
    method,
    paidAmount: amountText(o.total),
    paidAt: utcTime(o, 'date_paid'),
  };
}

/**
 * A WooCommerce REST v3 order (webhook `order.*` body or a `/wc/v3/orders` entry) as a
 * canonical order. The order id (not the shop's display number) is the external id. A line
 * without a SKU is named by its product/variation so the order is kept and held.
 */
export function mapWooCommerceOrder(channel: string, payload: unknown): MappedOrder {
  const o = objectOf(payload);
  const externalId = idText(o.id);
  if (!externalId) throw new UnmappablePayload('the payload has no order id');
  const status = textOf(o.status) ?? 'pending';
  const items = arrayOf(o.line_items).map(objectOf);
  if (items.length === 0) throw new UnmappablePayload(`order ${externalId} has no line_items`);
  const billing = objectOf(o.billing);
  const shipping = objectOf(o.shipping);
  const lines = items.map((item) => {
    const variation = idText(item.variation_id);
    const product = idText(item.product_id);
    const fallback =
      variation && variation !== '0'
        ? `wc-variation-${variation}`
        : product
          ? `wc-product-${product}`
          : undefined;
    return {
      sku: textOf(item.sku) ?? fallback,
      quantity: item.quantity,
      unitPrice: amountText(item.price),
      name: textOf(item.name),
    };
  });
  const order: CanonicalOrderInput = {
    channel,
    externalId,
    placedAt: utcTime(o, 'date_created'),
    currency: textOf(o.currency),
    customer: {
      name:
        joinName(billing.first_name, billing.last_name) ?? joinName(shipping.first_name, shipping.last_name),
      email: textOf(billing.email),
      phone: textOf(billing.phone) ?? textOf(shipping.phone),
    },
    shippingAddress: {
      name:
        joinName(shipping.first_name, shipping.last_name) ?? joinName(billing.first_name, billing.last_name),
      phone: textOf(shipping.phone) ?? textOf(billing.phone),
      country: textOf(shipping.country),
      province: textOf(shipping.state),
      city: textOf(shipping.city),
      line1: textOf(shipping.address_1),
      line2: textOf(shipping.address_2),
      postalCode: textOf(shipping.postcode),
    },
    lines,
    shippingFee: sumAmounts(arrayOf(o.shipping_lines).map((s) => amountText(objectOf(s).total))),
    discount: amountText(o.discount_total) ?? '0',
    total: amountText(o.total),
    payment: paymentOf(o, status),
    buyerNote: textOf(o.customer_note),
  };
  return {
    externalId,
    order,
    isCancelled: cancelledStatuses.has(status),
    updatedAt: utcTime(o, 'date_modified'),
  };
}
