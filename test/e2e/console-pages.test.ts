import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { ensureConsoleBuilt, launchBrowser, newConsoleContext, signIn } from '../helpers/browser.ts';
import { newOrderInput } from '../helpers/factories.ts';
import { startTestServer } from '../helpers/server.ts';

// What every page of the console owes a reader: no "empty" while it loads, the menu entry it
// was reached from, one deadline, channel names, readable audit entries, no clipped tables.

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

async function signedInPage(locale: string): Promise<Page> {
  const context = await newConsoleContext(browser, server.url, locale);
  const page = await context.newPage();
  await signIn(page, 'admin', server.adminPassword);
  await page.getByTestId('current-user').waitFor();
  return page;
}

/** A request through the browser's own session: the cookie plus the CSRF token from /auth/me. */
async function apiPost<T>(page: Page, urlPath: string, body: unknown): Promise<T> {
  const me = await page.request.get('/api/v1/auth/me');
  const { csrfToken } = (await me.json()) as { csrfToken: string };
  const response = await page.request.post(`/api/v1${urlPath}`, {
    data: body,
    headers: { 'X-CSRF-Token': csrfToken },
  });
  assert.ok(response.ok(), `${urlPath}: ${response.status()} ${await response.text()}`);
  return (await response.json()) as T;
}

const selectedMenuEntry = (page: Page) => page.getByTestId('nav-menu').locator('.ant-menu-item-selected');

test('a table shows no empty text while its rows load, only once they arrived empty', async () => {
  const page = await signedInPage('en-US');
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route('**/api/v1/orders?**', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/orders');
  const table = page.getByTestId('orders-table');
  await table.locator('.ant-spin-spinning').waitFor();
  assert.equal(await table.getByText('No orders yet').count(), 0, 'no empty text behind the spinner');
  release();
  await table.getByText('No orders yet').waitFor();
  await page.context().close();
});

test('an order opened from the review queue keeps the queue lit, names its channel and has one deadline', async () => {
  const page = await signedInPage('en-US');
  await apiPost(page, '/skus', { code: 'TEA-1', name: 'Green tea', price: '20.00', weightGrams: 100 });
  const held = await apiPost<{ id: string; number: string; status: string }>(
    page,
    '/orders',
    newOrderInput({
      lines: [{ sku: 'TEA-1', name: 'Green tea', quantity: 1, unitPrice: '20.00' }],
      payment: { status: 'pending', method: 'bank_transfer' },
    }),
  );
  assert.equal(held.status, 'pending_review');

  await page.goto('/orders/queue');
  await page.getByTestId('queue-number').getByText(held.number).click();
  await page.waitForURL(`**/orders/${held.id}`);
  await page.getByTestId('order-number').waitFor();
  assert.equal(await selectedMenuEntry(page).innerText(), 'Review queue');
  assert.equal(await page.getByTestId('order-channel').innerText(), 'Web shop');

  // A cancelled order keeps its ship-by time, but the deadline no longer runs: the heading and
  // the classification card must say the same, not "No deadline" above "… overdue".
  await apiPost(page, `/orders/${held.id}/cancel`, { reason: 'customer changed their mind' });
  await page.reload();
  await page.getByTestId('order-number').waitFor();
  const shipBy = await page.getByTestId('order-ship-by').innerText();
  assert.match(shipBy, /\d/, 'the order has a ship-by time');
  const tags = page.getByTestId('sla-tag');
  for (const tag of await tags.all()) {
    assert.equal(await tag.getAttribute('data-sla'), 'closed');
    assert.equal(await tag.innerText(), 'Deadline closed');
  }
  assert.equal(await page.getByTestId('order-countdown').count(), 0, 'no countdown for a closed deadline');
  await page.context().close();
});

test('the menu scrolls its lit entry into view on a 900 px screen', async () => {
  const page = await signedInPage('en-US');
  await page.goto('/admin/outbox');
  const entry = selectedMenuEntry(page);
  await entry.waitFor();
  assert.equal(await entry.innerText(), 'Outbox dead letters');
  const isOnScreen = () =>
    page.evaluate(() => {
      const box = document
        .querySelector('[data-testid="nav-menu"] .ant-menu-item-selected')
        ?.getBoundingClientRect();
      return Boolean(box && box.top >= 0 && box.bottom <= window.innerHeight - 48);
    });
  for (let attempt = 0; attempt < 20 && !(await isOnScreen()); attempt += 1) await page.waitForTimeout(100);
  const box = await entry.boundingBox();
  assert.ok(await isOnScreen(), `the lit entry is on screen above the collapse trigger (y=${box?.y})`);
  await page.context().close();
});

for (const [locale, labels] of [
  ['en-US', { action: 'Created a SKU', target: 'SKU · MUG-9', signedIn: 'Signed in', code: 'Code' }],
  ['zh-CN', { action: '新建 SKU', target: 'SKU · MUG-9', signedIn: '登录', code: '编码' }],
] as const) {
  test(`the audit log says who did what to which object (${locale})`, async () => {
    const page = await signedInPage(locale);
    await page.request.get('/api/v1/skus?limit=1');
    const existing = await page.request.get('/api/v1/skus?q=MUG-9');
    if (((await existing.json()) as { items: unknown[] }).items.length === 0) {
      await apiPost(page, '/skus', { code: 'MUG-9', name: 'Mug', price: '30.00', weightGrams: 300 });
    }
    await page.goto('/admin/audit-log');
    const table = page.getByTestId('audit-table');
    const row = table.locator('tr', { hasText: labels.action }).first();
    await row.waitFor();
    assert.equal(await row.getByTestId('audit-target').innerText(), labels.target);
    assert.equal(await row.getByTestId('audit-target').getAttribute('href'), '/catalog/skus');
    assert.match(await row.getByTestId('audit-actor').innerText(), /admin/);
    assert.match(await row.getByTestId('audit-details').innerText(), new RegExp(`${labels.code}: MUG-9`));
    await table.getByText(labels.signedIn).first().waitFor();
    const text = await table.innerText();
    assert.doesNotMatch(text, /[{}"]/, 'no JSON in the audit table');
    assert.doesNotMatch(text, /[0-9a-f]{8}-[0-9a-f]{4}-/, 'no raw ids in the audit table');
    await page.context().close();
  });
}

for (const locale of ['en-US', 'zh-CN']) {
  test(`no table is wider than its container at 1440 px (${locale})`, async () => {
    const page = await signedInPage(locale);
    await apiPost(page, '/warehouses', { code: 'WH-MAIN', name: 'Main warehouse' }).catch(() => {});
    await apiPost(page, '/suppliers', {
      code: 'SUP-LONG',
      name: 'Hangzhou Longjing Tea Trading Company Limited',
      leadTimeDays: 7,
    }).catch(() => {});
    await apiPost(page, '/skus', {
      code: 'TEA-GIFT-BOX-LONGJING-250G',
      name: 'Longjing green tea gift box, 250 g, with two porcelain cups',
      price: '388.00',
      weightGrams: 900,
      lengthMm: 320,
      widthMm: 240,
      heightMm: 110,
    }).catch(() => {});
    await apiPost(page, '/purchase-orders', {
      supplier: 'SUP-LONG',
      warehouse: 'WH-MAIN',
      lines: [{ sku: 'TEA-GIFT-BOX-LONGJING-250G', quantity: 120, unitCost: '199.50' }],
    }).catch(() => {});

    const clipped: string[] = [];
    for (const path of [
      '/orders',
      '/orders/queue',
      '/catalog/skus',
      '/inventory/stock',
      '/inventory/replenishment',
      '/inventory/purchase-orders',
      '/inventory/suppliers',
      '/inventory/warehouses',
      '/inventory/stocktakes',
      '/fulfilment/waves',
      '/fulfilment/shipments',
      '/logistics/carriers',
      '/admin/users',
      '/admin/audit-log',
    ]) {
      await page.goto(path);
      await page.locator('.ant-table').first().waitFor();
      await page.waitForFunction(() => document.querySelectorAll('.ant-spin-spinning').length === 0);
      const overflows = await page.evaluate(() =>
        Array.from(document.querySelectorAll<HTMLElement>('.ant-table-content, .ant-table-body'))
          .filter((box) => box.scrollWidth > box.clientWidth + 1)
          .map((box) => `${box.scrollWidth}>${box.clientWidth}`),
      );
      if (overflows.length > 0) clipped.push(`${path}: ${overflows.join(', ')}`);
    }
    assert.deepEqual(clipped, [], 'tables wider than their page');
    await page.context().close();
  });
}
