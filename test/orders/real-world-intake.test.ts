import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { useTestApp } from '../helpers/app.ts';
import { testDialects } from '../helpers/db.ts';
import { newOrderInput } from '../helpers/factories.ts';
import { startMailCatcher } from '../helpers/smtp.ts';

// CONTRACT.md "Real-world intake": an identifiable order is stored and held, never rejected,
// however little of the rest a channel sent (real marketplace exports lack phones and streets).

type Json = Record<string, unknown>;
type StoredOrder = {
  id: string;
  status: string;
  holds: string[];
  holdDetails: { code: string; message: string }[];
  placedAt: string;
  total: string;
  currency: string;
  externalId: string;
  lines: { sku: string; quantity: number; unitPrice: string }[];
  events: { type: string; data: Json }[];
};

/** What a marketplace export typically has: ids, time, money, goods, a city. Nothing else. */
function bareOrder(externalId: string, overrides: Json = {}): Json {
  return {
    channel: 'web',
    externalId,
    placedAt: '2026-11-20T08:01:02Z',
    currency: 'BRL',
    shippingAddress: { country: 'BR', city: 'sao paulo', postalCode: '01310' },
    lines: [{ sku: 'MKT-4244733', quantity: 1, unitPrice: '58.90' }],
    shippingFee: '13.29',
    total: '72.19',
    payment: { status: 'paid', paidAmount: '72.19' },
    ...overrides,
  };
}

const catcher = await startMailCatcher();
after(() => catcher.close());

for (const dialect of testDialects) {
  describe(`real-world intake on ${dialect}`, () => {
    const t = useTestApp(dialect, { env: { SMTP_URL: catcher.url } });
    const post = (payload: unknown) =>
      t.current.request({
        method: 'POST',
        url: '/api/v1/orders',
        payload: payload as object,
        role: 'integration',
      });

    it('stores an order with no phone, no street, no e-mail, no name and an unknown SKU, held with each reason', async () => {
      const response = await post(bareOrder('bare-1'));
      assert.equal(response.statusCode, 201, response.body);
      const order = response.json() as StoredOrder;
      assert.equal(order.status, 'pending_review');
      for (const code of ['ADDRESS_INCOMPLETE', 'CONTACT_MISSING', 'UNKNOWN_SKU'])
        assert.ok(order.holds.includes(code), `${code} in ${order.holds}`);
      assert.ok(!order.holds.includes('PHONE_INVALID'), 'a missing phone is not an invalid one');
      const address = order.holdDetails.find((h) => h.code === 'ADDRESS_INCOMPLETE')!;
      assert.match(address.message, /missing name/);
      assert.match(address.message, /missing line1/);
      assert.equal(order.total, '72.19');
      assert.equal(order.currency, 'BRL');
      // Nobody can be asked: no customer action is requested.
      const asked = await t.current.app.database.db
        .selectFrom('outbox')
        .select('payload')
        .where('type', '=', 'order.customer_action_required')
        .execute();
      assert.ok(!asked.some((row) => JSON.stringify(row.payload).includes(order.id)));
      const replay = await post(bareOrder('bare-1'));
      assert.equal(replay.statusCode, 200);
      assert.equal(replay.json().id, order.id);
    });

    it('asks a customer with an e-mail to complete a missing street, with the fix link', async () => {
      const response = await post(
        newOrderInput({
          externalId: 'no-street-1',
          customer: { name: '王芳', email: 'fang.nostreet@example.com' },
          shippingAddress: {
            name: '王芳',
            phone: '+8613800138000',
            country: 'CN',
            province: '浙江省',
            city: '杭州市',
            district: '西湖区',
            line1: '',
          },
        }),
      );
      assert.equal(response.statusCode, 201, response.body);
      const order = response.json() as StoredOrder;
      assert.ok(order.holds.includes('ADDRESS_INCOMPLETE'));
      assert.ok(!order.holds.includes('CONTACT_MISSING'));
      await t.current.app.dispatcher.drain();
      const mail = catcher.mails.find((m) => m.to.includes('fang.nostreet@example.com'));
      assert.ok(mail, 'the customer got a mail');
      assert.match(mail.text, /\/fix\/[\w.-]+/);
    });

    it('keeps what it cannot read on a DATA_UNREADABLE hold instead of rejecting the order', async () => {
      const response = await post(
        newOrderInput({
          externalId: 'unreadable-1',
          customer: { name: 'Ana', email: 'not an e-mail', phone: '+8613800138000' },
          lines: [
            { sku: 'TEE-RED-M', quantity: 2, unitPrice: '59.90' },
            { sku: 'GIFT-CARD', quantity: 1, unitPrice: '1.999' },
            { sku: 'SOCKS', quantity: 'a few', unitPrice: '5.00' },
          ],
          payment: { status: 'authorised', paidAmount: '129.80' },
          requestedService: 'teleport',
        }),
      );
      assert.equal(response.statusCode, 201, response.body);
      const order = response.json() as StoredOrder;
      assert.equal(order.status, 'pending_review');
      assert.ok(order.holds.includes('DATA_UNREADABLE'));
      assert.ok(order.holds.includes('PAYMENT_PENDING'), 'an unreadable payment status is no payment');
      const hold = order.holdDetails.find((h) => h.code === 'DATA_UNREADABLE')!;
      for (const part of [
        'customer.email "not an e-mail"',
        'payment.status "authorised"',
        'lines.2',
        'a few',
      ])
        assert.ok(hold.message.includes(part), `${part} in ${hold.message}`);
      assert.deepEqual(
        order.lines.map((l) => [l.sku, l.quantity, l.unitPrice]),
        [
          ['TEE-RED-M', 2, '59.90'],
          ['GIFT-CARD', 1, '0.00'],
        ],
      );
      const received = order.events.find((e) => e.type === 'received')!;
      const fields = (received.data.unreadable as { field: string }[]).map((u) => u.field);
      assert.deepEqual(fields.sort(), [
        'customer.email',
        'lines.1.unitPrice',
        'lines.2',
        'payment.status',
        'requestedService',
      ]);
    });

    it('reads numbers where exports write them, any currency, and local times in the shop zone', async () => {
      const response = await post(
        bareOrder('numbers-1', {
          externalId: 820982911946154,
          placedAt: '2017-10-02 10:56:33',
          currency: 'jpy',
          lines: [
            { sku: 4244733, quantity: '2', unitPrice: 1500 },
            { sku: 'FREE-GIFT', quantity: 1, unitPrice: '0' },
          ],
          shippingFee: 0,
          total: 3000,
          payment: { status: 'paid', paidAmount: 3000 },
          buyerNote: 'お届けは午前中にお願いします',
        }),
      );
      assert.equal(response.statusCode, 201, response.body);
      const order = response.json() as StoredOrder;
      assert.equal(order.externalId, '820982911946154');
      assert.equal(order.currency, 'JPY');
      assert.equal(order.total, '3000');
      assert.equal(order.placedAt, '2017-10-02T02:56:33.000Z', 'Asia/Shanghai, the default shop zone');
      assert.deepEqual(
        order.lines.map((l) => [l.sku, l.quantity, l.unitPrice]),
        [
          ['4244733', 2, '1500'],
          ['FREE-GIFT', 1, '0'],
        ],
      );
      assert.ok(!order.holds.includes('DATA_UNREADABLE'));
      assert.ok(!order.holds.includes('AMOUNT_MISMATCH'));
    });

    it('never matches orders on an address without a street or a buyer without phone and address', async () => {
      for (let i = 0; i < 6; i += 1) {
        const response = await post(bareOrder(`same-city-${i}`));
        assert.equal(response.statusCode, 201);
        const holds = (response.json() as StoredOrder).holds;
        assert.ok(!holds.includes('VELOCITY') && !holds.includes('MERGE_CANDIDATE'), holds.join());
      }
      const keys = await t.current.app.database.db
        .selectFrom('orders')
        .select(['address_key', 'buyer_key', 'phone_key'])
        .where('external_id', 'like', 'same-city-%')
        .execute();
      assert.ok(keys.every((k) => k.address_key === null && k.buyer_key === null && k.phone_key === null));
    });

    it('takes a batch of imperfect orders, rejecting only the one that cannot be identified', async () => {
      const response = await t.current.request({
        method: 'POST',
        url: '/api/v1/orders/batch',
        role: 'integration',
        payload: {
          orders: [
            bareOrder('batch-bare-1'),
            bareOrder('batch-bare-2', { customer: { email: 'broken@' } }),
            bareOrder('', {}),
            bareOrder('batch-bare-3', { lines: [{ sku: 'X', quantity: 0 }] }),
          ],
        },
      });
      const { results } = response.json() as { results: { outcome: string; error?: { details: Json } }[] };
      assert.deepEqual(
        results.map((r) => r.outcome),
        ['created', 'created', 'rejected', 'rejected'],
      );
      assert.equal(results[2].error?.details.field, 'externalId');
      assert.equal(results[3].error?.details.field, 'lines.0.quantity');
    });
  });
}
