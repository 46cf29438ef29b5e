import { z } from 'zod';
import { listQuery, pageOf } from './common.ts';

/** What the customer is told about; `message` is a free text another module sends. */
export const notificationEvents = [
  'received',
  'approved',
  'held',
  'shipped',
  'out_for_delivery',
  'delivered',
  'exception',
  'refund_issued',
  'complaint_opened',
  'complaint_answered',
  'complaint_resolved',
  'message',
] as const;
export type NotificationEvent = (typeof notificationEvents)[number];

export const notificationChannels = ['email', 'sms', 'webhook'] as const;
export type NotificationChannel = (typeof notificationChannels)[number];

/**
 * Mails a complaint's conversation sends itself, with the reply token in the subject (inbound
 * replies are matched by it): always sent to a complaint with an e-mail address, never switched,
 * and never also sent by the notification pipeline (one mail per reply).
 */
export const complaintMailEvents = ['complaint_opened', 'complaint_answered', 'complaint_resolved'] as const;
export type ComplaintMailEvent = (typeof complaintMailEvents)[number];

/** The channels an event has templates for: the opening and resolution mails are mail only. */
export function channelsOf(event: NotificationEvent): readonly NotificationChannel[] {
  return event === 'complaint_opened' || event === 'complaint_resolved' ? ['email'] : notificationChannels;
}

export const notificationLanguages = ['en', 'zh-CN'] as const;
export type NotificationLanguage = (typeof notificationLanguages)[number];

export const messageStatuses = ['pending', 'deferred', 'sent', 'failed', 'bounced'] as const;
export type MessageStatus = (typeof messageStatuses)[number];

const eventName = z.enum(notificationEvents);
const channelName = z.enum(notificationChannels);
const language = z.enum(notificationLanguages);
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time such as "21:30"');
const httpUrl = z
  .string()
  .trim()
  .max(2000)
  .regex(/^https?:\/\/\S+$/, 'an http:// or https:// address');

/** The mailbox customers answer complaint mails to, e.g. service@shop.example (plus-addressed per complaint). */
const replyMailbox = z.email('must be an e-mail address such as service@shop.example').max(200);

export const channelSwitches = z.object({ email: z.boolean(), sms: z.boolean(), webhook: z.boolean() });
const partialSwitches = channelSwitches.partial();

export const quietHours = z.object({
  isEnabled: z.boolean(),
  start: clockTime,
  end: clockTime,
  /** IANA zone the hours are in; the shop's. */
  timeZone: z.string().min(1).max(64),
  /** Channels held back until the quiet hours end; the others go out at once. */
  deferredChannels: z.array(channelName).max(3),
});

/**
 * Stored settings (secrets included); the API shows whether a secret is set, never the secret.
 * Events may be missing: a document saved before an event existed still reads (defaults fill it).
 */
export const notificationSettingsDocument = z.object({
  events: z.partialRecord(eventName, channelSwitches),
  /** Per shop (sales channel id): switches that differ from the defaults above. */
  shops: z.record(z.string().min(1).max(64), z.partialRecord(eventName, partialSwitches)),
  quietHours,
  sms: z.object({ url: httpUrl.nullable(), token: z.string().max(500).nullable() }),
  webhook: z.object({ url: httpUrl.nullable(), secret: z.string().max(500).nullable() }),
  /** Days after delivery in which a return may be asked for; then the order is completed. */
  returnWindowDays: z.number().int().min(0).max(365),
  /**
   * Complaint mails carry `Reply-To: <local>+TOKEN@<domain>` of this mailbox; none without it.
   * Missing from documents saved before it existed: null then.
   */
  replyAddress: replyMailbox.nullable().default(null),
});
export type NotificationSettingsDocument = z.output<typeof notificationSettingsDocument>;

export const notificationSettings = notificationSettingsDocument
  .omit({ sms: true, webhook: true })
  .extend({
    events: z.record(eventName, channelSwitches),
    sms: z.object({ url: httpUrl.nullable(), hasToken: z.boolean() }),
    webhook: z.object({ url: httpUrl.nullable(), hasSecret: z.boolean() }),
    replyAddress: replyMailbox.nullable(),
    isEmailConfigured: z.boolean(),
  })
  .meta({ id: 'NotificationSettings' });

/**
 * Saving: a token or secret left out keeps the stored one; null removes it. So does the reply
 * address, so a client written before it existed does not clear it.
 */
export const notificationSettingsBody = notificationSettingsDocument
  .omit({ sms: true, webhook: true })
  .extend({
    sms: z.object({ url: httpUrl.nullable(), token: z.string().min(1).max(500).nullable().optional() }),
    webhook: z.object({ url: httpUrl.nullable(), secret: z.string().min(16).max(500).nullable().optional() }),
    replyAddress: replyMailbox.nullable().optional(),
  });

export const templateKey = z.object({ event: eventName, language, channel: channelName });

export const notificationTemplate = templateKey
  .extend({
    subject: z.string(),
    body: z.string(),
    /** False while the built-in text is in use. */
    isCustom: z.boolean(),
    /** Placeholders this event fills, written `{{name}}` in the text. */
    placeholders: z.array(z.string()),
  })
  .meta({ id: 'NotificationTemplate' });

export const templateList = z.object({ items: z.array(notificationTemplate) });

export const templateBody = z.object({
  subject: z.string().trim().max(300),
  body: z.string().trim().min(1).max(5000),
});

export const previewBody = templateKey.extend({
  subject: z.string().max(300),
  body: z.string().max(5000),
  /** An order to fill the placeholders from; a made-up sample order without one. */
  orderNumber: z.string().trim().min(1).max(100).optional(),
});

export const renderedMessage = z.object({ subject: z.string(), body: z.string() });

export const notificationMessage = z
  .object({
    id: z.string(),
    orderId: z.string(),
    event: z.string(),
    channel: channelName,
    language,
    recipient: z.string(),
    subject: z.string(),
    body: z.string(),
    status: z.enum(messageStatuses),
    attempts: z.number().int(),
    nextAttemptAt: z.string().nullable(),
    lastError: z.string().nullable(),
    createdAt: z.string(),
    sentAt: z.string().nullable(),
  })
  .meta({ id: 'NotificationMessage' });

export const messageQuery = listQuery.extend({
  status: z.enum(messageStatuses).optional(),
  event: eventName.optional(),
  orderId: z.string().min(1).max(100).optional(),
});

export const messagePage = pageOf(notificationMessage);

// ── Customer order lookup (CONTRACT.md) ──────────────────────────────────────
export const lookupQuery = z.object({
  number: z.string().trim().min(1).max(100),
  contact: z.string().trim().min(1).max(200),
});

export const orderLookup = z
  .object({
    number: z.string(),
    status: z.string(),
    events: z.array(z.object({ status: z.string(), at: z.string() })),
    shipments: z.array(z.object({ carrier: z.string(), trackingNumber: z.string(), status: z.string() })),
  })
  .meta({ id: 'OrderLookup' });
