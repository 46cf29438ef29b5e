import type { Clock } from '../../../platform/clock.ts';
import type { Database } from '../../../platform/db/database.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import type { Logger } from '../../../platform/logger.ts';
import type { Metrics } from '../../../platform/metrics.ts';
import type { Inventory } from '../../inventory/index.ts';
import { shipmentsForOrders } from '../../logistics/index.ts';
import { type ConnectorRow, channelsRepository } from '../channels.repository.ts';
import { arrayOf, idText, objectOf, parseExactJson } from '../exact-json.ts';
import type { ShopApi } from '../platform-api.ts';
import { type PushResult, pushStock, pushTracking, type TrackingPush } from './platform-push.ts';
import { syncRepository as repo, type SyncQueueRow, type SyncSettingsRow } from './sync.repository.ts';

/** A push is given up (state failed, shown on the page) after this many attempts. */
export const maxAttempts = 8;
const maxBackoffMs = 15 * 60 * 1000;
const batchSize = 200;
const syncedConnectors = new Set(['shopify', 'woocommerce']);

/** Backoff after a failed attempt: the platform's Retry-After, else 5 s doubling, at most 15 min. */
export function nextDelayMs(attempt: number, retryAfterMs: number | null): number {
  if (retryAfterMs !== null) return Math.min(retryAfterMs, maxBackoffMs);
  return Math.min(5000 * 2 ** Math.max(0, attempt - 1), maxBackoffMs);
}

export const defaultSettings = {
  stock_enabled: 1,
  tracking_enabled: 1,
  location_id: null,
  max_per_second: 2,
  alert_silent_minutes: null,
  alert_failure_percent: null,
};

function apiOf(row: ConnectorRow): ShopApi | null {
  if (!row.shop_url || !syncedConnectors.has(row.connector)) return null;
  const hasCredentials =
    row.connector === 'shopify' ? Boolean(row.api_token) : Boolean(row.api_key && row.api_secret);
  if (!hasCredentials) return null;
  return { shopUrl: row.shop_url, apiToken: row.api_token, apiKey: row.api_key, apiSecret: row.api_secret };
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sync back (stock and tracking to the platforms). Events only queue a push: one row per SKU
 * or shipment and channel, so a burst of stock changes becomes one push of the value at push
 * time. `flush` pushes what is due, channel by channel at the channel's rate, and retries with
 * backoff (the platform's Retry-After first) on throttling and server errors.
 */
export function createSyncBack(deps: {
  database: Database;
  clock: Clock;
  inventory: Pick<Inventory, 'channelStock'>;
  logger?: Logger;
  metrics?: Metrics;
  /** Decrypts a stored connector row's credentials (secrets are kept encrypted). */
  readConnector?: (row: ConnectorRow) => ConnectorRow;
}) {
  const { database, clock, inventory } = deps;
  const reveal = deps.readConnector ?? ((row: ConnectorRow) => row);

  async function settingsOf(channelId: string): Promise<SyncSettingsRow> {
    const row = await repo.settings(database.db, channelId);
    return row ?? { channel_id: channelId, updated_at: clock.now().toISOString(), ...defaultSettings };
  }

  async function enqueue(channelId: string, kind: string, target: string, payload: string | null) {
    const now = clock.now().toISOString();
    const found = await repo.queued(database.db, channelId, kind, target);
    if (!found) {
      await repo.insertQueued(database.db, {
        id: uuidv7(clock.now().getTime()),
        channel_id: channelId,
        kind,
        target,
        payload,
        state: 'pending',
        due_at: now,
        created_at: now,
        updated_at: now,
      });
      return;
    }
    // Tracking is told once per shipment: a redelivered event changes nothing.
    if (kind === 'tracking' && found.state === 'done') return;
    const isWaiting = found.state === 'pending' && found.due_at > now;
    await repo.requeue(database.db, found.id, {
      payload,
      due_at: isWaiting ? found.due_at : now,
      updated_at: now,
      resetAttempts: found.state !== 'pending',
    });
  }

  async function syncedChannels(kind: 'stock' | 'tracking') {
    const [connectors, settings] = await Promise.all([
      channelsRepository.listConnectors(database.db),
      repo.allSettings(database.db),
    ]);
    const byId = new Map(settings.map((s) => [s.channel_id, s]));
    return connectors.filter((c) => {
      if (!syncedConnectors.has(c.connector) || !c.shop_url) return false;
      const s = byId.get(c.channel_id) ?? defaultSettings;
      return kind === 'stock' ? s.stock_enabled === 1 : s.tracking_enabled === 1;
    });
  }

  /** `stock.changed`: queue the SKU's stock push for every channel that syncs stock. */
  async function onStockChanged(payload: { skuId: string }) {
    const sku = await repo.skuCode(database.db, payload.skuId);
    if (!sku) return;
    for (const channel of await syncedChannels('stock')) {
      const link = await repo.skuLink(database.db, channel.channel_id, sku.code);
      if (link?.excluded) continue;
      await enqueue(channel.channel_id, 'stock', sku.code, null);
    }
  }

  /** `shipment.created`: queue the tracking push to the channel the order came from. */
  async function onShipmentCreated(payload: { shipmentId: string; orderId: string; trackingNumber: string }) {
    const order = await repo.order(database.db, payload.orderId);
    if (!order) return;
    const channel = (await syncedChannels('tracking')).find((c) => c.channel_id === order.channel_id);
    if (!channel) return;
    const shipments = await shipmentsForOrders(database.db, [payload.orderId]);
    const shipment = shipments.get(payload.orderId)?.find((s) => s.id === payload.shipmentId);
    const push: TrackingPush = {
      orderExternalId: order.external_id,
      trackingNumber: payload.trackingNumber,
      carrier: shipment?.carrier ?? null,
    };
    await enqueue(channel.channel_id, 'tracking', payload.shipmentId, JSON.stringify(push));
  }

  /** What a channel may sell of a SKU now, by its channel stock rule. */
  async function availableToSell(channelId: string, sku: string): Promise<number | null> {
    const page = await inventory.channelStock.list({ channel: channelId, q: sku, limit: 500 });
    return page.items.find((i) => i.sku === sku)?.availableToSell ?? null;
  }

  /** The platform's id of a SKU: linked by the operator, or (WooCommerce) found by SKU once. */
  async function externalRef(row: ConnectorRow, api: ShopApi, sku: string): Promise<string | null> {
    const link = await repo.skuLink(database.db, row.channel_id, sku);
    if (link?.external_ref) return link.external_ref;
    if (row.connector !== 'woocommerce') return null;
    const auth = Buffer.from(`${api.apiKey ?? ''}:${api.apiSecret ?? ''}`).toString('base64');
    const response = await fetch(`${api.shopUrl}/wp-json/wc/v3/products?sku=${encodeURIComponent(sku)}`, {
      headers: { Authorization: `Basic ${auth}`, Accept: 'application/json' },
      signal: AbortSignal.timeout(20_000),
    });
    if (!response.ok) return null;
    const found = arrayOf(parseExactJson(await response.text()))[0];
    if (!found) return null;
    const ref = idText(objectOf(found).id);
    await repo.saveSkuLink(database.db, {
      channel_id: row.channel_id,
      sku,
      external_ref: ref,
      excluded: link?.excluded ?? 0,
      updated_at: clock.now().toISOString(),
    });
    return ref;
  }

  type Outcome = { result: PushResult | null; skipped?: string };

  async function pushOne(row: ConnectorRow, settings: SyncSettingsRow, item: SyncQueueRow): Promise<Outcome> {
    const api = apiOf(row);
    if (!api) return { result: null, skipped: 'the channel has no shop URL and API credentials' };
    if (item.kind === 'tracking') {
      return { result: await pushTracking(row.connector, api, JSON.parse(item.payload ?? '{}')) };
    }
    const link = await repo.skuLink(database.db, row.channel_id, item.target);
    if (link?.excluded) return { result: null, skipped: 'SKU excluded from sync' };
    const available = await availableToSell(row.channel_id, item.target);
    if (available === null) return { result: null, skipped: 'SKU not active' };
    if (row.connector === 'shopify' && !settings.location_id)
      return { result: null, skipped: 'no Shopify location set for the channel' };
    const ref = await externalRef(row, api, item.target);
    if (!ref) return { result: null, skipped: 'the SKU has no product on the platform (link it)' };
    return {
      result: await pushStock(row.connector, api, {
        externalRef: ref,
        locationId: settings.location_id,
        available,
      }),
    };
  }

  async function settleOne(row: ConnectorRow, settings: SyncSettingsRow, item: SyncQueueRow) {
    const { result, skipped } = await pushOne(row, settings, item).catch(
      (error): Outcome => ({ result: null, skipped: error instanceof Error ? error.message : String(error) }),
    );
    const now = clock.now();
    const attempt = item.attempts + 1;
    let state = 'done';
    let outcome = 'ok';
    let dueAt = now.toISOString();
    let error: string | null = null;
    if (!result) {
      state = 'failed';
      outcome = 'skipped';
      error = skipped ?? null;
    } else if (!result.ok) {
      error = result.error;
      if (result.retryable && attempt < maxAttempts) {
        state = 'pending';
        outcome = 'retry';
        dueAt = new Date(now.getTime() + nextDelayMs(attempt, result.retryAfterMs)).toISOString();
      } else {
        state = 'failed';
        outcome = 'failed';
      }
    }
    await inTransaction(database, async (tx) => {
      await repo.settle(tx, item, {
        state,
        attempts: state === 'done' ? 0 : attempt,
        due_at: dueAt,
        last_error: error,
        updated_at: now.toISOString(),
      });
      await repo.insertLog(tx, {
        id: uuidv7(now.getTime()),
        channel_id: item.channel_id,
        kind: item.kind,
        target: item.target,
        request: JSON.stringify(result?.calls ?? []),
        outcome,
        http_status: result?.status ?? null,
        attempt,
        error,
        at: now.toISOString(),
      });
    });
    deps.metrics?.channelSyncPushes.inc({ channel: item.channel_id, kind: item.kind, outcome });
    if (outcome !== 'ok')
      deps.logger?.warn(
        { channel: item.channel_id, kind: item.kind, target: item.target, error },
        'sync back push not done',
      );
    return outcome;
  }

  let running: Promise<Record<string, number>> | null = null;

  /** Pushes everything due, each channel at its own rate. One flush at a time per process. */
  function flush(): Promise<Record<string, number>> {
    running ??= (async () => {
      const counts: Record<string, number> = {};
      try {
        const due = await repo.due(database.db, clock.now().toISOString(), batchSize);
        const byChannel = new Map<string, SyncQueueRow[]>();
        for (const item of due)
          byChannel.set(item.channel_id, [...(byChannel.get(item.channel_id) ?? []), item]);
        await Promise.all(
          [...byChannel].map(async ([channelId, items]) => {
            const row = await channelsRepository.findConnector(database.db, channelId);
            const settings = await settingsOf(channelId);
            const gapMs = 1000 / Math.max(1, settings.max_per_second);
            let lastAt = 0;
            for (const item of items) {
              if (!row) break;
              const sinceLast = Date.now() - lastAt;
              if (lastAt > 0 && sinceLast < gapMs) await wait(gapMs - sinceLast);
              lastAt = Date.now();
              const outcome = await settleOne(reveal(row), settings, item);
              counts[outcome] = (counts[outcome] ?? 0) + 1;
            }
          }),
        );
      } finally {
        running = null;
      }
      return counts;
    })();
    return running;
  }

  /** The console's "retry now": failed and waiting pushes of a channel go again at once. */
  async function retryNow(channelId: string) {
    if (!(await channelsRepository.findConnector(database.db, channelId)))
      throw notFound('channel connector', channelId);
    const updated = await repo.retryChannel(database.db, channelId, clock.now().toISOString());
    if (running) await running;
    const pushed = await flush();
    return { requeued: Number(updated.numUpdatedRows), pushed };
  }

  /** Queues every active SKU's stock for a channel (first sync, after linking SKUs). */
  async function queueAllStock(channelId: string) {
    const row = await channelsRepository.findConnector(database.db, channelId);
    if (!row || !syncedConnectors.has(row.connector))
      throw new AppError('VALIDATION_FAILED', 'channelId: the channel is not a Shopify or WooCommerce shop', {
        field: 'channelId',
      });
    let cursor: string | undefined;
    let queued = 0;
    do {
      const page = await inventory.channelStock.list({ channel: channelId, limit: 500, cursor });
      for (const item of page.items) {
        const link = await repo.skuLink(database.db, channelId, item.sku);
        if (link?.excluded) continue;
        await enqueue(channelId, 'stock', item.sku, null);
        queued += 1;
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return { queued };
  }

  return { onStockChanged, onShipmentCreated, flush, retryNow, queueAllStock, settingsOf };
}

export type SyncBack = ReturnType<typeof createSyncBack>;
