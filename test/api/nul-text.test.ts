import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { useTestApp } from '../helpers/app.ts';
import { testDialects } from '../helpers/db.ts';
import { newOrderInput } from '../helpers/factories.ts';

/**
 * PostgreSQL cannot store U+0000 in text; SQLite can. Ordo gives the same answer on both: the
 * character is removed from the order's text (docs/operations.md), a NUL where a value must
 * match a pattern is a 400 naming the field, and a batch keeps every good order.
 */
const answers: Record<string, unknown> = {};

for (const dialect of testDialects) {
  describe(`NUL characters in order text on ${dialect}`, () => {
    const t = useTestApp(dialect);

    it('removes NUL from free text, keeps the order and answers alike on both databases', async () => {
      const single = await t.current.request({
        method: 'POST',
        url: '/api/v1/orders',
        role: 'integration',
        payload: newOrderInput({
          externalId: 'NUL\u0000-1',
          buyerNote: 'ring\u0000 twice',
          shippingAddress: { ...(newOrderInput().shippingAddress as object), city: '杭州\u0000市' },
          lines: [{ sku: 'TEE-RED-M', quantity: 2, unitPrice: '59.90', name: 'Tee\u0000' }],
        }),
      });
      assert.equal(single.statusCode, 201, single.body);
      const order = single.json();
      assert.equal(order.externalId, 'NUL-1');
      assert.equal(order.buyerNote, 'ring twice');
      assert.equal(order.shippingAddress.city, '杭州市');
      assert.ok(!JSON.stringify(order).includes('\\u0000'));

      const badPattern = await t.current.request({
        method: 'POST',
        url: '/api/v1/orders',
        role: 'integration',
        payload: newOrderInput({ currency: 'CN\u0000Y' }),
      });
      assert.equal(badPattern.statusCode, 400);
      assert.equal(badPattern.json().error.details.field, 'currency');

      const batch = await t.current.request({
        method: 'POST',
        url: '/api/v1/orders/batch',
        role: 'integration',
        payload: {
          orders: [
            newOrderInput({ externalId: 'NUL-B1' }),
            newOrderInput({
              externalId: 'NUL-B2',
              sellerNote: 'a\u0000b',
              customer: { email: 'x\u0000@y.com' },
            }),
            newOrderInput({ externalId: 'NUL-B3', currency: '\u0000' }),
            newOrderInput({ externalId: 'NUL-B4' }),
          ],
        },
      });
      assert.equal(batch.statusCode, 200, batch.body);
      const results = batch.json().results as { outcome: string; error?: { details?: { field?: string } } }[];
      assert.deepEqual(
        results.map((r) => r.outcome),
        ['created', 'created', 'rejected', 'created'],
      );
      assert.equal(results[2].error?.details?.field, 'currency');
      const stored = await t.current.app.database.db
        .selectFrom('orders')
        .select(['external_id'])
        .where('external_id', 'like', 'NUL-B%')
        .orderBy('external_id')
        .execute();
      assert.deepEqual(
        stored.map((r) => r.external_id),
        ['NUL-B1', 'NUL-B2', 'NUL-B4'],
      );
      answers[dialect] = {
        single: {
          status: single.statusCode,
          externalId: order.externalId,
          note: order.buyerNote,
          holds: order.holds,
        },
        badPattern: badPattern.json(),
        batch: results.map((r) => [r.outcome, r.error?.details?.field]),
      };
      if (answers.sqlite && answers.postgres) assert.deepEqual(answers.postgres, answers.sqlite);
    });
  });
}
