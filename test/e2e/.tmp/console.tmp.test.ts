import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { startTestServer } from './server-standin.ts';

// The real server on a fresh database, driven through the built console in headless Chromium.

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const screenshotDir = path.join(repoRoot, 'docs', 'screenshots');
const takeScreenshots = process.env.ORDO_SCREENSHOTS === '1';

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;

before(async () => {
  // The server serves dist/web; build the console once if this checkout has not.
  if (!fs.existsSync(path.join(repoRoot, 'dist', 'web', 'index.html'))) {
    execFileSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], {
      cwd: repoRoot,
      stdio: 'inherit',
    });
  }
  server = await startTestServer();
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function newContext(locale: string): Promise<BrowserContext> {
  return browser.newContext({ locale, viewport: { width: 1440, height: 900 }, baseURL: server.url });
}

async function screenshot(page: Page, name: string): Promise<void> {
  if (!takeScreenshots) return;
  fs.mkdirSync(screenshotDir, { recursive: true });
  // Let charts and tags finish their entry animations.
  await page.waitForTimeout(600);
  await page.screenshot({ path: path.join(screenshotDir, name), fullPage: true });
}

async function signIn(page: Page, password = server.adminPassword): Promise<void> {
  await page.goto('/login');
  await page.getByTestId('login-username').fill('admin');
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

/** A request through the browser's own session: the cookie plus the CSRF token from /auth/me. */
async function apiPost(page: Page, urlPath: string, body: unknown): Promise<{ status: number; json: unknown }> {
  const me = await page.request.get('/api/v1/auth/me');
  assert.equal(me.status(), 200, 'the browser session is signed in');
  const { csrfToken } = (await me.json()) as { csrfToken: string };
  const response = await page.request.post(urlPath, { data: body, headers: { 'X-CSRF-Token': csrfToken } });
  return { status: response.status(), json: await response.json() };
}

function canonicalOrder(externalId: string, overrides: Record<string, unknown> = {}) {
  return {
    channel: 'web',
    externalId,
    placedAt: new Date().toISOString(),
    currency: 'CNY',
    customer: { name: '王芳', email: 'fang@example.com', phone: '+8613800138000' },
    shippingAddress: {
      name: '王芳',
      phone: '+8613800138000',
      country: 'CN',
      province: '浙江省',
      city: '杭州市',
      district: '西湖区',
      line1: '文三路 100 号',
      line2: '',
      postalCode: '310000',
    },
    lines: [
      { sku: 'TEE-RED-M', quantity: 2, unitPrice: '59.90' },
      { sku: 'MUG-WHITE', quantity: 1, unitPrice: '35.00' },
    ],
    shippingFee: '10.00',
    discount: '5.00',
    total: '159.80',
    payment: { status: 'paid', method: 'alipay', paidAmount: '159.80', paidAt: new Date().toISOString() },
    type: 'normal',
    buyerNote: '',
    sellerNote: '',
    requestedService: 'standard',
    ...overrides,
  };
}

type CreatedOrder = { id: string; number: string; status: string };

test('a wrong password is refused with a translated message', async () => {
  const context = await newContext('en-US');
  const page = await context.newPage();
  await signIn(page, 'not-the-password');
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
  const paid = await apiPost(page, '/api/v1/orders', canonicalOrder('E2E-1001'));
  assert.equal(paid.status, 201, JSON.stringify(paid.json));
  const pendingPayment = canonicalOrder('E2E-1002', {
    customer: { name: 'Li Lei', phone: '+8613900139000' },
    payment: { status: 'pending', method: 'bank_transfer' },
  });
  const held = await apiPost(page, '/api/v1/orders', pendingPayment);
  assert.equal(held.status, 201, JSON.stringify(held.json));
  const order = held.json as CreatedOrder;
  assert.equal(order.status, 'pending_review');

  // The list, reached through the navigation.
  await page.getByTestId('nav-menu').getByText('All orders').click();
  await page.waitForURL('**/orders');
  const table = page.getByTestId('orders-table');
  const row = table.locator('tr', { hasText: order.number });
  await row.waitFor();
  assert.equal(await row.getByTestId('order-row-status').innerText(), 'Pending review');
  assert.match(await row.innerText(), /Payment pending/);
  assert.match(await table.innerText(), new RegExp((paid.json as CreatedOrder).number));
  await screenshot(page, 'orders-list.png');

  // The detail, with the hold explained and the timeline in words.
  await row.click();
  await page.waitForURL(`**/orders/${order.id}`);
  assert.equal(await page.getByTestId('order-number').innerText(), order.number);
  assert.equal(await page.getByTestId('order-status').innerText(), 'Pending review');
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
  const created = await apiPost(page, '/api/v1/orders', canonicalOrder('E2E-2001'));
  const order = created.json as CreatedOrder;

  await page.goto(`/orders/${order.id}`);
  await page.getByTestId('order-cancel').click();
  await page.getByTestId('cancel-reason').fill('Customer changed their mind');
  await page.getByRole('button', { name: 'Cancel the order' }).click();
  await page.getByTestId('order-status').getByText('Cancelled').waitFor();
  await page.getByTestId('order-timeline').getByText('Cancelled: Customer changed their mind').waitFor();
  assert.equal(await page.getByTestId('order-cancel').count(), 0, 'a cancelled order offers no cancel button');
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

  await page.getByTestId('order-line').first().locator('input').first().fill('CAP');
  await page.locator('.ant-select-item-option', { hasText: 'CAP-BLUE' }).click();
  await page.getByTestId('line-quantity').first().fill('2');
  await page.getByTestId('new-order-shipping-fee').fill('8');
  await page.getByTestId('new-order-total').getByText('99.00').waitFor();

  await page.getByTestId('new-order-submit').click();
  await page.waitForURL(/\/orders\/(?!new)[^/]+$/);
  await page.getByTestId('order-lines').getByText('CAP-BLUE').waitFor();
  assert.match(await page.getByTestId('order-detail').innerText(), /99\.00/);
  await context.close();
});
