import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isSameContact } from './contact-match.ts';

const order = { email: 'Fang@Example.com', phones: ['+86 138-0013-8000', null] };

describe('customer contact match', () => {
  it('matches e-mail case-insensitively and phones by digits, with or without country code', () => {
    assert.ok(isSameContact(' fang@example.COM ', order));
    assert.ok(isSameContact('13800138000', order));
    assert.ok(isSameContact('+8613800138000', order));
    assert.ok(isSameContact('138 0013 8000', order));
  });

  it('refuses other addresses, other numbers and fragments', () => {
    assert.ok(!isSameContact('other@example.com', order));
    assert.ok(!isSameContact('13800138001', order));
    assert.ok(!isSameContact('8000', order));
    assert.ok(!isSameContact('0013 8000', order), 'eight trailing digits are not the number');
    assert.ok(!isSameContact('fang@example.com', { email: null, phones: [] }));
  });
});
