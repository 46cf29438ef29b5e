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

  it('renders every key in Chinese without an English word, whatever its numbers', () => {
    for (const key of Object.keys(explanationTexts)) {
      const params = Object.fromEntries(placeholders(explanationTexts[key].en).map((m) => [m[1], 7]));
      const zh = renderExplanation({ key, params, parts: [{ key: 'ledger.shortPick' }] }, 'zh-CN');
      assert.equal(zh.match(/[a-z]{3,}/gi), null, `${key}: ${zh}`);
    }
  });

  it('renders inventory reasons, formulas and channel rules in both languages', () => {
    const rule: Explanation = {
      key: 'channelRule.rule',
      parts: [
        { key: 'channelRule.percent', params: { percent: 80 } },
        { key: 'channelRule.buffer', params: { buffer: 2 } },
        { key: 'channelRule.minimum', params: { minimum: 5 } },
      ],
    };
    assert.equal(renderExplanation(rule, 'en'), '80%, buffer 2, 0 below 5');
    assert.equal(renderExplanation(rule, 'zh-CN'), '80%，预留 2，低于 5 时为 0');
    const count: Explanation = { key: 'ledger.countVariance', params: { counted: 8, expected: 10 } };
    assert.equal(renderExplanation(count, 'en'), 'count 8, books 10');
    assert.equal(renderExplanation(count, 'zh-CN'), '盘点 8，账面 10');
  });
});
