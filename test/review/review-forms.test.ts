import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { ensureConsoleBuilt, launchBrowser, newConsoleContext, signIn } from '../helpers/browser.ts';
import { type RunningServer, startTestServer } from '../helpers/server.ts';

// The weekly review's forms in headless Chromium against the real server: a meeting series (its
// refused start time shown on the field), a corrective action with its 5 whys and KPI, a
// bilingual knowledge article and a campaign day, each listed once saved.

let server: RunningServer;
let browser: Browser;

async function api(url: string) {
  const response = await server.testApp.request({ method: 'GET', url: `/api/v1${url}` });
  return response.json();
}

async function pickDate(page: Page, testId: string, day: string) {
  await page.getByTestId(testId).click();
  await page.getByTestId(testId).fill(day);
  await page.keyboard.press('Enter');
}

before(async () => {
  ensureConsoleBuilt();
  server = await startTestServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('creates a series, a corrective action, an article and a campaign day from the console', async () => {
  const context = await newConsoleContext(browser, server.url, 'en-US');
  const page = await context.newPage();
  await signIn(page, 'admin', server.adminPassword);
  await page.getByTestId('current-user').waitFor();

  await page.goto('/review/meetings');
  await page.getByTestId('series-new').click();
  await page.getByTestId('series-name').fill('Ops weekly');
  await page.getByTestId('series-chair').fill('Wang Ops');
  await page.getByTestId('series-start').fill('25:00');
  await page.getByTestId('series-zone').fill('Asia/Shanghai');
  await page.getByTestId('participant-name-0').fill('Li Logistics');
  await page.getByTestId('series-save').click();
  // The server refuses the hour; the message sits on the start time field.
  await page
    .locator('.ant-form-item-has-error')
    .filter({ has: page.getByTestId('series-start') })
    .waitFor();
  await page.getByTestId('series-start').fill('09:30');
  await page.getByTestId('series-save').click();
  await page.getByTestId('series-item').getByText('Ops weekly').waitFor();

  await pickDate(page, 'calendar-day', '2030-11-11');
  await page.getByTestId('calendar-label').fill('Singles Day');
  await page.getByTestId('calendar-factor').fill('3');
  await page.getByTestId('calendar-save').click();

  await page.goto('/review/corrective-actions');
  await page.getByTestId('corrective-new').click();
  await page.getByTestId('corrective-title').fill('Parcels to the north arrive late');
  await page.getByTestId('corrective-why-0').fill('The carrier misses the evening pickup');
  await page.getByTestId('corrective-why-1').fill('Waves are released after 17:00');
  await page.getByTestId('corrective-root-cause').fill('Wave release time is not tied to the pickup');
  await page.getByTestId('corrective-action').fill('Release the last wave at 15:30');
  await page.getByTestId('corrective-owner').fill('Li Logistics');
  await pickDate(page, 'corrective-deadline', '2030-01-15');
  // The KPI is one Ordo measures, chosen by its name.
  await page.getByTestId('corrective-kpi').click();
  await page.locator('.ant-select-item-option', { hasText: 'Carrier on-time rate' }).click();
  await page.getByTestId('corrective-baseline').fill('12');
  await page.getByTestId('corrective-target').fill('4');
  await page.getByTestId('corrective-save').click();
  await page.getByTestId('corrective-table').getByText('Release the last wave at 15:30').waitFor();

  await page.goto('/review/knowledge');
  await page.getByTestId('article-new').click();
  await page.getByTestId('article-title-en').fill('Handling a lost parcel');
  await page.getByTestId('article-title-zh').fill('包裹丢失处理');
  await page.getByTestId('article-body-en').fill('Open a claim with the carrier within 7 days.');
  await page.getByTestId('article-body-zh').fill('7 天内向承运商发起索赔。');
  await page.getByTestId('article-save').click();
  await page.getByTestId('knowledge-list').getByText('Handling a lost parcel').waitFor();
  await context.close();

  const series = await api('/meeting-series');
  const ops = series.items.find((s: { name: string }) => s.name === 'Ops weekly');
  assert.equal(ops.startTime, '09:30');
  assert.equal(ops.chair, 'Wang Ops');
  assert.deepEqual(
    ops.participants.map((p: { name: string; department: string }) => [p.name, p.department]),
    [['Li Logistics', 'operations']],
  );
  const corrective = await api('/corrective-actions?limit=10');
  assert.equal(corrective.items.length, 1);
  assert.deepEqual(corrective.items[0].whys, [
    'The carrier misses the evening pickup',
    'Waves are released after 17:00',
  ]);
  assert.deepEqual(corrective.items[0].kpi, {
    name: 'carrier_on_time_rate',
    baseline: 12,
    target: 4,
    measured: null,
  });
  const articles = await api('/knowledge?q=lost%20parcel');
  assert.equal(articles.items[0].title.zh, '包裹丢失处理');
  const days = await api('/planning-calendar?from=2030-11-01&to=2030-11-30');
  assert.deepEqual(days.items, [
    { day: '2030-11-11', kind: 'campaign', label: 'Singles Day', volumeFactor: 3 },
  ]);
});

test('edits and archives a series and an article from the console', async () => {
  const context = await newConsoleContext(browser, server.url, 'en-US');
  const page = await context.newPage();
  await signIn(page, 'admin', server.adminPassword);
  await page.getByTestId('current-user').waitFor();

  await page.goto('/review/meetings');
  const ops = page.getByTestId('series-item').filter({ hasText: 'Ops weekly' });
  await ops.getByTestId('series-edit').click();
  // The form opens with the series' settings; a refused time stays on its field.
  assert.equal(await page.getByTestId('series-name').inputValue(), 'Ops weekly');
  await page.getByTestId('series-start').fill('7:00');
  await page.getByTestId('series-save').click();
  await page
    .locator('.ant-form-item-has-error')
    .filter({ has: page.getByTestId('series-start') })
    .waitFor();
  await page.getByTestId('series-start').fill('08:45');
  await page.getByTestId('series-save').click();
  await ops.getByText('08:45').waitFor({ timeout: 30_000 });
  await ops.getByTestId('series-archive').click();
  await page.getByTestId('series-archive-ok').click();
  await ops.getByTestId('series-archived').waitFor({ timeout: 30_000 });

  await page.goto('/review/knowledge');
  const list = page.getByTestId('knowledge-list');
  await list.getByText('Handling a lost parcel').waitFor();
  await list.getByTestId('article-edit').first().click();
  await page.getByTestId('article-body-en').fill('Open a claim with the carrier within 5 days.');
  await page.getByTestId('article-save').click();
  await list.getByText('Open a claim with the carrier within 5 days.').waitFor({ timeout: 30_000 });
  await list.getByTestId('article-archive').first().click();
  await page.getByTestId('article-archive-ok').click();
  await list.getByText('Handling a lost parcel').waitFor({ state: 'detached', timeout: 30_000 });
  await context.close();

  const series = (await api('/meeting-series')).items.find((s: { name: string }) => s.name === 'Ops weekly');
  assert.equal(series.startTime, '08:45');
  assert.ok(series.archivedAt);
  assert.equal((await api('/knowledge?q=lost%20parcel')).items.length, 0);
});

test('shows the series form in Chinese', async () => {
  const context = await newConsoleContext(browser, server.url, 'zh-CN');
  const page = await context.newPage();
  await signIn(page, 'admin', server.adminPassword);
  await page.getByTestId('current-user').waitFor();
  await page.goto('/review/meetings');
  await page.getByTestId('series-new').click();
  await page.getByText('添加参会人').waitFor();
  await page.getByText('计划日历（节假日与大促）').waitFor();
  await context.close();
});
