import type { z } from 'zod';
import type {
  delivery,
  deliveryOutcomes,
  deliveryQuery,
  replayFailedResult,
  webhookResult,
} from '../../contracts/channels.ts';
import type { Actor } from '../../platform/actor.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import { isUniqueViolation } from '../../platform/db/dialect.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import type { Metrics } from '../../platform/metrics.ts';
import { pageNewestFirst } from '../../platform/pagination.ts';
import type { SecretBox } from '../../platform/secret-box.ts';
import { type ConnectorRow, channelsRepository as repo } from './channels.repository.ts';
import { parseExactJson } from './exact-json.ts';
import { mapCanonicalOrder } from './generic-order.ts';
import { type MappedOrder, UnmappablePayload } from './mapped-order.ts';
import type { OrderSync, SyncResult } from './order-sync.ts';
import { mapShopifyOrder } from './shopify-order.ts';
import { isValidBodySignature } from './signatures.ts';
import { mapWooCommerceOrder } from './woocommerce-order.ts';

type Outcome = (typeof deliveryOutcomes)[number];
type Delivery = z.output<typeof delivery>;
type WebhookResult = z.output<typeof webhookResult>;

/** Each platform's own headers for the signature, the topic and the delivery id. */
export const headersOf = {
  shopify: { signature: 'x-shopify-hmac-sha256', topic: 'x-shopify-topic', id: 'x-shopify-webhook-id' },
  woocommerce: {
    signature: 'x-wc-webhook-signature',
    topic: 'x-wc-webhook-topic',
    id: 'x-wc-webhook-delivery-id',
  },
  webhook: { signature: 'x-ordo-signature', topic: 'x-ordo-topic', id: 'x-ordo-delivery-id' },
} as const;
type WebhookConnector = keyof typeof headersOf;

const isWebhookConnector = (c: string): c is WebhookConnector => c in headersOf;

/** What a topic asks for: the order's current state, its cancellation, or nothing Ordo acts on. */
type Intent = 'order' | 'cancel' | 'ignore';
const intents: Record<WebhookConnector, Record<string, Intent>> = {
  shopify: {
    'orders/create': 'order',
    'orders/updated': 'order',
    'orders/paid': 'order',
    'orders/cancelled': 'cancel',
    reconcile: 'order',
  },
  woocommerce: {
    'order.created': 'order',
    'order.updated': 'order',
    'order.restored': 'order',
    'order.deleted': 'cancel',
    reconcile: 'order',
  },
  webhook: { 'order.created': 'order', 'order.updated': 'order', 'order.cancelled': 'cancel' },
};
const creationTopics = new Set(['orders/create', 'order.created']);
const defaultTopic: Record<WebhookConnector, string> = {
  shopify: 'orders/create',
  woocommerce: 'order.created',
  webhook: 'order.created',
};

const mappers: Record<WebhookConnector, (channel: string, payload: unknown) => MappedOrder> = {
  shopify: mapShopifyOrder,
  woocommerce: mapWooCommerceOrder,
  webhook: mapCanonicalOrder,
};

export interface WebhookRequest {
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

const header = (headers: WebhookRequest['headers'], name: string) => {
  const value = headers[name];
  return (Array.isArray(value) ? value[0] : value)?.trim() || undefined;
};

function toDelivery(row: Omit<Awaited<ReturnType<typeof repo.findDelivery>> & object, 'payload'>): Delivery {
  return {
    id: row.id,
    channelId: row.channel_id,
    source: row.source as Delivery['source'],
    topic: row.topic,
    deliveryKey: row.delivery_key,
    externalId: row.external_id,
    outcome: row.outcome as Outcome,
    error: row.error,
    orderId: row.order_id,
    attempts: row.attempts,
    receivedAt: row.received_at,
    processedAt: row.processed_at,
  };
}

/**
 * Channel deliveries: every signed webhook (and every order the reconciliation pull takes) is
 * kept with its exact body and what became of it. A body that cannot be mapped is still
 * answered 2xx (the platform would only retry the same body) and waits, visible, for a replay.
 */
export function createDeliveries(deps: {
  database: Database;
  clock: Clock;
  sync: OrderSync;
  secrets: SecretBox;
  metrics?: Metrics;
}) {
  const { database, clock, sync, metrics } = deps;

  const actorFor = (channelId: string): Actor => ({ type: 'system', id: null, name: `channel ${channelId}` });

  async function apply(
    connector: WebhookConnector,
    channelId: string,
    topic: string,
    payload: string,
  ): Promise<{ outcome: Outcome; externalId: string | null; orderId: string | null }> {
    const intent = intents[connector][topic] ?? 'ignore';
    if (intent === 'ignore') return { outcome: 'ignored', externalId: null, orderId: null };
    let parsed: unknown;
    try {
      parsed = parseExactJson(payload);
    } catch {
      throw new UnmappablePayload('the body is not JSON');
    }
    const actor = actorFor(channelId);
    if (intent === 'cancel' && connector === 'woocommerce') {
      // order.deleted carries only the id.
      const externalId = mapIdOnly(parsed);
      const done = await sync.cancelByExternalId(
        actor,
        channelId,
        externalId,
        'Deleted on the sales channel',
      );
      return { outcome: done?.outcome ?? 'ignored', externalId, orderId: done?.orderId ?? null };
    }
    const mapped = mappers[connector](channelId, parsed);
    if (intent === 'cancel') mapped.isCancelled = true;
    // A creation is never a cancellation: only the cancel topics, updates and pulls say so.
    if (creationTopics.has(topic)) mapped.isCancelled = false;
    const done: SyncResult = await sync.applyOrder(actor, channelId, mapped);
    return { outcome: done.outcome, externalId: mapped.externalId, orderId: done.orderId };
  }

  /** Applies a stored delivery and records its outcome; an unmappable one is kept as failed. */
  async function settleDelivery(
    connector: WebhookConnector,
    row: { id: string; channel_id: string; topic: string; payload: string },
  ) {
    let result: { outcome: Outcome; externalId: string | null; orderId: string | null; error: string | null };
    try {
      result = { ...(await apply(connector, row.channel_id, row.topic, row.payload)), error: null };
    } catch (error) {
      if (!(error instanceof UnmappablePayload)) throw error;
      result = { outcome: 'failed', externalId: null, orderId: null, error: error.message };
    }
    await repo.finishDelivery(database.db, row.id, {
      outcome: result.outcome,
      error: result.error,
      order_id: result.orderId,
      external_id: result.externalId,
      processed_at: clock.now().toISOString(),
    });
    metrics?.channelDeliveries.inc({ channel: row.channel_id, outcome: result.outcome });
    return result;
  }

  async function connectorOf(channelId: string): Promise<ConnectorRow & { connector: WebhookConnector }> {
    const row = await repo.findConnector(database.db, channelId);
    if (!row || !isWebhookConnector(row.connector)) throw notFound('channel webhook', channelId);
    return row as ConnectorRow & { connector: WebhookConnector };
  }

  async function rejectSignature(channelId: string): Promise<never> {
    await repo.countSignatureFailure(database.db, channelId, clock.now().toISOString());
    metrics?.channelSignatureFailures.inc({ channel: channelId });
    throw new AppError('INVALID_SIGNATURE', 'the webhook signature does not match the channel secret');
  }

  async function receiveWebhook(channelId: string, request: WebhookRequest): Promise<WebhookResult> {
    const connector = await connectorOf(channelId);
    const names = headersOf[connector.connector];
    const body = request.body;
    // WooCommerce checks a new webhook's URL with an unsigned form post before it signs anything.
    if (connector.connector === 'woocommerce' && /^webhook_id=\d+$/.test(body.toString('latin1').trim()))
      return { status: 'ping', deliveryId: null, outcome: null, orderId: null };
    if (
      !isValidBodySignature(
        deps.secrets.open(connector.webhook_secret),
        body,
        header(request.headers, names.signature),
      )
    )
      return rejectSignature(channelId);
    const key = header(request.headers, names.id) ?? null;
    if (key) {
      const seen = await repo.findDeliveryByKey(database.db, channelId, key);
      if (seen) return duplicateOf(seen);
    }
    const now = clock.now();
    const row = {
      id: uuidv7(now.getTime()),
      channel_id: channelId,
      source: 'webhook',
      topic: header(request.headers, names.topic) ?? defaultTopic[connector.connector],
      delivery_key: key,
      external_id: null,
      payload: body.toString('utf8'),
      outcome: 'received',
      received_at: now.toISOString(),
    };
    try {
      await repo.insertDelivery(database.db, row);
    } catch (error) {
      // The platform retried while the first attempt was still being stored.
      if (key && isUniqueViolation(error)) {
        const seen = await repo.findDeliveryByKey(database.db, channelId, key);
        if (seen) return duplicateOf(seen);
      }
      throw error;
    }
    const result = await settleDelivery(connector.connector, row);
    return { status: 'accepted', deliveryId: row.id, outcome: result.outcome, orderId: result.orderId };
  }

  function duplicateOf(seen: { id: string; outcome: string; order_id: string | null }): WebhookResult {
    return {
      status: 'duplicate',
      deliveryId: seen.id,
      outcome: seen.outcome as Outcome,
      orderId: seen.order_id,
    };
  }

  /** Runs a kept delivery again, with today's catalog, channels and mapping. */
  async function replay(channelId: string, deliveryId: string) {
    const connector = await connectorOf(channelId);
    const row = await repo.findDelivery(database.db, channelId, deliveryId);
    if (!row) throw notFound('delivery', deliveryId);
    await repo.countAttempt(database.db, row.id);
    await settleDelivery(connector.connector, row);
    return getDelivery(channelId, deliveryId);
  }

  /**
   * Replays a channel's failed deliveries oldest first, `limit` at a time, after a fix (a
   * mapping, a SKU, the channel switched on). `nextAfter` continues where this call stopped, so
   * a delivery that still fails is tried once per run, not again and again.
   */
  async function replayFailed(
    channelId: string,
    input: { after?: string; limit: number },
  ): Promise<z.output<typeof replayFailedResult>> {
    const connector = await connectorOf(channelId);
    const rows = await repo.failedDeliveriesAfter(database.db, channelId, input.after ?? null, input.limit);
    let recovered = 0;
    for (const row of rows) {
      await repo.countAttempt(database.db, row.id);
      const result = await settleDelivery(connector.connector, row);
      if (result.outcome !== 'failed') recovered += 1;
    }
    const nextAfter = rows.length === input.limit ? rows.at(-1)!.id : null;
    const remaining = nextAfter ? await repo.countFailedAfter(database.db, channelId, nextAfter) : 0;
    return {
      channelId,
      replayed: rows.length,
      recovered,
      stillFailed: rows.length - recovered,
      nextAfter: remaining > 0 ? nextAfter : null,
      remaining,
    };
  }

  /** Stores an order the reconciliation pull found, as a delivery of its own. */
  async function receivePulled(
    channelId: string,
    connector: WebhookConnector,
    externalId: string,
    payload: string,
  ) {
    const now = clock.now();
    const row = {
      id: uuidv7(now.getTime()),
      channel_id: channelId,
      source: 'pull',
      topic: 'reconcile',
      delivery_key: `pull:${externalId}`,
      external_id: externalId,
      payload,
      outcome: 'received',
      received_at: now.toISOString(),
    };
    try {
      await repo.insertDelivery(database.db, row);
    } catch (error) {
      if (isUniqueViolation(error)) return null;
      throw error;
    }
    return settleDelivery(connector, row);
  }

  async function getDelivery(channelId: string, deliveryId: string) {
    const row = await repo.findDelivery(database.db, channelId, deliveryId);
    if (!row) throw notFound('delivery', deliveryId);
    return { ...toDelivery(row), payload: row.payload };
  }

  function listDeliveries(channelId: string, query: z.output<typeof deliveryQuery>) {
    return pageNewestFirst(
      repo.deliveriesQuery(database.db, channelId, query.outcome),
      'id',
      { cursor: query.cursor, limit: query.limit },
      toDelivery,
      (row) => row.id,
    );
  }

  return { receiveWebhook, replay, replayFailed, receivePulled, getDelivery, listDeliveries };
}

function mapIdOnly(parsed: unknown): string {
  const id = (parsed as { id?: unknown } | null)?.id;
  if (typeof id === 'string' && id.trim()) return id.trim();
  if (typeof id === 'number' && Number.isFinite(id)) return String(id);
  throw new UnmappablePayload('the payload has no order id');
}

export type Deliveries = ReturnType<typeof createDeliveries>;
export type { WebhookConnector };
