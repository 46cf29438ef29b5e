import dayjs, { type Dayjs } from 'dayjs';
import type { AddressInput } from '../api/order-review';
import type { OrderInput, OrderType, PaymentStatus, RequestedService } from '../api/orders';
import { fromCents, toCents } from '../format';

// The new-order form's values, their total, and the order input the API takes from them.

export const currencies = ['CNY', 'USD', 'EUR', 'HKD'] as const;

export type LineValues = { sku?: string; quantity?: number; unitPrice?: string };
export type FormValues = {
  channel: string;
  externalId: string;
  placedAt: Dayjs;
  currency: string;
  type: OrderType;
  requestedService: RequestedService;
  customer: { name: string; email?: string; phone?: string };
  shippingAddress: AddressInput;
  lines: LineValues[];
  shippingFee?: string;
  discount?: string;
  payment: { status: PaymentStatus; method?: string; paidAmount?: string };
  buyerNote?: string;
  sellerNote?: string;
};

export function initialValues(): Partial<FormValues> {
  return {
    channel: 'web',
    externalId: `MAN-${dayjs().format('YYYYMMDDHHmmss')}`,
    placedAt: dayjs(),
    currency: 'CNY',
    type: 'normal',
    requestedService: 'standard',
    shippingAddress: {
      name: '',
      phone: '',
      country: 'CN',
      province: '',
      city: '',
      district: '',
      line1: '',
      line2: '',
      postalCode: '',
    },
    lines: [{ quantity: 1 }],
    shippingFee: '0.00',
    discount: '0.00',
    payment: { status: 'paid', method: 'bank_transfer' },
  };
}

/** Order total in cents: lines plus shipping minus discount; NaN while a number is malformed. */
export function totalCents(lines: LineValues[] = [], shippingFee?: string, discount?: string): number {
  const linesCents = lines.reduce((sum, line) => sum + (line?.quantity ?? 0) * toCents(line?.unitPrice), 0);
  return linesCents + toCents(shippingFee) - toCents(discount);
}

const optional = (value?: string) => (value?.trim() ? value.trim() : undefined);
const money = (value?: string) => fromCents(toCents(value));

/** `skuNames`: catalogue names of the SKUs picked from suggestions, sent as the line names. */
export function toOrderInput(values: FormValues, skuNames: Record<string, string>): OrderInput {
  const total = fromCents(totalCents(values.lines, values.shippingFee, values.discount));
  const { status, method, paidAmount } = values.payment;
  const placedAt = values.placedAt.toISOString();
  const isPaid = status === 'paid' || status === 'partially_paid';
  return {
    channel: values.channel,
    externalId: values.externalId.trim(),
    placedAt,
    currency: values.currency,
    customer: {
      name: values.customer.name.trim(),
      email: optional(values.customer.email),
      phone: optional(values.customer.phone),
    },
    shippingAddress: values.shippingAddress,
    lines: values.lines.map((line) => ({
      sku: (line.sku ?? '').trim(),
      name: skuNames[(line.sku ?? '').trim()],
      quantity: line.quantity ?? 0,
      unitPrice: money(line.unitPrice),
    })),
    shippingFee: money(values.shippingFee),
    discount: money(values.discount),
    total,
    payment: {
      status,
      method: optional(method),
      paidAmount: status === 'paid' ? total : status === 'partially_paid' ? money(paidAmount) : undefined,
      paidAt: isPaid ? placedAt : undefined,
    },
    type: values.type,
    requestedService: values.requestedService,
    buyerNote: values.buyerNote ?? '',
    sellerNote: values.sellerNote ?? '',
  };
}
