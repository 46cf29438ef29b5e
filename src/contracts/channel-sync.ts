import { z } from 'zod';
import { listQuery, pageOf } from './common.ts';

/** Sync back settings of a channel, and its interface alert thresholds. */
export const syncSettingsBody = z.object({
  stockEnabled: z.boolean().optional().describe('Push available-to-sell stock to the platform'),
  trackingEnabled: z.boolean().optional().describe('Push tracking numbers when orders ship'),
  locationId: z
    .string()
    .trim()
    .regex(/^\d{1,20}$/, 'a Shopify location id (digits)')
    .nullable()
    .optional()
    .describe('Shopify location whose stock is set'),
  maxPerSecond: z.number().int().min(1).max(40).optional().describe('Rate limit of pushes (default 2)'),
  alertSilentMinutes: z
    .number()
    .int()
    .min(5)
    .max(7 * 24 * 60)
    .nullable()
    .optional()
    .describe('Alert when no order arrived for this many working minutes'),
  alertFailurePercent: z
    .number()
    .int()
    .min(1)
    .max(100)
    .nullable()
    .optional()
    .describe('Alert when more than this share of the last hour’s deliveries and pushes failed'),
});

export const syncSettings = z
  .object({
    channelId: z.string(),
    stockEnabled: z.boolean(),
    trackingEnabled: z.boolean(),
    locationId: z.string().nullable(),
    maxPerSecond: z.number(),
    alertSilentMinutes: z.number().nullable(),
    alertFailurePercent: z.number().nullable(),
    pending: z.number().describe('Pushes waiting (including retries with backoff)'),
    failed: z.number().describe('Pushes given up: shown until retried'),
    lastPushAt: z.string().nullable(),
  })
  .meta({ id: 'ChannelSyncSettings' });

export const syncOutcomes = ['ok', 'retry', 'failed', 'skipped'] as const;

export const syncLogEntry = z
  .object({
    id: z.string(),
    kind: z.enum(['stock', 'tracking']),
    target: z.string().describe('SKU code (stock) or shipment id (tracking)'),
    requests: z.array(z.object({ method: z.string(), path: z.string(), body: z.unknown() })),
    outcome: z.enum(syncOutcomes),
    httpStatus: z.number().nullable(),
    attempt: z.number(),
    error: z.string().nullable(),
    at: z.string(),
  })
  .meta({ id: 'ChannelSyncLogEntry' });

export const syncLogQuery = listQuery.extend({ outcome: z.enum(syncOutcomes).optional() });
export const syncLogPage = pageOf(syncLogEntry);

export const syncSkuParams = z.object({
  channelId: z.string().min(1).max(64),
  sku: z.string().min(1).max(64),
});
export const syncSkuBody = z.object({
  externalRef: z
    .string()
    .trim()
    .regex(/^\d{1,20}$/, 'the platform’s numeric id')
    .nullable()
    .optional()
    .describe('Shopify inventory_item_id or WooCommerce product id'),
  excluded: z.boolean().optional().describe('Never push this SKU’s stock to the channel'),
});
export const syncSku = z
  .object({ sku: z.string(), externalRef: z.string().nullable(), excluded: z.boolean() })
  .meta({ id: 'ChannelSyncSku' });
export const syncSkuPage = pageOf(syncSku);

export const syncRetryResult = z.object({
  requeued: z.number(),
  pushed: z.record(z.string(), z.number()).describe('Pushes made now, by outcome'),
});
export const syncQueueResult = z.object({ queued: z.number() });

export const testDeliveryResult = z.object({
  statusCode: z.number(),
  outcome: z.string().nullable(),
  orderId: z.string().nullable(),
  body: z.string(),
});

export const channelAlert = z
  .object({
    channelId: z.string(),
    kind: z.enum(['silent', 'failure_rate']),
    message: z.string(),
  })
  .meta({ id: 'ChannelAlert' });
export const channelAlertList = z.object({ items: z.array(channelAlert) });
