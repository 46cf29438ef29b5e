import { z } from 'zod';
import { isoDateTime, listQuery, moneyString, pageOf } from './common.ts';

export const complaintCategories = [
  'delivery_delay',
  'damaged',
  'wrong_item',
  'missing_item',
  'quality',
  'service',
  'refund',
  'other',
] as const;
export type ComplaintCategory = (typeof complaintCategories)[number];
export const departments = ['logistics', 'warehouse', 'customer_service', 'finance'] as const;
export const resolutionKinds = ['refund', 'reship', 'replace', 'explain'] as const;
export const complaintStatuses = ['open', 'answered', 'resolved'] as const;
export const inspectionOutcomes = ['restock', 'quarantine', 'scrap'] as const;
export const surveyProblems = [
  'late',
  'damaged',
  'wrong_item',
  'missing_item',
  'quality',
  'service',
  'other',
] as const;

const text = (max: number) => z.string().trim().min(1, 'required').max(max);
const email = z.email('must be an e-mail address').max(200);

export const routingEntry = z.object({
  category: z.enum(complaintCategories),
  department: z.enum(departments),
  team: text(64),
  firstResponseHours: z.number().int().min(1).max(1000),
  resolutionHours: z.number().int().min(1).max(5000),
});
export const routingTable = z.object({ items: z.array(routingEntry) });

export const newComplaintBody = z.object({
  category: z.enum(complaintCategories),
  subject: text(200),
  message: text(5000),
  orderNumber: z.string().trim().min(1).max(64).optional(),
  sku: z.string().trim().min(1).max(64).optional(),
  customerName: z.string().trim().max(200).optional(),
  customerEmail: email.optional(),
  customerPhone: z.string().trim().max(40).optional(),
});

export const publicComplaintBody = z.object({
  number: text(64).describe('Ordo order number or the channel order id'),
  contact: text(200).describe("The order's phone or e-mail"),
  category: z.enum(complaintCategories),
  message: text(5000),
  sku: z.string().trim().min(1).max(64).optional(),
});

export const inboundMailBody = z.object({
  from: text(200),
  to: text(300).describe(
    'May carry the reply token as its plus tag: service+TOKEN@… (the reply mailbox) or complaint+TOKEN@…',
  ),
  subject: z.string().max(500).default(''),
  text: text(20000),
});

export const complaintMessageBody = z.object({
  kind: z.enum(['reply', 'note']).describe('reply mails the customer; note stays internal'),
  body: text(5000),
});

export const resolveComplaintBody = z.object({
  kind: z.enum(resolutionKinds),
  cost: moneyString.default('0'),
  note: text(2000),
});

export const rateBody = z.object({ rating: z.number().int().min(1).max(5) });

export const complaintMessage = z.object({
  id: z.string(),
  kind: z.enum(['customer', 'reply', 'note']),
  author: z.string(),
  body: z.string(),
  createdAt: isoDateTime,
});

export const complaintSummary = z.object({
  id: z.string(),
  orderId: z.string().nullable(),
  orderNumber: z.string().nullable(),
  carrierId: z.string().nullable(),
  sku: z.string().nullable(),
  category: z.enum(complaintCategories),
  department: z.enum(departments),
  team: z.string(),
  status: z.enum(complaintStatuses),
  source: z.enum(['staff', 'public', 'email', 'survey']),
  subject: z.string(),
  customerName: z.string().nullable(),
  customerEmail: z.string().nullable(),
  firstResponseDueAt: isoDateTime,
  resolutionDueAt: isoDateTime,
  firstRespondedAt: isoDateTime.nullable(),
  resolvedAt: isoDateTime.nullable(),
  breachedAt: isoDateTime.nullable(),
  isBreached: z.boolean(),
  resolution: z.object({ kind: z.enum(resolutionKinds), cost: z.string(), note: z.string() }).nullable(),
  rating: z.number().int().nullable(),
  createdAt: isoDateTime,
});
export const complaintDetail = complaintSummary.extend({ messages: z.array(complaintMessage) });
export const complaintPage = pageOf(complaintSummary);
export const complaintQuery = listQuery.extend({
  status: z.enum(complaintStatuses).optional(),
  team: z.string().max(64).optional(),
  isBreached: z.enum(['true', 'false']).optional(),
});

export const returnLineBody = z.object({ sku: text(64), quantity: z.number().int().min(1).max(10000) });
export const newReturnBody = z.object({
  orderNumber: text(64),
  kind: z.enum(['return', 'exchange']).default('return'),
  reason: text(500),
  lines: z.array(returnLineBody).min(1).max(200),
});
export const publicReturnBody = newReturnBody.omit({ orderNumber: true }).extend({
  number: text(64),
  contact: text(200),
});
export const receiveReturnBody = z.object({
  warehouse: text(64),
  lines: z
    .array(
      z.object({
        lineNo: z.number().int().min(1),
        outcome: z.enum(inspectionOutcomes),
        note: z.string().trim().max(500).default(''),
      }),
    )
    .min(1),
});
export const refundBody = z.object({
  amount: moneyString.optional().describe('Defaults to the returned lines at their order price'),
  method: z.enum(['original', 'bank_transfer', 'store_credit', 'cash']).default('original'),
});
export const returnSettings = z.object({
  autoApproveWithinDays: z.number().int().min(0).max(365),
  autoApproveBelow: moneyString,
  returnAddress: z.string().max(1000),
  instructions: z.string().max(2000),
});
export type ReturnSettings = z.output<typeof returnSettings>;

export const refund = z.object({
  id: z.string(),
  orderId: z.string(),
  returnId: z.string().nullable(),
  amount: z.string(),
  currency: z.string(),
  method: z.string(),
  status: z.enum(['issued']),
  createdAt: isoDateTime,
});
export const returnLine = z.object({
  lineNo: z.number().int(),
  sku: z.string(),
  quantity: z.number().int(),
  unitPrice: z.string(),
  outcome: z.enum(inspectionOutcomes).nullable(),
  warehouse: z.string().nullable(),
  note: z.string().nullable(),
});
export const returnStatuses = ['requested', 'approved', 'rejected', 'received', 'refunded'] as const;
export const returnRequest = z.object({
  id: z.string(),
  orderId: z.string(),
  orderNumber: z.string(),
  kind: z.enum(['return', 'exchange']),
  status: z.enum(returnStatuses),
  reason: z.string(),
  source: z.enum(['staff', 'public', 'refused_delivery']),
  decision: z.string().nullable(),
  replacementOrderId: z.string().nullable(),
  instructions: z.string(),
  lines: z.array(returnLine),
  refunds: z.array(refund),
  createdAt: isoDateTime,
});
export const returnPage = pageOf(returnRequest.omit({ lines: true, refunds: true, instructions: true }));
export const returnQuery = listQuery.extend({ status: z.enum(returnStatuses).optional() });
export const decideReturnBody = z.object({
  approve: z.boolean(),
  note: z.string().trim().max(500).default(''),
});

export const surveyAnswerBody = z.object({
  csat: z.number().int().min(1).max(5),
  nps: z.number().int().min(0).max(10),
  comment: z.string().trim().max(2000).default(''),
  problems: z.array(z.enum(surveyProblems)).max(surveyProblems.length).default([]),
});
export const surveyView = z.object({
  orderNumber: z.string(),
  isAnswered: z.boolean(),
  language: z.enum(['en', 'zh-CN']),
});
export const surveyGroup = z.object({
  key: z.string(),
  answered: z.number().int(),
  csat: z.number().nullable(),
  nps: z.number().nullable(),
});
export const surveyResults = z.object({
  sent: z.number().int(),
  answered: z.number().int(),
  csat: z.number().nullable(),
  nps: z.number().nullable(),
  byCarrier: z.array(surveyGroup),
  byChannel: z.array(surveyGroup),
  byTeam: z.array(surveyGroup),
  bySku: z.array(surveyGroup),
  byDay: z.array(surveyGroup),
  problems: z.array(z.object({ key: z.string(), count: z.number().int() })),
});
export const surveySettings = z.object({
  delayHours: z
    .number()
    .int()
    .min(0)
    .max(24 * 60),
});

export const customerSearchQuery = z.object({ q: text(200) });
export const customerOrder = z.object({
  id: z.string(),
  number: z.string(),
  channel: z.string(),
  externalId: z.string().nullable(),
  status: z.string(),
  total: z.string(),
  currency: z.string(),
  placedAt: isoDateTime,
});
export const customerView = z.object({
  customer: z.object({
    name: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
  }),
  orders: z.array(customerOrder),
  complaints: z.array(complaintSummary),
  returns: z.array(returnRequest.omit({ lines: true, refunds: true, instructions: true })),
  surveys: z.array(
    z.object({
      orderId: z.string(),
      csat: z.number().nullable(),
      nps: z.number().nullable(),
      comment: z.string().nullable(),
    }),
  ),
});
