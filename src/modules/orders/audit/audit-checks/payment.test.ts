import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { amountMismatch, paymentPending, totalMismatch } from './payment.ts';
import { judge, newOrder } from './test-support.ts';

describe('PAYMENT_PENDING', () => {
  it('passes paid and cash-on-delivery orders', () => {
    assert.equal(judge(paymentPending, newOrder()), null);
    assert.equal(
      judge(paymentPending, newOrder({ payment: { status: 'cod', paidAmount: undefined } })),
      null,
    );
  });

  it('holds a pending payment', () => {
    const finding = judge(
      paymentPending,
      newOrder({ payment: { status: 'pending', paidAmount: undefined } }),
    );
    assert.deepEqual(finding, {
      code: 'PAYMENT_PENDING',
      message: 'Payment is pending',
      riskPoints: 0,
      isHold: true,
    });
  });

  it('holds a partial payment, naming what was paid of the total', () => {
    const finding = judge(
      paymentPending,
      newOrder({ payment: { status: 'partially_paid', paidAmount: '50.00' } }),
    );
    assert.equal(finding?.message, 'Partially paid: 50.00 of 129.80 CNY');
  });

  it('holds other statuses only when they are listed', () => {
    const refunded = newOrder({ payment: { status: 'refunded' } });
    assert.equal(judge(paymentPending, refunded), null);
    assert.equal(
      judge(paymentPending, refunded, undefined, { statuses: ['refunded'] })?.message,
      'Payment is refunded',
    );
  });
});

describe('AMOUNT_MISMATCH', () => {
  it('passes when the paid amount is the total, or within the tolerance', () => {
    assert.equal(judge(amountMismatch, newOrder()), null);
    const offByOneCent = newOrder({ payment: { paidAmount: '129.79' } });
    assert.equal(judge(amountMismatch, offByOneCent, undefined, { toleranceMinor: 1 }), null);
  });

  it('holds a paid order whose paid amount differs from the total', () => {
    const finding = judge(amountMismatch, newOrder({ payment: { paidAmount: '100.00' } }));
    assert.equal(finding?.code, 'AMOUNT_MISMATCH');
    assert.equal(finding?.message, 'Paid 100.00 but the total is 129.80 CNY');
    assert.equal(finding?.isHold, true);
  });

  it('leaves unpaid orders and paid orders without an amount to other rules', () => {
    assert.equal(
      judge(amountMismatch, newOrder({ payment: { status: 'partially_paid', paidAmount: '1.00' } })),
      null,
    );
    assert.equal(judge(amountMismatch, newOrder({ payment: { paidAmount: undefined } })), null);
  });
});

describe('TOTAL_MISMATCH', () => {
  it('passes when lines + shipping − discount make the total', () => {
    assert.equal(judge(totalMismatch, newOrder()), null);
    assert.equal(judge(totalMismatch, newOrder({ discount: '10.00', total: '119.80' })), null);
  });

  it('holds a total that does not add up, showing the sum', () => {
    const finding = judge(totalMismatch, newOrder({ total: '130.00', payment: { paidAmount: '130.00' } }));
    assert.equal(finding?.code, 'TOTAL_MISMATCH');
    assert.equal(
      finding?.message,
      'Lines 119.80 + shipping 10.00 − discount 0.00 = 129.80 but the total is 130.00',
    );
  });

  it('accepts a difference within the tolerance', () => {
    const roundedDown = newOrder({ total: '129.79', payment: { paidAmount: '129.79' } });
    assert.equal(judge(totalMismatch, roundedDown, undefined, { toleranceMinor: 1 }), null);
  });
});
