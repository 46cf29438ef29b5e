import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { ensureConsoleBuilt, launchBrowser, newConsoleContext, signIn } from '../helpers/browser.ts';
import { startTestServer } from '../helpers/server.ts';

// Hold and classification reasons are stored as explanation keys; the Chinese console renders
// them in Chinese instead of showing the server's English sentence.

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;

before(async () => {
  ensureConsoleBuilt();
  server = await startTestServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function api<T>(method: 'GET' | 'POST', url: string, payload?: unknown): Promise<T> {
  const response = await server.testApp.request({
    method,
    url: `/api/v1${url}`,
    payload: payload as Record<string, unknown>,
  });
  assert.ok(response.statusCode < 300, `${method} ${url}: ${response.statusCode} ${response.body}`);
  return response.json() as T;
}

test('an order held for its address and classified by a rule reads in Chinese', async () => {
  await api('POST', '/skus', { code: 'MUG-WHITE', name: 'Mug, white', price: '35.00' });
  const placedAt = new Date().toISOString();
  const phone = '+8613912345678';
  const created = await api<{ id: string }>('POST', '/orders', {
    channel: 'web',
    externalId: `EXP-${Date.now()}`,
    placedAt,
    currency: 'CNY',
    customer: { name: '李娜', email: 'li.na@example.cn', phone },
    shippingAddress: {
      name: '李娜',
      phone,
      country: 'CN',
      province: '浙江省',
      city: '杭州市',
      district: '',
      line1: '文三路 100 号',
      line2: '',
      postalCode: '',
    },
    lines: [{ sku: 'MUG-WHITE', quantity: 1, unitPrice: '35.00' }],
    shippingFee: '0.00',
    discount: '0.00',
    total: '35.00',
    payment: { status: 'paid', method: 'alipay', paidAmount: '35.00', paidAt: placedAt },
    requestedService: 'express',
  });
  const order = await api<{
    holdDetails: { code: string; message: string; explanation: unknown }[];
    typeReason: string;
    typeExplanation: unknown;
  }>('GET', `/orders/${created.id}`);
  const hold = order.holdDetails.find((h) => h.code === 'ADDRESS_INCOMPLETE');
  // The API keeps its English for integrators, and adds the key with parameters.
  assert.equal(hold?.message, 'Address is incomplete: missing district');
  assert.deepEqual(hold?.explanation, {
    key: 'hold.addressIncomplete',
    parts: [{ key: 'address.missing', params: { part: 'district' } }],
  });
  assert.equal(order.typeReason, 'rule 3: express delivery requested');

  const context = await newConsoleContext(browser, server.url, 'zh-CN');
  const page = await context.newPage();
  await signIn(page, 'admin', server.adminPassword);
  await page.getByTestId('current-user').waitFor();
  await page.goto(`/orders/${created.id}`);
  await page.getByTestId('type-reason').waitFor();
  assert.match((await page.getByTestId('type-reason').textContent()) ?? '', /规则 3：要求快递配送/);
  await page.getByText('地址不完整：缺少区县').first().waitFor();
  const body = (await page.locator('body').textContent()) ?? '';
  assert.ok(!body.includes('Address is incomplete'), 'no English hold sentence on the Chinese page');
  assert.ok(!body.includes('missing district'), 'no English address part');
  assert.ok(!body.includes('express delivery requested'), 'no English type reason');
  // Times are the shop's, and the header says which zone that is (the calendar's default).
  await page.getByTestId('shop-time-zone').getByText('UTC+8 Asia/Shanghai').waitFor();
  await context.close();
});
