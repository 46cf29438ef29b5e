import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type {
  channelAlert,
  syncLogQuery,
  syncSettingsBody,
  syncSkuBody,
} from '../../../contracts/channel-sync.ts';
import type { Actor } from '../../../platform/actor.ts';
import { recordAudit } from '../../../platform/audit-log.ts';
import { type BusinessCalendar, workingHoursBetween } from '../../../platform/business-calendar.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Database } from '../../../platform/db/database.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { notFound } from '../../../platform/errors.ts';
import { pageByKeys, pageNewestFirst } from '../../../platform/pagination.ts';
import { type ConnectorRow, channelsRepository } from '../channels.repository.ts';
import { webhookPath } from '../connectors.ts';
import { headersOf } from '../deliveries.ts';
import { signBody } from '../signatures.ts';
import { syncRepository as repo, type SyncLogRow } from './sync.repository.ts';
import type { SyncBack } from './sync-back.ts';

type ChannelAlert = z.output<typeof channelAlert>;
/** Failure rates are only judged on at least this many deliveries and pushes in the hour. */
const minSampleForRate = 5;

function toLogEntry(row: SyncLogRow) {
  return {
    id: row.id,
    kind: row.kind as 'stock' | 'tracking',
    target: row.target,
    requests: JSON.parse(row.request) as { method: string; path: string; body: unknown }[],
    outcome: row.outcome as 'ok' | 'retry' | 'failed' | 'skipped',
    httpStatus: row.http_status,
    attempt: row.attempt,
    error: row.error,
    at: row.at,
  };
}

/** A sample order of each platform's shape, for the test delivery (topic ignored by intake). */
function samplePayload(connector: string, channelId: string, now: Date): string {
  const id = `test-${now.getTime()}`;
  if (connector === 'shopify')
    return JSON.stringify({
      id: 1,
      name: '#TEST',
      test: true,
      currency: 'USD',
      total_price: '0.00',
      line_items: [],
    });
  if (connector === 'woocommerce')
    return JSON.stringify({ id: 1, status: 'pending', currency: 'USD', total: '0.00', line_items: [] });
  return JSON.stringify({
    channel: channelId,
    externalId: id,
    placedAt: now.toISOString(),
    currency: 'USD',
    total: '0.00',
    lines: [],
  });
}

/** Sync back settings, SKU links, the push log, interface alerts and the test delivery. */
export function createSyncAdmin(deps: {
  database: Database;
  clock: Clock;
  syncBack: SyncBack;
  calendar: () => Promise<BusinessCalendar>;
  readConnector?: (row: ConnectorRow) => ConnectorRow;
}) {
  const { database, clock, syncBack } = deps;
  const reveal = deps.readConnector ?? ((row: ConnectorRow) => row);

  async function connectorOf(channelId: string): Promise<ConnectorRow> {
    const row = await channelsRepository.findConnector(database.db, channelId);
    if (!row) throw notFound('channel connector', channelId);
    return row;
  }

  async function getSettings(channelId: string) {
    await connectorOf(channelId);
    const s = await syncBack.settingsOf(channelId);
    const [counts, stats] = await Promise.all([
      repo.queueCounts(database.db, channelId),
      repo.pushStats(database.db, '1970-01-01T00:00:00.000Z'),
    ]);
    return {
      channelId,
      stockEnabled: s.stock_enabled === 1,
      trackingEnabled: s.tracking_enabled === 1,
      locationId: s.location_id,
      maxPerSecond: s.max_per_second,
      alertSilentMinutes: s.alert_silent_minutes,
      alertFailurePercent: s.alert_failure_percent,
      pending: counts.get('pending') ?? 0,
      failed: counts.get('failed') ?? 0,
      lastPushAt: stats.get(channelId)?.lastAt ?? null,
    };
  }

  async function saveSettings(actor: Actor, channelId: string, input: z.output<typeof syncSettingsBody>) {
    await connectorOf(channelId);
    const old = await syncBack.settingsOf(channelId);
    const now = clock.now();
    const pick = <T>(given: T | undefined, was: T) => (given === undefined ? was : given);
    await inTransaction(database, async (tx) => {
      await repo.saveSettings(tx, {
        channel_id: channelId,
        stock_enabled: input.stockEnabled === undefined ? old.stock_enabled : Number(input.stockEnabled),
        tracking_enabled:
          input.trackingEnabled === undefined ? old.tracking_enabled : Number(input.trackingEnabled),
        location_id: pick(input.locationId, old.location_id),
        max_per_second: pick(input.maxPerSecond, old.max_per_second),
        alert_silent_minutes: pick(input.alertSilentMinutes, old.alert_silent_minutes),
        alert_failure_percent: pick(input.alertFailurePercent, old.alert_failure_percent),
        updated_at: now.toISOString(),
      });
      await recordAudit(tx, actor, now, {
        action: 'channel.sync_settings_saved',
        targetType: 'channel',
        targetId: channelId,
        details: input,
      });
    });
    return getSettings(channelId);
  }

  async function listSkus(channelId: string, page: { limit: number; cursor?: string }) {
    await connectorOf(channelId);
    return pageByKeys(
      repo.skuLinks(database.db, channelId),
      ['sku'],
      page,
      (r) => ({ sku: r.sku, externalRef: r.external_ref, excluded: r.excluded === 1 }),
      (r) => [r.sku],
    );
  }

  async function saveSku(actor: Actor, channelId: string, sku: string, input: z.output<typeof syncSkuBody>) {
    await connectorOf(channelId);
    const old = await repo.skuLink(database.db, channelId, sku);
    const now = clock.now();
    const row = {
      channel_id: channelId,
      sku,
      external_ref: input.externalRef === undefined ? (old?.external_ref ?? null) : input.externalRef,
      excluded: input.excluded === undefined ? (old?.excluded ?? 0) : Number(input.excluded),
      updated_at: now.toISOString(),
    };
    await inTransaction(database, async (tx) => {
      await repo.saveSkuLink(tx, row);
      await recordAudit(tx, actor, now, {
        action: 'channel.sync_sku_saved',
        targetType: 'channel',
        targetId: channelId,
        details: { sku, ...input },
      });
    });
    return { sku, externalRef: row.external_ref, excluded: row.excluded === 1 };
  }

  async function listLog(channelId: string, query: z.output<typeof syncLogQuery>) {
    await connectorOf(channelId);
    return pageNewestFirst(
      repo.log(database.db, channelId, query.outcome),
      'id',
      query,
      toLogEntry,
      (row) => row.id,
    );
  }

  /**
   * Interface alerts: a channel that received no order for its threshold of working minutes
   * (only time inside the business calendar counts), or whose deliveries and pushes of the
   * last hour failed above its threshold.
   */
  async function alerts(): Promise<ChannelAlert[]> {
    const now = clock.now();
    const hourAgo = new Date(now.getTime() - 3_600_000).toISOString();
    const [settings, connectors, arrivals, pushes, deliveries] = await Promise.all([
      repo.allSettings(database.db),
      channelsRepository.listConnectors(database.db),
      channelsRepository.orderArrivals(database.db, hourAgo),
      repo.pushStats(database.db, hourAgo),
      repo.deliveryStats(database.db, hourAgo),
    ]);
    const connected = new Map(connectors.map((c) => [c.channel_id, c]));
    const found: ChannelAlert[] = [];
    const calendar = settings.some((s) => s.alert_silent_minutes) ? await deps.calendar() : null;
    for (const s of settings) {
      const c = connected.get(s.channel_id);
      if (!c || c.connector === 'none') continue;
      if (s.alert_silent_minutes && calendar) {
        const last = arrivals.get(s.channel_id)?.lastAt ?? c.created_at;
        const silentMinutes = workingHoursBetween(calendar, new Date(last), now) * 60;
        if (silentMinutes >= s.alert_silent_minutes)
          found.push({
            channelId: s.channel_id,
            kind: 'silent',
            message: `no order received for ${Math.floor(silentMinutes)} working minutes (threshold ${s.alert_silent_minutes})`,
          });
      }
      if (s.alert_failure_percent) {
        const p = pushes.get(s.channel_id) ?? { total: 0, failed: 0 };
        const d = deliveries.get(s.channel_id) ?? { total: 0, failed: 0 };
        const total = p.total + d.total;
        const failed = p.failed + d.failed;
        const percent = total > 0 ? Math.round((failed * 100) / total) : 0;
        if (total >= minSampleForRate && percent > s.alert_failure_percent)
          found.push({
            channelId: s.channel_id,
            kind: 'failure_rate',
            message: `${percent}% of the last hour's ${total} deliveries and pushes failed (threshold ${s.alert_failure_percent}%)`,
          });
      }
    }
    return found;
  }

  /**
   * A signed sample delivery for the channel's own webhook endpoint: the platform's shape,
   * signed with the channel's secret, on a topic intake records but does not act on. It proves
   * the secret, the signature check and the delivery log end to end.
   */
  async function testDelivery(channelId: string) {
    const row = reveal(await connectorOf(channelId));
    const names = headersOf[row.connector as keyof typeof headersOf];
    if (!names || !row.webhook_secret) throw notFound('channel webhook', channelId);
    const body = samplePayload(row.connector, channelId, clock.now());
    return {
      url: webhookPath(channelId),
      body,
      headers: {
        'content-type': 'application/json',
        [names.signature]: signBody(row.webhook_secret, body),
        [names.topic]: 'ordo/test-delivery',
        [names.id]: `test-${randomUUID()}`,
      },
    };
  }

  /** Whether a SKU is excluded from the channel's sync (no link: not excluded). */
  async function isSkuExcluded(channelId: string, sku: string) {
    return (await repo.skuLink(database.db, channelId, sku))?.excluded === 1;
  }

  /**
   * Interface failures since `since` (one channel, or all): deliveries and pushes, and how many
   * of them failed, counted as the failure-rate alert counts them.
   */
  async function failureStats(since: string, channelId: string | null) {
    const [pushes, deliveries] = await Promise.all([
      repo.pushStats(database.db, since),
      repo.deliveryStats(database.db, since),
    ]);
    let volume = 0;
    let hits = 0;
    for (const stats of [pushes, deliveries])
      for (const [channel, s] of stats)
        if (!channelId || channel === channelId) {
          volume += s.total;
          hits += s.failed;
        }
    return { volume, hits };
  }

  return {
    getSettings,
    saveSettings,
    listSkus,
    saveSku,
    isSkuExcluded,
    listLog,
    alerts,
    failureStats,
    testDelivery,
  };
}

export type SyncAdmin = ReturnType<typeof createSyncAdmin>;
