import type { z } from 'zod';
import type { pullResult } from '../../contracts/channels.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { Logger } from '../../platform/logger.ts';
import type { Metrics } from '../../platform/metrics.ts';
import type { SecretBox } from '../../platform/secret-box.ts';
import { type ConnectorRow, channelsRepository as repo } from './channels.repository.ts';
import type { Deliveries } from './deliveries.ts';
import { type ListedOrder, listShopifyOrders, listWooCommerceOrders, type ShopApi } from './platform-api.ts';

type PullResult = z.output<typeof pullResult>;

/** A first pull looks this far back; later pulls start from the cursor. */
const firstPullLookbackMs = 24 * 60 * 60 * 1000;
/** Pulls start a little before the cursor: platforms' clocks and our own are never exact. */
const overlapMs = 5 * 60 * 1000;

const listers: Record<string, (api: ShopApi, since: string) => Promise<ListedOrder[]>> = {
  shopify: listShopifyOrders,
  woocommerce: listWooCommerceOrders,
};

function canPull(row: ConnectorRow): boolean {
  if (!row.shop_url || !(row.connector in listers)) return false;
  return row.connector === 'shopify' ? Boolean(row.api_token) : Boolean(row.api_key && row.api_secret);
}

/**
 * The reconciliation pull: webhooks are at-least-once and can be missed, so each channel's
 * orders updated since its cursor are listed from the platform's REST API and any order Ordo
 * has not seen is taken in, as a delivery of its own. A missed webhook never loses an order.
 */
export function createReconciliation(deps: {
  database: Database;
  clock: Clock;
  deliveries: Deliveries;
  secrets: SecretBox;
  metrics?: Metrics;
  logger?: Logger;
}) {
  const { database, clock, deliveries, metrics } = deps;

  async function pull(row: ConnectorRow): Promise<PullResult> {
    const startedAt = clock.now();
    const since = new Date(
      row.pull_cursor
        ? new Date(row.pull_cursor).getTime() - overlapMs
        : startedAt.getTime() - firstPullLookbackMs,
    ).toISOString();
    const api = {
      shopUrl: row.shop_url!,
      apiToken: deps.secrets.open(row.api_token),
      apiKey: deps.secrets.open(row.api_key),
      apiSecret: deps.secrets.open(row.api_secret),
    };
    try {
      const listed = (await listers[row.connector](api, since)).filter((o) => o.externalId);
      const known = await repo.knownExternalIds(
        database.db,
        row.channel_id,
        listed.map((o) => o.externalId),
      );
      let created = 0;
      for (const order of listed) {
        if (known.has(order.externalId)) continue;
        const result = await deliveries.receivePulled(
          row.channel_id,
          row.connector as 'shopify' | 'woocommerce',
          order.externalId,
          order.json,
        );
        if (result?.outcome === 'created') created += 1;
      }
      // The cursor moves to the pull's start: anything changed later is listed next time.
      const cursor = startedAt.toISOString();
      await repo.updateConnector(database.db, row.channel_id, {
        pull_cursor: cursor,
        last_pull_at: startedAt.toISOString(),
        last_pull_error: null,
      });
      metrics?.channelPulls.inc({ channel: row.channel_id, result: 'ok' });
      return { channelId: row.channel_id, listed: listed.length, created, cursor, error: null };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      // The attempt counts as a pull (no retry storm); the cursor stays, so the lag shows it.
      await repo.updateConnector(database.db, row.channel_id, {
        last_pull_at: startedAt.toISOString(),
        last_pull_error: message.slice(0, 500),
      });
      metrics?.channelPulls.inc({ channel: row.channel_id, result: 'failed' });
      deps.logger?.warn({ err: error, channel: row.channel_id }, 'channel pull failed');
      return { channelId: row.channel_id, listed: 0, created: 0, cursor: row.pull_cursor, error: message };
    }
  }

  /** One channel's pull now (the console's button, tests). */
  async function pullChannel(channelId: string): Promise<PullResult> {
    const row = await repo.findConnector(database.db, channelId);
    if (!row) throw notFound('channel connector', channelId);
    if (!canPull(row))
      throw new AppError(
        'VALIDATION_FAILED',
        'shopUrl: the channel has no shop URL and API credentials to pull with',
        {
          field: 'shopUrl',
        },
      );
    return pull(row);
  }

  /** The scheduled run: every channel whose interval has passed since its last pull. */
  async function pullDueChannels(): Promise<PullResult[]> {
    const now = clock.now().getTime();
    const due = (await repo.listConnectors(database.db)).filter(
      (row) =>
        canPull(row) &&
        row.pull_every_minutes > 0 &&
        (!row.last_pull_at || now - new Date(row.last_pull_at).getTime() >= row.pull_every_minutes * 60_000),
    );
    const results: PullResult[] = [];
    for (const row of due) results.push(await pull(row));
    return results;
  }

  return { pullChannel, pullDueChannels };
}

export type Reconciliation = ReturnType<typeof createReconciliation>;
