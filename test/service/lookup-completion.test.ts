import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createCompletion } from '../../src/modules/service/completion/completion.ts';
import { lookupsPerMinute } from '../../src/modules/service/service.routes.ts';
import { fixedClock } from '../../src/platform/clock.ts';
import { useTestApp } from '../helpers/app.ts';
import { testDialects } from '../helpers/db.ts';
import { api, placeOrder, pushScan, setUpShop, shipOrder } from './journey.ts';

// biome-ignore lint/suspicious/noExplicitAny: response bodies are read field by field in assertions.
type Json = any;
const dayMs = 24 * 3600_000;

for (const dialect of testDialects) {
  describe(`customer order lookup and completion on ${dialect}`, () => {
    const clock = fixedClock('2026-11-20T04:00:00Z');
    const t = useTestApp(dialect, { clock });
    const state = { shop: { carrier: '', secret: '' }, order: {} as Json, tracking: '', other: {} as Json };
    let client = 0;
    /** Each call from its own address unless one is given: the rate limit is per client. */
    const lookUp = (query: string, remoteAddress = `10.0.0.${++client}`) =>
      t.current.server.inject({ method: 'GET', url: `/api/v1/public/orders/lookup?${query}`, remoteAddress });

    it('shows the status history and parcels to a customer who names the order and its contact', async () => {
      state.shop = await setUpShop(t.current, 'LOOK-1');
      state.order = await placeOrder(t.current, 'LOOK-1', {
        externalId: 'SHOP-778899',
        customer: { name: '王芳', email: 'Fang.Wang@Example.com', phone: '+86 139-0000-0009' },
      });
      state.other = await placeOrder(t.current, 'LOOK-1');
      clock.advance(3600_000);
      state.tracking = await shipOrder(t.current, state.order.id, 'LOOK-1');
      const byNumber = await lookUp(`number=${state.order.number}&contact=13900000009`);
      assert.equal(byNumber.statusCode, 200, byNumber.body);
      const body = byNumber.json();
      assert.equal(body.number, state.order.number);
      assert.equal(body.status, 'shipped');
      assert.deepEqual(
        body.events.map((e: Json) => e.status),
        ['approved', 'allocated', 'picking', 'packed', 'shipped'],
      );
      assert.equal(body.events.at(-1).at, '2026-11-20T05:00:00.000Z');
      assert.deepEqual(body.shipments, [
        { carrier: '顺丰速运', trackingNumber: state.tracking, status: 'label_created' },
      ]);
      assert.deepEqual(
        Object.keys(body).sort(),
        ['events', 'number', 'shipments', 'status'],
        'nothing else leaks',
      );
      const byChannelId = await lookUp(
        `number=SHOP-778899&contact=${encodeURIComponent(' fang.wang@EXAMPLE.com')}`,
      );
      assert.equal(byChannelId.statusCode, 200);
      assert.equal(byChannelId.json().number, state.order.number);
    });

    it('answers every mismatch with the same 404 body', async () => {
      const answers = await Promise.all([
        lookUp(`number=${state.order.number}&contact=13900000008`),
        lookUp(`number=${state.order.number}&contact=someone@example.com`),
        lookUp('number=NO-SUCH-ORDER&contact=13900000009'),
        // The other order's number with this customer's phone.
        lookUp(`number=${state.other.number}&contact=13900000009`),
      ]);
      for (const answer of answers) assert.equal(answer.statusCode, 404);
      assert.equal(new Set(answers.map((a) => a.body)).size, 1, answers.map((a) => a.body).join('\n'));
      assert.equal(answers[0]!.json().error.code, 'NOT_FOUND');
      const missing = await lookUp(`number=${state.order.number}`);
      assert.equal(missing.statusCode, 400);
    });

    it('limits how often one client may look up', async () => {
      const statuses: number[] = [];
      for (let i = 0; i <= lookupsPerMinute; i++)
        statuses.push((await lookUp(`number=GUESS-${i}&contact=13900000009`, '10.9.9.9')).statusCode);
      assert.deepEqual(statuses.slice(0, lookupsPerMinute), Array(lookupsPerMinute).fill(404));
      assert.equal(statuses.at(-1), 429);
      const limited = await lookUp(`number=${state.order.number}&contact=13900000009`, '10.9.9.9');
      assert.equal(limited.statusCode, 429);
      assert.equal(limited.json().error.code, 'RATE_LIMITED');
      assert.equal(
        (await lookUp(`number=${state.order.number}&contact=13900000009`)).statusCode,
        200,
        'others still may',
      );
    });

    it('completes a delivered order when its return window ends, not before', async () => {
      await pushScan(t.current, state.shop, state.tracking, 'Delivered', '2026-11-20T06:00:00Z');
      clock.set('2026-11-20T06:00:00Z');
      const status = async () => (await api(t.current, 'GET', `/orders/${state.order.id}`)).status;
      assert.equal(await status(), 'delivered');
      clock.advance(6 * dayMs);
      assert.deepEqual(await t.current.app.service.completion.completeDueOrders(), {
        completed: 0,
        keptOpen: 0,
      });
      assert.equal(await status(), 'delivered');
      clock.advance(dayMs + 60_000);
      assert.deepEqual(await t.current.app.service.completion.completeDueOrders(), {
        completed: 1,
        keptOpen: 0,
      });
      assert.equal(await status(), 'completed');
      assert.equal(
        (await lookUp(`number=${state.order.number}&contact=13900000009`)).json().events.at(-1).status,
        'completed',
      );
    });

    it('keeps an order with an open return or complaint delivered, and follows the window setting', async () => {
      const order = await placeOrder(t.current, 'LOOK-1');
      const tracking = await shipOrder(t.current, order.id, 'LOOK-1');
      await pushScan(t.current, state.shop, tracking, 'Delivered', clock.now().toISOString());
      const settings = await api(t.current, 'GET', '/notifications/settings');
      const { isEmailConfigured: _, sms, webhook, ...rest } = settings;
      await api(t.current, 'PUT', '/notifications/settings', {
        ...rest,
        returnWindowDays: 2,
        sms: { url: sms.url },
        webhook: { url: webhook.url },
      });
      clock.advance(2 * dayMs + 60_000);
      const withOpenReturn = createCompletion({
        database: t.current.app.database,
        clock,
        returnWindowDays: async () => 2,
        openAftersalesOf: async (ids) => new Set(ids.filter((id) => id === order.id)),
      });
      assert.deepEqual(await withOpenReturn.completeDueOrders(), { completed: 0, keptOpen: 1 });
      assert.equal((await api(t.current, 'GET', `/orders/${order.id}`)).status, 'delivered');
      assert.deepEqual(await t.current.app.service.completion.completeDueOrders(), {
        completed: 1,
        keptOpen: 0,
      });
    });
  });
}
