import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixedClock } from '../../src/platform/clock.ts';
import { useTestApp } from '../helpers/app.ts';
import { testDialects } from '../helpers/db.ts';
import { newOrderInput } from '../helpers/factories.ts';

// biome-ignore lint/suspicious/noExplicitAny: response bodies are read field by field in assertions.
type Json = any;

// A day of work done through the API by three people (API keys named "test <role>"), then the
// per-person figures compared with a count made by hand from the steps below.
for (const dialect of testDialects) {
  describe(`per-person figures on ${dialect}`, () => {
    const clock = fixedClock('2026-11-20T09:00:00Z');
    const t = useTestApp(dialect, { clock });
    const api = async (method: 'GET' | 'POST', url: string, payload?: object, role = 'admin') => {
      const response = await t.current.request({ method, url: `/api/v1${url}`, payload, role });
      return { status: response.statusCode, body: response.json() as Json };
    };

    it('counts picks, units, short units and parcels per person, with the records behind them', async () => {
      for (const [code, name] of [
        ['TEA-1', '龙井 250g'],
        ['COF-1', 'Coffee 500g'],
      ]) {
        assert.equal((await api('POST', '/skus', { code, name, price: '10.00' })).status, 201);
        await api('POST', '/inventory/adjustments', {
          sku: code,
          warehouse: 'main',
          delta: 10,
          reason: 'stock',
        });
      }
      const tea = await api(
        'POST',
        '/orders',
        newOrderInput({
          externalId: `perf-tea-${dialect}`,
          lines: [{ sku: 'TEA-1', quantity: 2, unitPrice: '10.00' }],
        }),
      );
      const coffee = await api(
        'POST',
        '/orders',
        newOrderInput({
          externalId: `perf-cof-${dialect}`,
          lines: [{ sku: 'COF-1', quantity: 1, unitPrice: '10.00' }],
        }),
      );
      // Both wait for review (their totals differ from the lines); the order processor releases them.
      for (const order of [tea.body.id, coffee.body.id]) {
        const decided = await api(
          'POST',
          `/orders/${order}/holds/release`,
          { codes: ['TOTAL_MISMATCH'], note: 'checked with the shop' },
          'order_processor',
        );
        assert.equal(decided.status, 200, JSON.stringify(decided.body));
        assert.equal((await api('GET', `/orders/${order}`)).body.status, 'approved');
      }
      await t.current.app.orders.allocation.allocateApproved();
      const wave = await api('POST', '/waves', { warehouse: 'main' });
      assert.equal(wave.status, 201, JSON.stringify(wave.body));
      // Hand count: the warehouse picks tea in two scans (one line, 2 units); the admin picks coffee.
      await api('POST', `/waves/${wave.body.id}/picks`, { sku: 'TEA-1', quantity: 1 }, 'warehouse');
      await api('POST', `/waves/${wave.body.id}/picks`, { sku: 'TEA-1', quantity: 1 }, 'warehouse');
      const last = await api('POST', `/waves/${wave.body.id}/picks`, { sku: 'COF-1', quantity: 1 });
      assert.equal(last.body.status, 'picked', JSON.stringify(last.body));
      // Logistics packs both parcels.
      for (const [order, scans] of [
        [tea.body.id, ['TEA-1', 'TEA-1']],
        [coffee.body.id, ['COF-1']],
      ] as const) {
        const packed = await api('POST', `/orders/${order}/pack`, { scans, weightGrams: 500 }, 'logistics');
        assert.equal(packed.status, 200, JSON.stringify(packed.body));
      }

      const day = await api('GET', '/performance/people?from=2026-11-20T00:00:00Z&to=2026-11-21T00:00:00Z');
      assert.equal(day.status, 200, JSON.stringify(day.body));
      const figures = Object.fromEntries(
        day.body.items.map((f: Json) => [
          f.person,
          [f.pickLines, f.pickedUnits, f.shortUnits, f.parcelsPacked, f.ordersReviewed],
        ]),
      );
      assert.deepEqual(figures, {
        'test admin': [1, 1, 0, 0, 0],
        'test logistics': [0, 0, 0, 2, 0],
        'test order_processor': [0, 0, 0, 0, 2],
        'test warehouse': [1, 2, 0, 0, 0],
      });
      const packer = day.body.items.find((f: Json) => f.person === 'test logistics');
      assert.equal(packer.sources.parcels.length, 2);

      const mine = await api(
        'GET',
        '/performance/mine?from=2026-11-20T00:00:00Z&to=2026-11-21T00:00:00Z',
        undefined,
        'warehouse',
      );
      assert.deepEqual(
        mine.body.items.map((f: Json) => f.person),
        ['test warehouse'],
      );
      const nextDay = await api(
        'GET',
        '/performance/people?from=2026-11-21T00:00:00Z&to=2026-11-22T00:00:00Z',
      );
      assert.deepEqual(nextDay.body.items, []);
      const backwards = await api(
        'GET',
        '/performance/people?from=2026-11-21T00:00:00Z&to=2026-11-20T00:00:00Z',
      );
      assert.equal(backwards.status, 400);
    });
  });
}
