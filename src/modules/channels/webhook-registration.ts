import type { z } from 'zod';
import type { webhookRegistration } from '../../contracts/channels.ts';
import type { Actor } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit-log.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import { invalidField, notFound } from '../../platform/errors.ts';
import { type ConnectorRow, channelsRepository as repo } from './channels.repository.ts';
import { webhookPath } from './connectors.ts';
import { arrayOf, objectOf, parseExactJson } from './exact-json.ts';
import { requestWithRetry, type ShopApi, shopAuthHeaders, shopifyApiVersion } from './platform-api.ts';

type WebhookRegistration = z.output<typeof webhookRegistration>;
type TopicResult = WebhookRegistration['topics'][number];

/** A webhook the shop already holds for some address. */
interface ShopWebhook {
  topic: string;
  address: string;
  isActive: boolean;
}

/** What one platform needs: its topics, how to list its webhooks and how to add one. */
interface WebhookPlatform {
  topics: readonly string[];
  list(api: ShopApi): Promise<ShopWebhook[]>;
  create(api: ShopApi, topic: string, address: string, secret: string): Promise<void>;
}

// The topics docs/channels.md has always asked operators to create by hand.
const shopify: WebhookPlatform = {
  topics: ['orders/create', 'orders/updated', 'orders/paid', 'orders/cancelled'],
  async list(api) {
    const url = `${api.shopUrl}/admin/api/${shopifyApiVersion}/webhooks.json?limit=250`;
    const response = await requestWithRetry(url, { headers: shopAuthHeaders('shopify', api) });
    return arrayOf(objectOf(parseExactJson(await response.text())).webhooks).map((entry) => {
      const hook = objectOf(entry);
      return { topic: String(hook.topic), address: String(hook.address), isActive: true };
    });
  },
  // Shopify signs a webhook created through the API with the app's client secret, not one
  // given here: the channel's webhook secret must be that client secret (docs/channels.md).
  async create(api, topic, address) {
    await requestWithRetry(`${api.shopUrl}/admin/api/${shopifyApiVersion}/webhooks.json`, {
      method: 'POST',
      headers: shopAuthHeaders('shopify', api),
      body: { webhook: { topic, address, format: 'json' } },
    });
  },
};

const woocommerce: WebhookPlatform = {
  topics: ['order.created', 'order.updated', 'order.deleted'],
  async list(api) {
    const url = `${api.shopUrl}/wp-json/wc/v3/webhooks?per_page=100`;
    const response = await requestWithRetry(url, { headers: shopAuthHeaders('woocommerce', api) });
    return arrayOf(parseExactJson(await response.text())).map((entry) => {
      const hook = objectOf(entry);
      return {
        topic: String(hook.topic),
        address: String(hook.delivery_url),
        isActive: hook.status === 'active',
      };
    });
  },
  async create(api, topic, address, secret) {
    await requestWithRetry(`${api.shopUrl}/wp-json/wc/v3/webhooks`, {
      method: 'POST',
      headers: shopAuthHeaders('woocommerce', api),
      body: {
        name: `Ordo ${topic}`,
        topic,
        delivery_url: address,
        secret,
        status: 'active',
        api_version: 'wp_api_v3',
      },
    });
  },
};

const platforms: Record<string, WebhookPlatform> = { shopify, woocommerce };

/** localhost, 127.x, ::1, 0.0.0.0 and *.localhost: addresses only this machine reaches. */
export function isLocalAddress(url: string): boolean {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    /^127\./.test(host) ||
    host === '::1' ||
    host === '0.0.0.0'
  );
}

/** Each topic's state from what the shop holds for Ordo's address (pure). */
export function topicStates(topics: readonly string[], held: ShopWebhook[], address: string): TopicResult[] {
  const ours = held.filter((hook) => hook.address === address);
  return topics.map((topic) => {
    const found = ours.filter((hook) => hook.topic === topic);
    if (found.length === 0) return { topic, state: 'missing' };
    return { topic, state: found.some((hook) => hook.isActive) ? 'existing' : 'inactive' };
  });
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 500);

/**
 * Ordo registers a channel's order webhooks on the shop itself, with the shop API credentials
 * the pull uses, instead of the operator typing URL, topics and secret into the shop's admin.
 * Topics already registered for Ordo's address are left alone, so running it again is safe.
 */
export function createWebhookRegistration(deps: {
  database: Database;
  clock: Clock;
  publicUrl: string;
  readConnector: (row: ConnectorRow) => ConnectorRow;
}) {
  const { database, clock } = deps;

  async function target(channelId: string) {
    const row = await repo.findConnector(database.db, channelId);
    if (!row) throw notFound('channel connector', channelId);
    const opened = deps.readConnector(row);
    const platform = platforms[opened.connector];
    const hasApi =
      opened.connector === 'shopify'
        ? Boolean(opened.api_token)
        : Boolean(opened.api_key && opened.api_secret);
    if (!platform || !opened.shop_url || !hasApi) throw invalidField('shopUrl', 'noShopApi');
    if (isLocalAddress(deps.publicUrl))
      throw invalidField('publicUrl', 'publicUrlLocal', { url: deps.publicUrl });
    const api: ShopApi = {
      shopUrl: opened.shop_url,
      apiToken: opened.api_token,
      apiKey: opened.api_key,
      apiSecret: opened.api_secret,
    };
    const address = `${deps.publicUrl.replace(/\/+$/, '')}${webhookPath(channelId)}`;
    return { platform, api, address, secret: opened.webhook_secret ?? '' };
  }

  /** What the shop holds for Ordo's address, topic by topic. */
  async function listWebhooks(channelId: string): Promise<WebhookRegistration> {
    const { platform, api, address } = await target(channelId);
    try {
      return { channelId, address, topics: topicStates(platform.topics, await platform.list(api), address) };
    } catch (error) {
      const failed = platform.topics.map((topic) => ({
        topic,
        state: 'failed' as const,
        error: messageOf(error),
      }));
      return { channelId, address, topics: failed };
    }
  }

  /** Creates each missing topic's webhook; an inactive one is reported, not silently left. */
  async function registerWebhooks(actor: Actor, channelId: string): Promise<WebhookRegistration> {
    const { platform, api, address, secret } = await target(channelId);
    const topics: TopicResult[] = [];
    let states: TopicResult[];
    try {
      states = topicStates(platform.topics, await platform.list(api), address);
    } catch (error) {
      // Without the list Ordo cannot tell what exists: creating blindly could double webhooks.
      states = platform.topics.map((topic) => ({ topic, state: 'failed', error: messageOf(error) }));
    }
    for (const state of states) {
      if (state.state !== 'missing') {
        topics.push(state);
        continue;
      }
      try {
        // A create retried after a 5xx may have taken effect; the next run lists it as existing.
        await platform.create(api, state.topic, address, secret);
        topics.push({ topic: state.topic, state: 'created' });
      } catch (error) {
        topics.push({ topic: state.topic, state: 'failed', error: messageOf(error) });
      }
    }
    await recordAudit(database.db, actor, clock.now(), {
      action: 'channel.webhooks_registered',
      targetType: 'channel',
      targetId: channelId,
      details: { address, topics: topics.map(({ topic, state }) => ({ topic, state })) },
    });
    return { channelId, address, topics };
  }

  return { listWebhooks, registerWebhooks };
}

export type WebhookRegistrationUseCase = ReturnType<typeof createWebhookRegistration>;
