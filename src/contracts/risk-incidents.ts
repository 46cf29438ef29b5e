import { z } from 'zod';
import { isoDateTime, pageOf } from './common.ts';
import { explanation } from './explanations.ts';

// Incidents and crisis response, and the customer messages cases and incidents send: the part
// of the risk contract re-exported by risk.ts.

const messageText = z.object({
  subject: z.string().trim().min(1).max(200),
  text: z.string().trim().min(1).max(4000).describe('{number} is replaced by the order number'),
});
/** A customer message with its Chinese text; the order's language picks which one goes out. */
export const customerMessage = messageText.extend({
  translations: z
    .object({ 'zh-CN': messageText })
    .partial()
    .optional()
    .describe('The message in other languages; an order shipped to China gets zh-CN'),
});
export type CustomerMessageText = z.output<typeof customerMessage>;

export const incidentKinds = [
  'quality_recall',
  'security',
  'carrier_outage',
  'platform_outage',
  'warehouse_shutdown',
] as const;
export const severities = ['low', 'medium', 'high', 'critical'] as const;
export const incidentSelection = z
  .object({
    sku: z.string().min(1).max(64).optional(),
    placedFrom: isoDateTime.optional().describe('The batch: orders placed from…'),
    placedTo: isoDateTime.optional().describe('…until (exclusive)'),
    channel: z.string().min(1).max(64).optional(),
    carrier: z.string().min(1).max(64).optional().describe('Orders with a parcel of this carrier'),
    province: z.string().min(1).max(100).optional().describe('The region shipped to'),
  })
  .refine((s) => Object.keys(s).length > 0, {
    message: 'select by at least one of sku, dates, channel, carrier, province',
  });
export const incidentBody = z.object({
  kind: z.enum(incidentKinds),
  severity: z.enum(severities),
  title: z.string().trim().min(1).max(300),
  ownerId: z.string().min(1).max(100).nullable().default(null),
  team: z.array(z.string().min(1).max(100)).max(50).default([]),
  selection: incidentSelection,
});
export const incidentLogEntry = z.object({
  at: z.string(),
  kind: z.string(),
  text: z.string().nullable(),
  explanation: explanation.nullable(),
  actor: z.string(),
});
export const incident = z
  .object({
    id: z.string(),
    kind: z.enum(incidentKinds),
    severity: z.enum(severities),
    title: z.string(),
    ownerId: z.string().nullable(),
    team: z.array(z.string()),
    selection: z.record(z.string(), z.string()),
    status: z.enum(['open', 'closed']),
    declaredAt: z.string(),
    closedAt: z.string().nullable(),
    review: z.string().nullable(),
    log: z.array(incidentLogEntry),
  })
  .meta({ id: 'RiskIncident' });
export const incidentPage = pageOf(incident.omit({ log: true }));
export const preview = z.object({
  count: z.number(),
  openCount: z.number(),
  sampleOrderIds: z.array(z.string()),
  sampleOrders: z
    .array(
      z.object({
        id: z.string(),
        number: z.string(),
        status: z.string(),
        placedAt: z.string(),
        province: z.string().nullable(),
        isOpen: z.boolean().describe('Not yet picking: hold and cancel reach it'),
      }),
    )
    .describe('The first 20 orders of the selection'),
});
export const incidentActionBody = z.discriminatedUnion('action', [
  z.object({ action: z.literal('hold') }),
  z.object({ action: z.literal('cancel'), reason: z.string().trim().min(1).max(500) }),
  customerMessage.extend({ action: z.literal('notify') }),
  z.object({ action: z.literal('reship') }),
]);
export const incidentActionResult = z.object({ action: z.string(), done: z.number(), skipped: z.number() });
export const logBody = z.object({ text: z.string().trim().min(1).max(4000) });
export const closeIncidentBody = z.object({ review: z.string().trim().min(1, 'required').max(20000) });
export const lesson = z.object({
  source: z.string(),
  id: z.string(),
  title: z.string(),
  text: z.string(),
  at: z.string(),
});
