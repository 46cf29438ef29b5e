import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buyerNote, sellerNote } from './notes.ts';
import { judge, newOrder } from './test-support.ts';

const buyer = (note: string, params: Record<string, unknown> = {}) =>
  judge(buyerNote, newOrder({ buyerNote: note }), undefined, params)?.message ?? null;

describe('BUYER_NOTE', () => {
  it('passes an order without a note', () => {
    assert.equal(buyer(''), null);
  });

  it('holds a note someone has to read, quoting it', () => {
    assert.equal(buyer('不要放快递柜，送货上门'), 'Buyer note: "不要放快递柜，送货上门"');
  });

  it('passes notes made only of ignored phrases, in any case and punctuation', () => {
    assert.equal(buyer('请尽快发货，谢谢'), null);
    assert.equal(buyer('Please ship soon! Thanks.'), null);
    assert.equal(
      buyer('Please ship soon, and gift wrap it'),
      'Buyer note: "Please ship soon, and gift wrap it"',
    );
  });

  it('with keywords, holds only notes that mention one', () => {
    const keywords = { keywords: ['发票', 'Invoice'] };
    assert.equal(buyer('要开发票', keywords), 'Buyer note mentions "发票": "要开发票"');
    assert.equal(
      buyer('please send an INVOICE', keywords),
      'Buyer note mentions "Invoice": "please send an INVOICE"',
    );
    assert.equal(buyer('不要放快递柜', keywords), null);
  });
});

describe('SELLER_NOTE', () => {
  it('passes an order without a memo', () => {
    assert.equal(judge(sellerNote, newOrder()), null);
  });

  it('holds a memo; no phrase is ignored by default', () => {
    const finding = judge(sellerNote, newOrder({ sellerNote: '尽快发货' }));
    assert.deepEqual(finding, {
      code: 'SELLER_NOTE',
      message: 'Seller memo: "尽快发货"',
      riskPoints: 0,
      isHold: true,
    });
  });

  it('ignores the phrases it is given', () => {
    assert.equal(judge(sellerNote, newOrder({ sellerNote: 'VIP' }), undefined, { ignore: ['vip'] }), null);
  });
});
