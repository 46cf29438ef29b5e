import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { orderStatuses } from '../../contracts/orders.ts';
import { assertTransition, canTransition, orderTransitions } from './order-status.ts';

describe('order status machine', () => {
  it('covers every status of the contract', () => {
    assert.deepEqual(Object.keys(orderTransitions).sort(), [...orderStatuses].sort());
  });

  it('allows the forward path and cancellation of open orders only', () => {
    const path = [
      'pending_review',
      'approved',
      'allocated',
      'picking',
      'packed',
      'shipped',
      'delivered',
      'completed',
    ] as const;
    for (let i = 0; i + 1 < path.length; i += 1)
      assert.ok(canTransition(path[i], path[i + 1]), `${path[i]} → ${path[i + 1]}`);
    for (const open of [
      'pending_review',
      'approved',
      'backordered',
      'allocated',
      'picking',
      'packed',
    ] as const) {
      assert.ok(canTransition(open, 'cancelled'), `${open} can be cancelled`);
    }
    for (const closed of ['shipped', 'delivered', 'completed', 'cancelled'] as const) {
      assert.equal(canTransition(closed, 'cancelled'), false, `${closed} cannot be cancelled`);
    }
  });

  it('throws INVALID_TRANSITION naming both ends', () => {
    assert.throws(
      () => assertTransition('cancelled', 'approved'),
      (e: { code: string; details: { from: string; to: string } }) => {
        return (
          e.code === 'INVALID_TRANSITION' && e.details.from === 'cancelled' && e.details.to === 'approved'
        );
      },
    );
  });
});
