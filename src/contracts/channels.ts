import { z } from 'zod';
import { channel, newChannelBody } from './catalog.ts';
import { listQuery, pageOf } from './common.ts';

/** How a channel's orders reach Ordo (CONTRACT.md "Channel connectors"). */
export const connectorKinds = ['shopify', 'woocommerce', 'webhook', 'none'] as const;
export type ConnectorKind = (typeof connectorKinds)[number];

export const deliveryOutcomes = [
  'received',
  'created',
  'duplicate',
  'updated',
  'cancelled',
  'case_opened',
  'ignored',
  'failed',
] as const;

const webhookSecret = z
  .string()
  .min(16, 'at least 16 characters')
  .max(200)
  .describe('Write-only: the shared secret the platform signs webhooks with; never returned');

const shopUrl = z
  .url({ protocol: /^https?$/ })
  .max(300)
  .describe('The shop’s base URL, e.g. https://example.myshopify.com or https://shop.example.com');

/** Connector settings as written: secrets are accepted here and never read back. */
export const connectorSettingsBody = z.object({
  connector: z.enum(connectorKinds),
  webhookSecret: webhookSecret.optional(),
  shopUrl: shopUrl.optional().or(z.literal('')),
  apiToken: z.string().max(300).optional().describe('Shopify Admin API access token (write-only)'),
  apiKey: z.string().max(300).optional().describe('WooCommerce consumer key (write-only)'),
  apiSecret: z.string().max(300).optional().describe('WooCommerce consumer secret (write-only)'),
  pullEveryMinutes: z
    .number()
    .int()
    .min(0)
    .max(1440)
    .optional()
    .describe('Reconciliation pull interval in minutes; 0 turns it off (default 15)'),
});

/** `POST /channels`: the catalog's channel plus how it connects. */
export const newConnectedChannelBody = newChannelBody.extend({
  connector: z.enum(connectorKinds).default('none'),
  webhookSecret: webhookSecret.optional(),
  shopUrl: shopUrl.optional(),
  apiToken: z.string().max(300).optional(),
  apiKey: z.string().max(300).optional(),
  apiSecret: z.string().max(300).optional(),
});

export const connectorSettings = z
  .object({
    channelId: z.string(),
    connector: z.enum(connectorKinds),
    hasWebhookSecret: z.boolean(),
    webhookPath: z.string().describe('Where the platform posts its webhooks, under the API'),
    shopUrl: z.string().nullable(),
    hasApiCredentials: z.boolean(),
    pullEveryMinutes: z.number(),
    pullCursor: z.string().nullable(),
    lastPullAt: z.string().nullable(),
    lastPullError: z.string().nullable(),
    generatedWebhookSecret: z
      .string()
      .optional()
      .describe('Only in the reply that generated it (no secret was given): shown once, never again'),
  })
  .meta({ id: 'ChannelConnector' });

export const connectedChannel = channel
  .extend({ connector: connectorSettings })
  .meta({ id: 'ConnectedChannel' });

export const connectorList = z.object({ items: z.array(connectorSettings) });

export const channelParams = z.object({ channelId: z.string().min(1).max(64) });
export const deliveryParams = channelParams.extend({ deliveryId: z.string().min(1).max(64) });

export const webhookResult = z.object({
  status: z.enum(['accepted', 'duplicate', 'ping']),
  deliveryId: z.string().nullable(),
  outcome: z.enum(deliveryOutcomes).nullable(),
  orderId: z.string().nullable(),
});

export const delivery = z
  .object({
    id: z.string(),
    channelId: z.string(),
    source: z.enum(['webhook', 'pull']),
    topic: z.string(),
    deliveryKey: z.string().nullable(),
    externalId: z.string().nullable(),
    outcome: z.enum(deliveryOutcomes),
    error: z.string().nullable(),
    orderId: z.string().nullable(),
    attempts: z.number(),
    receivedAt: z.string(),
    processedAt: z.string().nullable(),
  })
  .meta({ id: 'ChannelDelivery' });

export const deliveryDetail = delivery.extend({ payload: z.string() });

export const deliveryQuery = listQuery.extend({
  outcome: z.enum(deliveryOutcomes).optional(),
});
export const deliveryPage = pageOf(delivery);

export const replayFailedBody = z.object({
  after: z
    .string()
    .max(64)
    .optional()
    .describe('Continue after this delivery id (the previous answer’s nextAfter)'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const replayFailedResult = z.object({
  channelId: z.string(),
  replayed: z.number().describe('Failed deliveries applied again in this call'),
  recovered: z.number().describe('Of those, how many are no longer failed'),
  stillFailed: z.number(),
  nextAfter: z.string().nullable().describe('Call again with after=nextAfter; null when all were tried'),
  remaining: z.number().describe('Failed deliveries after nextAfter (not yet tried)'),
});

export const pullResult = z.object({
  channelId: z.string(),
  listed: z.number(),
  created: z.number(),
  cursor: z.string().nullable(),
  error: z.string().nullable(),
});

export const channelHealth = z
  .object({
    channelId: z.string(),
    connector: z.enum(connectorKinds),
    status: z.enum(['ok', 'warning', 'failing', 'idle']),
    lastOrderAt: z.string().nullable(),
    ordersLastHour: z.number(),
    signatureFailures: z.number(),
    lastSignatureFailureAt: z.string().nullable(),
    mappingFailures: z.number().describe('Deliveries kept unmapped, waiting for a replay'),
    lastPullAt: z.string().nullable(),
    pullLagSeconds: z
      .number()
      .nullable()
      .describe('Seconds since the pull cursor: how far behind the pull is'),
    lastPullError: z.string().nullable(),
    syncPending: z.number().describe('Stock and tracking pushes waiting (sync back)'),
    syncFailures: z.number().describe('Pushes given up, shown until retried; any turns the light amber'),
  })
  .meta({ id: 'ChannelHealth' });

export const channelHealthList = z.object({ items: z.array(channelHealth) });

/**
 * A topic's webhook on the shop for Ordo's address: `created` now, already `existing`, present
 * but not delivering (`inactive`, WooCommerce paused/disabled), `missing` (listing only) or
 * `failed` with the platform's answer in `error`.
 */
export const webhookTopicStates = ['created', 'existing', 'inactive', 'missing', 'failed'] as const;

export const webhookRegistration = z
  .object({
    channelId: z.string(),
    address: z.string().describe('Ordo’s webhook URL for the channel (ORDO_PUBLIC_URL + webhookPath)'),
    topics: z.array(
      z.object({
        topic: z.string().describe('The platform’s topic, e.g. orders/create or order.created'),
        state: z.enum(webhookTopicStates),
        error: z.string().optional(),
      }),
    ),
  })
  .meta({ id: 'WebhookRegistration' });
