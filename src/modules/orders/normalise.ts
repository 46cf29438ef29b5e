import type {
  CanonicalOrder,
  deliveryServices,
  orderTypes,
  paymentStatuses,
} from '../../contracts/orders.ts';
import { AppError } from '../../platform/errors.ts';
import { isKnownCurrency, toMinor } from '../../platform/money.ts';

export type OrderType = (typeof orderTypes)[number];

/** A canonical order with money in minor units and blanks folded to null: what intake stores. */
export interface NormalisedOrder {
  channel: string;
  externalId: string;
  placedAt: string;
  currency: string;
  customer: { name: string; email: string | null; phone: string | null };
  shippingAddress: {
    name: string;
    phone: string;
    country: string;
    province: string | null;
    city: string;
    district: string | null;
    line1: string;
    line2: string | null;
    postalCode: string | null;
  };
  lines: { lineNo: number; sku: string; name: string | null; quantity: number; unitPriceMinor: number }[];
  shippingFeeMinor: number;
  discountMinor: number;
  totalMinor: number;
  payment: {
    status: (typeof paymentStatuses)[number];
    method: string | null;
    paidAmountMinor: number | null;
    paidAt: string | null;
  };
  typeHint: OrderType | null;
  buyerNote: string | null;
  sellerNote: string | null;
  requestedService: (typeof deliveryServices)[number];
}

const blankToNull = (value: string | undefined): string | null =>
  value === undefined || value === '' ? null : value;

function nonNegative(amount: string, currency: string, field: string): number {
  const minor = toMinor(amount, currency, field);
  if (minor < 0) throw new AppError('INVALID_MONEY', `${field}: must not be negative`, { field });
  return minor;
}

/** Throws AppError (naming the field) for what the schema cannot see: currency digits, negatives. */
export function normaliseOrder(input: CanonicalOrder): NormalisedOrder {
  const currency = input.currency;
  if (!isKnownCurrency(currency)) {
    throw new AppError('VALIDATION_FAILED', `currency: "${currency}" is not an ISO 4217 currency`, {
      field: 'currency',
    });
  }
  const address = input.shippingAddress;
  return {
    channel: input.channel,
    externalId: input.externalId,
    placedAt: new Date(input.placedAt).toISOString(),
    currency,
    customer: {
      name: input.customer.name,
      email: blankToNull(input.customer.email)?.toLowerCase() ?? null,
      phone: blankToNull(input.customer.phone),
    },
    shippingAddress: {
      name: address.name,
      phone: address.phone,
      country: address.country,
      province: blankToNull(address.province),
      city: address.city,
      district: blankToNull(address.district),
      line1: address.line1,
      line2: blankToNull(address.line2),
      postalCode: blankToNull(address.postalCode),
    },
    lines: input.lines.map((line, index) => ({
      lineNo: index + 1,
      sku: line.sku,
      name: blankToNull(line.name),
      quantity: line.quantity,
      unitPriceMinor: nonNegative(line.unitPrice, currency, `lines.${index}.unitPrice`),
    })),
    shippingFeeMinor: nonNegative(input.shippingFee, currency, 'shippingFee'),
    discountMinor: nonNegative(input.discount, currency, 'discount'),
    totalMinor: nonNegative(input.total, currency, 'total'),
    payment: {
      status: input.payment.status,
      method: blankToNull(input.payment.method),
      paidAmountMinor:
        input.payment.paidAmount === undefined
          ? null
          : nonNegative(input.payment.paidAmount, currency, 'payment.paidAmount'),
      paidAt: input.payment.paidAt ? new Date(input.payment.paidAt).toISOString() : null,
    },
    // Many channels send "normal" for every order; only a specific type is a real hint.
    typeHint: input.type && input.type !== 'normal' ? input.type : null,
    buyerNote: blankToNull(input.buyerNote),
    sellerNote: blankToNull(input.sellerNote),
    requestedService: input.requestedService,
  };
}
