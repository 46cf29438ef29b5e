import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { useTestApp } from '../helpers/app.ts';
import { testDialects } from '../helpers/db.ts';
import { connectChannel, deliver, shopifySample } from './channel-helpers.ts';

// A channel never silently changes an order the warehouse is working on: after allocation a
// changed address becomes an exception case; a cancellation before shipping releases the stock.

type Order = { id: string; status: string; holds: string[]; shippingAddress: { line1: string } };

for (const dialect of testDialects) {
  describe(`channel changes after allocation on ${dialect}`, () => {
    const t = useTestApp(dialect);
    const call = (method: 'GET' | 'POST', url: string, payload?: object) =>
      t.current.request({ method, url: `/api/v1${url}`, payload });
    const getOrder = async (id: string) => (await call('GET', `/orders/${id}`)).json() as Order;
    const reserved = async () =>
      (await call('GET', '/inventory/levels?sku=IPOD2008PINK')).json().items[0].reserved as number;
    let orderId = '';

    it('stores a paid Shopify order and allocates it', async () => {
      await connectChannel(t.current, 'shop', 'shopify');
      assert.equal(
        (await call('POST', '/skus', { code: 'IPOD2008PINK', name: 'IPod Nano - 8GB', price: '199.00' }))
          .statusCode,
        201,
      );
      const stocked = await call('POST', '/inventory/adjustments', {
        sku: 'IPOD2008PINK',
        warehouse: 'main',
        delta: 10,
        reason: 'opening stock',
      });
      assert.ok(stocked.statusCode < 300, stocked.body);
      const paid = shopifySample({
        financial_status: 'paid',
        processed_at: '2019-06-04T13:53:06-04:00',
        cancelled_at: null,
      });
      const created = await deliver(t.current, 'shop', 'shopify', paid, {
        topic: 'orders/create',
        deliveryId: 'c-1',
      });
      orderId = created.json().orderId;
      const order = await getOrder(orderId);
      if (order.holds.length > 0) {
        const released = await call('POST', `/orders/${orderId}/holds/release`, {
          codes: order.holds,
          note: 'checked',
        });
        assert.equal(released.statusCode, 200, released.body);
      }
      await t.current.app.orders.allocation.allocateApproved();
      assert.equal((await getOrder(orderId)).status, 'allocated');
      assert.equal(await reserved(), 2);
    });

    it('opens a case instead of changing the address of an allocated order', async () => {
      const moved = shopifySample({ financial_status: 'paid', cancelled_at: null }).replace(
        '"address1": "123 Shipping Street"',
        '"address1": "9 New Street"',
      );
      const response = await deliver(t.current, 'shop', 'shopify', moved, {
        topic: 'orders/updated',
        deliveryId: 'c-2',
      });
      assert.equal(response.json().outcome, 'case_opened', response.body);
      const order = await getOrder(orderId);
      assert.equal(order.status, 'allocated');
      assert.equal(order.shippingAddress.line1, '123 Shipping Street');
      await t.current.app.dispatcher.drain();
      const cases = (await call('GET', '/risk/cases?status=open')).json().items as {
        orderId: string;
        caseType: string;
      }[];
      assert.ok(
        cases.some((c) => c.orderId === orderId && c.caseType === 'wrong_address'),
        JSON.stringify(cases),
      );
    });

    it('cancels an allocated order on orders/cancelled and releases its stock', async () => {
      const response = await deliver(t.current, 'shop', 'shopify', shopifySample(), {
        topic: 'orders/cancelled',
        deliveryId: 'c-3',
      });
      assert.equal(response.json().outcome, 'cancelled', response.body);
      assert.equal((await getOrder(orderId)).status, 'cancelled');
      assert.equal(await reserved(), 0);
    });
  });
}
