import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buyerKey } from './keys.ts';
import { mergeCandidate } from './merge.ts';
import { judge, newContext, newOrder } from './test-support.ts';

describe('MERGE_CANDIDATE', () => {
  it('passes a buyer with no other open orders', () => {
    const elsewhere = new Map([['+8613800138000|cn|somewhere', ['SO-9']]]);
    assert.equal(judge(mergeCandidate, newOrder(), newContext({ openOrdersByBuyer: elsewhere })), null);
  });

  it('holds, without risk points, naming the open orders', () => {
    const order = newOrder();
    const ctx = newContext({ openOrdersByBuyer: new Map([[buyerKey(order), ['SO-1', 'SO-2']]]) });
    assert.deepEqual(judge(mergeCandidate, order, ctx), {
      code: 'MERGE_CANDIDATE',
      message: 'The buyer has 2 other open orders (SO-1, SO-2); merge before allocation',
      riskPoints: 0,
      isHold: true,
    });
  });
});
