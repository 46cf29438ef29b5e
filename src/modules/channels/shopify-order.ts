import { amountText, arrayOf, idText, objectOf, textOf } from './exact-json.ts';
import {
  type CanonicalOrderInput,
  joinName,
  type MappedOrder,
  sumAmounts,
  UnmappablePayload,
} from './mapped-order.ts';

/** Shopify's `financial_status` as Ordo's payment status. */
const paymentStatusOf: Record<string, string> = {
  paid: 'paid',
  partially_paid: 'partially_paid',
  refunded: 'refunded',
  partially_refunded: 'paid',
  pending: 'pending',
  authorized: 'pending',
  voided: 'pending',
};

function addressOf(value: unknown): CanonicalOrderInput['shippingAddress'] {
  const a = objectOf(value);
  if (Object.keys(a).length === 0) return undefined;
  return {
    name: textOf(a.name) ?? joinName(a.first_name, a.last_name),
    phone: textOf(a.phone),
    country: textOf(a.country_code),
    province: textOf(a.province) ?? textOf(a.province_code),
    city: textOf(a.city),
    line1: textOf(a.address1),
    line2: textOf(a.address2),
    postalCode: textOf(a.zip),
  };
}

/**
 * A Shopify order (webhook `orders/*` body or an Admin REST `orders.json` entry) as a canonical
 * order. Amounts are the shop currency's (`total_price`, line `price`); the buyer's presentment
 * currency is noted when it differs. A line without a SKU is named by its variant so the order
 * is still kept (and held as an unknown SKU) rather than lost.
 */
export function mapShopifyOrder(channel: string, payload: unknown): MappedOrder {
  const o = objectOf(payload);
  const externalId = idText(o.id);
  if (!externalId) throw new UnmappablePayload('the payload has no order id');
  const items = arrayOf(o.line_items).map(objectOf);
  if (items.length === 0) throw new UnmappablePayload(`order ${externalId} has no line_items`);
  const lines = items.map((item) => {
    const variant = idText(item.variant_id);
    return {
      sku: textOf(item.sku) ?? (variant ? `shopify-variant-${variant}` : undefined),
      quantity: item.quantity,
      unitPrice: amountText(item.price),
      name: textOf(item.name) ?? textOf(item.title),
    };
  });
  const lineDiscounts = items.flatMap((item) =>
    arrayOf(item.discount_allocations).map((d) => amountText(objectOf(d).amount)),
  );
  const customer = objectOf(o.customer);
  const shipping = addressOf(o.shipping_address);
  const financial = textOf(o.financial_status) ?? 'pending';
  const paymentStatus = paymentStatusOf[financial] ?? 'pending';
  const gateways = arrayOf(o.payment_gateway_names).filter((g): g is string => typeof g === 'string');
  const currency = textOf(o.currency) ?? textOf(o.presentment_currency);
  const presentment = textOf(o.presentment_currency);
  const tags = textOf(o.tags);
  // Ordo's total is lines + shipping − discount. Tax charged on top of the prices (not
  // `taxes_included`) is carried with the shipping fee so the total reconciles, and noted.
  const taxOnTop = o.taxes_included === true ? undefined : amountText(o.total_tax);
  const hasTaxOnTop = taxOnTop !== undefined && sumAmounts([taxOnTop]) !== '0.00';
  const shippingOnly = sumAmounts(arrayOf(o.shipping_lines).map((s) => amountText(objectOf(s).price)));
  const order: CanonicalOrderInput = {
    channel,
    externalId,
    placedAt: textOf(o.created_at) ?? textOf(o.processed_at),
    currency,
    customer: {
      name: joinName(customer.first_name, customer.last_name) ?? shipping?.name,
      email: textOf(o.email) ?? textOf(o.contact_email) ?? textOf(customer.email),
      phone: textOf(o.phone) ?? textOf(customer.phone) ?? shipping?.phone,
    },
    shippingAddress: shipping,
    lines,
    shippingFee: hasTaxOnTop ? sumAmounts([shippingOnly, taxOnTop]) : shippingOnly,
    discount: amountText(o.total_discounts) ?? sumAmounts(lineDiscounts),
    total: amountText(o.total_price),
    payment: {
      status: paymentStatus,
      method: (textOf(o.gateway) ?? gateways.join(', ')).slice(0, 40) || undefined,
      paidAmount: paymentStatus === 'paid' ? amountText(o.total_price) : undefined,
      paidAt: paymentStatus === 'paid' ? (textOf(o.processed_at) ?? textOf(o.updated_at)) : undefined,
    },
    buyerNote: textOf(o.note),
    sellerNote: joinName(
      tags ? `Shopify tags: ${tags}.` : undefined,
      presentment && currency && presentment !== currency ? `Buyer paid in ${presentment}.` : undefined,
      hasTaxOnTop ? `Shipping fee ${shippingOnly} + tax ${taxOnTop} (not in prices).` : undefined,
    ),
  };
  return {
    externalId,
    order,
    isCancelled: textOf(o.cancelled_at) !== undefined,
    updatedAt: textOf(o.updated_at),
  };
}
