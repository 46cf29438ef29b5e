import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { ensureConsoleBuilt, launchBrowser, newConsoleContext, signIn } from '../helpers/browser.ts';
import { startTestServer } from '../helpers/server.ts';

// A Taobao order export imported through the Chinese console in headless Chromium against the
// real server: the preset mapping is suggested, the preview shows the problem row, the import
// runs to 100 % and the failed line can be downloaded.

const fixture = path.resolve(import.meta.dirname, '../fixtures/imports/taobao-orders.csv');
let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;

before(async () => {
  ensureConsoleBuilt();
  server = await startTestServer();
  browser = await launchBrowser();
  for (const code of ['TEE-RED-M', 'CABLE-USBC-1M']) {
    const res = await server.testApp.request({
      method: 'POST',
      url: '/api/v1/skus',
      payload: { code, name: code, price: '29.90' },
    });
    assert.equal(res.statusCode, 201, res.body);
  }
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('imports a Taobao export from the console: preview, progress, result file', async () => {
  const context = await newConsoleContext(browser, server.url, 'zh-CN');
  const page = await context.newPage();
  await signIn(page, 'admin', server.adminPassword);
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  await page.goto('/orders/import');
  await page
    .getByRole('heading', { name: '导入订单文件' })
    .or(page.getByText('导入订单文件').first())
    .waitFor();

  await page.getByTestId('import-channel').click();
  await page.locator('.ant-select-item-option').filter({ hasText: '(web)' }).click();
  await page.locator('input[type=file]').setInputFiles(fixture);
  await page.getByTestId('import-file').getByText('taobao-orders.csv：3 行').waitFor();
  // The file's Chinese headers fit the Taobao preset: it is chosen and fills the mapping.
  await page
    .getByTestId('import-mapping')
    .getByText('taobao（预设）')
    .or(page.getByTestId('import-mapping').getByText('taobao (预设)'))
    .waitFor();
  await page.getByTestId('map-externalId').getByText('订单编号').waitFor();

  await page.getByTestId('import-preview').click();
  const preview = page.getByTestId('import-preview-table');
  await preview.getByText('3928172645123456789').waitFor();
  await preview.getByText('2026-11-20T09:15:40').waitFor();
  const problemRow = preview.locator('tr', { hasText: '3928172645123456791' });
  await problemRow.getByText(/商品行/).waitFor();

  await page.getByTestId('import-start').click();
  await page.getByTestId('import-status').getByText('已完成').waitFor({ timeout: 30_000 });
  assert.equal(
    await page.getByTestId('import-job').getByRole('progressbar').getAttribute('aria-valuenow'),
    '100',
  );
  const job = page.getByTestId('import-job');
  const figures = await job.locator('.ant-statistic-content-value').allTextContents();
  assert.deepEqual(figures, ['2', '0', '1']);

  const href = await page.getByTestId('import-result-file').getAttribute('href');
  assert.ok(href);
  const download = await page.request.get(href);
  assert.equal(download.status(), 200);
  const text = await download.text();
  assert.match(text, /^\uFEFF?line,reason,订单编号/);
  assert.match(text, /神秘商品/);

  const html = await page.content();
  assert.doesNotMatch(html, /imports\.[a-zA-Z]+/, 'no raw translation keys on the page');
  await context.close();
});
