import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { useTestApp } from '../helpers/app.ts';
import { testDialects } from '../helpers/db.ts';
import { onLocalPort } from '../helpers/local-server.ts';
import { connectChannel, deliver, fixture, ordersOf, shopifySample } from './channel-helpers.ts';

// Webhooks are at-least-once and can be missed: the reconciliation pull lists the platform's
// orders updated since the cursor and takes any it has not seen. The platforms are played by a
// local HTTP server answering with their documented response shapes, paging and rate limits.

interface Seen {
  url: string;
  headers: http.IncomingHttpHeaders;
}

function startPlatform() {
  const seen: Seen[] = [];
  const state = { throttleNext: false };
  const server = http.createServer((request, response) => {
    seen.push({ url: request.url ?? '', headers: request.headers });
    const url = new URL(request.url ?? '/', 'http://platform');
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    if (url.pathname === '/admin/api/2024-10/orders.json') {
      // Shopify's leaky bucket: a call over the limit is refused with Retry-After.
      if (state.throttleNext) {
        state.throttleNext = false;
        response.writeHead(429, { 'Retry-After': '0', 'Content-Type': 'application/json' });
        return response.end(
          '{"errors":"Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service."}',
        );
      }
      const isSecondPage = url.searchParams.get('page_info') === 'eyJsYXN0X2lkIjo4MjA5ODI5MTE5NDYxNTQ1MDh9';
      const headers: Record<string, string> = {
        'Content-Type': 'application/json; charset=utf-8',
        'X-Shopify-Shop-Api-Call-Limit': '39/40',
      };
      if (!isSecondPage)
        headers.Link = `<${base}/admin/api/2024-10/orders.json?limit=250&page_info=eyJsYXN0X2lkIjo4MjA5ODI5MTE5NDYxNTQ1MDh9>; rel="next"`;
      response.writeHead(200, headers);
      // The first page holds the order whose webhook came; the second one whose webhook never did.
      const order = isSecondPage
        ? shopifySample({ cancelled_at: null, financial_status: 'paid' }, '820982911946154509')
        : shopifySample({ cancelled_at: null });
      return response.end(`{"orders":[${order}]}`);
    }
    if (url.pathname === '/wp-json/wc/v3/orders') {
      const page = Number(url.searchParams.get('page') ?? 1);
      const id = page === 1 ? 727 : 729;
      response.writeHead(200, {
        'Content-Type': 'application/json',
        'X-WP-Total': '2',
        'X-WP-TotalPages': '2',
      });
      return response.end(`[${fixture('woocommerce-order.json').replace('"id": 727', `"id": ${id}`)}]`);
    }
    response.writeHead(404, { 'Content-Type': 'application/json' });
    response.end('{"errors":"Not Found"}');
  });
  return {
    seen,
    state,
    server,
    ...onLocalPort(server),
  };
}

const platform = startPlatform();
let platformUrl = '';
before(async () => {
  platformUrl = await platform.start();
});
after(() => platform.close());

for (const dialect of testDialects) {
  describe(`reconciliation pull on ${dialect}`, () => {
    const t = useTestApp(dialect);

    it('picks up a Shopify order whose webhook never came, through Link paging and a 429', async () => {
      await connectChannel(t.current, 'shop', 'shopify', {
        shopUrl: platformUrl,
        apiToken: 'shpat_test_token',
      });
      const webhook = await deliver(t.current, 'shop', 'shopify', shopifySample({ cancelled_at: null }), {
        topic: 'orders/create',
        deliveryId: 'w-1',
      });
      assert.equal(webhook.json().outcome, 'created');
      platform.seen.length = 0;
      platform.state.throttleNext = true;

      const pulled = await t.current.request({ method: 'POST', url: '/api/v1/channels/shop/pull' });
      assert.equal(pulled.statusCode, 200, pulled.body);
      assert.equal(pulled.json().listed, 2);
      assert.equal(pulled.json().created, 1);
      assert.equal(pulled.json().error, null);
      const requests = platform.seen.filter((s) => s.url.startsWith('/admin/'));
      assert.ok(requests.length >= 3, 'a throttled call, then two pages');
      assert.equal(requests[0].headers['x-shopify-access-token'], 'shpat_test_token');
      const first = new URL(requests[0].url, platformUrl);
      assert.equal(first.searchParams.get('status'), 'any');
      assert.ok(first.searchParams.get('updated_at_min'));

      const orders = await ordersOf(t.current, 'shop');
      assert.deepEqual(orders.map((o) => o.externalId).sort(), ['820982911946154508', '820982911946154509']);

      // A second pull finds nothing new: no order is stored twice.
      const again = await t.current.request({ method: 'POST', url: '/api/v1/channels/shop/pull' });
      assert.equal(again.json().created, 0);
      assert.equal((await ordersOf(t.current, 'shop')).length, 2);
      const health = (await t.current.request({ method: 'GET', url: '/api/v1/channels/health' })).json();
      const shop = health.items.find((h: { channelId: string }) => h.channelId === 'shop');
      assert.ok(shop.lastPullAt);
      assert.equal(shop.lastPullError, null);
      assert.equal(shop.ordersLastHour, 2);
      assert.equal(shop.status, 'ok');
    });

    it('pages WooCommerce by X-WP-TotalPages with the consumer key', async () => {
      await connectChannel(t.current, 'woo', 'woocommerce', {
        shopUrl: platformUrl,
        apiKey: 'ck_test',
        apiSecret: 'cs_test',
      });
      platform.seen.length = 0;
      const pulled = await t.current.request({ method: 'POST', url: '/api/v1/channels/woo/pull' });
      assert.equal(pulled.json().created, 2, pulled.body);
      const requests = platform.seen.filter((s) => s.url.startsWith('/wp-json/'));
      assert.equal(requests.length, 2);
      assert.equal(
        requests[0].headers.authorization,
        `Basic ${Buffer.from('ck_test:cs_test').toString('base64')}`,
      );
      assert.ok(new URL(requests[0].url, platformUrl).searchParams.get('modified_after'));
      assert.deepEqual((await ordersOf(t.current, 'woo')).map((o) => o.externalId).sort(), ['727', '729']);
    });

    it('records a failing pull on the channel’s health', async () => {
      await connectChannel(t.current, 'gone', 'shopify', {
        shopUrl: `${platformUrl}/missing`,
        apiToken: 'x',
      });
      const pulled = await t.current.request({ method: 'POST', url: '/api/v1/channels/gone/pull' });
      assert.match(pulled.json().error, /404/);
      const health = (await t.current.request({ method: 'GET', url: '/api/v1/channels/health' })).json();
      const gone = health.items.find((h: { channelId: string }) => h.channelId === 'gone');
      assert.equal(gone.status, 'failing');
    });
  });
}
