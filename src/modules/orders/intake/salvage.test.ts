import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { newOrderInput } from '../../../../test/helpers/factories.ts';
import { AppError } from '../../../platform/errors.ts';
import { readCanonicalOrder } from './salvage.ts';

const fieldOf = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    assert.ok(error instanceof AppError);
    return error.details?.field;
  }
  assert.fail('expected a refusal');
};

describe('readCanonicalOrder', () => {
  it('reads a well-formed order as it is, with nothing unreadable', () => {
    const { order, unreadable } = readCanonicalOrder(newOrderInput({ externalId: 'ok-1' }));
    assert.equal(order.externalId, 'ok-1');
    assert.deepEqual(unreadable, []);
  });

  it('leaves out unreadable values, keeping each field and what was sent, and the input untouched', () => {
    const input = newOrderInput({
      customer: { name: 'Ana', email: 'ana@' },
      payment: { status: 'captured' },
      buyerNote: 'x'.repeat(2500),
    });
    const before = JSON.stringify(input);
    const { order, unreadable } = readCanonicalOrder(input);
    assert.equal(JSON.stringify(input), before, 'the caller’s object is not changed');
    assert.equal(order.customer?.email, undefined);
    assert.equal(order.payment, undefined, 'a payment without a readable status is no payment');
    assert.equal(order.buyerNote, undefined);
    assert.deepEqual(
      unreadable.map((u) => u.field),
      ['customer.email', 'payment.status', 'buyerNote'],
    );
    assert.equal(unreadable[0].value, 'ana@');
    assert.equal(unreadable[2].value.length, 201, 'long values are kept shortened');
  });

  it('drops a line without a readable sku or quantity whole, and keeps the others', () => {
    const { order, unreadable } = readCanonicalOrder(
      newOrderInput({
        lines: [
          { sku: 'A', quantity: 1, unitPrice: '1.00' },
          { quantity: 3, unitPrice: '2.00' },
          { sku: 'C', quantity: 0 },
        ],
      }),
    );
    assert.deepEqual(
      order.lines.map((l) => l.sku),
      ['A'],
    );
    assert.deepEqual(unreadable.map((u) => u.field).sort(), ['lines.1', 'lines.2']);
    assert.match(unreadable.find((u) => u.field === 'lines.1')!.value, /"quantity":3/);
  });

  it('refuses what identifies the order, naming the field', () => {
    assert.equal(
      fieldOf(() => readCanonicalOrder(newOrderInput({ externalId: '' }))),
      'externalId',
    );
    assert.equal(
      fieldOf(() => readCanonicalOrder(newOrderInput({ currency: 'RMB1' }))),
      'currency',
    );
    assert.equal(
      fieldOf(() => readCanonicalOrder(newOrderInput({ lines: [] }))),
      'lines',
    );
    assert.equal(
      fieldOf(() => readCanonicalOrder(newOrderInput({ lines: [{ sku: 'A' }] }))),
      'lines.0.quantity',
    );
    assert.equal(
      fieldOf(() => readCanonicalOrder('not an order')),
      'body',
    );
  });
});
