import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
  ensureConsoleBuilt,
  launchBrowser,
  newConsoleContext,
  saveScreenshot,
  signIn,
} from '../helpers/browser.ts';
import { type RunningServer, startTestServer } from '../helpers/server.ts';

// The Reports page in headless Chromium against the real server, over the history fixture
// (figures computed by hand in history-reports.test.ts): figures, charts, a CSV download, Chinese.

let server: RunningServer;
let browser: Browser;

before(async () => {
  ensureConsoleBuilt();
  server = await startTestServer();
  const request = server.testApp.request;
  await request({
    method: 'POST',
    url: '/api/v1/channels',
    payload: { id: 'marketplace', name: 'Marketplace', kind: 'marketplace' },
  });
  const imported = await request({
    method: 'POST',
    url: '/api/v1/imports/history',
    headers: { 'content-type': 'application/x-ndjson' },
    payload: fs.readFileSync(path.resolve(import.meta.dirname, '../fixtures/history/orders.jsonl'), 'utf8'),
  });
  assert.equal(imported.statusCode, 200, imported.body);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function openReports(locale: string): Promise<Page> {
  const context = await newConsoleContext(browser, server.url, locale);
  const page = await context.newPage();
  await signIn(page, 'admin', server.adminPassword);
  await page.getByTestId('current-user').waitFor();
  await page.goto('/reports?week=2026-W10');
  await page.getByTestId('stage-chart').waitFor();
  return page;
}

test('shows the week with its charts, and downloads it as CSV', async () => {
  const page = await openReports('en-US');
  assert.match(await page.getByTestId('report-received').innerText(), /\b8\b/);
  assert.ok((await page.getByTestId('stage-chart').locator('svg .recharts-bar-rectangle').count()) > 0);
  await page.getByTestId('weeks-chart').locator('svg').first().waitFor();
  const table = await page.getByTestId('stage-table').innerText();
  assert.match(table, /Approved → shipped\s+4\s+13\.5\s+22\.4/);
  await saveScreenshot(page, 'reports.png');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('download-csv').click(),
  ]);
  assert.equal(download.suggestedFilename(), 'ordo-weekly-2026-W10.csv');
  const csv = fs.readFileSync((await download.path())!, 'utf8');
  assert.match(csv, /\norders,all,received,8\n/);
  await page.context().close();
});

test('speaks Chinese', async () => {
  const page = await openReports('zh-CN');
  await page.getByText('各环节用时（小时）').waitFor();
  assert.match(await page.getByTestId('stage-table').innerText(), /审核通过 → 发货/);
  await page.context().close();
});
