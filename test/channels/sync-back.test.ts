import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, describe, it } from 'node:test';
import { fixedClock } from '../../src/platform/clock.ts';
import { useTestApp } from '../helpers/app.ts';
import { testDialects } from '../helpers/db.ts';
import { newCarrier, newOrderInput, stockUp } from '../helpers/factories.ts';
import { onLocalPort } from '../helpers/local-server.ts';
import { connectChannel } from './channel-helpers.ts';

// Sync back: Ordo's stock and tracking pushed to the platforms. A local HTTP server plays
// Shopify and WooCommerce with their documented endpoints; it can answer 429 or 500 once.

interface Seen {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: unknown;
}

function startPlatform() {
  const seen: Seen[] = [];
  const state = { failNext: [] as { status: number; retryAfter?: string }[] };
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (c) => chunks.push(c));
    request.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const url = new URL(request.url ?? '/', 'http://platform');
      seen.push({
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        body: text ? JSON.parse(text) : null,
      });
      const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
        response.writeHead(status, { 'Content-Type': 'application/json', ...headers });
        response.end(JSON.stringify(body));
      };
      const isGet = request.method === 'GET';
      if (!isGet && state.failNext.length > 0) {
        const fail = state.failNext.shift()!;
        if (fail.status === 429)
          return send(
            429,
            { errors: 'Exceeded 2 calls per second for api client.' },
            { 'Retry-After': fail.retryAfter ?? '0' },
          );
        return send(fail.status, { errors: 'Internal Server Error' });
      }
      if (url.pathname === '/admin/api/2024-10/inventory_levels/set.json')
        return send(200, {
          inventory_level: { inventory_item_id: 808950810, location_id: 655441491, available: 0 },
        });
      const fulfillmentOrders = /^\/admin\/api\/2024-10\/orders\/(\d+)\/fulfillment_orders\.json$/.exec(
        url.pathname,
      );
      if (fulfillmentOrders)
        return send(200, {
          fulfillment_orders: [
            { id: 1046000778, order_id: Number(fulfillmentOrders[1]), status: 'open' },
            { id: 1046000779, order_id: Number(fulfillmentOrders[1]), status: 'closed' },
          ],
        });
      if (url.pathname === '/admin/api/2024-10/fulfillments.json')
        return send(201, { fulfillment: { id: 1022782888 } });
      if (url.pathname === '/wp-json/wc/v3/products' && isGet)
        return send(200, url.searchParams.get('sku') === 'SYNC-W' ? [{ id: 794, sku: 'SYNC-W' }] : []);
      if (/^\/wp-json\/wc\/v3\/products\/\d+$/.test(url.pathname)) return send(200, { id: 794 });
      if (/^\/wp-json\/wc\/v3\/orders\/\d+$/.test(url.pathname))
        return send(200, { id: 727, status: 'completed' });
      if (/^\/wp-json\/wc\/v3\/orders\/\d+\/notes$/.test(url.pathname)) return send(201, { id: 281 });
      send(404, { errors: 'Not Found' });
    });
  });
  return {
    seen,
    state,
    ...onLocalPort(server),
  };
}

const platform = startPlatform();
let platformUrl = '';
before(async () => {
  platformUrl = await platform.start();
});
after(() => platform.close());

const writes = (prefix: string) =>
  platform.seen.filter((s) => s.method !== 'GET' && s.url.startsWith(prefix));

for (const dialect of testDialects) {
  describe(`sync back on ${dialect}`, () => {
    // Tuesday 10:00 in Shanghai: inside the default working hours.
    const clock = fixedClock('2026-11-24T02:00:00Z');
    const t = useTestApp(dialect, { clock });
    const api = async (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) => {
      const response = await t.current.request({ method, url: `/api/v1${url}`, payload });
      return { status: response.statusCode, body: response.json() };
    };
    const drain = () => t.current.app.dispatcher.drain();
    const flush = () => t.current.app.channels.syncBack.flush();

    it('pushes a burst of stock changes to Shopify as one set of the latest figure, after a 429', async () => {
      await connectChannel(t.current, 'shop', 'shopify', { shopUrl: platformUrl, apiToken: 'shpat_sync' });
      const settings = await api('PUT', '/channels/shop/sync', { locationId: '655441491', maxPerSecond: 40 });
      assert.equal(settings.status, 200, JSON.stringify(settings.body));
      await api('POST', '/skus', { code: 'SYNC-1', name: 'Synced tee', price: '59.90' });
      await api('POST', '/skus', { code: 'SYNC-X', name: 'Not on the shop', price: '9.90' });
      assert.equal(
        (await api('PUT', '/channels/shop/sync/skus/SYNC-1', { externalRef: '808950810' })).status,
        200,
      );
      const excluded = await api('PUT', '/channels/shop/sync/skus/SYNC-X', { excluded: true });
      assert.deepEqual(excluded.body, { sku: 'SYNC-X', externalRef: null, excluded: true });
      // The channel offers half of what is available above a buffer of 4.
      const rule = await api('PUT', '/inventory/channel-rules', { channel: 'shop', percent: 50, buffer: 4 });
      assert.ok(rule.status < 300, JSON.stringify(rule.body));

      for (let i = 0; i < 100; i++) await stockUp(t.current.app, { sku: 'SYNC-1', delta: 1 });
      await stockUp(t.current.app, { sku: 'SYNC-X', delta: 5 });
      await drain();
      platform.seen.length = 0;
      platform.state.failNext.push({ status: 429, retryAfter: '0' });

      assert.deepEqual(await flush(), { retry: 1 });
      assert.deepEqual(await flush(), { ok: 1 });
      const sets = writes('/admin/api/2024-10/inventory_levels/set.json');
      assert.equal(sets.length, 2, 'the throttled call and its retry: one push for 100 changes');
      for (const set of sets) {
        assert.equal(set.method, 'POST');
        assert.equal(set.headers['x-shopify-access-token'], 'shpat_sync');
        assert.deepEqual(set.body, { location_id: 655441491, inventory_item_id: 808950810, available: 48 });
      }
      assert.equal(await flush().then((r) => Object.keys(r).length), 0, 'nothing left to push');

      const log = await api('GET', '/channels/shop/sync/log');
      assert.deepEqual(
        log.body.items.map((e: { outcome: string; httpStatus: number; attempt: number; target: string }) => [
          e.outcome,
          e.httpStatus,
          e.attempt,
          e.target,
        ]),
        [
          ['ok', 200, 2, 'SYNC-1'],
          ['retry', 429, 1, 'SYNC-1'],
        ],
      );
      assert.equal(log.body.items[0].requests[0].path, '/admin/api/2024-10/inventory_levels/set.json');
    });

    it('backs off after a 500 and pushes when the backoff has passed; retry now pushes at once', async () => {
      await stockUp(t.current.app, { sku: 'SYNC-1', delta: -10 });
      await drain();
      platform.seen.length = 0;
      platform.state.failNext.push({ status: 500 });
      assert.deepEqual(await flush(), { retry: 1 });
      assert.deepEqual(await flush(), {}, 'waits for its backoff');
      const waiting = await api('GET', '/channels/shop/sync');
      assert.equal(waiting.body.pending, 1);
      clock.advance(5_000);
      assert.deepEqual(await flush(), { ok: 1 });
      assert.deepEqual(writes('/admin/').at(-1)!.body, {
        location_id: 655441491,
        inventory_item_id: 808950810,
        available: 43,
      });

      // A SKU without a product on the shop is shown, not lost, and goes again on "retry now".
      await api('POST', '/skus', { code: 'SYNC-2', name: 'Unlinked', price: '19.90' });
      await stockUp(t.current.app, { sku: 'SYNC-2', delta: 10 });
      await drain();
      assert.deepEqual(await flush(), { skipped: 1 });
      assert.equal((await api('GET', '/channels/shop/sync')).body.failed, 1);
      const health = (await api('GET', '/channels/health')).body.items.find(
        (h: { channelId: string }) => h.channelId === 'shop',
      );
      assert.equal(health.syncFailures, 1);
      assert.equal(health.status, 'warning');
      await api('PUT', '/channels/shop/sync/skus/SYNC-2', { externalRef: '808950811' });
      const retried = await api('POST', '/channels/shop/sync/retry');
      assert.deepEqual(retried.body, { requeued: 1, pushed: { ok: 1 } });
      assert.deepEqual(writes('/admin/').at(-1)!.body, {
        location_id: 655441491,
        inventory_item_id: 808950811,
        available: 3,
      });

      // Of the hour's 6 pushes, 3 went wrong (two retried, one not sent): above a 40% threshold.
      await api('PUT', '/channels/shop/sync', { alertFailurePercent: 40 });
      const alerts = (await api('GET', '/channels/alerts')).body.items;
      assert.deepEqual(
        alerts.map((a: { channelId: string; kind: string; message: string }) => [
          a.channelId,
          a.kind,
          a.message,
        ]),
        [['shop', 'failure_rate', "50% of the last hour's 6 deliveries and pushes failed (threshold 40%)"]],
      );
      await api('PUT', '/channels/shop/sync', { alertFailurePercent: null });
    });

    it('finds a WooCommerce product by SKU, sets its stock and completes shipped orders with a note', async () => {
      await connectChannel(t.current, 'woo', 'woocommerce', {
        shopUrl: platformUrl,
        apiKey: 'ck_sync',
        apiSecret: 'cs_sync',
      });
      await api('PUT', '/channels/woo/sync', { maxPerSecond: 40 });
      await newCarrier(t.current.app, { code: 'sf', name: '顺丰', trackingPrefix: 'SF' }, { name: '标快' });
      await api('POST', '/skus', { code: 'SYNC-W', name: 'Woo mug', price: '30.00' });
      await stockUp(t.current.app, { sku: 'SYNC-W', delta: 6 });
      await drain();
      platform.seen.length = 0;
      await flush();
      const basic = `Basic ${Buffer.from('ck_sync:cs_sync').toString('base64')}`;
      const lookup = platform.seen.find((s) => s.url.startsWith('/wp-json/wc/v3/products?'));
      assert.ok(lookup, 'the product is looked up by SKU');
      assert.equal(lookup.headers.authorization, basic);
      const put = writes('/wp-json/wc/v3/products/794');
      assert.equal(put.length, 1);
      assert.equal(put[0].method, 'PUT');
      assert.equal(put[0].headers.authorization, basic);
      assert.deepEqual(put[0].body, { manage_stock: true, stock_quantity: 6 });

      // Orders from both shops ship; each platform is told in its own way.
      const wooOrder = await api(
        'POST',
        '/orders',
        newOrderInput({
          channel: 'woo',
          externalId: '727',
          lines: [{ sku: 'SYNC-W', quantity: 1, unitPrice: '30.00' }],
          shippingFee: '0.00',
          total: '30.00',
          payment: { status: 'paid', method: 'bacs', paidAmount: '30.00', paidAt: '2026-11-24T01:00:00Z' },
        }),
      );
      assert.equal(wooOrder.status, 201, JSON.stringify(wooOrder.body));
      const shopOrder = await api(
        'POST',
        '/orders',
        newOrderInput({
          channel: 'shop',
          externalId: '820982911946154508',
          lines: [{ sku: 'SYNC-1', quantity: 1, unitPrice: '59.90' }],
          shippingFee: '0.00',
          total: '59.90',
          payment: { status: 'paid', method: 'shopify', paidAmount: '59.90', paidAt: '2026-11-24T01:00:00Z' },
        }),
      );
      assert.equal(shopOrder.status, 201, JSON.stringify(shopOrder.body));
      await t.current.app.orders.allocation.allocateApproved();
      const wave = await api('POST', '/waves', { warehouse: 'main' });
      assert.equal(wave.status, 201, JSON.stringify(wave.body));
      await api('POST', `/waves/${wave.body.id}/picks`, { sku: 'SYNC-W', quantity: 1 });
      await api('POST', `/waves/${wave.body.id}/picks`, { sku: 'SYNC-1', quantity: 1 });
      await api('POST', `/orders/${wooOrder.body.id}/pack`, { scans: ['SYNC-W'], weightGrams: 500 });
      await api('POST', `/orders/${shopOrder.body.id}/pack`, { scans: ['SYNC-1'], weightGrams: 500 });
      const wooShipment = await api('POST', `/orders/${wooOrder.body.id}/ship`, {});
      const shopShipment = await api('POST', `/orders/${shopOrder.body.id}/ship`, {});
      assert.equal(shopShipment.status, 201, JSON.stringify(shopShipment.body));
      await drain();
      platform.seen.length = 0;
      await flush();

      const completed = writes('/wp-json/wc/v3/orders/727');
      assert.deepEqual(
        completed.map((s) => [s.method, s.url, s.body]),
        [
          ['PUT', '/wp-json/wc/v3/orders/727', { status: 'completed' }],
          [
            'POST',
            '/wp-json/wc/v3/orders/727/notes',
            { note: `Shipped: 顺丰 ${wooShipment.body.trackingNumber}`, customer_note: true },
          ],
        ],
      );
      assert.ok(
        platform.seen.some(
          (s) => s.url === '/admin/api/2024-10/orders/820982911946154508/fulfillment_orders.json',
        ),
      );
      const fulfilment = writes('/admin/api/2024-10/fulfillments.json');
      assert.equal(fulfilment.length, 1);
      assert.equal(fulfilment[0].headers['x-shopify-access-token'], 'shpat_sync');
      assert.deepEqual(fulfilment[0].body, {
        fulfillment: {
          line_items_by_fulfillment_order: [{ fulfillment_order_id: 1046000778 }],
          tracking_info: { number: shopShipment.body.trackingNumber, company: '顺丰' },
          notify_customer: true,
        },
      });

      // The event delivered again (at-least-once) tells the platform nothing twice.
      platform.seen.length = 0;
      await t.current.app.channels.syncBack.onShipmentCreated({
        shipmentId: wooShipment.body.id,
        orderId: wooOrder.body.id,
        trackingNumber: wooShipment.body.trackingNumber,
      });
      await flush();
      assert.equal(writes('/wp-json/wc/v3/orders/').length, 0);
    });

    it('sends a signed test delivery to the channel’s own endpoint', async () => {
      const sent = await api('POST', '/channels/shop/test-delivery');
      assert.equal(sent.status, 200, JSON.stringify(sent.body));
      assert.equal(sent.body.statusCode, 200);
      assert.equal(sent.body.outcome, 'ignored');
      const deliveries = await api('GET', '/channels/shop/deliveries');
      assert.equal(deliveries.body.items[0].topic, 'ordo/test-delivery');
    });

    it('raises an alert for a channel silent beyond its working minutes, in health too', async () => {
      const saved = await api('PUT', '/channels/woo/sync', { alertSilentMinutes: 60 });
      assert.equal(saved.body.alertSilentMinutes, 60);
      assert.deepEqual((await api('GET', '/channels/alerts')).body.items, []);
      clock.advance(2 * 60 * 60 * 1000);
      const alerts = (await api('GET', '/channels/alerts')).body.items;
      assert.deepEqual(
        alerts.map((a: { channelId: string; kind: string }) => [a.channelId, a.kind]),
        [['woo', 'silent']],
      );
      const health = await api('GET', '/system/health');
      assert.ok(
        health.body.problems.some((p: string) => p.startsWith('channel woo: no order received')),
        JSON.stringify(health.body.problems),
      );
      const bad = await api('PUT', '/channels/woo/sync', { alertFailurePercent: 0 });
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.details.field, 'alertFailurePercent');
    });
  });
}
