import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runDemo } from '../../src/cli/demo.ts';
import { useTestApp } from '../helpers/app.ts';
import { testDialects } from '../helpers/db.ts';

// biome-ignore lint/suspicious/noExplicitAny: response bodies are read field by field in assertions.
type Json = any;

// `ordo demo` must leave a shop a new user can work in: carriers to ship with, a shipped and
// delivered history (some late), bins to walk, and the teams its queue rules route to.
for (const dialect of testDialects) {
  describe(`the demo shop on ${dialect}`, () => {
    const t = useTestApp(dialect);
    const api = async (method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: object) => {
      const response = await t.current.request({ method, url: `/api/v1${url}`, payload });
      return { status: response.statusCode, body: response.json() as Json };
    };
    const openOrders = new Map<string, string>();

    it('fills the shop', { timeout: 600_000 }, async () => {
      await runDemo(t.current.app, { orderCount: 150, seed: 7 });
    });

    it('sets up carriers with services, and has shipped and delivered orders with tracking, some late', async () => {
      const carriers = (await api('GET', '/carriers')).body.items;
      assert.ok(carriers.length >= 2);
      assert.ok(carriers.every((c: Json) => c.services.length > 0));
      const delivered = (await api('GET', '/shipments?status=delivered&limit=200')).body.items;
      assert.ok(delivered.length > 20, `${delivered.length} delivered`);
      const late = delivered.filter((s: Json) => s.deliveredAt > s.promisedBy);
      assert.ok(late.length > 0 && late.length < delivered.length / 2, `${late.length} late`);
      const one = (await api('GET', `/shipments/${delivered[0].id}`)).body;
      assert.deepEqual(
        one.events.map((e: Json) => e.status),
        ['delivered', 'out_for_delivery', 'in_transit'],
        'the carrier scans, newest first',
      );
      const order = (await api('GET', `/orders/${one.orderId}`)).body;
      assert.equal(order.status, 'delivered');
    });

    it('gives the weekly pack true figures: delivered, some late, and a last year from the history import', async () => {
      const pack = (await api('GET', '/reports/weekly')).body;
      assert.ok(pack.orders.received > 0, JSON.stringify(pack.orders));
      assert.ok(pack.delivery.delivered > 0);
      assert.ok(pack.stageHours.receivedToDelivered.n > 0);
      assert.ok(pack.stageHours.receivedToDelivered.p50 > 0);
      assert.ok(pack.previousWeeks.every((w: Json) => w.received > 0));
      assert.ok(pack.lastYear.received > 0 && pack.lastYear.delivered > 0, JSON.stringify(pack.lastYear));
    });

    it('creates the teams its queue rules route to', async () => {
      const rules = (await api('GET', '/settings/orders')).body.assignment;
      const teams = new Set((await api('GET', '/teams')).body.items.map((team: Json) => team.id));
      for (const rule of rules) assert.ok(teams.has(rule.team), `team ${rule.team} exists`);
    });

    it('leaves today’s orders to ship, on shelves with bins, and the rules can ship them', async () => {
      const allocated = (await api('GET', '/orders?status=allocated&limit=50')).body.items;
      assert.ok(allocated.length > 0, 'orders are waiting for the warehouse');
      const wave = await api('POST', '/waves', { warehouse: 'main' });
      assert.equal(wave.status, 201, JSON.stringify(wave.body));
      assert.ok(wave.body.lines.length > 0);
      assert.deepEqual(
        wave.body.lines.filter((line: Json) => !line.bin).map((line: Json) => line.sku),
        [],
        'every pick line names its bin',
      );
      for (const line of wave.body.lines)
        await api('POST', `/waves/${wave.body.id}/picks`, { sku: line.sku, quantity: line.quantity });
      for (const order of wave.body.orders) openOrders.set(order.id, order.number);
      const [orderId] = [...openOrders.keys()];
      const view = (await api('GET', `/packing/${orderId}`)).body;
      const scans = view.items.flatMap((item: Json) => Array(item.quantity).fill(item.sku));
      assert.equal((await api('POST', `/orders/${orderId}/pack`, { scans, weightGrams: 500 })).status, 200);
      const shipped = await api('POST', `/orders/${orderId}/ship`, {});
      assert.equal(shipped.status, 201, JSON.stringify(shipped.body));
      openOrders.delete(orderId);
    });

    it('says once what to set up, with a link, when no carrier service is active', async () => {
      const [orderId] = [...openOrders.keys()];
      assert.ok(orderId, 'a second order of the wave is left to pack');
      for (const carrier of (await api('GET', '/carriers')).body.items)
        await api('PATCH', `/carriers/${carrier.id}`, { isActive: false });
      const view = (await api('GET', `/packing/${orderId}`)).body;
      const scans = view.items.flatMap((item: Json) => Array(item.quantity).fill(item.sku));
      await api('POST', `/orders/${orderId}/pack`, { scans, weightGrams: 500 });
      const refused = await api('POST', `/orders/${orderId}/ship`, {});
      assert.equal(refused.status, 409);
      const { code, message, details } = refused.body.error;
      assert.equal(code, 'NO_CARRIER_SERVICE');
      assert.equal(details.setUpAt, '/logistics/carriers');
      assert.equal(details.hasServices, false);
      assert.equal(message.match(/no carrier service/gi)?.length, 1, message);
    });
  });
}
