import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { signLink } from '../../src/platform/signed-link.ts';
import {
  confirmDialog,
  ensureConsoleBuilt,
  launchBrowser,
  newConsoleContext,
  saveScreenshot as screenshot,
  signIn as signInAs,
} from '../helpers/browser.ts';
import { startTestServer } from '../helpers/server.ts';
import { startMailCatcher } from '../helpers/smtp.ts';

// Audit, review queue, rules and the customer's address fix (issue 3), driven through the built
// console in headless Chromium against the real server, with a real SMTP server receiving mail.

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

let mailCatcher: Awaited<ReturnType<typeof startMailCatcher>>;
let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;

const users = {
  processor: { username: 'li.processor', password: 'processor-pass-1', role: 'order_processor' },
  finance: { username: 'zhou.finance', password: 'finance-pass-1', role: 'finance' },
};

before(async () => {
  ensureConsoleBuilt();
  mailCatcher = await startMailCatcher();
  server = await startTestServer({
    env: { SMTP_URL: mailCatcher.url, ORDO_PUBLIC_URL: '{url}' },
  });
  const system = { type: 'system' as const, id: null, name: 'test' };
  for (const user of Object.values(users)) {
    await server.testApp.app.staff.createUser(system, { ...user, displayName: user.username });
  }
  await api('POST', '/skus', { code: 'MUG-WHITE', name: 'Mug, white', price: '35.00' });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
  await mailCatcher?.close();
});

function newContext(locale: string): Promise<BrowserContext> {
  return newConsoleContext(browser, server.url, locale);
}

/** Signs in and waits until the console shows who is signed in. */
async function signIn(page: Page, username = 'admin', password = server.adminPassword): Promise<void> {
  await signInAs(page, username, password);
  await page.getByTestId('current-user').waitFor();
}

type ApiOrder = {
  id: string;
  number: string;
  status: string;
  holds: string[];
  holdDetails: { code: string; releasedAt: string | null }[];
  review: { stage: string | null; riskScore: number };
  events: { type: string; data: Record<string, unknown> }[];
  updatedAt: string;
};

/** The API with an admin key (not through the browser). */
async function api<T>(method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown): Promise<T> {
  const response = await server.testApp.request({
    method,
    url: `/api/v1${url}`,
    payload: payload as Record<string, unknown>,
  });
  assert.ok(response.statusCode < 300, `${method} ${url}: ${response.statusCode} ${response.body}`);
  return response.json() as T;
}

let sequence = 0;

/**
 * A CN order whose total adds up; every order has its own phone and street so that orders do not
 * look like merge candidates or repeat orders unless a test wants them to.
 */
function orderInput(
  options: {
    email?: string;
    phone?: string;
    district?: string;
    line1?: string;
    lines?: { sku: string; quantity: number; unitPrice: string }[];
    placedAt?: string;
  } = {},
) {
  sequence += 1;
  const lines = options.lines ?? [{ sku: 'MUG-WHITE', quantity: 1, unitPrice: '35.00' }];
  const cents = lines.reduce(
    (sum, line) => sum + line.quantity * Math.round(Number(line.unitPrice) * 100),
    0,
  );
  const total = (cents / 100).toFixed(2);
  const phone = options.phone ?? `+86139${String(10_000_000 + sequence * 7919 + process.pid).slice(-8)}`;
  const placedAt = options.placedAt ?? new Date().toISOString();
  return {
    channel: 'web',
    externalId: `REV-${Date.now()}-${sequence}`,
    placedAt,
    currency: 'CNY',
    customer: { name: '李娜', email: options.email ?? '', phone },
    shippingAddress: {
      name: '李娜',
      phone,
      country: 'CN',
      province: '浙江省',
      city: '杭州市',
      district: options.district ?? '西湖区',
      line1: options.line1 ?? `文三路 ${100 + sequence} 号`,
      line2: '',
      postalCode: '',
    },
    lines,
    shippingFee: '0.00',
    discount: '0.00',
    total,
    payment: { status: 'paid', method: 'alipay', paidAmount: total, paidAt: placedAt },
    requestedService: 'standard',
  };
}

const getOrder = (id: string) => api<ApiOrder>('GET', `/orders/${id}`);

test('every console text exists in English and Chinese', () => {
  const flat = (value: unknown, prefix = ''): string[] =>
    Object.entries(value as Record<string, unknown>).flatMap(([key, child]) =>
      typeof child === 'object' && child !== null ? flat(child, `${prefix}${key}.`) : [`${prefix}${key}`],
    );
  const read = (lng: string) =>
    flat(JSON.parse(fs.readFileSync(path.join(repoRoot, 'web/src/i18n', `${lng}.json`), 'utf8'))).sort();
  assert.deepEqual(read('zh-CN'), read('en'));
});

test('a customer fixes an incomplete address from the link in their mail; bad links change nothing', async () => {
  // CN addresses need a district: this one is held ADDRESS_INCOMPLETE and the customer is mailed.
  const created = await api<ApiOrder>(
    'POST',
    '/orders',
    orderInput({ email: 'li.na@example.com', district: '' }),
  );
  assert.equal(created.status, 'pending_review');
  assert.deepEqual(created.holds, ['ADDRESS_INCOMPLETE']);

  await server.testApp.app.dispatcher.drain();
  const mail = mailCatcher.mails.find((m) => m.to.includes('li.na@example.com'));
  assert.ok(mail, `a mail reached the customer (got ${mailCatcher.mails.length} mails)`);
  const link = /(https?:\/\/\S+\/fix\/[A-Za-z0-9_.-]+)/.exec(mail.text)?.[1];
  assert.ok(link, `the mail links to the fix page:\n${mail.text}`);
  assert.ok(link.startsWith(server.url), 'the link points at this server (ORDO_PUBLIC_URL)');
  assert.match(mail.text, new RegExp(created.number));
  // A CN address gets the Chinese mail, its reasons in Chinese too.
  assert.match(mail.text, /暂时无法发货：地址不完整：缺少区县。/);
  assert.doesNotMatch(mail.text, /missing district/);

  // The customer's browser is Chinese; the page follows it and offers the switch.
  const context = await newContext('zh-CN');
  const page = await context.newPage();
  await page.goto(link);
  await page.getByText('核对收货信息').first().waitFor();
  await page.getByTestId('lang-switch').getByText('English').click();
  await page.getByText('Check your delivery address').first().waitFor();
  assert.equal(await page.getByTestId('address-fix-number').textContent(), created.number);
  await page.getByTestId('address-fix-problems').getByText('Address incomplete').waitFor();
  assert.equal(await page.getByTestId('nav-menu').count(), 0, 'no console navigation around the page');
  assert.equal(
    await page.getByTestId('address-city').inputValue(),
    '杭州市',
    'the form starts from the address',
  );
  await page.getByTestId('address-district').fill('西湖区');
  await screenshot(page, 'address-fix.png');
  await page.getByTestId('address-fix-submit').click();
  await page.getByTestId('address-fix-done').getByText('Thank you, your address is saved').waitFor();
  assert.ok(!page.url().includes('/login'), 'the public page never asks to sign in');

  // The customer writes to the shop through the same link.
  await page.getByTestId('address-fix-message-body').fill('Please leave it with the building guard.');
  await page.getByTestId('address-fix-message-send').click();
  await page.getByTestId('address-fix-sent').waitFor();
  await page
    .getByTestId('address-fix-message')
    .filter({ hasText: 'Please leave it with the building guard.' })
    .waitFor();

  const fixed = await getOrder(created.id);
  assert.equal(fixed.status, 'approved', 'the only hold was released, so the order is approved');
  assert.deepEqual(fixed.holds, []);
  assert.ok(fixed.holdDetails.find((h) => h.code === 'ADDRESS_INCOMPLETE')?.releasedAt);
  const corrected = fixed.events.find((e) => e.type === 'address_corrected');
  assert.equal(corrected?.data.by, 'customer');

  // The operator's view of the same order: the correction and the release in words.
  const operatorContext = await newContext('en-US');
  const operator = await operatorContext.newPage();
  await signIn(operator);
  await operator.goto(`/orders/${created.id}`);
  const timeline = operator.getByTestId('order-timeline');
  await timeline.getByText('The customer corrected the delivery address').waitFor();
  await timeline.getByText('Hold cleared automatically: Address incomplete').waitFor();
  await timeline.getByText(/Customer emailed at li\.na@example\.com/).waitFor();
  await timeline.getByText('Message from the customer').waitFor();
  await operator.getByTestId('conversation').getByText('Please leave it with the building guard.').waitFor();
  await operatorContext.close();

  // Bad links for another held order: refused on the page and by the API, the order unchanged.
  const other = await api<ApiOrder>(
    'POST',
    '/orders',
    orderInput({ email: 'wang.lei@example.com', district: '' }),
  );
  const secret = await server.testApp.app.orders.customer.secretForTests();
  const valid = signLink(secret, {
    purpose: 'address-fix',
    subject: other.id,
    expiresAt: Date.now() + 3_600_000,
  });
  const lastChar = valid.at(-1) === 'A' ? 'B' : 'A';
  const tampered = `${valid.slice(0, -1)}${lastChar}`;
  const expired = signLink(secret, {
    purpose: 'address-fix',
    subject: other.id,
    expiresAt: Date.now() - 60_000,
  });
  const before = await getOrder(other.id);

  await page.goto(`/fix/${tampered}`);
  await page.getByTestId('address-fix-refused').getByText('This link is not valid').waitFor();
  assert.equal(await page.getByTestId('address-fix-refused').getAttribute('data-code'), 'INVALID_LINK');
  assert.equal(await page.getByTestId('address-fix-form').count(), 0);
  await page.goto(`/fix/${expired}`);
  await page.getByTestId('address-fix-refused').getByText('This link has expired').waitFor();
  assert.equal(await page.getByTestId('address-fix-refused').getAttribute('data-code'), 'LINK_EXPIRED');

  const fix = { shippingAddress: { ...orderInput().shippingAddress, district: '西湖区' } };
  for (const [token, status, code] of [
    [tampered, 403, 'INVALID_LINK'],
    [expired, 410, 'LINK_EXPIRED'],
  ] as const) {
    const response = await fetch(`${server.url}/api/v1/public/address-fix/${token}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(fix),
    });
    assert.equal(response.status, status);
    assert.equal(((await response.json()) as { error: { code: string } }).error.code, code);
  }
  const afterRefusals = await getOrder(other.id);
  assert.deepEqual(afterRefusals.holds, ['ADDRESS_INCOMPLETE']);
  assert.equal(afterRefusals.updatedAt, before.updatedAt);
  assert.equal(afterRefusals.events.length, before.events.length);
  assert.ok(!afterRefusals.events.some((e) => e.type === 'address_corrected'));
  await context.close();
});

test('the review queue: keyboard approval, two-stage review of a high-risk order, both languages', async () => {
  // Values decide the order of the queue (value is part of the priority): big, medium, small.
  const big = await api<ApiOrder>(
    'POST',
    '/orders',
    orderInput({ lines: [{ sku: 'LAMP-NEW', quantity: 10, unitPrice: '300.00' }] }),
  );
  const medium = await api<ApiOrder>(
    'POST',
    '/orders',
    orderInput({ lines: [{ sku: 'VASE-NEW', quantity: 1, unitPrice: '100.00' }] }),
  );
  const riskyPhone = '+8613711112222';
  await api('POST', '/blocklist', { kind: 'phone', value: riskyPhone, note: 'chargebacks' });
  const risky = await api<ApiOrder>('POST', '/orders', orderInput({ phone: riskyPhone }));
  assert.deepEqual(big.holds, ['UNKNOWN_SKU']);
  assert.deepEqual(medium.holds, ['UNKNOWN_SKU']);
  assert.deepEqual([...risky.holds].sort(), ['BLOCKLISTED', 'HIGH_RISK']);
  assert.ok(risky.review.riskScore >= 100);

  const context = await newContext('en-US');
  const page = await context.newPage();
  await signIn(page, users.processor.username, users.processor.password);
  await page.getByTestId('nav-menu').getByText('Review queue').click();
  await page.waitForURL('**/orders/queue');
  const table = page.getByTestId('queue-table');
  for (const order of [big, medium, risky]) await table.getByText(order.number).waitFor();
  const riskyRow = table.locator('tr', { hasText: risky.number });
  await riskyRow.getByText('High risk').waitFor();
  await riskyRow.getByText('Processor review').waitFor();
  await page.getByTestId('queue-help').click();
  await page.getByTestId('queue-shortcuts').getByText('Claim the next order').waitFor();
  await page.keyboard.press('Escape');
  await screenshot(page, 'review-queue.png');

  // j focuses the first (most urgent) order, a approves it: its only hold is released.
  await page.keyboard.press('j');
  const focused = table.locator('tr[data-focused="true"]');
  assert.equal(await focused.getByTestId('queue-number').textContent(), big.number);
  await page.keyboard.press('a');
  await page.getByText(`${big.number} was approved`).waitFor();
  await table.getByText(big.number).waitFor({ state: 'detached' });
  assert.equal((await getOrder(big.id)).status, 'approved');

  // x selects the focused order; "Approve selected" releases it too.
  await page.keyboard.press('j');
  await page.keyboard.press('k');
  assert.equal(
    await table.locator('tr[data-focused="true"]').getByTestId('queue-number').textContent(),
    medium.number,
  );
  await page.keyboard.press('x');
  await page.getByTestId('queue-approve-selected').click();
  await table.getByText(medium.number).waitFor({ state: 'detached' });
  assert.equal((await getOrder(medium.id)).status, 'approved');

  // The high-risk order: the processor releases the blocklist hold and approves the first stage.
  await riskyRow.getByTestId('queue-number').click();
  await page.waitForURL(`**/orders/${risky.id}`);
  await page.getByTestId('review-card').getByText('Processor review').waitFor();
  await page.getByTestId('action-release').click();
  await page.getByTestId('release-form').getByText('Blocklisted').waitFor();
  await confirmDialog(page, 'release-form');
  await page.getByTestId('order-timeline').getByText('Hold released: Blocklisted').waitFor();
  await page.getByTestId('action-review').click();
  await page.getByTestId('review-reason').fill('Known customer, address checked');
  await confirmDialog(page, 'review-form');
  await page.getByTestId('order-timeline').getByText('Processor review approved').waitFor();
  await page.getByTestId('review-card').getByText('Finance review').waitFor();
  assert.equal(
    await page.getByTestId('action-review').count(),
    0,
    'the finance stage is not the processor’s',
  );
  let order = await getOrder(risky.id);
  assert.equal(order.status, 'pending_review');
  assert.equal(order.review.stage, 'finance');
  assert.deepEqual(order.holds, ['HIGH_RISK']);
  await context.close();

  // Finance finds it under "Waiting for finance" and gives the second approval.
  const financeContext = await newContext('en-US');
  const finance = await financeContext.newPage();
  await signIn(finance, users.finance.username, users.finance.password);
  await finance.goto('/orders/queue');
  await finance.getByTestId('queue-filter-finance').click();
  await finance.waitForURL('**/orders/queue?stage=finance');
  const financeRow = finance.getByTestId('queue-table').locator('tr', { hasText: risky.number });
  await financeRow.getByText('Finance review').waitFor();
  await financeRow.getByTestId('queue-number').click();
  await finance.getByTestId('action-review').click();
  await confirmDialog(finance, 'review-form');
  await finance.getByTestId('order-status').getByText('Approved').waitFor();
  await finance.getByTestId('order-timeline').getByText('Finance review approved').waitFor();
  order = await getOrder(risky.id);
  assert.equal(order.status, 'approved');
  assert.deepEqual(order.holds, []);

  // 中文: the queue and its headers follow the language switch.
  await api('POST', '/orders', orderInput({ lines: [{ sku: 'BOWL-NEW', quantity: 1, unitPrice: '20.00' }] }));
  await finance.goto('/orders/queue');
  await finance.getByTestId('lang-switch').getByText('中文').click();
  for (const header of ['订单号', '优先级', '最晚发货', '挂起原因', '风险分', '审核环节', '领取人']) {
    await finance.getByRole('columnheader', { name: header }).waitFor();
  }
  await finance.getByTestId('queue-table').getByText('未知 SKU').first().waitFor();
  await finance.getByTestId('queue-claim-next').getByText('领取下一单').waitFor();
  await screenshot(finance, 'review-queue.zh-CN.png');
  await financeContext.close();
});

test('audit rules: a stricter velocity rule is dry-run, charted and saved as a new version', async () => {
  // Two orders from one phone to two addresses, half an hour apart: fine under "3 orders in 24 h",
  // held by "0 other orders" — which is what the dry run must show.
  const phone = '+8613655556666';
  const hourAgo = Date.now() - 3_600_000;
  await api('POST', '/orders', orderInput({ phone, placedAt: new Date(hourAgo).toISOString() }));
  const second = await api<ApiOrder>(
    'POST',
    '/orders',
    orderInput({ phone, placedAt: new Date(hourAgo + 1_800_000).toISOString() }),
  );
  assert.equal(second.status, 'approved');

  const context = await newContext('en-US');
  const page = await context.newPage();
  await signIn(page);
  await page.getByTestId('nav-menu').getByText('Audit rules').click();
  await page.waitForURL('**/rules/audit');
  await page.getByTestId('active-version').getByText('Active: version 0').waitFor();
  await page.getByTestId('rule-VELOCITY').getByText('Too many orders too fast').click();
  const maxOrders = page.getByTestId('param-VELOCITY-maxOrders');
  await maxOrders.waitFor();
  assert.equal(await maxOrders.inputValue(), '3');
  await maxOrders.fill('0');
  await page.getByText('Unsaved changes').waitFor();

  await page.getByTestId('dry-run').click();
  const result = page.getByTestId('dry-run-result');
  await result.waitFor();
  await page.getByTestId('dry-run-chart').locator('.recharts-bar-rectangle').first().waitFor();
  const velocityRow = page.getByTestId('dry-run-table').locator('tr', { hasText: 'Repeated orders' });
  await velocityRow.getByTestId('dry-run-example').getByText(second.number).waitFor();
  assert.match((await velocityRow.textContent()) ?? '', /\+\d/);
  const heldNow = Number(
    await page.getByTestId('dry-run-held-current').locator('.ant-statistic-content-value').textContent(),
  );
  const heldProposed = Number(
    await page.getByTestId('dry-run-held-proposed').locator('.ant-statistic-content-value').textContent(),
  );
  assert.ok(heldProposed > heldNow, `the proposal holds more orders (${heldNow} → ${heldProposed})`);
  await screenshot(page, 'rules.png');

  await page.getByTestId('save-version').click();
  await page.getByTestId('version-note').fill('Hold every repeat order while we investigate fraud');
  await page.getByRole('dialog').getByRole('button', { name: 'Save as new version' }).click();
  await page.getByText('Saved as version 1').waitFor();
  await page.getByTestId('active-version').getByText('Active: version 1').waitFor();
  // The save dialog closes with an animation; the drawer is opened once it has gone.
  await page.getByRole('dialog').waitFor({ state: 'detached' });

  await page.getByTestId('versions-open').click();
  await page.getByTestId('versions-drawer').waitFor();
  const versions = page.getByTestId('versions-table');
  const row = versions.locator('tr', { hasText: 'v1' });
  await row.getByText('Hold every repeat order while we investigate fraud').waitFor();
  await row.getByText('admin').waitFor();
  await row.getByText('Active').waitFor();

  const active = await api<{ version: number; rules: { code: string; params: Record<string, unknown> }[] }>(
    'GET',
    '/audit-rules',
  );
  assert.equal(active.version, 1);
  assert.equal(active.rules.find((r) => r.code === 'VELOCITY')?.params.maxOrders, 0);
  await context.close();
});
