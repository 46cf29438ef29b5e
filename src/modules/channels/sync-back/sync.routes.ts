import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  channelAlertList,
  syncLogPage,
  syncLogQuery,
  syncQueueResult,
  syncRetryResult,
  syncSettings,
  syncSettingsBody,
  syncSku,
  syncSkuBody,
  syncSkuPage,
  syncSkuParams,
  testDeliveryResult,
} from '../../../contracts/channel-sync.ts';
import { channelParams } from '../../../contracts/channels.ts';
import { authErrors, errorBody, listQuery } from '../../../contracts/common.ts';
import type { SyncAdmin } from './sync-admin.ts';
import type { SyncBack } from './sync-back.ts';

const tags = ['channels'];

/** Sync back to the platforms, its log and retries, interface alerts and the test delivery. */
export function syncRoutes(syncBack: SyncBack, admin: SyncAdmin): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/channels/alerts',
      {
        schema: {
          tags,
          summary:
            'Interface alerts: channels silent for their threshold of working minutes, or failing above theirs',
          response: { 200: channelAlertList, ...authErrors },
        },
        config: { permission: 'system:read' },
      },
      async () => ({ items: await admin.alerts() }),
    );

    app.get(
      '/channels/:channelId/sync',
      {
        schema: {
          tags,
          summary: 'A channel’s sync back settings, alert thresholds and pending/failed pushes',
          params: channelParams,
          response: { 200: syncSettings, 404: errorBody, ...authErrors },
        },
        config: { permission: 'system:read' },
      },
      async (request) => admin.getSettings(request.params.channelId),
    );

    app.put(
      '/channels/:channelId/sync',
      {
        schema: {
          tags,
          summary:
            'Turn stock / tracking sync on or off, set the Shopify location, rate limit and alert thresholds',
          params: channelParams,
          body: syncSettingsBody,
          response: { 200: syncSettings, 400: errorBody, 404: errorBody, ...authErrors },
        },
        config: { permission: 'channels:manage' },
      },
      async (request) => admin.saveSettings(request.principal!.actor, request.params.channelId, request.body),
    );

    app.get(
      '/channels/:channelId/sync/log',
      {
        schema: {
          tags,
          summary: 'Every push to the platform, newest first: what was sent, the answer, the attempt',
          params: channelParams,
          querystring: syncLogQuery,
          response: { 200: syncLogPage, 404: errorBody, ...authErrors },
        },
        config: { permission: 'system:read' },
      },
      async (request) => admin.listLog(request.params.channelId, request.query),
    );

    app.post(
      '/channels/:channelId/sync/retry',
      {
        schema: {
          tags,
          summary: 'Push failed and waiting pushes of the channel now',
          params: channelParams,
          response: { 200: syncRetryResult, 404: errorBody, ...authErrors },
        },
        config: { permission: 'channels:manage' },
      },
      async (request) => syncBack.retryNow(request.params.channelId),
    );

    app.post(
      '/channels/:channelId/sync/stock',
      {
        schema: {
          tags,
          summary: 'Queue every SKU’s available stock for the channel (first sync)',
          params: channelParams,
          response: { 200: syncQueueResult, 400: errorBody, ...authErrors },
        },
        config: { permission: 'channels:manage' },
      },
      async (request) => syncBack.queueAllStock(request.params.channelId),
    );

    app.get(
      '/channels/:channelId/sync/skus',
      {
        schema: {
          tags,
          summary: 'SKUs linked to the platform’s products, and SKUs excluded from sync',
          params: channelParams,
          querystring: listQuery,
          response: { 200: syncSkuPage, 404: errorBody, ...authErrors },
        },
        config: { permission: 'system:read' },
      },
      async (request) => admin.listSkus(request.params.channelId, request.query),
    );

    app.put(
      '/channels/:channelId/sync/skus/:sku',
      {
        schema: {
          tags,
          summary:
            'Link a SKU to the platform’s product (Shopify inventory item, WooCommerce product) or exclude it',
          params: syncSkuParams,
          body: syncSkuBody,
          response: { 200: syncSku, 400: errorBody, 404: errorBody, ...authErrors },
        },
        config: { permission: 'channels:manage' },
      },
      async (request) =>
        admin.saveSku(request.principal!.actor, request.params.channelId, request.params.sku, request.body),
    );

    app.post(
      '/channels/:channelId/test-delivery',
      {
        schema: {
          tags,
          summary: 'Send a signed sample webhook to the channel’s own endpoint and return what it answered',
          params: channelParams,
          response: { 200: testDeliveryResult, 404: errorBody, ...authErrors },
        },
        config: { permission: 'channels:manage' },
      },
      async (request) => {
        const sample = await admin.testDelivery(request.params.channelId);
        const answer = await app.inject({
          method: 'POST',
          url: sample.url,
          headers: sample.headers,
          payload: sample.body,
        });
        const json = (() => {
          try {
            return answer.json() as { outcome?: string; orderId?: string };
          } catch {
            return {};
          }
        })();
        return {
          statusCode: answer.statusCode,
          outcome: json.outcome ?? null,
          orderId: json.orderId ?? null,
          body: answer.body.slice(0, 2000),
        };
      },
    );
  };
}
