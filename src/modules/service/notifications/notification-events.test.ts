import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { customerMessageFor } from './notification-events.ts';

describe('which customer message an event means', () => {
  it('maps order milestones to one message per order', () => {
    const received = { orderId: 'o1', number: 'N1', channel: 'web', holds: [] };
    assert.equal(customerMessageFor['order.received']({ ...received, status: 'approved' }).event, 'received');
    assert.equal(
      customerMessageFor['order.received']({ ...received, status: 'pending_review' }).event,
      'held',
    );
    const change = (to: string) =>
      customerMessageFor['order.status_changed']({ orderId: 'o1', number: 'N1', from: 'x', to })?.event ??
      null;
    assert.deepEqual(
      ['approved', 'pending_review', 'allocated', 'shipped', 'delivered', 'completed'].map(change),
      ['approved', 'held', null, 'shipped', 'delivered', null],
    );
    const exception = customerMessageFor['shipment.exception']({
      shipmentId: 's',
      orderId: 'o1',
      kind: 'no_scan',
    });
    assert.deepEqual(exception.params, { problem: 'no scan' });
  });

  it('makes each refund and each complaint answer its own message, and skips answers without an order', () => {
    const refund = customerMessageFor['refund.issued']({
      orderId: 'o1',
      refundId: 'r9',
      amount: '5.00',
      currency: 'CNY',
    });
    assert.equal(refund.dedupeKey, 'r9');
    assert.equal(
      customerMessageFor['complaint.answered']({ complaintId: 'c1', orderId: 'o1', messageId: 'm2' })
        ?.dedupeKey,
      'm2',
    );
    assert.equal(
      customerMessageFor['complaint.answered']({ complaintId: 'c1', orderId: null, messageId: 'm2' }),
      null,
    );
  });

  it('never mails a complaint answer: the reply mail from the complaint is that answer', () => {
    const answered = customerMessageFor['complaint.answered']({
      complaintId: 'c1',
      orderId: 'o1',
      messageId: 'm2',
    });
    assert.deepEqual(answered?.channels, ['sms', 'webhook']);
  });
});
