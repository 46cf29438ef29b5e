import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import {
  chooseOption,
  ensureConsoleBuilt,
  launchBrowser,
  newConsoleContext,
  saveScreenshot,
  signIn,
} from '../helpers/browser.ts';
import { newOrderInput } from '../helpers/factories.ts';
import { type RunningServer, startTestServer } from '../helpers/server.ts';

// A warehouse operator finds their job description on the home page, follows it and acknowledges it.

let server: RunningServer;
let browser: Browser;
let descriptionId = '';
const password = 'correct horse battery';

before(async () => {
  ensureConsoleBuilt();
  server = await startTestServer();
  const request = server.testApp.request;
  const user = await request({
    method: 'POST',
    url: '/api/v1/users',
    payload: { username: 'picker', password, role: 'warehouse', displayName: 'Pat Picker' },
  });
  assert.equal(user.statusCode, 201, user.body);
  const published = await request({
    method: 'POST',
    url: '/api/v1/job-descriptions',
    payload: {
      role: 'warehouse',
      title: 'Warehouse operator',
      duties: ['Pick the orders on your pick list'],
      workflow: [{ step: 'Open the pick list', screen: '/fulfilment/picking' }],
      standards: ['Scan every item'],
      kpis: [{ name: 'picks per hour', target: 60, unit: 'lines/h' }],
    },
  });
  assert.equal(published.statusCode, 201, published.body);
  descriptionId = published.json().id;
  // One review decision today, by the order processor: a held order released.
  await request({
    method: 'POST',
    url: '/api/v1/skus',
    payload: { code: 'TEA-1', name: 'Tea', price: '10.00' },
  });
  const order = await request({
    method: 'POST',
    url: '/api/v1/orders',
    payload: newOrderInput({
      externalId: 'jd-page-1',
      lines: [{ sku: 'TEA-1', quantity: 1, unitPrice: '10.00' }],
    }),
  });
  const released = await request({
    role: 'order_processor',
    method: 'POST',
    url: `/api/v1/orders/${order.json().id}/holds/release`,
    payload: { codes: ['TOTAL_MISMATCH'] },
  });
  assert.equal(released.statusCode, 200, released.body);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('a warehouse operator reads and acknowledges their job description from the home page', async () => {
  const context = await newConsoleContext(browser, server.url, 'en-US');
  const page = await context.newPage();
  await signIn(page, 'picker', password);
  const card = page.getByTestId('my-job-description');
  await card.getByText('Warehouse operator').waitFor();
  assert.match(await card.innerText(), /Pick the orders on your pick list/);
  assert.equal(await card.getByRole('link', { name: '/fulfilment/picking' }).count(), 1);
  await page.getByTestId('acknowledge-job-description').click();
  await page.getByTestId('job-description-acknowledged').waitFor();
  await saveScreenshot(page, 'job-description.png');
  const acks = await server.testApp.request({
    method: 'GET',
    url: `/api/v1/job-descriptions/${descriptionId}/acknowledgements`,
  });
  assert.equal(acks.json().items.length, 1);
  await page.reload();
  await page.getByTestId('job-description-acknowledged').waitFor();
  await context.close();
});

test('speaks Chinese', async () => {
  const context = await newConsoleContext(browser, server.url, 'zh-CN');
  const page = await context.newPage();
  await signIn(page, 'admin', server.adminPassword);
  await page.goto('/job-descriptions');
  await page.getByText('所有岗位').waitFor();
  await page.getByText('发布新版本').waitFor();
  await context.close();
});

test('"My work" shows my own figures to an operator and the team table only to a manager', async () => {
  const context = await newConsoleContext(browser, server.url, 'en-US');
  // The figures are computed from the day's events when the page asks: on a busy machine that
  // takes longer than the default wait.
  context.setDefaultTimeout(120_000);
  const page = await context.newPage();
  await signIn(page, 'picker', password);
  await page.goto('/my-work');
  await page.getByTestId('my-figures').getByText('Pick lines', { exact: true }).waitFor();
  // No shift recorded for the operator today: no rate per hour is shown, none is guessed.
  assert.match(await page.getByTestId('my-picksPerHour').innerText(), /—/);
  assert.match(await page.getByTestId('my-pickLines').innerText(), /0/);
  assert.equal(await page.getByTestId('team-figures').count(), 0);
  await page.getByTestId('my-job-description').getByText('Warehouse operator').waitFor();
  await context.close();
  const managerContext = await newConsoleContext(browser, server.url, 'en-US');
  managerContext.setDefaultTimeout(120_000);
  const manager = await managerContext.newPage();
  await signIn(manager, 'admin', server.adminPassword);
  await manager.goto('/my-work');
  const row = manager.getByTestId('team-figures').locator('tr', { hasText: 'test order_processor' });
  await row.waitFor();
  await row.locator('.ant-table-row-expand-icon').click();
  // The events behind the figure: the audit entry of the release.
  const sources = await manager.getByTestId('figure-sources').innerText();
  assert.match(sources, /Audit log entries: [0-9a-f-]{36}/);
  await managerContext.close();
});

test('a manager compares the team per day and per week in a chart', async () => {
  const today = await server.testApp.request({ method: 'GET', url: '/api/v1/performance/today' });
  assert.equal(today.statusCode, 200, today.body);
  const date = new Date(`${today.json().date}T00:00:00Z`);
  // Weeks start on Monday: this week's bar is labelled with its Monday.
  date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
  const monday = date.toISOString().slice(0, 10);
  const context = await newConsoleContext(browser, server.url, 'en-US');
  context.setDefaultTimeout(120_000);
  const page = await context.newPage();
  await signIn(page, 'admin', server.adminPassword);
  await page.goto('/my-work');
  const card = page.locator('.ant-card', { has: page.getByTestId('team-grouping') });
  await card
    .locator('[data-testid="team-chart"][data-grouping="day"] .recharts-wrapper > svg.recharts-surface')
    .waitFor();
  await chooseOption(page, page.locator('body'), 'team-figure-select', 'Orders reviewed');
  // The order processor's one review today is a bar.
  await card.locator('.recharts-bar-rectangle').first().waitFor();
  await page.getByTestId('team-grouping').getByText('Week', { exact: true }).click();
  // The chart is drawn again from the weekly series before anything is read from it.
  const weekly = card.locator('[data-testid="team-chart"][data-grouping="week"]');
  await weekly.locator('.recharts-wrapper > svg.recharts-surface').waitFor();
  await weekly.locator('.recharts-bar-rectangle').first().waitFor();
  const ticks = await weekly
    .locator('.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value')
    .allTextContents();
  assert.equal(ticks.at(-1), monday);
  assert.ok(ticks.length <= 9, `at most 9 weeks, got ${ticks.join(', ')}`);
  await saveScreenshot(page, 'team-chart.png');
  await context.close();
});

test('a manager records a shift and the team table gives the rates per hour from it', async () => {
  const context = await newConsoleContext(browser, server.url, 'en-US');
  context.setDefaultTimeout(120_000);
  const page = await context.newPage();
  await signIn(page, 'admin', server.adminPassword);
  await page.goto('/my-work');
  const shifts = page.getByTestId('shifts');
  await page.getByTestId('shift-person').fill('test order_processor');
  await shifts.getByPlaceholder('Start time').click();
  await shifts.getByPlaceholder('Start time').fill('09:00');
  await shifts.getByPlaceholder('Start time').press('Enter');
  await shifts.getByPlaceholder('End time').fill('13:00');
  await shifts.getByPlaceholder('End time').press('Enter');
  await page.getByTestId('record-shift').click();
  const row = shifts.locator('tr', { hasText: 'test order_processor' });
  await row.getByText('09:00–13:00').waitFor();
  assert.match(await row.innerText(), /\b4\b/);
  // One review over four hours: 0.25 reviews per hour, from the shift record.
  await page.reload();
  const team = page.getByTestId('team-figures').locator('tr', { hasText: 'test order_processor' });
  await team.getByText('0.25', { exact: true }).waitFor();
  await context.close();
});
