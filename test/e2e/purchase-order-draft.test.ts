import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { ensureConsoleBuilt, launchBrowser, newConsoleContext, signIn } from '../helpers/browser.ts';
import { pdfText } from '../helpers/pdf-text.ts';
import { startTestServer } from '../helpers/server.ts';

// A buyer corrects a draft purchase order line by line in the console, then downloads the PDF
// the supplier gets, which lists the corrected lines.

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
let poId = '';

async function api<T>(method: 'GET' | 'POST', url: string, payload?: unknown): Promise<T> {
  const response = await server.testApp.request({
    method,
    url: `/api/v1${url}`,
    payload: payload as Record<string, unknown>,
  });
  assert.ok(response.statusCode < 300, `${method} ${url}: ${response.statusCode} ${response.body}`);
  return response.json() as T;
}

type Po = { id: string; number: string; lines: { sku: string; quantity: number; unitCost: string }[] };

before(async () => {
  ensureConsoleBuilt();
  server = await startTestServer();
  browser = await launchBrowser();
  await api('POST', '/suppliers', { code: 'SUP-TEA', name: '杭州茶叶公司', leadTimeDays: 7 });
  for (const code of ['TEA-A', 'TEA-B', 'CUP-C'])
    await api('POST', '/skus', { code, name: `${code} item`, price: '30.00' });
  const po = await api<Po>('POST', '/purchase-orders', {
    supplier: 'SUP-TEA',
    warehouse: 'main',
    lines: [
      { sku: 'TEA-A', quantity: 10, unitCost: '12.00' },
      { sku: 'TEA-B', quantity: 4, unitCost: '20.00' },
    ],
  });
  poId = po.id;
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test("edits a draft's lines one by one and downloads the PDF with the edited lines", async () => {
  const context = await newConsoleContext(browser, server.url, 'en-US');
  const page = await context.newPage();
  await signIn(page, 'admin', server.adminPassword);
  await page.goto(`/inventory/purchase-orders/${poId}`);
  const rows = page.getByTestId('po-lines').locator('.ant-table-tbody tr.ant-table-row');
  await rows.first().waitFor();
  // Change a quantity, remove a line, add a SKU that was not on the order.
  await rows.filter({ hasText: 'TEA-A' }).getByTestId('po-line-quantity').fill('25');
  await rows.filter({ hasText: 'TEA-B' }).getByTestId('po-line-remove').click();
  await page.getByTestId('po-new-line-sku').locator('input').fill('CUP-C');
  await page.getByTestId('po-new-line-quantity').fill('6');
  await page.getByTestId('po-new-line-cost').fill('8.50');
  await page.getByTestId('po-add-draft-line').click();
  await page.getByTestId('po-lines-save').click();
  await page.getByTestId('po-total').filter({ hasText: '351.00' }).waitFor();

  const saved = await api<Po>('GET', `/purchase-orders/${poId}`);
  assert.deepEqual(
    saved.lines.map((line) => [line.sku, line.quantity, line.unitCost]),
    [
      ['TEA-A', 25, '12.00'],
      ['CUP-C', 6, '8.50'],
    ],
  );

  const href = await page.getByTestId('po-pdf').getAttribute('href');
  assert.ok(href, 'the PDF button links to the document');
  const response = await page.request.get(href);
  assert.equal(response.status(), 200);
  assert.equal(response.headers()['content-type'], 'application/pdf');
  const text = pdfText(await response.body());
  assert.match(text, new RegExp(`Purchase order ${saved.number}`));
  assert.match(text, /TEA-A\n[^\n]*\n25\n12\.00\n300\.00/);
  assert.match(text, /CUP-C\n[^\n]*\n6\n8\.50\n51\.00/);
  assert.doesNotMatch(text, /TEA-B/, 'the removed line is not sent to the supplier');
  await context.close();
});
