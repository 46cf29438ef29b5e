import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type Explanation, renderExplanation } from '../../src/contracts/explanations.ts';
import { changeOrderStatus } from '../../src/modules/orders/index.ts';
import { systemActor } from '../../src/platform/actor.ts';
import { fixedClock } from '../../src/platform/clock.ts';
import { inTransaction } from '../../src/platform/db/transaction.ts';
import { useTestApp } from '../helpers/app.ts';
import { testDialects } from '../helpers/db.ts';
import { newOrderInput, newWarehouse, stockUp } from '../helpers/factories.ts';

type Level = { warehouse: string; onHand: number; reserved: number; available: number };

for (const dialect of testDialects) {
  describe(`allocation on ${dialect}`, () => {
    const clock = fixedClock('2026-11-20T09:00:00Z');
    const t = useTestApp(dialect, { clock });
    const api = async (method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: object) => {
      const response = await t.current.request({ method, url, payload });
      return { status: response.statusCode, body: response.json() };
    };
    const levels = async (sku: string): Promise<Level[]> =>
      (await api('GET', `/api/v1/inventory/levels?sku=${sku}`)).body.items;
    const levelIn = async (sku: string, warehouse: string) =>
      (await levels(sku)).find((l) => l.warehouse === warehouse);
    const stock = (sku: string, warehouse: string, delta: number) =>
      stockUp(t.current.app, { sku, warehouse, delta });
    let street = 0;
    const order = async (sku: string, quantity: number, overrides: Record<string, unknown> = {}) => {
      const total = (59.9 * quantity + 10).toFixed(2);
      const address = newOrderInput().shippingAddress as Record<string, string>;
      // A street of its own per order: the velocity check would hold many orders to one address.
      street += 1;
      const input = newOrderInput({
        shippingAddress: { ...address, line1: `文三路 ${street} 号` },
        lines: [{ sku, quantity, unitPrice: '59.90' }],
        total,
        payment: { status: 'paid', method: 'alipay', paidAmount: total, paidAt: '2026-11-20T08:01:30Z' },
        ...overrides,
      });
      const created = await api('POST', '/api/v1/orders', input);
      assert.equal(created.status, 201, JSON.stringify(created.body));
      assert.equal(created.body.status, 'approved');
      return created.body.id as string;
    };
    const detail = async (id: string) => (await api('GET', `/api/v1/orders/${id}`)).body;
    const allocate = () => t.current.app.orders.allocation.allocateApproved();
    const movements = async (query: string) =>
      (await api('GET', `/api/v1/inventory/movements?${query}`)).body.items;
    const sku = async (code: string) => {
      const created = await api('POST', '/api/v1/skus', { code, name: `Item ${code}`, price: '59.90' });
      assert.equal(created.status, 201);
    };

    it('reserves stock for an approved order and shows where on the order', async () => {
      await sku('ALLOC-1');
      await stock('ALLOC-1', 'main', 5);
      const id = await order('ALLOC-1', 2);
      assert.deepEqual(await allocate(), { allocated: 1, backordered: 0 });
      const allocated = await detail(id);
      assert.equal(allocated.status, 'allocated');
      assert.deepEqual(
        allocated.allocations.map((a: Record<string, unknown>) => [a.sku, a.warehouse, a.quantity, a.status]),
        [['ALLOC-1', 'main', 2, 'reserved']],
      );
      assert.deepEqual(await levelIn('ALLOC-1', 'main'), {
        ...(await levelIn('ALLOC-1', 'main')),
        onHand: 5,
        reserved: 2,
        available: 3,
      });
      const ledger = await movements(`orderId=${id}`);
      assert.deepEqual(
        ledger.map((m: Record<string, unknown>) => [m.kind, m.reservedDelta]),
        [['reservation', 2]],
      );
    });

    it('backorders an order it cannot fill and reserves nothing for it', async () => {
      await sku('ALLOC-2');
      await stock('ALLOC-2', 'main', 1);
      const id = await order('ALLOC-2', 3);
      assert.deepEqual(await allocate(), { allocated: 0, backordered: 1 });
      const backordered = await detail(id);
      assert.equal(backordered.status, 'backordered');
      assert.deepEqual(backordered.allocations, []);
      assert.equal((await levelIn('ALLOC-2', 'main'))?.reserved, 0);
      const event = backordered.events.find((e: { type: string }) => e.type === 'backordered');
      assert.deepEqual(event.data.shortages, [
        { skuId: event.data.shortages[0].skuId, sku: 'ALLOC-2', needed: 3, available: 1 },
      ]);
    });

    it('releases the reservation when an allocated order is cancelled', async () => {
      await sku('ALLOC-3');
      await stock('ALLOC-3', 'main', 4);
      const id = await order('ALLOC-3', 4);
      await allocate();
      assert.equal((await levelIn('ALLOC-3', 'main'))?.available, 0);
      const cancelled = await api('POST', `/api/v1/orders/${id}/cancel`, { reason: 'customer changed mind' });
      assert.equal(cancelled.status, 200, JSON.stringify(cancelled.body));
      assert.equal(cancelled.body.status, 'cancelled');
      assert.deepEqual(
        cancelled.body.allocations.map((a: { status: string }) => a.status),
        ['released'],
      );
      const level = await levelIn('ALLOC-3', 'main');
      assert.equal(level?.reserved, 0);
      assert.equal(level?.available, 4);
      const ledger = await movements(`orderId=${id}`);
      assert.deepEqual(
        ledger.map((m: Record<string, unknown>) => [m.kind, m.reservedDelta]),
        [
          ['release', -4],
          ['reservation', 4],
        ],
      );
      // The release says why as a key, so the Chinese console does not show an English sentence.
      const release = ledger[0] as { reason: string; reasonExplanation: Explanation };
      assert.equal(release.reason, 'released: order cancelled');
      assert.deepEqual(release.reasonExplanation, {
        key: 'ledger.released',
        params: { status: 'cancelled' },
      });
      assert.equal(renderExplanation(release.reasonExplanation, 'zh-CN'), '释放预留：订单已取消');
    });

    it('issues the reserved units when the order ships', async () => {
      await sku('ALLOC-4');
      await stock('ALLOC-4', 'main', 6);
      const id = await order('ALLOC-4', 2);
      await allocate();
      const { database } = t.current.app;
      for (const to of ['picking', 'packed', 'shipped'] as const)
        await inTransaction(database, (tx) =>
          changeOrderStatus(tx, systemActor, clock.now(), id, {
            to,
            reason: 'test',
            event: { type: to, data: {} },
          }),
        );
      const level = await levelIn('ALLOC-4', 'main');
      assert.deepEqual([level?.onHand, level?.reserved, level?.available], [4, 0, 4]);
      assert.deepEqual(
        (await detail(id)).allocations.map((a: { status: string }) => a.status),
        ['issued'],
      );
      const issue = (await movements(`orderId=${id}&kind=issue`))[0];
      assert.deepEqual([issue.onHandDelta, issue.reservedDelta], [-2, -2]);
    });

    it('splits an order across warehouses when no single one has it all, and not when splitting is off', async () => {
      await newWarehouse(t.current.app, { code: 'split-a', name: 'Split A' });
      await newWarehouse(t.current.app, { code: 'split-b', name: 'Split B', costPerOrder: '2.00' });
      await sku('ALLOC-5');
      await stock('ALLOC-5', 'split-a', 2);
      await stock('ALLOC-5', 'split-b', 1);
      const split = await order('ALLOC-5', 3);
      await allocate();
      const allocated = await detail(split);
      assert.equal(allocated.status, 'allocated');
      assert.deepEqual(
        allocated.allocations.map((a: Record<string, unknown>) => [a.warehouse, a.quantity]).sort(),
        [
          ['split-a', 2],
          ['split-b', 1],
        ],
      );

      const settings = (await api('GET', '/api/v1/inventory/settings')).body;
      assert.equal(
        (await api('PUT', '/api/v1/inventory/settings', { ...settings, allowSplit: false })).status,
        200,
      );
      await stock('ALLOC-5', 'split-a', 2);
      await stock('ALLOC-5', 'split-b', 1);
      const whole = await order('ALLOC-5', 2, { placedAt: '2026-11-20T08:00:00Z' });
      const apart = await order('ALLOC-5', 3, { placedAt: '2026-11-20T08:10:00Z' });
      // Warehouse caches live for a second; the settings change above invalidated this process's.
      await allocate();
      assert.equal((await detail(whole)).status, 'allocated');
      assert.equal((await detail(apart)).status, 'backordered');
      await api('PUT', '/api/v1/inventory/settings', { ...settings, allowSplit: true });
    });

    it('only ships from warehouses that cover the address', async () => {
      await newWarehouse(t.current.app, { code: 'gd-only', name: '广州仓', coverage: ['CN/广东省'] });
      await sku('ALLOC-6');
      await stock('ALLOC-6', 'gd-only', 10);
      const zhejiang = await order('ALLOC-6', 1);
      const base = newOrderInput().shippingAddress as Record<string, string>;
      const guangdong = await order('ALLOC-6', 1, {
        shippingAddress: {
          ...base,
          province: '广东省',
          city: '广州市',
          district: '天河区',
          postalCode: '510000',
        },
      });
      await allocate();
      assert.equal((await detail(zhejiang)).status, 'backordered');
      assert.equal((await detail(guangdong)).status, 'allocated');
    });

    it('gives returning stock to backorders in priority order, the urgent one first', async () => {
      await sku('ALLOC-7');
      const normal = await order('ALLOC-7', 1, { placedAt: '2026-11-20T07:00:00Z' });
      const urgent = await order('ALLOC-7', 1, { type: 'urgent', placedAt: '2026-11-20T08:30:00Z' });
      await allocate();
      assert.equal((await detail(normal)).status, 'backordered');
      assert.equal((await detail(urgent)).status, 'backordered');
      assert.ok((await detail(urgent)).priority > (await detail(normal)).priority);
      await stock('ALLOC-7', 'main', 1);
      await t.current.app.dispatcher.drain();
      assert.equal((await detail(urgent)).status, 'allocated');
      assert.equal((await detail(normal)).status, 'backordered');
      // Cancelling the urgent order hands its unit to the next one in line.
      await api('POST', `/api/v1/orders/${urgent}/cancel`, { reason: 'duplicate' });
      await t.current.app.dispatcher.drain();
      assert.equal((await detail(normal)).status, 'allocated');
    });

    it('keeps the books consistent: every level recomputes from the ledger', async () => {
      const check = await api('GET', '/api/v1/inventory/check');
      assert.equal(check.status, 200);
      assert.ok(check.body.checked >= 7);
      assert.deepEqual(check.body.mismatches, []);
    });
  });
}
