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
 * A line's unit price before coupons (`subtotal` / quantity), since the order's `discount_total`
 * takes the coupons off; `price` (after coupons) only when the subtotal does not divide to cents.
 */
function unitPriceOf(item: Record<string, unknown>): string | undefined {
  const subtotal = amountText(item.subtotal);
  const quantity = Number(item.quantity);
  if (subtotal && Number.isInteger(quantity) && quantity > 0) {
    const cents = BigInt(sumAmounts([subtotal]).replace('.', ''));
    if (cents % BigInt(quantity) === 0n) return centsText(cents / BigInt(quantity));
  }
  return amountText(item.price);
}

function centsText(cents: bigint): string {
  const sign = cents < 0n ? '-' : '';
  const abs = cents < 0n ? -cents : cents;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
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
      unitPrice: unitPriceOf(item),
      name: textOf(item.name),
    };
  });
  // WooCommerce keeps line and shipping amounts before tax; its total adds `total_tax` and fee
  // lines. Ordo's total is lines + shipping − discount, so tax and fees ride with shipping
  // (noted) and the total reconciles.
  const shippingOnly = sumAmounts(arrayOf(o.shipping_lines).map((s) => amountText(objectOf(s).total)));
  const fees = sumAmounts(arrayOf(o.fee_lines).map((f) => amountText(objectOf(f).total)));
  const tax = sumAmounts([amountText(o.total_tax)]);
  const extras = [tax !== '0.00' ? `tax ${tax}` : '', fees !== '0.00' ? `fees ${fees}` : ''].filter(Boolean);
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
    shippingFee: sumAmounts([shippingOnly, tax, fees]),
    discount: amountText(o.discount_total) ?? '0',
    total: amountText(o.total),
    payment: paymentOf(o, status),
    buyerNote: textOf(o.customer_note),
    sellerNote: extras.length > 0 ? `Shipping fee ${shippingOnly} + ${extras.join(' + ')}.` : undefined,
  };
  return {
    externalId,
    order,
    isCancelled: cancelledStatuses.has(status),
    updatedAt: utcTime(o, 'date_modified'),
  };
}
