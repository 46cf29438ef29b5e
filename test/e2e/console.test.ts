import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  ensureConsoleBuilt,
  launchBrowser,
  newConsoleContext,
  saveScreenshot as screenshot,
  signIn as signInAs,
  submitLogin,
} from '../helpers/browser.ts';
import { startTestServer } from '../helpers/server.ts';

// The real server on a fresh database, driven through the built console in headless Chromium.

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

function newContext(locale: string): Promise<BrowserContext> {
  return newConsoleContext(browser, server.url, locale);
}

function signIn(page: Page, password = server.adminPassword): Promise<void> {
  return signInAs(page, 'admin', password);
}

/** A request through the browser's own session: the cookie plus the CSRF token from /auth/me. */
async function apiPost(
  page: Page,
  urlPath: string,
  body: unknown,
): Promise<{ status: number; json: unknown }> {
  const me = await page.request.get('/api/v1/auth/me');
  assert.equal(me.status(), 200, 'the browser session is signed in');
  const { csrfToken } = (await me.json()) as { csrfToken: string };
  const response = await page.request.post(urlPath, { data: body, headers: { 'X-CSRF-Token': csrfToken } });
  return { status: response.status(), json: await response.json() };
}

type Line = { sku: string; name?: string; quantity: number; unitPrice: string };
type Buyer = { name: string; phone: string; email?: string; province: string; city: string; line1: string };

const buyers: Record<string, Buyer> = {
  wang: {
    name: '王芳',
    phone: '+8613800138000',
    email: 'fang@example.com',
    province: '浙江省',
    city: '杭州市',
    line1: '文三路 100 号',
  },
  li: {
    name: 'Li Lei',
    phone: '+8613900139000',
    province: '广东省',
    city: '深圳市',
    line1: '科技园南路 8 号',
  },
  zhang: { name: '张伟', phone: '+8613700137000', province: '北京市', city: '北京市', line1: '建国路 88 号' },
  emma: {
    name: 'Emma Wilson',
    phone: '+8615000150000',
    email: 'emma@example.com',
    province: '上海市',
    city: '上海市',
    line1: '世纪大道 1 号',
  },
};

const cents = (amount: string) => Math.round(Number(amount) * 100);
const decimal = (value: number) => (value / 100).toFixed(2);

/** A canonical order (CONTRACT.md) whose total adds up: lines + shipping 10.00. */
function canonicalOrder(
  externalId: string,
  buyer: Buyer,
  lines: Line[],
  extra: Record<string, unknown> = {},
) {
  const shippingFee = '10.00';
  const total = decimal(
    lines.reduce((sum, line) => sum + line.quantity * cents(line.unitPrice), cents(shippingFee)),
  );
  const placedAt = new Date().toISOString();
  return {
    channel: 'web',
    externalId,
    placedAt,
    currency: 'CNY',
    customer: { name: buyer.name, email: buyer.email, phone: buyer.phone },
    shippingAddress: {
      name: buyer.name,
      phone: buyer.phone,
      country: 'CN',
      province: buyer.province,
      city: buyer.city,
      district: '',
      line1: buyer.line1,
      line2: '',
      postalCode: '',
    },
    lines,
    shippingFee,
    discount: '0.00',
    total,
    payment: { status: 'paid', method: 'alipay', paidAmount: total, paidAt: placedAt },
    requestedService: 'standard',
    ...extra,
  };
}

const tee = (quantity: number): Line => ({
  sku: 'TEE-RED-M',
  name: 'T-shirt, red, M',
  quantity,
  unitPrice: '59.90',
});
const mug = (quantity: number): Line => ({
  sku: 'MUG-WHITE',
  name: 'Mug, white',
  quantity,
  unitPrice: '35.00',
});

type CreatedOrder = { id: string; number: string; status: string };

test('a wrong password is refused with a translated message', async () => {
  const context = await newContext('en-US');
  const page = await context.newPage();
  await submitLogin(page, 'admin', 'not-the-password');
  await page.getByTestId('login-error').getByText('Wrong username or password.').waitFor();
  assert.match(page.url(), /\/login$/);
  await context.close();
});

test('an operator finds a new order in the list, reads its timeline, and sees it all in Chinese', async () => {
  const context = await newContext('en-US');
  const page = await context.newPage();
  await signIn(page);
  await page.getByTestId('current-user').getByText('admin').first().waitFor();

  for (const sku of [
    { code: 'TEE-RED-M', name: 'T-shirt, red, M', price: '59.90', weightGrams: 180 },
    { code: 'MUG-WHITE', name: 'Mug, white', price: '35.00', weightGrams: 350 },
  ]) {
    assert.equal((await apiPost(page, '/api/v1/skus', sku)).status, 201);
  }
  const samples = [
    canonicalOrder('E2E-1001', buyers.wang, [tee(2), mug(1)]),
    canonicalOrder('E2E-1003', buyers.zhang, [mug(4)], { type: 'urgent', requestedService: 'express' }),
    canonicalOrder('E2E-1004', buyers.emma, [
      tee(1),
      { sku: 'GIFT-CARD-100', name: 'Gift card 100', quantity: 1, unitPrice: '100.00' },
    ]),
  ];
  for (const sample of samples) {
    const created = await apiPost(page, '/api/v1/orders', sample);
    assert.equal(created.status, 201, JSON.stringify(created.json));
  }
  const paid = samples[0];
  const held = await apiPost(
    page,
    '/api/v1/orders',
    canonicalOrder('E2E-1002', buyers.li, [tee(1), mug(2)], {
      payment: { status: 'pending', method: 'bank_transfer' },
    }),
  );
  assert.equal(held.status, 201, JSON.stringify(held.json));
  const order = held.json as CreatedOrder;
  assert.equal(order.status, 'pending_review');

  // The list, reached through the navigation.
  await page.getByTestId('nav-menu').getByText('All orders').click();
  await page.waitForURL('**/orders');
  const table = page.getByTestId('orders-table');
  const row = table.locator('tr', { hasText: order.number });
  await row.waitFor();
  assert.equal(await row.getByTestId('order-row-status').textContent(), 'Pending review');
  assert.match((await row.textContent()) ?? '', /Payment pending/);
  assert.match((await table.textContent()) ?? '', new RegExp(paid.externalId));
  assert.match((await table.locator('tr', { hasText: 'E2E-1004' }).textContent()) ?? '', /Unknown SKU/);
  await screenshot(page, 'orders-list.png');

  // The detail, with the hold explained and the timeline in words.
  await row.click();
  await page.waitForURL(`**/orders/${order.id}`);
  assert.equal(await page.getByTestId('order-number').textContent(), order.number);
  assert.equal(await page.getByTestId('order-status').textContent(), 'Pending review');
  const timeline = page.getByTestId('order-timeline');
  await timeline.getByText('Order received from channel web').waitFor();
  await timeline.getByText('Put on hold: Payment pending').waitFor();
  await page.getByTestId('order-holds').getByText('The payment is not complete yet').waitFor();
  await screenshot(page, 'order-detail.png');

  // 中文: labels, statuses, holds and timeline follow the language switch, which is remembered.
  await page.getByTestId('lang-switch').getByText('中文').click();
  await page.getByTestId('order-status').getByText('待审核').waitFor();
  await timeline.getByText('收到来自渠道 web 的订单').waitFor();
  await timeline.getByText('订单挂起：待付款').waitFor();
  await page.getByText('订单动态').waitFor();
  assert.equal(await page.evaluate(() => localStorage.getItem('ordo.lang')), 'zh-CN');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
  await screenshot(page, 'order-detail.zh-CN.png');

  await page.getByTestId('nav-menu').getByText('全部订单').click();
  await page.waitForURL('**/orders');
  await table.locator('tr', { hasText: order.number }).getByText('待审核').waitFor();
  await page.getByRole('columnheader', { name: '订单号' }).waitFor();
  await screenshot(page, 'orders-list.zh-CN.png');
  await context.close();
});

test('an order is cancelled from its page with a reason, which the timeline then shows', async () => {
  const context = await newContext('en-US');
  const page = await context.newPage();
  await signIn(page);
  await page.getByTestId('current-user').waitFor();
  const created = await apiPost(page, '/api/v1/orders', canonicalOrder('E2E-2001', buyers.wang, [tee(1)]));
  const order = created.json as CreatedOrder;

  await page.goto(`/orders/${order.id}`);
  await page.getByTestId('order-cancel').click();
  await page.getByTestId('cancel-reason').fill('Customer changed their mind');
  await page.getByRole('button', { name: 'Cancel the order' }).click();
  await page.getByTestId('order-status').getByText('Cancelled').waitFor();
  await page.getByTestId('order-timeline').getByText('Cancelled: Customer changed their mind').waitFor();
  assert.equal(
    await page.getByTestId('order-cancel').count(),
    0,
    'a cancelled order offers no cancel button',
  );
  await context.close();
});

test('a phone order is entered through the form, priced from the catalogue, and opens on its page', async () => {
  const context = await newContext('en-US');
  const page = await context.newPage();
  await signIn(page);
  await page.getByTestId('current-user').waitFor();
  await apiPost(page, '/api/v1/skus', { code: 'CAP-BLUE', name: 'Cap, blue', price: '45.50' });

  await page.goto('/orders/new');
  await page.getByTestId('new-order-customer-name').fill('Zhang Wei');
  await page.getByTestId('new-order-customer-phone').fill('+8613700137000');
  await page.getByRole('button', { name: 'Same as customer' }).click();
  await page.getByTestId('new-order-address-city').fill('Shanghai');
  await page.getByTestId('new-order-address-line1').fill('1 Century Avenue');
  // The form says before saving what the audit will hold the order for: a CN address without
  // province and district is accepted, and held (the same list the audit uses).
  await page.getByTestId('needed-to-ship-district').waitFor();
  const willHold = await page.getByTestId('new-order-will-hold').innerText();
  assert.match(willHold, /will be held/);
  assert.match(willHold, /District/);

  await page.getByTestId('order-line').first().locator('input').first().fill('CAP');
  await page.locator('.ant-select-item-option', { hasText: 'CAP-BLUE' }).click();
  await page.getByTestId('line-quantity').first().fill('2');
  await page.getByTestId('new-order-shipping-fee').fill('8');
  await page.getByTestId('new-order-total').getByText('99.00').waitFor();

  await page.getByTestId('new-order-submit').click();
  await page.waitForURL(/\/orders\/(?!new)[^/]+$/);
  await page.getByTestId('order-lines').getByText('CAP-BLUE').waitFor();
  assert.match((await page.getByTestId('order-detail').textContent()) ?? '', /99\.00/);
  const orderId = page.url().split('/').pop() ?? '';
  const saved = await (await page.request.get(`/api/v1/orders/${orderId}`)).json();
  assert.ok(saved.holds.includes('ADDRESS_INCOMPLETE'), 'held, as the form said');
  await context.close();
});

test('an administrator creates an API key, sees it once, and revokes it', async () => {
  const context = await newContext('en-US');
  const page = await context.newPage();
  await signIn(page);
  await page.getByTestId('current-user').waitFor();

  await page.getByTestId('nav-menu').getByText('API keys').click();
  await page.getByTestId('api-key-create').click();
  await page.getByTestId('api-key-name').fill('Shopify store');
  await page.getByRole('dialog').getByRole('button', { name: 'New API key' }).click();
  const key = (await page.getByTestId('api-key-secret').textContent()) ?? '';
  assert.match(key, /^ordo_/);
  await page.getByText('It is shown only this once').waitFor();
  const withKey = () =>
    fetch(`${server.url}/api/v1/orders?limit=1`, { headers: { authorization: `Bearer ${key}` } });
  assert.equal((await withKey()).status, 200, 'the new key works');

  await page.getByTestId('api-key-done').click();
  const row = page.getByTestId('api-keys-table').locator('tr', { hasText: 'Shopify store' });
  await row.getByText('Active').waitFor();
  await row.getByRole('button', { name: 'Revoke' }).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: 'Revoke' }).click();
  await row.getByText(/^Revoked/).waitFor();
  assert.equal((await withKey()).status, 401, 'a revoked key is refused');
  await context.close();
});

test('a SKU CSV import reports what it created and which lines it rejected', async () => {
  const context = await newContext('en-US');
  const page = await context.newPage();
  await signIn(page);
  await page.getByTestId('current-user').waitFor();

  await page.goto('/catalog/skus');
  const csv = [
    'code,name,price,barcode,weightGrams,lengthMm,widthMm,heightMm',
    'SOCK-GRY-L,Socks grey L,19.90,6901234567892,60,200,90,20',
    'SOCK-BLK-L,Socks black L,19.90,,60,,,',
    'SOCK-BAD,Socks with a bad price,abc,,,,,',
  ].join('\n');
  await page
    .locator('input[type=file]')
    .setInputFiles({ name: 'skus.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  const result = page.getByTestId('sku-import-result');
  await result.waitFor();
  const text = (await result.textContent()) ?? '';
  assert.match(text, /Created\s*2/);
  assert.match(text, /Rejected\s*1/);
  assert.match(text, /SOCK-BAD/);
  await page.keyboard.press('Escape');
  await page.getByTestId('skus-table').getByText('SOCK-GRY-L').waitFor();
  await context.close();
});
