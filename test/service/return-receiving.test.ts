import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { useTestApp } from '../helpers/app.ts';
import { testDialects } from '../helpers/db.ts';
import { newOrderInput, stockUp } from '../helpers/factories.ts';

for (const dialect of testDialects) {
  describe(`receiving a return on ${dialect}`, () => {
    const t = useTestApp(dialect);
    const api = async (method: 'GET' | 'POST', url: string, payload?: object) => {
      const response = await t.current.request({ method, url: `/api/v1${url}`, payload });
      return { status: response.statusCode, body: response.json() };
    };
    const onHand = async () =>
      (await api('GET', '/inventory/levels?sku=RCV-1&warehouse=main')).body.items[0].onHand as number;
    const returnMovements = (returnId: string) =>
      t.current.testDb.database.db
        .selectFrom('stock_movements')
        .select(['on_hand_delta', 'reason'])
        .where('reference_type', '=', 'return')
        .where('reference_id', '=', returnId)
        .execute();
    let orderNumber = '';

    before(async () => {
      await api('POST', '/skus', { code: 'RCV-1', name: 'Receivable', price: '30.00' });
      await stockUp(t.current.app, { sku: 'RCV-1', delta: 10 });
      const order = await api(
        'POST',
        '/orders',
        newOrderInput({ lines: [{ sku: 'RCV-1', quantity: 3, unitPrice: '30.00' }] }),
      );
      orderNumber = order.body.number;
    });

    /** A return of `quantity` units, approved by a person (the order is not delivered). */
    async function approvedReturn(quantity: number, kind: 'return' | 'exchange' = 'return') {
      const requested = await api('POST', '/returns', {
        orderNumber,
        kind,
        reason: 'changed my mind',
        lines: [{ sku: 'RCV-1', quantity }],
      });
      assert.equal(requested.status, 201, JSON.stringify(requested.body));
      assert.equal(requested.body.status, 'requested');
      const approved = await api('POST', `/returns/${requested.body.id}/decision`, { approve: true });
      assert.equal(approved.body.status, 'approved', JSON.stringify(approved.body));
      return requested.body.id as string;
    }
    const inspection = { warehouse: 'main', lines: [{ lineNo: 1, outcome: 'restock' }] };

    it('restocks once however often the receive is repeated', async () => {
      const id = await approvedReturn(2);
      const before = await onHand();
      const first = await api('POST', `/returns/${id}/receive`, inspection);
      assert.equal(first.status, 200, JSON.stringify(first.body));
      assert.equal(first.body.status, 'received');
      const again = await api('POST', `/returns/${id}/receive`, inspection);
      assert.equal(again.status, 200, 'a retried receive answers with the return as it is');
      assert.equal(again.body.status, 'received');
      assert.equal(await onHand(), before + 2);
      assert.deepEqual(
        (await returnMovements(id)).map((m) => Number(m.on_hand_delta)),
        [2],
        'one ledger row, tied to the return',
      );
    });

    it('restocks once when two receives of the same return race', async () => {
      const id = await approvedReturn(1);
      const before = await onHand();
      const results = await Promise.all([
        api('POST', `/returns/${id}/receive`, inspection),
        api('POST', `/returns/${id}/receive`, inspection),
        t.current.app.aftersales.returns.receiveReturn({ type: 'system', id: null, name: 'test' }, id, {
          warehouse: 'main',
          lines: [{ lineNo: 1, outcome: 'restock', note: '' }],
        }),
      ]);
      assert.deepEqual(
        results.map((r) => ('status' in r && typeof r.status === 'number' ? r.status : 200)),
        [200, 200, 200],
      );
      assert.equal(await onHand(), before + 1);
      assert.equal((await returnMovements(id)).length, 1);
    });

    it('places one replacement for an exchange received twice', async () => {
      const id = await approvedReturn(1, 'exchange');
      const first = await api('POST', `/returns/${id}/receive`, {
        warehouse: 'main',
        lines: [{ lineNo: 1, outcome: 'scrap' }],
      });
      const again = await api('POST', `/returns/${id}/receive`, {
        warehouse: 'main',
        lines: [{ lineNo: 1, outcome: 'scrap' }],
      });
      assert.ok(first.body.replacementOrderId);
      assert.equal(again.body.replacementOrderId, first.body.replacementOrderId);
      assert.equal((await returnMovements(id)).length, 0, 'scrapped goods never reach stock');
    });

    it('refuses to receive a return nobody approved, writing nothing', async () => {
      const requested = await api('POST', '/returns', {
        orderNumber,
        reason: 'x',
        lines: [{ sku: 'RCV-1', quantity: 1 }],
      });
      const before = await onHand();
      const refused = await api('POST', `/returns/${requested.body.id}/receive`, inspection);
      assert.equal(refused.status, 409);
      assert.equal(await onHand(), before);
      assert.equal((await api('GET', `/returns/${requested.body.id}`)).body.status, 'requested');
    });
  });
}
