import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { useTestApp } from '../helpers/app.ts';
import { testDialects } from '../helpers/db.ts';
import { connectChannel, deliver, fixture, shopifySample } from './channel-helpers.ts';

// Platform totals include tax, shipping and discounts; Ordo's total is lines + shipping −
// discount. The mapping carries tax charged on top of prices so no order is held for a
// mismatch that is not one.

interface Order {
  total: string;
  shippingFee: string;
  discount: string;
  holds: string[];
  sellerNote: string | null;
}

for (const dialect of testDialects) {
  describe(`channel order totals on ${dialect}`, () => {
    const t = useTestApp(dialect);
    const received = async (
      channel: string,
      connector: 'shopify' | 'woocommerce',
      body: string,
      id: string,
    ) => {
      const topic = connector === 'shopify' ? 'orders/create' : 'order.created';
      const response = await deliver(t.current, channel, connector, body, { topic, deliveryId: id });
      assert.equal(response.json().outcome, 'created', response.body);
      const order = await t.current.request({
        method: 'GET',
        url: `/api/v1/orders/${response.json().orderId}`,
      });
      return order.json() as Order;
    };
    const noMismatch = (order: Order) => {
      assert.ok(!order.holds.includes('TOTAL_MISMATCH'), order.holds.join());
      assert.ok(!order.holds.includes('AMOUNT_MISMATCH'), order.holds.join());
    };

    it('reconciles a Shopify order with tax on top of prices, and one with tax included', async () => {
      await connectChannel(t.current, 'shop', 'shopify');
      const taxed = await received(
        'shop',
        'shopify',
        shopifySample(
          { total_tax: '31.44', taxes_included: false, total_price: '434.44', financial_status: 'paid' },
          '820982911946154601',
        ),
        'tax-1',
      );
      assert.equal(taxed.total, '434.44');
      assert.equal(taxed.shippingFee, '41.44');
      assert.equal(taxed.discount, '5.00');
      assert.match(taxed.sellerNote ?? '', /tax 31\.44/);
      noMismatch(taxed);

      const included = await received(
        'shop',
        'shopify',
        shopifySample(
          { total_tax: '67.17', taxes_included: true, financial_status: 'paid' },
          '820982911946154602',
        ),
        'tax-2',
      );
      assert.equal(included.total, '403.00');
      assert.equal(included.shippingFee, '10.00');
      noMismatch(included);
    });

    it('reconciles WooCommerce’s documented order (tax 1.35) and one with a coupon', async () => {
      await connectChannel(t.current, 'woo', 'woocommerce');
      const sample = await received('woo', 'woocommerce', fixture('woocommerce-order.json'), 'woo-1');
      assert.equal(sample.total, '29.35');
      assert.equal(sample.shippingFee, '11.35');
      noMismatch(sample);

      // A 10% coupon: line totals fall below subtotals and discount_total says by how much.
      const coupon = fixture('woocommerce-order.json')
        .replace('"id": 727', '"id": 728')
        .replace('"discount_total": "0.00"', '"discount_total": "1.80"')
        .replace('"total": "29.35"', '"total": "27.55"');
      const discounted = await received('woo', 'woocommerce', coupon, 'woo-2');
      assert.equal(discounted.discount, '1.80');
      assert.equal(discounted.total, '27.55');
      noMismatch(discounted);
    });
  });
}
