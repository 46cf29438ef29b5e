import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { newOrderInput } from '../../../test/helpers/factories.ts';
import { canonicalOrder } from '../../contracts/orders.ts';
import { auditOrder, paymentPending, unknownSku } from './audit-rules.ts';
import { normaliseOrder } from './normalise.ts';
import { classifyOrder } from './priority.ts';

const order = (overrides: Record<string, unknown> = {}) =>
  normaliseOrder(canonicalOrder.parse(newOrderInput(overrides)));
const ctx = (skus: Record<string, boolean>) => ({
  now: new Date('2026-11-20T09:00:00Z'),
  skuStates: new Map(Object.entries(skus).map(([code, isActive]) => [code, { isActive }])),
});

describe('audit chain', () => {
  it('PAYMENT_PENDING holds an unpaid order and passes paid and cash-on-delivery ones', () => {
    assert.equal(
      paymentPending.check(order({ payment: { status: 'pending' } }), ctx({}))?.code,
      'PAYMENT_PENDING',
    );
    assert.equal(paymentPending.check(order(), ctx({})), null);
    assert.equal(paymentPending.check(order({ payment: { status: 'cod' } }), ctx({})), null);
  });

  it('UNKNOWN_SKU holds unknown and inactive SKUs, naming each line', () => {
    const lines = [
      { sku: 'TEE-RED-M', quantity: 1, unitPrice: '1.00' },
      { sku: 'GONE', quantity: 1, unitPrice: '1.00' },
      { sku: 'OFF', quantity: 1, unitPrice: '1.00' },
    ];
    const hold = unknownSku.check(order({ lines }), ctx({ 'TEE-RED-M': true, OFF: false }));
    assert.equal(hold?.code, 'UNKNOWN_SKU');
    assert.match(hold!.message, /line 2: GONE is not in the catalog/);
    assert.match(hold!.message, /line 3: OFF is inactive/);
    assert.equal(unknownSku.check(order(), ctx({ 'TEE-RED-M': true })), null);
  });

  it('runs every check in order and collects all holds', () => {
    const holds = auditOrder(order({ payment: { status: 'pending' } }), ctx({}));
    assert.deepEqual(
      holds.map((h) => h.code),
      ['PAYMENT_PENDING', 'UNKNOWN_SKU'],
    );
    assert.deepEqual(auditOrder(order(), ctx({ 'TEE-RED-M': true })), []);
  });
});

describe('classification', () => {
  it('takes the channel hint, makes express requests urgent, and ranks urgent above normal above presale', () => {
    assert.equal(classifyOrder(order({ type: 'custom' })).type, 'custom');
    const { type: _hint, ...noHint } = newOrderInput({ requestedService: 'express' });
    const rushed = classifyOrder(normaliseOrder(canonicalOrder.parse(noHint)));
    assert.equal(rushed.type, 'urgent');
    assert.ok(rushed.priority > classifyOrder(order()).priority);
    assert.ok(classifyOrder(order()).priority > classifyOrder(order({ type: 'presale' })).priority);
  });
});
