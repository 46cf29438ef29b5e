import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  channelHealthList,
  channelParams,
  connectedChannel,
  connectorList,
  connectorSettings,
  connectorSettingsBody,
  deliveryDetail,
  deliveryPage,
  deliveryParams,
  deliveryQuery,
  newConnectedChannelBody,
  pullResult,
  replayFailedBody,
  replayFailedResult,
  webhookRegistration,
  webhookResult,
} from '../../contracts/channels.ts';
import { authErrors, errorBody } from '../../contracts/common.ts';
import type { Catalog } from '../catalog/index.ts';
import type { ConnectorSettings } from './connectors.ts';
import type { ChannelConnectors } from './index.ts';
import { syncRoutes } from './sync-back/sync.routes.ts';

const tags = ['channels'];

/** Channels with their connectors, platform webhooks, deliveries, the pull and interface health. */
export function channelsRoutes(
  catalog: Pick<Catalog, 'channels'>,
  channels: ChannelConnectors,
): FastifyPluginAsyncZod {
  const { connectors, deliveries, reconciliation, health } = channels;
  return async (app) => {
    app.post(
      '/channels',
      {
        schema: {
          tags,
          summary:
            'Add a sales channel with its connector (shopify, woocommerce, webhook or none); webhookSecret is write-only',
          body: newConnectedChannelBody,
          response: { 201: connectedChannel, 400: errorBody, 409: errorBody, ...authErrors },
        },
        config: { permission: 'channels:manage' },
      },
      async (request, reply) => {
        const { connector, webhookSecret, shopUrl, apiToken, apiKey, apiSecret, ...base } = request.body;
        const actor = request.principal!.actor;
        let settings: ConnectorSettings | undefined;
        // The channel and its connector are stored together or not at all.
        const channel = await catalog.channels.createChannel(actor, base, async (tx) => {
          settings = await connectors.saveConnector(tx, actor, base.id, {
            connector,
            webhookSecret,
            shopUrl,
            apiToken,
            apiKey,
            apiSecret,
          });
        });
        return reply.status(201).send({ ...channel, connector: settings! });
      },
    );

    app.get(
      '/channels/connectors',
      {
        schema: {
          tags,
          summary: 'Every channel’s connector (no secrets)',
          response: { 200: connectorList, ...authErrors },
        },
        config: { permission: 'system:read' },
      },
      async () => ({ items: await connectors.listConnectors() }),
    );

    app.get(
      '/channels/health',
      {
        schema: {
          tags,
          summary:
            'Interface health per channel: last order, orders in the last hour, refused signatures, unmapped deliveries, pull lag',
          response: { 200: channelHealthList, ...authErrors },
        },
        config: { permission: 'system:read' },
      },
      async () => ({ items: await health.channelsHealth() }),
    );

    app.put(
      '/channels/:channelId/connector',
      {
        schema: {
          tags,
          summary:
            'Set a channel’s connector, webhook secret and shop API; secrets left out stay as they are',
          params: channelParams,
          body: connectorSettingsBody,
          response: { 200: connectorSettings, 400: errorBody, 404: errorBody, ...authErrors },
        },
        config: { permission: 'channels:manage' },
      },
      async (request) =>
        connectors.configure(request.principal!.actor, request.params.channelId, request.body),
    );

    app.get(
      '/channels/:channelId/deliveries',
      {
        schema: {
          tags,
          summary: 'A channel’s deliveries, newest first; ?outcome=failed lists those waiting for a replay',
          params: channelParams,
          querystring: deliveryQuery,
          response: { 200: deliveryPage, ...authErrors },
        },
        config: { permission: 'system:read' },
      },
      async (request) => deliveries.listDeliveries(request.params.channelId, request.query),
    );

    app.get(
      '/channels/:channelId/deliveries/:deliveryId',
      {
        schema: {
          tags,
          summary: 'One delivery with its payload exactly as received',
          params: deliveryParams,
          response: { 200: deliveryDetail, 404: errorBody, ...authErrors },
        },
        config: { permission: 'system:read' },
      },
      async (request) => deliveries.getDelivery(request.params.channelId, request.params.deliveryId),
    );

    app.post(
      '/channels/:channelId/deliveries/:deliveryId/replay',
      {
        schema: {
          tags,
          summary: 'Apply a kept delivery again (after a fix); an order already stored is never stored twice',
          params: deliveryParams,
          response: { 200: deliveryDetail, 404: errorBody, ...authErrors },
        },
        config: { permission: 'channels:manage' },
      },
      async (request) => deliveries.replay(request.params.channelId, request.params.deliveryId),
    );

    app.post(
      '/channels/:channelId/deliveries/replay-failed',
      {
        schema: {
          tags,
          summary:
            'Apply a channel’s failed deliveries again, oldest first, up to limit per call; continue with after=nextAfter',
          params: channelParams,
          // No body means the first page with the default limit.
          body: replayFailedBody.nullish(),
          response: { 200: replayFailedResult, 400: errorBody, 404: errorBody, ...authErrors },
        },
        config: { permission: 'channels:manage' },
      },
      async (request) =>
        deliveries.replayFailed(request.params.channelId, request.body ?? replayFailedBody.parse({})),
    );

    app.post(
      '/channels/:channelId/pull',
      {
        schema: {
          tags,
          summary: 'Run the reconciliation pull for one channel now',
          params: channelParams,
          response: { 200: pullResult, 400: errorBody, 404: errorBody, ...authErrors },
        },
        config: { permission: 'channels:manage' },
      },
      async (request) => reconciliation.pullChannel(request.params.channelId),
    );

    app.get(
      '/channels/:channelId/webhooks',
      {
        schema: {
          tags,
          summary:
            'The order webhooks the shop (Shopify, WooCommerce) holds for Ordo’s address, topic by topic',
          params: channelParams,
          response: { 200: webhookRegistration, 400: errorBody, 404: errorBody, ...authErrors },
        },
        config: { permission: 'channels:manage' },
      },
      async (request) => channels.webhooks.listWebhooks(request.params.channelId),
    );

    app.post(
      '/channels/:channelId/webhooks/register',
      {
        schema: {
          tags,
          summary:
            'Register the channel’s order webhooks on the shop with its API credentials; topics already registered for Ordo’s address are left as they are',
          params: channelParams,
          response: { 200: webhookRegistration, 400: errorBody, 404: errorBody, ...authErrors },
        },
        config: { permission: 'channels:manage' },
      },
      async (request) =>
        channels.webhooks.registerWebhooks(request.principal!.actor, request.params.channelId),
    );

    await app.register(syncRoutes(channels.syncBack, channels.syncAdmin));

    // Platforms authenticate by signature over the raw body, not by key.
    await app.register(async (plain) => {
      const scope = plain.withTypeProvider<ZodTypeProvider>();
      const raw = (_request: unknown, body: Buffer, done: (err: null, body: Buffer) => void) =>
        done(null, body);
      scope.addContentTypeParser('application/json', { parseAs: 'buffer' }, raw);
      scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'buffer' }, raw);
      scope.addContentTypeParser('*', { parseAs: 'buffer' }, raw);
      scope.post(
        '/channels/:channelId/webhook',
        {
          schema: {
            tags,
            summary:
              'A platform’s webhook as it sends it: Shopify (X-Shopify-Hmac-Sha256), WooCommerce (X-WC-Webhook-Signature) or the canonical order (X-Ordo-Signature); base64 HMAC-SHA256 of the raw body',
            params: channelParams,
            response: { 200: webhookResult, 401: errorBody, 404: errorBody },
          },
          config: { isPublic: true },
        },
        async (request) =>
          deliveries.receiveWebhook(request.params.channelId, {
            headers: request.headers,
            body: Buffer.isBuffer(request.body) ? request.body : Buffer.from(String(request.body ?? '')),
          }),
      );
    });
  };
}
