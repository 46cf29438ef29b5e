import { DateTime } from 'luxon';
import type {
  CanonicalOrder,
  deliveryServices,
  orderTypes,
  paymentStatuses,
} from '../../../contracts/orders.ts';
import { AppError, invalidField } from '../../../platform/errors.ts';
import { currencyDigits, isKnownCurrency, toMinor } from '../../../platform/money.ts';
import { type Hold, holdFor } from '../audit/audit-checks/rule.ts';

export type OrderType = (typeof orderTypes)[number];

/** A value intake could not read: the field and what was sent, kept on the order's hold. */
export interface UnreadableValue {
  field: string;
  value: string;
}

/**
 * A canonical order with money in minor units and blanks folded to null: what intake stores.
 * Parts a channel did not send are '' (names, phone, country, city, street) so that the audit,
 * not the parser, decides what is missing.
 */
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
  /** Values that were sent but could not be read (held as DATA_UNREADABLE); usually empty. */
  unreadable: UnreadableValue[];
}

const blankToNull = (value: string | undefined): string | null =>
  value === undefined || value === '' ? null : value;

type Money = string | number;

/** Amount in minor units: text exactly ("59.90"), a JSON number rounded to the currency's unit. */
function readMoney(amount: Money, currency: string, field: string): number {
  const minor =
    typeof amount === 'number'
      ? Math.round(amount * 10 ** currencyDigits(currency))
      : toMinor(amount, currency, field);
  if (minor < 0) throw new AppError('INVALID_MONEY', `${field}: must not be negative`, { field });
  return minor;
}

/** The order's moments in UTC; a local time without an offset is read in the shop's zone. */
function readInstant(value: string, timeZone: string, field: string): string {
  if (/[zZ]|[+-]\d{2}:?\d{2}$/.test(value.slice(10))) return new Date(value).toISOString();
  const local = DateTime.fromISO(value.replace(' ', 'T'), { zone: timeZone });
  if (!local.isValid) throw invalidField(field, 'notDateTime', { value });
  return local.toUTC().toISO() as string;
}

/**
 * Turns a parsed canonical order into what intake stores. Throws AppError (naming the field)
 * only for what identifies the order (currency, total); an amount that cannot be read elsewhere
 * (a negative fee, a price with too many decimals) is kept in `unreadable` and counts as 0.
 */
export function normaliseOrder(
  input: CanonicalOrder,
  timeZone = 'UTC',
  unreadable: UnreadableValue[] = [],
): NormalisedOrder {
  const currency = input.currency;
  if (!isKnownCurrency(currency)) throw invalidField('currency', 'notCurrency', { value: currency });
  const optionalMoney = (amount: Money | undefined, field: string): number | null => {
    if (amount === undefined) return null;
    try {
      return readMoney(amount, currency, field);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      unreadable.push({ field, value: String(amount) });
      return null;
    }
  };
  const customer = input.customer ?? {};
  const address = input.shippingAddress ?? {};
  const payment = input.payment ?? { status: 'pending' as const };
  const customerPhone = blankToNull(customer.phone);
  return {
    channel: input.channel,
    externalId: input.externalId,
    placedAt: readInstant(input.placedAt, timeZone, 'placedAt'),
    currency,
    customer: {
      // Channels that send one name send it on one side only: the other side shows it too.
      name: customer.name || address.name || '',
      email: blankToNull(customer.email)?.toLowerCase() ?? null,
      phone: customerPhone,
    },
    shippingAddress: {
      name: address.name || customer.name || '',
      phone: address.phone || customerPhone || '',
      country: address.country ?? '',
      province: blankToNull(address.province),
      city: address.city ?? '',
      district: blankToNull(address.district),
      line1: address.line1 ?? '',
      line2: blankToNull(address.line2),
      postalCode: blankToNull(address.postalCode),
    },
    lines: input.lines.map((line, index) => ({
      lineNo: index + 1,
      sku: line.sku,
      name: blankToNull(line.name),
      quantity: line.quantity,
      unitPriceMinor: optionalMoney(line.unitPrice, `lines.${index}.unitPrice`) ?? 0,
    })),
    shippingFeeMinor: optionalMoney(input.shippingFee, 'shippingFee') ?? 0,
    discountMinor: optionalMoney(input.discount, 'discount') ?? 0,
    totalMinor: readMoney(input.total, currency, 'total'),
    payment: {
      status: payment.status,
      method: blankToNull(payment.method),
      paidAmountMinor: optionalMoney(payment.paidAmount, 'payment.paidAmount'),
      paidAt: payment.paidAt ? new Date(payment.paidAt).toISOString() : null,
    },
    // Many channels send "normal" for every order; only a specific type is a real hint.
    typeHint: input.type && input.type !== 'normal' ? input.type : null,
    buyerNote: blankToNull(input.buyerNote),
    sellerNote: blankToNull(input.sellerNote),
    requestedService: input.requestedService,
    unreadable,
  };
}

/**
 * The hold for values intake left out (DATA_UNREADABLE): what was sent stays on the hold, so a
 * person can see it and put it right. Not an audit rule: it is not policy, and cannot be off.
 */
export function unreadableHolds(order: NormalisedOrder): Hold[] {
  if (order.unreadable.length === 0) return [];
  const parts = order.unreadable.map(({ field, value }) => ({
    key: 'unreadable.value',
    params: { field, value },
  }));
  return [holdFor('DATA_UNREADABLE', { key: 'hold.dataUnreadable', parts })];
}
