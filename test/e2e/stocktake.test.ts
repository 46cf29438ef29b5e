import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
  confirmDialog,
  ensureConsoleBuilt,
  launchBrowser,
  newConsoleContext,
  signIn as signInAs,
} from '../helpers/browser.ts';
import { startTestServer } from '../helpers/server.ts';

// A blind stocktake driven through the built console in headless Chromium against the real
// server: counted without seeing the books, reviewed with its variance, approved into the ledger.

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;

// Book quantities no date, time or counter on the page could contain by accident.
const books = { green: 137, black: 64 };

before(async () => {
  ensureConsoleBuilt();
  server = await startTestServer();
  browser = await launchBrowser();
  await api('POST', '/skus', { code: 'TEA-GREEN', name: 'Green tea', price: '58.00' });
  await api('POST', '/skus', { code: 'TEA-BLACK', name: 'Black tea', price: '48.00' });
  await api('PATCH', '/inventory/skus/TEA-BLACK', { unitCost: '12.50' });
  for (const [sku, delta] of [
    ['TEA-GREEN', books.green],
    ['TEA-BLACK', books.black],
  ] as const) {
    await api('POST', '/inventory/adjustments', { sku, warehouse: 'main', delta, reason: 'opening stock' });
  }
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** The API with an admin key (not through the browser). */
async function api<T>(method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown): Promise<T> {
  const response = await server.testApp.request({
    method,
    url: `/api/v1${url}`,
    payload: payload as Record<string, unknown>,
  });
  assert.ok(response.statusCode < 300, `${method} ${url}: ${response.statusCode} ${response.body}`);
  return response.json() as T;
}

type Level = { sku: string; warehouse: string; onHand: number };
type Movement = {
  sku: string;
  warehouse: string;
  kind: string;
  onHandDelta: number;
  referenceType: string | null;
  referenceId: string | null;
};
type Stocktake = {
  id: string;
  number: string;
  status: string;
  lines: { sku: string; expected: number | null; note: string | null }[];
};

async function signIn(page: Page): Promise<void> {
  await signInAs(page, 'admin', server.adminPassword);
  await page.getByTestId('current-user').waitFor();
}

const sheetRow = (page: Page, sku: string) => page.getByTestId('count-sheet').locator('tr', { hasText: sku });
const reportRow = (page: Page, sku: string) =>
  page.getByTestId('variance-report').locator('tr', { hasText: sku });

test('the stocktake texts exist in English and Chinese', () => {
  const flat = (value: unknown, prefix = ''): string[] =>
    Object.entries(value as Record<string, unknown>).flatMap(([key, child]) =>
      typeof child === 'object' && child !== null ? flat(child, `${prefix}${key}.`) : [`${prefix}${key}`],
    );
  const read = (lng: string) =>
    flat(
      JSON.parse(
        fs.readFileSync(path.join(import.meta.dirname, '../../web/src/i18n', `supply.${lng}.json`), 'utf8'),
      ),
    ).sort();
  assert.deepEqual(read('zh-CN'), read('en'));
});

test('a full stocktake is counted blind, its shortage reviewed with a note, and approved into the ledger', async () => {
  const context = await newConsoleContext(browser, server.url, 'en-US');
  const page = await context.newPage();
  await signIn(page);

  // Open a full count of the main warehouse from the list.
  await page.goto('/inventory/stocktakes');
  await page.getByTestId('stocktakes-empty').waitFor();
  await page.getByTestId('stocktake-create').click();
  await page.getByTestId('stocktake-form').locator('.ant-select').first().click();
  await page.locator('.ant-select-item-option', { hasText: 'main' }).first().click();
  await confirmDialog(page, 'stocktake-form');
  await page.waitForURL(/\/inventory\/stocktakes\/[^/]+$/);
  const stocktakeId = page.url().split('/').pop() ?? '';
  await sheetRow(page, 'TEA-GREEN').waitFor();
  await sheetRow(page, 'TEA-BLACK').waitFor();

  // Blind: neither the page nor the API tells the counter what the books say.
  const sheetText = (await page.getByTestId('stocktake-detail').innerText()).replaceAll('\n', ' ');
  for (const quantity of Object.values(books)) {
    assert.doesNotMatch(sheetText, new RegExp(`\\b${quantity}\\b`), `the count sheet shows ${quantity}`);
  }
  assert.doesNotMatch(sheetText, /Expected/);
  const counting = await api<Stocktake>('GET', `/stocktakes/${stocktakeId}`);
  assert.equal(counting.status, 'counting');
  assert.ok(counting.lines.every((line) => line.expected === null));

  // Green tea matches the books; two packs of black tea are missing.
  await sheetRow(page, 'TEA-GREEN').getByTestId('count-input').fill(String(books.green));
  await sheetRow(page, 'TEA-BLACK')
    .getByTestId('count-input')
    .fill(String(books.black - 2));
  await page.getByTestId('count-save').click();
  await page.getByTestId('stocktake-progress').getByText('2 / 2').waitFor();
  await page.getByTestId('stocktake-submit').click();
  await confirmDialog(page, 'stocktake-submit-confirm');
  await page.locator('[data-testid="stocktake-status"][data-status="review"]').waitFor();

  // The variance report: the short line at −2 worth −25.00 (2 × 12.50), the matching line at 0.
  const blackRow = reportRow(page, 'TEA-BLACK');
  await blackRow.getByTestId('variance').getByText('−2').waitFor();
  assert.match(await blackRow.getByTestId('variance-value').innerText(), /-¥25\.00/);
  assert.match(
    await blackRow.innerText(),
    new RegExp(`\\b${books.black}\\b`),
    'the review shows the book figure',
  );
  assert.equal(await reportRow(page, 'TEA-GREEN').getByTestId('variance').innerText(), '0');
  assert.match(await page.getByTestId('variance-total-value').innerText(), /-¥25\.00/);

  // An investigation note on the short line.
  const note = 'Two packs crushed under a pallet; binned';
  await blackRow.getByTestId('line-note-edit').click();
  await blackRow.getByTestId('line-note-input').fill(note);
  await blackRow.getByTestId('line-note-save').click();
  await blackRow.getByTestId('line-note-text').getByText(note).waitFor();
  const reviewed = await api<Stocktake>('GET', `/stocktakes/${stocktakeId}`);
  assert.equal(reviewed.lines.find((line) => line.sku === 'TEA-BLACK')?.note, note);

  // Approve, confirming the dialog.
  await page.getByTestId('stocktake-approve').click();
  await confirmDialog(page, 'stocktake-approve-confirm');
  await page.locator('[data-testid="stocktake-status"][data-status="approved"]').waitFor();
  assert.equal(
    await page.getByTestId('stocktake-approve').count(),
    0,
    'an approved count offers no approval',
  );
  assert.equal(await page.getByTestId('line-note-edit').count(), 0, 'an approved report is read-only');

  // The books now say what the shelf said, through a count_variance movement, and still add up.
  const levels = await api<{ items: Level[] }>('GET', '/inventory/levels?warehouse=main');
  const onHand = Object.fromEntries(levels.items.map((level) => [level.sku, level.onHand]));
  assert.deepEqual(onHand, { 'TEA-GREEN': books.green, 'TEA-BLACK': books.black - 2 });
  const movements = await api<{ items: Movement[] }>('GET', '/inventory/movements?kind=count_variance');
  assert.deepEqual(
    movements.items.map(({ sku, warehouse, kind, onHandDelta }) => ({ sku, warehouse, kind, onHandDelta })),
    [{ sku: 'TEA-BLACK', warehouse: 'main', kind: 'count_variance', onHandDelta: -2 }],
  );
  // The movement names the stocktake by its number, as receipts name their purchase order.
  assert.deepEqual(
    { type: movements.items[0].referenceType, id: movements.items[0].referenceId },
    { type: 'stocktake', id: counting.number },
  );
  const check = await api<{ checked: number; mismatches: unknown[] }>('GET', '/inventory/check');
  assert.ok(check.checked >= 2);
  assert.deepEqual(check.mismatches, []);
  await context.close();

  // The approved report reads in Chinese too.
  const zhContext = await newConsoleContext(browser, server.url, 'zh-CN');
  const zhPage = await zhContext.newPage();
  await signIn(zhPage);
  await zhPage.goto(`/inventory/stocktakes/${stocktakeId}`);
  await zhPage
    .getByTestId('stocktake-banner')
    .getByText(/差异已作为盘点差异记入库存流水/)
    .waitFor();
  await zhPage.getByText('差异报告').waitFor();
  await zhContext.close();
});
