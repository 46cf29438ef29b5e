import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import i18next from 'i18next';
import { fieldReasons } from '../../src/contracts/field-reasons.ts';
import { ApiError } from '../../web/src/api/client.ts';
import { fieldErrors } from '../../web/src/errors.ts';
import en from '../../web/src/i18n/en.json' with { type: 'json' };
import zhCN from '../../web/src/i18n/zh-CN.json' with { type: 'json' };
import { useTestApp } from '../helpers/app.ts';
import { testDialects } from '../helpers/db.ts';

async function translator(lng: 'en' | 'zh-CN') {
  const i18n = i18next.createInstance();
  await i18n.init({
    lng,
    fallbackLng: 'en',
    resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
    interpolation: { escapeValue: false },
  });
  return i18n.t;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
// Names, formats and examples that read the same in both languages.
const untranslated =
  /ORDO_PUBLIC_URL|Shopify|Webhook|JSON|CSV|ISO|IANA|Asia\/Shanghai|YYYY-MM-DD|W47|xlsx|jsonl|ndjson|csv|json|mapping/g;

describe('reasons of refused fields', () => {
  it('has a Chinese text for every reason, with the same parameters and no English words', () => {
    const zh = (zhCN.errors as unknown as { reason: Record<string, string> }).reason;
    for (const [reason, english] of Object.entries(fieldReasons)) {
      const chinese = zh[reason];
      assert.ok(chinese, `errors.reason.${reason} is missing in zh-CN`);
      assert.deepEqual(placeholders(chinese), placeholders(english), reason);
      assert.doesNotMatch(
        chinese.replace(/\$t\([^)]*\)|\{\{\w+\}\}/g, '').replace(untranslated, ''),
        /[a-z]{3,}/i,
        reason,
      );
    }
    assert.deepEqual(Object.keys(zh).sort(), Object.keys(fieldReasons).sort());
  });

  it('names a parameter that is a word of its own in Chinese too', async () => {
    const t = await translator('zh-CN');
    assert.equal(t('errors.reason.orderLacks', { order: 'A-1', kind: 'phone' }), '订单 A-1 没有电话');
  });
});

for (const dialect of testDialects) {
  describe(`validation errors as form errors on ${dialect}`, () => {
    const t = useTestApp(dialect);

    /** The console's error for a request the server refuses, as the typed client builds it. */
    async function refused(url: string, payload: object) {
      const response = await t.current.request({ method: 'POST', url: `/api/v1${url}`, payload });
      assert.equal(response.statusCode, 400, response.body);
      const { error } = response.json();
      return new ApiError(400, error.code, error.message, error.details);
    }

    it('says each field’s problem in Chinese from the code and limits the server gives', async () => {
      const error = await refused('/skus', {
        code: 'has space',
        name: '',
        price: '1.00',
        weightGrams: -5,
        barcode: 'x'.repeat(80),
      });
      const issues = error.details.issues as {
        field: string;
        message: string;
        code: string;
        params: object;
      }[];
      assert.deepEqual(
        issues.find((i) => i.field === 'weightGrams'),
        {
          field: 'weightGrams',
          message: issues.find((i) => i.field === 'weightGrams')?.message,
          code: 'too_small',
          params: { minimum: 0, origin: 'number' },
        },
      );
      const zh = Object.fromEntries(
        fieldErrors(await translator('zh-CN'), error).map((f) => [f.name.join('.'), f.message]),
      );
      assert.deepEqual(zh, {
        code: '格式不正确',
        name: '必填',
        weightGrams: '不能小于 0',
        barcode: '格式不正确',
      });
      for (const message of Object.values(zh)) assert.doesNotMatch(message, /[a-z]{3,}/i);
      // English keeps the server's own words where a pattern explains itself.
      const english = Object.fromEntries(
        fieldErrors(await translator('en'), error).map((f) => [f.name.join('.'), f.message]),
      );
      assert.equal(english.code, 'letters, digits and . _ - /, at most 64');
      assert.equal(english.weightGrams, 'At least 0');
      assert.equal(english.name, 'Required');
    });

    it('names a missing field as required in Chinese', async () => {
      const error = await refused('/skus', { name: 'x', price: '1.00' });
      const zh = fieldErrors(await translator('zh-CN'), error);
      assert.deepEqual(
        zh.map((f) => [f.name.join('.'), f.message]),
        [['code', '必填']],
      );
    });
    it('says a use-case’s own refusal in Chinese and keeps the English wording', async () => {
      const response = await t.current.request({
        method: 'POST',
        url: '/api/v1/inventory/transfers',
        payload: { sku: 'ANY', from: 'MAIN', to: 'MAIN', quantity: 1 },
      });
      assert.equal(response.statusCode, 400, response.body);
      const { error: body } = response.json();
      assert.deepEqual(body.details, { field: 'to', reason: 'sameWarehouse', params: {} });
      const error = new ApiError(400, body.code, body.message, body.details);
      assert.deepEqual(fieldErrors(await translator('zh-CN'), error), [
        { name: ['to'], message: '必须与来源仓库不同' },
      ]);
      assert.deepEqual(fieldErrors(await translator('en'), error), [
        { name: ['to'], message: 'must differ from the source warehouse' },
      ]);
    });

    it('fills a reason’s parameters into the Chinese text', async () => {
      const response = await t.current.request({
        method: 'POST',
        url: '/api/v1/audit-rules',
        payload: { rules: [{ code: 'NO_SUCH_RULE' }] },
      });
      assert.equal(response.statusCode, 400, response.body);
      const { error: body } = response.json();
      const error = new ApiError(400, body.code, body.message, body.details);
      assert.equal(body.message, 'rules.0.code: unknown rule "NO_SUCH_RULE"');
      assert.deepEqual(fieldErrors(await translator('zh-CN'), error), [
        { name: ['rules', 0, 'code'], message: '未知规则“NO_SUCH_RULE”' },
      ]);
    });
  });
}
