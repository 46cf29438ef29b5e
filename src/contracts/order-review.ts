import { z } from 'zod';
import { authErrors, errorBody, listQuery, pageOf } from './common.ts';
import { explanation } from './explanations.ts';
import { blocklistKinds, noteDirections, orderTypes, reviewStages, slaStatuses } from './order-enums.ts';
import { deliveryAddress, order } from './orders.ts';

/** Responses of a route that acts on one order: unknown, or its state forbids the action. */
export const orderConflictErrors = { 404: errorBody, 409: errorBody, ...authErrors } as const;

export const releaseBody = z.object({
  codes: z.array(z.string().min(1)).min(1, 'name at least one hold'),
  note: z.string().trim().max(500).optional(),
});
export const bulkReleaseBody = z.object({
  orderIds: z.array(z.string().min(1)).min(1).max(200),
  note: z.string().trim().max(500).optional(),
});
export const bulkReleaseResponse = z.object({
  results: z.array(
    z.object({
      orderId: z.string(),
      outcome: z.enum(['approved', 'still_held', 'skipped']),
      reason: z.string().optional(),
    }),
  ),
});
export const reviewBody = z
  .object({ decision: z.enum(['approve', 'reject']), reason: z.string().trim().max(500).optional() })
  .refine((b) => b.decision === 'approve' || (b.reason ?? '').length > 0, {
    message: 'a rejection needs a reason',
    path: ['reason'],
  });
export const paymentBody = z.object({
  status: z.enum(['pending', 'paid', 'partially_paid', 'refunded', 'cod']),
  paidAmount: z
    .string()
    .regex(/^\d{1,15}(\.\d+)?$/)
    .optional(),
  paidAt: z.iso.datetime({ offset: true }).optional(),
  method: z.string().trim().max(40).optional(),
});
export const addressBody = z.object({ shippingAddress: deliveryAddress });
export const noteBody = z.object({
  direction: z.enum(['internal', 'to_customer']),
  body: z.string().trim().min(1).max(4000),
});
export const note = z.object({
  id: z.string(),
  direction: z.enum(noteDirections),
  author: z.string(),
  body: z.string(),
  at: z.string(),
});
export const mergeBody = z.object({ orderIds: z.array(z.string().min(1)).min(2).max(50) });
export const mergeResponse = z.object({ groupId: z.string(), orders: z.array(order) });
export const splitBody = z.object({
  parcels: z
    .array(z.array(z.number().int().min(1)).min(1))
    .min(1)
    .max(50),
});

export const queueItem = z
  .object({
    id: z.string(),
    number: z.string(),
    channel: z.string(),
    type: z.enum(orderTypes),
    priority: z.number(),
    priorityParts: z.record(z.string(), z.number()),
    shipBy: z.string().nullable(),
    slaStatus: z.enum(slaStatuses),
    placedAt: z.string(),
    customerName: z.string(),
    total: z.string(),
    currency: z.string(),
    holds: z.array(z.string()),
    riskScore: z.number(),
    reviewStage: z.enum(reviewStages).nullable(),
    team: z.string().nullable(),
    claimedBy: z.string().nullable(),
    claimedAt: z.string().nullable(),
  })
  .meta({ id: 'QueueItem' });
export const queueQuery = listQuery.extend({
  team: z.string().max(64).optional(),
  mine: z.enum(['true', 'false']).optional(),
  stage: z.enum(reviewStages).optional(),
});
export const queuePage = pageOf(queueItem);
export const claimBody = z.object({
  team: z.string().max(64).optional(),
  stage: z.enum(reviewStages).optional(),
});

export const ruleConfig = z.object({
  code: z.string(),
  enabled: z.boolean(),
  params: z.record(z.string(), z.unknown()),
});
export const ruleSet = z.object({
  version: z.number(),
  rules: z.array(ruleConfig),
  note: z.string().nullable().optional(),
  createdBy: z.string().optional(),
  createdAt: z.string().optional(),
});
export const ruleSetBody = z.object({
  rules: z.array(z.unknown()).min(1).max(100),
  note: z.string().trim().max(500).optional(),
});
export const dryRunBody = z.object({
  rules: z.array(z.unknown()).min(1).max(100),
  days: z.number().int().min(1).max(90).default(14),
});
export const dryRunResult = z.object({
  days: z.number(),
  orders: z.number(),
  currentVersion: z.number(),
  held: z.object({ current: z.number(), proposed: z.number() }),
  byCode: z.array(
    z.object({
      code: z.string(),
      current: z.number(),
      proposed: z.number(),
      delta: z.number(),
      newlyHeld: z.array(z.string()),
      noLongerHeld: z.array(z.string()),
    }),
  ),
  elapsedMs: z.number(),
});
export const ruleCatalog = z.object({
  items: z.array(
    z.object({
      code: z.string(),
      title: z.record(z.string(), z.string()),
      description: z.record(z.string(), z.string()),
      defaultParams: z.record(z.string(), z.unknown()),
      paramsSchema: z.unknown(),
    }),
  ),
});

export const blocklistEntry = z.object({
  id: z.string(),
  kind: z.enum(blocklistKinds),
  value: z.string(),
  note: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
});
export const blocklistBody = z
  .object({
    kind: z.enum(blocklistKinds),
    value: z
      .string()
      .trim()
      .min(1)
      .max(500)
      .optional()
      .describe('The phone, email or name; omit it and name an order to block that order’s value'),
    orderId: z.string().optional().describe('Block this order’s phone, email, name or shipping address'),
    note: z.string().trim().max(500).optional(),
    country: z.string().length(2).optional().describe('Country for reading a phone number without a +code'),
  })
  .refine((b) => b.value !== undefined || b.orderId !== undefined, {
    message: 'give a value or an orderId',
    path: ['value'],
  })
  .refine((b) => b.kind !== 'address' || b.orderId !== undefined, {
    message: 'an address is blocked from one of its orders',
    path: ['orderId'],
  });
export const blocklistPage = pageOf(blocklistEntry);

export const efficiency = z.object({
  days: z.number(),
  decided: z.number(),
  touchFree: z.number(),
  touchFreeRate: z.number().nullable(),
  reviewed: z.number(),
  reviewMinutes: z.object({ median: z.number().nullable(), p90: z.number().nullable() }),
  sla: z.object({ onTrack: z.number(), atRisk: z.number(), breached: z.number() }),
  holdsByCode: z.record(z.string(), z.number()),
});

export const publicAddressFix = z.object({
  number: z.string(),
  status: z.string(),
  problems: z.array(
    z.object({
      code: z.string(),
      message: z.string().describe('The problem in English'),
      explanation: explanation.nullable().describe('The same as a key with parameters; null on older holds'),
    }),
  ),
  shippingAddress: z.object({
    name: z.string(),
    phone: z.string(),
    country: z.string(),
    province: z.string(),
    city: z.string(),
    district: z.string(),
    line1: z.string(),
    line2: z.string(),
    postalCode: z.string(),
  }),
  messages: z.array(
    z.object({ direction: z.enum(['to_customer', 'from_customer']), body: z.string(), at: z.string() }),
  ),
});

export const team = z.object({ id: z.string(), name: z.string(), members: z.array(z.string()) });
export const teamBody = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/),
  name: z.string().trim().min(1).max(100),
  members: z.array(z.string()).max(200).default([]),
});

/** The signed token of the link mailed to the customer. */
export const addressFixParams = z.object({ token: z.string().min(10).max(500) });

export const customerMessageBody = z.object({ body: z.string().trim().min(1, 'required').max(4000) });
