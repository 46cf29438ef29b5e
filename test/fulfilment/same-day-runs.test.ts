import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { useTestApp } from '../helpers/app.ts';
import { runOrdo } from '../helpers/cli.ts';
import { testDialects } from '../helpers/db.ts';
import { newOrderInput, stockUp } from '../helpers/factories.ts';

// biome-ignore lint/suspicious/noExplicitAny: response bodies are read field by field in assertions.
type Json = any;

const address = (district: string, line1: string) => ({
  name: '王芳',
  phone: '+8613800000000',
  country: 'CN',
  province: '浙江省',
  city: '杭州市',
  district,
  line1,
  postalCode: '310000',
});

for (const dialect of testDialects) {
  describe(`riders' runs from the same-day orders on the shelf, on ${dialect}`, () => {
    const t = useTestApp(dialect);
    const api = async (method: 'GET' | 'POST', url: string, payload?: object, role = 'admin') => {
      const response = await t.current.request({ method, url: `/api/v1${url}`, payload, role });
      return { status: response.statusCode, body: response.json() as Json };
    };
    const runs = (payload: object, role = 'logistics') => api('POST', '/routes/same-day', payload, role);

    it('has no run while no same-day parcel waits', async () => {
      const empty = await runs({ capacity: 10 });
      assert.equal(empty.status, 200, JSON.stringify(empty.body));
      assert.deepEqual(empty.body, { orderCount: 0, stopCount: 0, capacity: 10, runs: [] });
    });

    it('groups the packed same-day orders by door and rides a district whole', async () => {
      await api('POST', '/skus', { code: 'TEA-1', name: '龙井 250g', price: '59.90' });
      await stockUp(t.current.app, { sku: 'TEA-1', delta: 20 });
      const orders: Array<[string, string, string]> = [
        ['same_day', '西湖区', '文三路 100 号'],
        ['same_day', '西湖区', '文三路100号'],
        ['same_day', '西湖区', '文三路 9 号'],
        ['same_day', '上城区', '解放路 1 号'],
        ['standard', '西湖区', '文三路 50 号'],
      ];
      const ids: string[] = [];
      for (const [index, [service, district, line1]] of orders.entries()) {
        const created = await api(
          'POST',
          '/orders',
          newOrderInput({
            externalId: `run-${dialect}-${index}`,
            requestedService: service,
            shippingAddress: address(district, line1),
            lines: [{ sku: 'TEA-1', quantity: 1, unitPrice: '59.90' }],
            total: '69.90',
            payment: {
              status: 'paid',
              method: 'alipay',
              paidAmount: '69.90',
              paidAt: '2026-11-20T08:01:30Z',
            },
          }),
        );
        assert.equal(created.body.status, 'approved', JSON.stringify(created.body.holds));
        ids.push(created.body.id);
      }
      // A same-day order not packed yet is not on the shelf: it waits for the next plan.
      const unpacked = await api(
        'POST',
        '/orders',
        newOrderInput({ externalId: `run-${dialect}-late`, requestedService: 'same_day' }),
      );
      await t.current.app.orders.allocation.allocateApproved();
      const wave = await api('POST', '/waves', { warehouse: 'main' });
      assert.equal(wave.status, 201, JSON.stringify(wave.body));
      await api('POST', `/waves/${wave.body.id}/picks`, { sku: 'TEA-1', quantity: 5 });
      for (const id of ids) {
        const packed = await api('POST', `/orders/${id}/pack`, { scans: ['TEA-1'], weightGrams: 300 });
        assert.equal(packed.body.status, 'packed', JSON.stringify(packed.body));
      }

      const plan = await runs({ capacity: 3 });
      assert.equal(plan.status, 200, JSON.stringify(plan.body));
      assert.equal(plan.body.orderCount, 4, 'the standard and the unpacked order stay out');
      assert.equal(plan.body.stopCount, 3, 'two orders to one door are one stop');
      const stops = plan.body.runs.flatMap((run: Json) => run.stops);
      assert.ok(!stops.some((stop: Json) => stop.orders.includes(unpacked.body.number)));
      const west = plan.body.runs.find((run: Json) => run.zones.includes('浙江省 杭州市 西湖区'));
      assert.deepEqual(
        west.stops.map((stop: Json) => [stop.street.replace(/ /g, ''), stop.orders.length]),
        [
          ['文三路9号', 1],
          ['文三路100号', 2],
        ],
        'a district on one rider, its doors in house-number order',
      );
      assert.ok(plan.body.runs.every((run: Json) => run.load <= 3));
    });

    it('plans the same runs from the command line', async () => {
      const { testDb } = t.current;
      const env: Record<string, string> =
        dialect === 'postgres'
          ? { DATABASE_URL: testDb.url! }
          : { ORDO_DATA_DIR: path.dirname(testDb.sqliteFile!) };
      const json = await runOrdo(['routes', 'plan', '--from-orders', '--capacity', '3', '--json'], env);
      assert.equal(json.status, 0, json.stderr);
      assert.deepEqual(JSON.parse(json.stdout), (await runs({ capacity: 3 })).body);
      const human = await runOrdo(['routes', 'plan', '--from-orders', '--capacity', '3'], env);
      assert.equal(human.status, 0, human.stderr);
      const lines = human.stdout.trim().split('\n');
      assert.equal(lines[0], 'same-day parcels: 4 orders to 3 doors, 2 riders of capacity 3');
      assert.match(
        lines.find((line) => line.includes('西湖区')) ?? '',
        /^rider \d \(load 3\/3\) 浙江省 杭州市 西湖区: 文三路 ?9 ?号 \(\S+\) · 文三路 ?100 ?号 \(\S+, \S+\)$/,
      );
      const refused = await runOrdo(
        ['routes', 'plan', '--from-orders', '--capacity', '1', '--vehicles', '2'],
        env,
      );
      assert.notEqual(refused.status, 0);
      assert.match(refused.stderr, /more than a rider's capacity of 1/);
    });

    it('says why the riders cannot carry the parcels, and checks who asks', async () => {
      const short = await runs({ capacity: 1, riders: 2 });
      assert.equal(short.status, 422);
      assert.equal(short.body.error.code, 'UNPLANNABLE');
      assert.match(short.body.error.message, /2 parcels, more than a rider's capacity of 1/);
      assert.equal((await runs({ capacity: 0 })).status, 400);
      assert.equal((await runs({ capacity: 5 }, 'finance')).status, 403);
      const spec = (await t.current.server.inject({ method: 'GET', url: '/openapi.json' })).json();
      const described = spec.paths['/api/v1/routes/same-day'].post;
      assert.ok(described.requestBody.content['application/json'].schema.properties.capacity);
      assert.ok(described.responses['200'] && described.responses['422']);
    });
  });
}
