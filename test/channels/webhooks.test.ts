import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { useTestApp } from '../helpers/app.ts';
import { testDialects } from '../helpers/db.ts';
import {
  connectChannel,
  deliver,
  deliveriesOf,
  fixture,
  ordersOf,
  secretOf,
  shopifySample,
} from './channel-helpers.ts';

// CONTRACT.md "Channel connectors": the platforms' own documented samples, signed with their
// schemes, become exactly one order each; replays make no second; a bad signature stores nothing.

type Order = {
  id: string;
  externalId: string;
  status: string;
  holds: string[];
  currency: string;
  total: string;
  shippingFee: string;
  discount: string;
  lines: { sku: string; quantity: number; unitPrice: string }[];
  payment: { status: string; method: string | null };
  shippingAddress: { city: string; line1: string; country: string };
};

for (const dialect of testDialects) {
  describe(`channel webhooks on ${dialect}`, () => {
    const t = useTestApp(dialect);
    const getOrder = async (id: string) =>
      (await t.current.request({ method: 'GET', url: `/api/v1/orders/${id}` })).json() as Order;

    it('creates a channel with its connector and never returns the secret', async () => {
      const created = await connectChannel(t.current, 'shop', 'shopify');
      assert.equal(created.connector.connector, 'shopify');
      assert.equal(created.connector.hasWebhookSecret, true);
      assert.equal(created.connector.webhookPath, '/api/v1/channels/shop/webhook');
      const list = await t.current.request({ method: 'GET', url: '/api/v1/channels/connectors' });
      assert.equal(list.statusCode, 200);
      assert.ok(!JSON.stringify(created).includes(secretOf('shop')));
      assert.ok(!list.body.includes(secretOf('shop')));
    });

    it('refuses a short secret and a Shopify connector without one, storing no channel', async () => {
      const short = await t.current.request({
        method: 'POST',
        url: '/api/v1/channels',
        payload: { id: 'short', name: 'Short', connector: 'woocommerce', webhookSecret: 'too-short' },
      });
      assert.equal(short.statusCode, 400);
      assert.match(short.body, /webhookSecret/);
      const noSecret = await t.current.request({
        method: 'POST',
        url: '/api/v1/channels',
        payload: { id: 'nosecret', name: 'No secret', connector: 'shopify' },
      });
      assert.equal(noSecret.statusCode, 400);
      assert.equal(noSecret.json().error.details.field, 'webhookSecret');
      const channels = (await t.current.request({ method: 'GET', url: '/api/v1/channels' })).json().items;
      assert.ok(!channels.some((c: { id: string }) => c.id === 'short' || c.id === 'nosecret'));
    });

    it('stores nothing for a wrong or missing signature', async () => {
      const body = shopifySample();
      const wrong = await deliver(t.current, 'shop', 'shopify', body, {
        secret: 'not-the-shop-secret-at-all',
      });
      assert.equal(wrong.statusCode, 401);
      assert.equal(wrong.json().error.code, 'INVALID_SIGNATURE');
      const missing = await deliver(t.current, 'shop', 'shopify', body, { secret: null });
      assert.equal(missing.statusCode, 401);
      const tampered = await t.current.server.inject({
        method: 'POST',
        url: '/api/v1/channels/shop/webhook',
        headers: {
          'content-type': 'application/json',
          'x-shopify-hmac-sha256': (await import('../../src/modules/channels/index.ts')).signBody(
            secretOf('shop'),
            body,
          ),
        },
        payload: body.replace('403.00', '4.00'),
      });
      assert.equal(tampered.statusCode, 401);
      assert.equal((await ordersOf(t.current, 'shop')).length, 0);
      assert.equal((await deliveriesOf(t.current, 'shop')).length, 0);
      const health = (await t.current.request({ method: 'GET', url: '/api/v1/channels/health' })).json();
      const shop = health.items.find((h: { channelId: string }) => h.channelId === 'shop');
      assert.equal(shop.signatureFailures, 3);
      assert.equal(shop.status, 'warning');
    });

    it("turns Shopify's orders/create sample into one order with its exact id, lines and totals", async () => {
      const response = await deliver(t.current, 'shop', 'shopify', shopifySample(), {
        topic: 'orders/create',
        deliveryId: 'b54557e4-bdd9-4b37-8a5f-bf7d70bcd043',
      });
      assert.equal(response.statusCode, 200, response.body);
      const result = response.json();
      assert.equal(result.status, 'accepted');
      assert.equal(result.outcome, 'created');
      const order = await getOrder(result.orderId);
      assert.equal(order.externalId, '820982911946154508');
      assert.equal(order.currency, 'USD');
      assert.equal(order.total, '403.00');
      assert.equal(order.shippingFee, '10.00');
      assert.equal(order.discount, '5.00');
      assert.deepEqual(
        order.lines.map((l) => [l.sku, l.quantity, l.unitPrice]),
        [
          ['IPOD2008PINK', 1, '199.00'],
          ['IPOD2008PINK', 1, '199.00'],
        ],
      );
      assert.equal(order.shippingAddress.city, 'Shippington');
      assert.equal(order.shippingAddress.line1, '123 Shipping Street');
      assert.equal(order.shippingAddress.country, 'US');
      // The sample's payment is voided: the order waits for payment, held, not rejected.
      assert.equal(order.status, 'pending_review');
      assert.ok(order.holds.includes('PAYMENT_PENDING'), order.holds.join());
    });

    it('makes no second order from a replayed delivery or the same order delivered again', async () => {
      const again = await deliver(t.current, 'shop', 'shopify', shopifySample(), {
        topic: 'orders/create',
        deliveryId: 'b54557e4-bdd9-4b37-8a5f-bf7d70bcd043',
      });
      assert.equal(again.statusCode, 200);
      assert.equal(again.json().status, 'duplicate');
      const resent = await deliver(t.current, 'shop', 'shopify', shopifySample(), {
        topic: 'orders/create',
        deliveryId: 'another-delivery-of-the-same-order',
      });
      assert.equal(resent.json().outcome, 'duplicate');
      const orders = await ordersOf(t.current, 'shop');
      assert.deepEqual(
        orders.map((o) => o.externalId),
        ['820982911946154508'],
      );
    });

    it('releases PAYMENT_PENDING on orders/paid', async () => {
      const paid = shopifySample({
        financial_status: 'paid',
        processed_at: '2019-06-04T14:00:00-04:00',
        cancelled_at: null,
      });
      const response = await deliver(t.current, 'shop', 'shopify', paid, {
        topic: 'orders/paid',
        deliveryId: 'paid-1',
      });
      assert.equal(response.json().outcome, 'updated', response.body);
      const order = await getOrder(response.json().orderId);
      assert.equal(order.payment.status, 'paid');
      assert.ok(!order.holds.includes('PAYMENT_PENDING'), order.holds.join());
    });

    it('re-audits an address changed by orders/updated before allocation', async () => {
      const moved = shopifySample({ financial_status: 'paid', cancelled_at: null }).replace(
        '"address1": "123 Shipping Street"',
        '"address1": "9 New Street"',
      );
      const response = await deliver(t.current, 'shop', 'shopify', moved, {
        topic: 'orders/updated',
        deliveryId: 'upd-1',
      });
      assert.equal(response.json().outcome, 'updated', response.body);
      const order = await getOrder(response.json().orderId);
      assert.equal(order.shippingAddress.line1, '9 New Street');
    });

    it('cancels the order on orders/cancelled', async () => {
      const response = await deliver(t.current, 'shop', 'shopify', shopifySample(), {
        topic: 'orders/cancelled',
        deliveryId: 'cancel-1',
      });
      assert.equal(response.json().outcome, 'cancelled', response.body);
      assert.equal((await getOrder(response.json().orderId)).status, 'cancelled');
    });

    it("answers WooCommerce's ping and turns its REST v3 order sample into one order", async () => {
      await connectChannel(t.current, 'woo', 'woocommerce');
      const ping = await deliver(t.current, 'woo', 'woocommerce', 'webhook_id=15', {
        secret: null,
        contentType: 'application/x-www-form-urlencoded',
      });
      assert.equal(ping.statusCode, 200);
      assert.equal(ping.json().status, 'ping');
      assert.equal((await deliveriesOf(t.current, 'woo')).length, 0);

      const body = fixture('woocommerce-order.json');
      const started = performance.now();
      const response = await deliver(t.current, 'woo', 'woocommerce', body, {
        topic: 'order.created',
        deliveryId: '9f3c1d2e',
      });
      assert.ok(performance.now() - started < 1000, 'a valid delivery is answered within a second');
      assert.equal(response.statusCode, 200, response.body);
      assert.equal(response.json().outcome, 'created');
      const order = await getOrder(response.json().orderId);
      assert.equal(order.externalId, '727');
      assert.equal(order.total, '29.35');
      // Shipping 10.00 with the tax of 1.35 charged on top of the prices: the total reconciles.
      assert.equal(order.shippingFee, '11.35');
      assert.ok(!order.holds.includes('TOTAL_MISMATCH'), order.holds.join());
      assert.ok(!order.holds.includes('AMOUNT_MISMATCH'), order.holds.join());
      assert.equal(order.payment.status, 'paid');
      assert.equal(order.payment.method, 'bacs');
      assert.deepEqual(
        order.lines.map((l) => [l.sku, l.quantity, l.unitPrice]),
        [
          ['wc-product-93', 2, '3.00'],
          ['Bar3', 1, '12.00'],
        ],
      );
      const replay = await deliver(t.current, 'woo', 'woocommerce', body, {
        topic: 'order.updated',
        deliveryId: 'x2',
      });
      assert.equal(replay.json().outcome, 'duplicate');
      assert.equal((await ordersOf(t.current, 'woo')).length, 1);
    });

    it('keeps an unmappable signed payload, shows it, and replays it after a fix', async () => {
      const noLines = '{"id": 5550001, "line_items": []}';
      const kept = await deliver(t.current, 'shop', 'shopify', noLines, {
        topic: 'orders/create',
        deliveryId: 'bad-1',
      });
      assert.equal(kept.statusCode, 200);
      assert.equal(kept.json().outcome, 'failed');
      const failed = await deliveriesOf(t.current, 'shop', 'failed');
      assert.equal(failed.length, 1);
      assert.match(failed[0].error ?? '', /line_items/);

      // A delivery for a switched-off channel cannot be stored; once it is on again, a replay can.
      await t.current.request({ method: 'PATCH', url: '/api/v1/channels/woo', payload: { isActive: false } });
      const body = fixture('woocommerce-order.json').replace('"id": 727', '"id": 728');
      const response = await deliver(t.current, 'woo', 'woocommerce', body, {
        topic: 'order.created',
        deliveryId: 'w728',
      });
      assert.equal(response.json().outcome, 'failed', response.body);
      const health = (await t.current.request({ method: 'GET', url: '/api/v1/channels/health' })).json();
      const woo = health.items.find((h: { channelId: string }) => h.channelId === 'woo');
      assert.equal(woo.mappingFailures, 1);
      assert.equal(woo.status, 'failing');

      await t.current.request({ method: 'PATCH', url: '/api/v1/channels/woo', payload: { isActive: true } });
      const replayed = await t.current.request({
        method: 'POST',
        url: `/api/v1/channels/woo/deliveries/${response.json().deliveryId}/replay`,
      });
      assert.equal(replayed.statusCode, 200, replayed.body);
      assert.equal(replayed.json().outcome, 'created');
      assert.equal(replayed.json().attempts, 2);
      const again = await t.current.request({
        method: 'POST',
        url: `/api/v1/channels/woo/deliveries/${response.json().deliveryId}/replay`,
      });
      assert.equal(again.json().outcome, 'duplicate');
      assert.deepEqual((await ordersOf(t.current, 'woo')).map((o) => o.externalId).sort(), ['727', '728']);
    });

    it('takes the canonical order on the generic webhook with a secret Ordo generated and showed once', async () => {
      const response = await t.current.request({
        method: 'POST',
        url: '/api/v1/channels',
        payload: { id: 'own', name: 'Own site', connector: 'webhook' },
      });
      assert.equal(response.statusCode, 201, response.body);
      const secret = response.json().connector.generatedWebhookSecret as string;
      assert.ok(secret.length >= 16);
      const listed = await t.current.request({ method: 'GET', url: '/api/v1/channels/connectors' });
      assert.ok(!listed.body.includes(secret));
      const order = JSON.stringify({
        channel: 'ignored',
        externalId: '9007199254740993',
        placedAt: '2026-11-20T08:01:02Z',
        currency: 'CNY',
        lines: [{ sku: 'TEE-RED-M', quantity: 2, unitPrice: '59.90' }],
        total: '119.80',
      });
      const delivered = await deliver(
        t.current,
        'own',
        'webhook',
        order.replace('"9007199254740993"', '9007199254740993'),
        {
          secret,
        },
      );
      assert.equal(delivered.json().outcome, 'created', delivered.body);
      assert.equal((await getOrder(delivered.json().orderId)).externalId, '9007199254740993');
    });

    it('counts channel deliveries in the Prometheus metrics', async () => {
      const metrics = await t.current.server.inject({ method: 'GET', url: '/metrics' });
      assert.match(metrics.body, /ordo_channel_deliveries_total\{channel="shop",outcome="created"\} 1/);
      assert.match(metrics.body, /ordo_channel_signature_failures_total\{channel="shop"\} 3/);
    });
  });
}
