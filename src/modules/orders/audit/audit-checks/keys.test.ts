import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addressKey, buyerKey, normaliseName, normalisePhone } from './keys.ts';
import { newOrder } from './test-support.ts';

describe('normalisePhone', () => {
  it('gives E.164 for CN numbers however they are typed', () => {
    for (const phone of [
      '+8613800138000',
      '13800138000',
      '138 0013 8000',
      '+86-138-0013-8000',
      '0086 13800138000',
    ]) {
      assert.equal(normalisePhone(phone, 'CN'), '+8613800138000', phone);
    }
  });

  it('reads national numbers in the address country and keeps an explicit country prefix', () => {
    assert.equal(normalisePhone('07911 123456', 'GB'), '+447911123456');
    assert.equal(normalisePhone('(201) 555-0123', 'US'), '+12015550123');
    assert.equal(normalisePhone('+852 9123 4567', 'CN'), '+85291234567');
  });

  it('is null when the text is no phone number at all', () => {
    assert.equal(normalisePhone('not a phone', 'CN'), null);
    assert.equal(normalisePhone('', 'CN'), null);
  });
});

describe('addressKey and buyerKey', () => {
  const base = newOrder().shippingAddress;

  it('ignores spaces, case, punctuation and full-width forms', () => {
    const retyped = {
      ...base,
      province: ' 浙江省',
      line1: '文三路１００号。',
      district: '西湖区 ',
    };
    assert.equal(addressKey(base), 'cn|浙江省|杭州市|西湖区|文三路100号');
    assert.equal(addressKey(retyped), addressKey(base));
    const latin = { ...base, country: 'GB', province: null, city: 'London', district: null };
    assert.equal(
      addressKey({ ...latin, line1: '221B Baker St.' }),
      addressKey({ ...latin, line1: '221b  BAKER st' }),
    );
  });

  it('tells different addresses apart', () => {
    assert.notEqual(addressKey({ ...base, line1: '文三路 102 号' }), addressKey(base));
  });

  it('buyerKey is the normalised shipping phone and the address key', () => {
    const typedOtherwise = newOrder({ shippingAddress: { phone: '138 0013 8000', line1: '文三路100号' } });
    assert.equal(buyerKey(newOrder()), '+8613800138000|cn|浙江省|杭州市|西湖区|文三路100号');
    assert.equal(buyerKey(typedOtherwise), buyerKey(newOrder()));
  });

  it('normaliseName trims, lowers and collapses spaces', () => {
    assert.equal(normaliseName('  Emma   TAYLOR '), 'emma taylor');
  });
});
