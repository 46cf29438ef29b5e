import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { complaintLanguage, replyAddressFor, withReplyToken } from './complaint-mails.ts';

describe('complaint mails', () => {
  it('speak the order’s language, else the language the customer wrote in', () => {
    assert.equal(complaintLanguage({ ship_country: 'CN' }, 'The box arrived crushed.'), 'zh-CN');
    assert.equal(complaintLanguage({ ship_country: 'DE' }, '箱子压坏了'), 'en');
    assert.equal(complaintLanguage(undefined, '箱子压坏了'), 'zh-CN');
    assert.equal(complaintLanguage(undefined, 'The box arrived crushed.'), 'en');
  });

  it('keep the reply token in the subject even when an edited template dropped it', () => {
    assert.equal(withReplyToken('Re: Late [#abc12345]', 'abc12345'), 'Re: Late [#abc12345]');
    assert.equal(withReplyToken('Re: Late ', 'abc12345'), 'Re: Late [#abc12345]');
    assert.equal(withReplyToken('', 'abc12345'), '[#abc12345]');
  });

  it('plus-address the reply mailbox with the token', () => {
    assert.equal(replyAddressFor('service@shop.example', 'Ab_3-x9Z'), 'service+Ab_3-x9Z@shop.example');
    // A mailbox that is already plus-addressed keeps its tag; the token comes last, before the domain.
    assert.equal(replyAddressFor('shop+cs@mail.example', 'Ab_3-x9Z'), 'shop+cs+Ab_3-x9Z@mail.example');
  });
});
