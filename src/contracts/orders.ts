import { z } from 'zod';
import { isoDateTime, listQuery, moneyString, pageOf } from './common.ts';
import { explanation } from './explanations.ts';
import { allocation } from './inventory.ts';

export { deliveryServices, orderStatuses, orderTypes, paymentStatuses } from './order-enums.ts';

import {
  deliveryServices,
  orderStatuses,
  orderTypes,
  paymentStatuses,
  reviewStages,
  slaStatuses,
} from './order-enums.ts';

/**
 * Order text without U+0000: PostgreSQL cannot store it and no channel means anything by it, so
 * it is removed on both databases alike (docs/operations.md), never a 500 or a lost batch.
 */
const withoutNul = (value: string) => (value.includes('\u0000') ? value.replaceAll('\u0000', '') : value);
const text = (max: number) => z.string().overwrite(withoutNul).trim().max(max);
const required = (max: number) => z.string().overwrite(withoutNul).trim().min(1, 'required').max(max);
/** Ids and codes arrive as numbers from many exports: read them as their decimal text. */
const code = (max: number) =>
  z.preprocess((value) => (typeof value === 'number' ? String(value) : value), required(max));
/** Money as a decimal string ("59.90"), or a JSON number rounded to the currency's minor unit. */
const money = z.union([moneyString, z.number().finite()]);
/** A count as a number or numeric text ("2"), as spreadsheets write it. */
const count = z.preprocess(
  (value) => (typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value),
  z.number().int().min(1).max(100000),
);
/**
 * A time with its offset, or a local time without one ("2017-10-02 10:56:33", as exports write
 * it), which intake reads in the shop's time zone.
 */
export const placedAtTime = z.union([
  isoDateTime,
  z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?)?$/, 'an ISO-8601 date-time'),
]);

/**
 * The shipping address. Every part may be missing, as real channels send it: what a country
 * needs and is missing becomes a hold (ADDRESS_INCOMPLETE), never a rejection.
 */
export const address = z.object({
  name: text(100).optional(),
  phone: text(40).optional(),
  country: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2}$/, 'an ISO 3166 two-letter country code')
    .transform((c) => c.toUpperCase())
    .optional(),
  province: text(100).optional(),
  city: text(100).optional(),
  district: text(100).optional(),
  line1: text(300).optional(),
  line2: text(300).optional(),
  postalCode: text(20).optional(),
});

/** An address a person enters or corrects (console, the customer's fix page): complete. */
export const deliveryAddress = z.object({
  name: required(100),
  phone: required(40),
  country: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2}$/, 'an ISO 3166 two-letter country code')
    .transform((c) => c.toUpperCase()),
  province: text(100).optional(),
  city: required(100),
  district: text(100).optional(),
  line1: required(300),
  line2: text(300).optional(),
  postalCode: text(20).optional(),
});

export const orderLineInput = z.object({
  sku: code(64),
  quantity: count,
  unitPrice: money.optional().describe('Missing counts as 0 (a gift line); the amount checks judge it'),
  name: text(300).optional(),
});

/**
 * The canonical order (CONTRACT.md): what every channel's payload is normalised to. It names
 * only what identifies an order as required (channel, externalId, placedAt, currency, total, a
 * line with sku and quantity); anything else missing or unreadable is stored and held.
 */
export const canonicalOrder = z
  .object({
    channel: required(64),
    externalId: code(128),
    placedAt: placedAtTime,
    currency: z
      .string()
      .trim()
      .regex(/^[A-Za-z]{3}$/, 'an ISO 4217 currency code such as CNY')
      .transform((c) => c.toUpperCase()),
    customer: z
      .object({
        name: text(100).optional(),
        email: z.email().max(200).optional().or(z.literal('')),
        phone: text(40).optional(),
      })
      .optional(),
    shippingAddress: address.optional(),
    lines: z.array(orderLineInput).min(1, 'at least one line').max(500),
    shippingFee: money.default('0'),
    discount: money.default('0'),
    total: money,
    payment: z
      .object({
        status: z.enum(paymentStatuses),
        method: text(40).optional(),
        paidAmount: money.optional(),
        paidAt: isoDateTime.optional(),
      })
      .optional()
      .describe('Missing counts as not paid yet (PAYMENT_PENDING)'),
    type: z.enum(orderTypes).optional(),
    buyerNote: text(2000).optional(),
    sellerNote: text(2000).optional(),
    requestedService: z.enum(deliveryServices).default('standard'),
  })
  .meta({ id: 'CanonicalOrder' });

/**
 * Where an order is identified: a problem here is a 400, since without it the order cannot be
 * stored at all. A problem anywhere else is kept on the order and held.
 */
export const identifyingFields = ['channel', 'externalId', 'placedAt', 'currency', 'total', 'lines'] as const;

export type CanonicalOrder = z.output<typeof canonicalOrder>;

export const actor = z.object({
  type: z.enum(['user', 'api_key', 'system']),
  id: z.string().nullable(),
  name: z.string(),
});

export const orderEvent = z.object({
  id: z.string(),
  type: z.string(),
  at: z.string(),
  actor,
  data: z.record(z.string(), z.unknown()),
});

export const holdDetail = z.object({
  code: z.string(),
  message: z.string().describe('The explanation in English'),
  explanation: explanation.nullable().describe('Null on holds made before explanations were stored'),
  riskPoints: z.number(),
  createdAt: z.string(),
  releasedAt: z.string().nullable(),
});

export const order = z
  .object({
    id: z.string(),
    number: z.string(),
    channel: z.string(),
    externalId: z.string(),
    status: z.enum(orderStatuses),
    type: z.enum(orderTypes),
    priority: z.number(),
    shipBy: z.string().nullable(),
    placedAt: z.string(),
    currency: z.string(),
    customer: z.object({ name: z.string(), email: z.string().nullable(), phone: z.string().nullable() }),
    shippingAddress: z.object({
      name: z.string(),
      phone: z.string(),
      country: z.string(),
      province: z.string().nullable(),
      city: z.string(),
      district: z.string().nullable(),
      line1: z.string(),
      line2: z.string().nullable(),
      postalCode: z.string().nullable(),
    }),
    lines: z.array(
      z.object({
        lineNo: z.number(),
        sku: z.string(),
        name: z.string().nullable(),
        quantity: z.number(),
        unitPrice: z.string(),
        lineTotal: z.string(),
        parcel: z.number().describe('Parcel the line ships in (1 unless the order was split)'),
      }),
    ),
    shippingFee: z.string(),
    discount: z.string(),
    total: z.string(),
    payment: z.object({
      status: z.enum(paymentStatuses),
      method: z.string().nullable(),
      paidAmount: z.string().nullable(),
      paidAt: z.string().nullable(),
    }),
    buyerNote: z.string().nullable(),
    sellerNote: z.string().nullable(),
    requestedService: z.enum(deliveryServices),
    holds: z.array(z.string()).describe('Open hold reason codes'),
    holdDetails: z.array(holdDetail),
    allocations: z.array(allocation),
    shipments: z.array(z.record(z.string(), z.unknown())),
    events: z.array(orderEvent),
    review: z.object({
      stage: z.enum(reviewStages).nullable().describe('Which review a HIGH_RISK order waits for'),
      riskScore: z.number(),
      ruleSetVersion: z.number().nullable().describe('Version of the audit rules that judged the order'),
      claimedBy: z.string().nullable(),
      team: z.string().nullable(),
      holdUntil: z.string().nullable(),
      releaseAt: z.string().nullable(),
    }),
    typeReason: z.string().nullable().describe('Why this type, in English'),
    typeExplanation: explanation.nullable(),
    priorityParts: z.record(z.string(), z.number()),
    slaStatus: z.enum(slaStatuses),
    groupId: z.string().nullable().describe('Orders with the same group ship together'),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Order' });

export type Order = z.output<typeof order>;

export const orderSummary = z
  .object({
    id: z.string(),
    number: z.string(),
    channel: z.string(),
    externalId: z.string(),
    status: z.enum(orderStatuses),
    type: z.enum(orderTypes),
    priority: z.number(),
    placedAt: z.string(),
    customerName: z.string(),
    total: z.string(),
    currency: z.string(),
    holds: z.array(z.string()),
    lineCount: z.number(),
  })
  .meta({ id: 'OrderSummary' });

export type OrderSummary = z.output<typeof orderSummary>;

export const orderListQuery = listQuery.extend({
  status: z.enum(orderStatuses).optional(),
  channel: z.string().max(64).optional(),
  q: z.string().trim().max(200).optional(),
  placedFrom: isoDateTime.optional(),
  placedTo: isoDateTime.optional(),
});

export const orderPage = pageOf(orderSummary);

/** The most orders one batch request may carry. */
export const maxBatchOrders = 1000;

export const batchBody = z.object({
  // Items are validated one by one so that one bad order does not sink the batch.
  orders: z
    .array(z.unknown())
    .min(1, 'at least one order')
    .max(maxBatchOrders, 'at most 1,000 orders per batch'),
});

export const batchResult = z.object({
  index: z.number(),
  outcome: z.enum(['created', 'duplicate', 'rejected']),
  order: z
    .object({ id: z.string(), number: z.string(), status: z.enum(orderStatuses), holds: z.array(z.string()) })
    .optional(),
  error: z
    .object({ code: z.string(), message: z.string(), details: z.record(z.string(), z.unknown()).optional() })
    .optional(),
});

export const batchResponse = z.object({
  results: z.array(batchResult),
  summary: z.object({ created: z.number(), duplicate: z.number(), rejected: z.number() }),
});

export const cancelBody = z.object({ reason: required(500) });

export const ordersOverview = z.object({
  total: z.number(),
  byStatus: z.record(z.string(), z.number()),
  holdsByCode: z.record(z.string(), z.number()),
  daily: z.array(z.object({ date: z.string(), count: z.number() })),
});
