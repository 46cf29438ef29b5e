import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixedClock } from '../../src/platform/clock.ts';
import { useTestApp } from '../helpers/app.ts';
import { testDialects } from '../helpers/db.ts';
import { newOrderInput, stockUp } from '../helpers/factories.ts';

// biome-ignore lint/suspicious/noExplicitAny: response bodies are read field by field in assertions.
type Json = any;

for (const dialect of testDialects) {
  describe(`a short pick on ${dialect}`, () => {
    const t = useTestApp(dialect, { clock: fixedClock('2026-11-20T09:00:00Z') });
    const api = async (method: 'GET' | 'POST', url: string, payload?: object) =>
      (await t.current.request({ method, url: `/api/v1${url}`, payload })).json() as Json;

    it('sends the least urgent order back, writes the units off and opens an out-of-stock case', async () => {
      await api('POST', '/skus', { code: 'SHORT-1', name: 'Short', price: '10.00' });
      await stockUp(t.current.app, { sku: 'SHORT-1', delta: 3 });
      const order = (externalId: string, quantity: number, placedAt: string) =>
        api(
          'POST',
          '/orders',
          newOrderInput({
            externalId,
            placedAt,
            lines: [{ sku: 'SHORT-1', quantity, unitPrice: '10.00' }],
            total: (quantity * 10 + 10).toFixed(2),
            payment: { status: 'paid', method: 'alipay', paidAmount: (quantity * 10 + 10).toFixed(2) },
          }),
        );
      const first = await order(`short-a-${dialect}`, 2, '2026-11-20T08:00:00Z');
      const later = await order(`short-b-${dialect}`, 1, '2026-11-20T08:30:00Z');
      assert.deepEqual([first.status, later.status], ['approved', 'approved'], JSON.stringify(later.holds));
      await t.current.app.orders.allocation.allocateApproved();
      const wave = await api('POST', '/waves', { warehouse: 'main' });
      assert.deepEqual(
        wave.lines.map((l: Json) => [l.sku, l.quantity]),
        [['SHORT-1', 3]],
      );

      // Two found, the bin is empty: one unit is short, and the later order gives way.
      const picked = await api('POST', `/waves/${wave.id}/picks`, {
        sku: 'SHORT-1',
        quantity: 2,
        isShort: true,
      });
      assert.equal(picked.status, 'picked');
      assert.deepEqual(
        picked.orders.map((o: Json) => o.id),
        [first.id],
      );
      assert.deepEqual(
        picked.lines.map((l: Json) => [l.sku, l.quantity, l.pickedQuantity, l.shortQuantity]),
        [['SHORT-1', 2, 2, 1]],
      );
      assert.equal((await api('GET', `/orders/${first.id}`)).status, 'picking');
      assert.equal((await api('GET', `/orders/${later.id}`)).status, 'backordered');
      await t.current.app.dispatcher.drain();
      const cases = (await api('GET', '/risk/cases')).items.filter((c: Json) => c.orderId === later.id);
      assert.deepEqual(
        cases.map((c: Json) => [c.caseType, c.status]),
        [['out_of_stock', 'open']],
        'the short pick is a case in the risk module',
      );
      const level = (await api('GET', '/inventory/levels?sku=SHORT-1')).items[0];
      assert.deepEqual([level.onHand, level.reserved], [2, 2], 'the missing unit is off the books');
    });
  });
}
