import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import {
  ensureConsoleBuilt,
  launchBrowser,
  newConsoleContext,
  saveScreenshot,
  signIn,
} from '../helpers/browser.ts';
import { newOrderInput } from '../helpers/factories.ts';
import { startTestServer } from '../helpers/server.ts';

// The insights dashboard in headless Chromium against the real server: a chart of a period's
// orders, a drill-down from a day to its orders, and a table exported as a file.

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
const day = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
const numbers: string[] = [];

before(async () => {
  ensureConsoleBuilt();
  server = await startTestServer();
  browser = await launchBrowser();
  for (let i = 0; i < 3; i++) {
    const res = await server.testApp.request({
      method: 'POST',
      url: '/api/v1/orders',
      payload: newOrderInput({ placedAt: `${day}T0${i + 1}:00:00Z` }),
    });
    assert.equal(res.statusCode, 201, res.body);
    numbers.push(res.json().number);
  }
  const refresh = await server.testApp.request({
    method: 'POST',
    url: '/api/v1/insights/refresh',
    payload: {},
  });
  assert.equal(refresh.statusCode, 200, refresh.body);
  assert.ok(refresh.json().days.includes(day));
});

after(async () => {
  await browser?.close();
  await server?.close();
});

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

test('the insights texts exist in English and Chinese', () => {
  const dir = path.resolve(import.meta.dirname, '../../web/src/i18n');
  const en = JSON.parse(fs.readFileSync(path.join(dir, 'insights.en.json'), 'utf8'));
  const zh = JSON.parse(fs.readFileSync(path.join(dir, 'insights.zh-CN.json'), 'utf8'));
  assert.deepEqual(keys(zh).sort(), keys(en).sort());
});

test('the dashboard shows a chart, takes a KPI target, exports a file and drills down to the orders', async () => {
  const context = await newConsoleContext(browser, server.url, 'en-US');
  const page = await context.newPage();
  try {
    await signIn(page, 'admin', server.adminPassword);
    await page.getByTestId('current-user').waitFor();
    const to = new Date(Date.parse(`${day}T00:00:00Z`) + 2 * 86_400_000).toISOString().slice(0, 10);
    await page.goto(`/insights?tab=period&from=${day}&to=${to}`);
    const chart = page.getByTestId('volume-chart');
    await chart.locator('.recharts-bar-rectangle').first().waitFor();
    assert.ok((await chart.locator('.recharts-bar-rectangle').count()) >= 1);
    await saveScreenshot(page, 'insights-period.png');

    // A KPI target is data: set in place, in percent.
    await page.getByTestId('target-edit-cancel_rate').click();
    await page
      .locator(
        'input[data-testid="target-input-cancel_rate"], [data-testid="target-input-cancel_rate"] input',
      )
      .fill('2');
    await page.getByTestId('target-save-cancel_rate').click();
    await page.getByTestId('target-edit-cancel_rate').waitFor();
    const definitions = await server.testApp.request({
      method: 'GET',
      url: '/api/v1/insights/kpi-definitions',
    });
    const cancel = definitions.json().items.find((k: { key: string }) => k.key === 'cancel_rate');
    assert.equal(cancel.target, 0.02);

    // Export: the browser downloads the table as a file.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-volume-csv').click(),
    ]);
    assert.equal(download.suggestedFilename(), `volume-${day}-${to}.csv`);
    const file = await download.path();
    const text = fs.readFileSync(file, 'utf8');
    assert.match(text, new RegExp(`${day},3,`));

    // Drill down: the day's count opens the orders behind it.
    const drill = page.getByTestId(`drill-${day}`);
    assert.equal((await drill.textContent())?.trim(), '3');
    await drill.click();
    const list = page.getByTestId('drill-orders');
    for (const number of numbers) await list.getByText(number).waitFor();
    await list.getByText(numbers[0]!).click();
    await page.waitForURL(/\/orders\/[^/]+$/);
  } finally {
    await context.close();
  }
});
