import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type Explanation, explanationTexts, langs, renderExplanation, vocabulary } from './explanations.ts';

const placeholders = (template: string) => [...template.matchAll(/\{(\w+)(?:\|(\w+))?\}/g)];

const samples: Explanation[] = [
  {
    key: 'hold.addressIncomplete',
    parts: [
      { key: 'address.missing', params: { part: 'district' } },
      { key: 'address.postcodeInvalid', params: { postcode: '12', country: 'CN' } },
    ],
  },
  { key: 'hold.paymentStatus', params: { status: 'partially_paid' } },
  {
    key: 'hold.phoneForeign',
    params: { phone: '+85291234567', numberCountry: 'international', country: 'CN' },
  },
  {
    key: 'type.rule',
    params: { rule: 2 },
    parts: [{ key: 'type.skuFlag', params: { sku: 'A-1', flag: 'presale' } }],
  },
  {
    key: 'type.rule',
    params: { rule: 1 },
    parts: [{ key: 'type.service', params: { service: 'same_day' } }],
  },
  {
    key: 'hold.highRisk',
    params: { score: 70, threshold: 60 },
    parts: [{ key: 'risk.points', params: { code: 'VELOCITY', points: 40 } }],
  },
  {
    key: 'hold.blocklisted',
    parts: [{ key: 'blocklist.address' }, { key: 'blocklist.email', params: { email: 'a@b.cn' } }],
  },
];

describe('explanations', () => {
  it('has every text in both languages, with the same parameters and known vocabulary', () => {
    for (const [key, template] of Object.entries(explanationTexts)) {
      for (const lang of langs) assert.ok(template[lang].trim() !== '', `${key} ${lang}`);
      const names = (lang: 'en' | 'zh-CN') =>
        placeholders(template[lang])
          .map((m) => m[1])
          .sort();
      // A parameter only one language shows would be lost in the other; `plural` is English grammar.
      assert.deepEqual(
        names('zh-CN'),
        names('en').filter((n) => n !== 'plural'),
        key,
      );
      for (const match of placeholders(template.en)) {
        if (match[2]) assert.ok(vocabulary[match[2]], `${key}: vocabulary ${match[2]}`);
      }
    }
  });

  it('renders the English the API has always given', () => {
    assert.equal(
      renderExplanation(samples[0], 'en'),
      'Address is incomplete: missing district; postal code "12" is not a valid CN postal code',
    );
    assert.equal(renderExplanation(samples[1], 'en'), 'Payment is partially paid');
    assert.equal(renderExplanation(samples[3], 'en'), 'rule 2: SKU A-1 is a presale item');
    assert.equal(renderExplanation(samples[6], 'en'), 'On the blocklist: shipping address, email a@b.cn');
  });

  it('supplies every parameter of the samples and leaves no English words in Chinese', () => {
    assert.equal(renderExplanation(samples[0], 'zh-CN'), '地址不完整：缺少区县；邮编“12”不是有效的 CN 邮编');
    for (const sample of samples) {
      for (const lang of langs) assert.doesNotMatch(renderExplanation(sample, lang), /\{|\}/);
      const zh = renderExplanation(sample, 'zh-CN');
      // Codes, SKUs, e-mails and country codes stay as sent; words do not.
      const words = zh.replace(/[\w.+-]+@[\w.-]+|\b[A-Z0-9_-]+\b/g, '').match(/[a-z]{3,}/gi);
      assert.equal(words, null, zh);
    }
  });

  it('shows the key of an explanation it does not know rather than nothing', () => {
    assert.equal(renderExplanation({ key: 'hold.fromTheFuture' }, 'zh-CN'), 'hold.fromTheFuture');
  });
});
