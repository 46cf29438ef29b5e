import assert from 'node:assert/strict';
import http from 'node:http';
import path from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import { useTestApp } from '../helpers/app.ts';
import { runOrdo } from '../helpers/cli.ts';
import { testDialects } from '../helpers/db.ts';
import { onLocalPort } from '../helpers/local-server.ts';
import { connectChannel, secretOf } from './channel-helpers.ts';

// Ordo registers a channel's order webhooks on the shop itself. Shopify and WooCommerce are
// played by a local HTTP server that answers their webhook endpoints as they document them
// (Shopify Admin REST 2024-10 webhooks.json, WooCommerce REST v3 /webhooks).

interface Seen {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: Record<string, unknown> | null;
}

interface Hook {
  id: number;
  topic: string;
  address: string;
  status: string;
}

const publicUrl = 'https://ordo.example.com';
// The shell opens the connector's sealed secrets with the same key as the test app.
const secretKey = 'webhook-registration-test-key';
const addressOf = (channelId: string) => `${publicUrl}/api/v1/channels/${channelId}/webhook`;

function startPlatform() {
  const seen: Seen[] = [];
  const state = { shopify: [] as Hook[], woocommerce: [] as Hook[], throttleNextPost: false, nextId: 1 };
  const send = (response: http.ServerResponse, status: number, body: unknown, headers = {}) => {
    response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...headers });
    response.end(JSON.stringify(body));
  };
  const server = http.createServer((request, response) => {
    let text = '';
    request.on('data', (chunk) => {
      text += chunk;
    });
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://platform');
      const body = text ? (JSON.parse(text) as Record<string, unknown>) : null;
      seen.push({ method: request.method ?? '', path: url.pathname, headers: request.headers, body });
      if (request.method === 'POST' && state.throttleNextPost) {
        state.throttleNextPost = false;
        return send(
          response,
          429,
          { errors: 'Exceeded 2 calls per second for api client.' },
          { 'Retry-After': '0' },
        );
      }
      if (url.pathname === '/admin/api/2024-10/webhooks.json') {
        if (request.method === 'GET')
          return send(response, 200, {
            webhooks: state.shopify.map((h) => ({
              id: h.id,
              address: h.address,
              topic: h.topic,
              format: 'json',
            })),
          });
        const { topic, address, format } = (body?.webhook ?? {}) as Record<string, string>;
        const hook = { id: state.nextId++, topic, address, status: 'active' };
        state.shopify.push(hook);
        return send(response, 201, {
          webhook: { id: hook.id, topic, address, format, api_version: '2024-10' },
        });
      }
      if (url.pathname === '/wp-json/wc/v3/webhooks') {
        if (request.method === 'GET')
          return send(
            response,
            200,
            state.woocommerce.map((h) => ({
              id: h.id,
              name: `Hook ${h.id}`,
              status: h.status,
              topic: h.topic,
              delivery_url: h.address,
            })),
          );
        const hook = {
          id: state.nextId++,
          topic: String(body?.topic),
          address: String(body?.delivery_url),
          status: String(body?.status),
        };
        state.woocommerce.push(hook);
        return send(response, 201, {
          id: hook.id,
          status: hook.status,
          topic: hook.topic,
          delivery_url: hook.address,
        });
      }
      send(response, 404, { errors: 'Not Found' });
    });
  });
  return {
    seen,
    state,
    ...onLocalPort(server),
    reset() {
      seen.length = 0;
      state.shopify = [];
      state.woocommerce = [];
      state.throttleNextPost = false;
    },
  };
}

const platform = startPlatform();
let platformUrl = '';
before(async () => {
  platformUrl = await platform.start();
});
after(() => platform.close());
beforeEach(() => platform.reset());

const statesOf = (body: { topics: { topic: string; state: string }[] }) =>
  Object.fromEntries(body.topics.map((t) => [t.topic, t.state]));

for (const dialect of testDialects) {
  describe(`webhook registration on ${dialect}`, () => {
    const t = useTestApp(dialect, { env: { ORDO_PUBLIC_URL: publicUrl, ORDO_SECRET_KEY: secretKey } });

    it('creates only the Shopify topics not yet registered for Ordo’s address, once, through a 429', async () => {
      await connectChannel(t.current, 'shop', 'shopify', {
        shopUrl: platformUrl,
        apiToken: 'shpat_register',
      });
      const address = addressOf('shop');
      platform.state.shopify = [
        { id: 901, topic: 'orders/create', address, status: 'active' },
        { id: 902, topic: 'orders/paid', address, status: 'active' },
        // Another app's webhook for the same topic does not count as Ordo's.
        { id: 903, topic: 'orders/updated', address: 'https://elsewhere.example.com/hook', status: 'active' },
      ];
      platform.state.throttleNextPost = true;

      const listed = await t.current.request({ method: 'GET', url: '/api/v1/channels/shop/webhooks' });
      assert.equal(listed.statusCode, 200, listed.body);
      assert.deepEqual(statesOf(listed.json()), {
        'orders/create': 'existing',
        'orders/updated': 'missing',
        'orders/paid': 'existing',
        'orders/cancelled': 'missing',
      });

      const registered = await t.current.request({
        method: 'POST',
        url: '/api/v1/channels/shop/webhooks/register',
      });
      assert.equal(registered.statusCode, 200, registered.body);
      assert.equal(registered.json().address, address);
      assert.deepEqual(statesOf(registered.json()), {
        'orders/create': 'existing',
        'orders/updated': 'created',
        'orders/paid': 'existing',
        'orders/cancelled': 'created',
      });
      const posts = platform.seen.filter((s) => s.method === 'POST');
      assert.equal(posts.length, 3, 'one throttled call answered 429, then the two missing topics');
      assert.deepEqual(
        posts.slice(1).map((p) => p.body),
        [
          { webhook: { topic: 'orders/updated', address, format: 'json' } },
          { webhook: { topic: 'orders/cancelled', address, format: 'json' } },
        ],
      );
      for (const call of platform.seen)
        assert.equal(call.headers['x-shopify-access-token'], 'shpat_register');
      const ours = platform.state.shopify.filter((h) => h.address === address).map((h) => h.topic);
      assert.deepEqual(ours.sort(), ['orders/cancelled', 'orders/create', 'orders/paid', 'orders/updated']);

      // Running it again finds every topic registered and creates nothing.
      platform.seen.length = 0;
      const again = await t.current.request({
        method: 'POST',
        url: '/api/v1/channels/shop/webhooks/register',
      });
      assert.ok(again.json().topics.every((topic: { state: string }) => topic.state === 'existing'));
      assert.equal(platform.seen.filter((s) => s.method === 'POST').length, 0);

      const audit = await t.current.request({
        method: 'GET',
        url: '/api/v1/audit-log?action=channel.webhooks_registered&targetId=shop',
      });
      const entries = audit.json().items;
      assert.equal(entries.length, 2);
      assert.equal(entries[1].details.address, address);
      assert.deepEqual(
        entries[1].details.topics.filter((x: { state: string }) => x.state === 'created').length,
        2,
      );
    });

    it('creates the WooCommerce webhooks with the channel’s secret and reports a disabled one', async () => {
      await connectChannel(t.current, 'woo', 'woocommerce', {
        shopUrl: platformUrl,
        apiKey: 'ck_register',
        apiSecret: 'cs_register',
      });
      const address = addressOf('woo');
      const registered = await t.current.request({
        method: 'POST',
        url: '/api/v1/channels/woo/webhooks/register',
      });
      assert.equal(registered.statusCode, 200, registered.body);
      assert.deepEqual(statesOf(registered.json()), {
        'order.created': 'created',
        'order.updated': 'created',
        'order.deleted': 'created',
      });
      const posts = platform.seen.filter((s) => s.method === 'POST');
      assert.deepEqual(posts[0].body, {
        name: 'Ordo order.created',
        topic: 'order.created',
        delivery_url: address,
        secret: secretOf('woo'),
        status: 'active',
        api_version: 'wp_api_v3',
      });
      assert.deepEqual(
        posts.map((p) => [p.body?.topic, p.body?.secret]),
        [
          ['order.created', secretOf('woo')],
          ['order.updated', secretOf('woo')],
          ['order.deleted', secretOf('woo')],
        ],
      );
      assert.equal(
        platform.seen[0].headers.authorization,
        `Basic ${Buffer.from('ck_register:cs_register').toString('base64')}`,
      );

      // WooCommerce disables a webhook after repeated failed deliveries: it is reported, not recreated.
      platform.state.woocommerce.find((h) => h.topic === 'order.updated')!.status = 'disabled';
      platform.seen.length = 0;
      const again = await t.current.request({
        method: 'POST',
        url: '/api/v1/channels/woo/webhooks/register',
      });
      assert.deepEqual(statesOf(again.json()), {
        'order.created': 'existing',
        'order.updated': 'inactive',
        'order.deleted': 'existing',
      });
      assert.equal(platform.seen.filter((s) => s.method === 'POST').length, 0);
    });

    it('reports a topic the shop refuses as failed, with the shop’s reason', async () => {
      await connectChannel(t.current, 'gone', 'shopify', {
        shopUrl: `${platformUrl}/missing`,
        apiToken: 'x',
      });
      const registered = await t.current.request({
        method: 'POST',
        url: '/api/v1/channels/gone/webhooks/register',
      });
      assert.equal(registered.statusCode, 200, registered.body);
      for (const topic of registered.json().topics) {
        assert.equal(topic.state, 'failed');
        assert.match(topic.error, /404/);
      }
    });

    it('lists and registers from the shell, one line per topic', async () => {
      await connectChannel(t.current, 'cli', 'shopify', { shopUrl: platformUrl, apiToken: 'shpat_cli' });
      const address = addressOf('cli');
      platform.state.shopify = [{ id: 911, topic: 'orders/create', address, status: 'active' }];
      const testDb = t.current.testDb;
      const ordo = (...args: string[]) =>
        runOrdo(args, {
          ORDO_PUBLIC_URL: publicUrl,
          ORDO_SECRET_KEY: secretKey,
          ...(dialect === 'postgres'
            ? { DATABASE_URL: testDb.url! }
            : { ORDO_DATA_DIR: path.dirname(testDb.sqliteFile!) }),
        });

      const listed = await ordo('channels', 'webhooks', 'cli');
      assert.equal(listed.status, 0, listed.stderr);
      assert.equal(
        listed.stdout,
        `address: ${address}\norders/create: existing\norders/updated: missing\norders/paid: missing\norders/cancelled: missing\n`,
      );
      assert.equal(platform.seen.filter((s) => s.method === 'POST').length, 0);

      const registered = await ordo('channels', 'webhooks', 'cli', '--register');
      assert.equal(registered.status, 0, registered.stderr);
      assert.equal(
        registered.stdout,
        `address: ${address}\norders/create: existing\norders/updated: created\norders/paid: created\norders/cancelled: created\n`,
      );
      assert.equal(platform.state.shopify.filter((h) => h.address === address).length, 4);
    });

    it('describes both routes in the OpenAPI document', async () => {
      const spec = (await t.current.server.inject({ method: 'GET', url: '/openapi.json' })).json();
      const register = spec.paths['/api/v1/channels/{channelId}/webhooks/register'].post;
      assert.ok(register.responses['200'].content['application/json'].schema);
      assert.ok(spec.paths['/api/v1/channels/{channelId}/webhooks'].get);
    });

    it('refuses a channel without shop API credentials (field shopUrl)', async () => {
      await connectChannel(t.current, 'bare', 'shopify');
      const refused = await t.current.request({
        method: 'POST',
        url: '/api/v1/channels/bare/webhooks/register',
      });
      assert.equal(refused.statusCode, 400);
      assert.equal(refused.json().error.details.field, 'shopUrl');
      assert.equal(platform.seen.length, 0);
    });
  });

  describe(`webhook registration with a local public URL on ${dialect}`, () => {
    const t = useTestApp(dialect, { env: { ORDO_PUBLIC_URL: 'http://localhost:3000' } });

    it('refuses (field publicUrl) and calls nothing on the shop', async () => {
      await connectChannel(t.current, 'shop', 'shopify', { shopUrl: platformUrl, apiToken: 'shpat_local' });
      const refused = await t.current.request({
        method: 'POST',
        url: '/api/v1/channels/shop/webhooks/register',
      });
      assert.equal(refused.statusCode, 400, refused.body);
      const { error } = refused.json();
      assert.equal(error.details.field, 'publicUrl');
      assert.match(error.message, /ORDO_PUBLIC_URL is http:\/\/localhost:3000/);
      const listed = await t.current.request({ method: 'GET', url: '/api/v1/channels/shop/webhooks' });
      assert.equal(listed.statusCode, 400);
      assert.equal(platform.seen.length, 0);
    });
  });
}
