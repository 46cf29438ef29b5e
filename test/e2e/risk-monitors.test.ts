import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
  chooseOption,
  ensureConsoleBuilt,
  launchBrowser,
  newConsoleContext,
  signIn,
} from '../helpers/browser.ts';
import { newCarrier, stockUp } from '../helpers/factories.ts';
import { startTestServer } from '../helpers/server.ts';

// The monitors page shows the carrier, stock, demand and interface monitors with their
// controls and measures in both languages; a measure is undone and an alert acknowledged with
// one click each; the form edits a list of controls.

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;

async function api<T>(method: 'GET' | 'POST', url: string, payload?: unknown): Promise<T> {
  const response = await server.testApp.request({
    method,
    url: `/api/v1${url}`,
    payload: payload as Record<string, unknown>,
  });
  assert.ok(response.statusCode < 300, `${method} ${url}: ${response.statusCode} ${response.body}`);
  return response.json() as T;
}

before(async () => {
  ensureConsoleBuilt();
  server = await startTestServer();
  browser = await launchBrowser();
  await newCarrier(server.testApp.app, { code: 'slowpost' });
  // A SKU whose only stock level is empty: its stock-out monitor alerts on the first cycle.
  await api('POST', '/skus', { code: 'GONE-1', name: 'Sold out', price: '10.00' });
  await stockUp(server.testApp.app, { sku: 'GONE-1', delta: 1 });
  await stockUp(server.testApp.app, { sku: 'GONE-1', delta: -1 });
  await api('POST', '/risk/monitors', {
    name: 'Slowpost backlog',
    metric: 'carrier_backlog',
    carrier: 'slowpost',
    windowMinutes: 60,
    minVolume: 5,
    warning: 0.2,
    critical: 0.5,
    measure: { kind: 'switch_default_carrier', level: 'critical' },
  });
  await api('POST', '/risk/monitors', {
    name: 'GONE-1 out of stock',
    metric: 'stockout_rate',
    sku: 'GONE-1',
    windowMinutes: 60,
    minVolume: 1,
    warning: 0.5,
    critical: 0.9,
    measure: { kind: 'notify_role', level: 'warning', role: 'ops_manager' },
  });
  await api('POST', '/risk/monitors/evaluate');
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function monitorsPage(locale: string): Promise<Page> {
  const context = await newConsoleContext(browser, server.url, locale);
  const page = await context.newPage();
  await signIn(page, 'admin', server.adminPassword);
  await page.getByTestId('current-user').waitFor();
  await page.goto('/risk/monitors');
  await page.getByTestId('risk-monitors').getByText('GONE-1 out of stock').waitFor({ timeout: 60_000 });
  return page;
}

test('the monitors page names the new metrics and measures in Chinese', async () => {
  const page = await monitorsPage('zh-CN');
  const table = page.getByTestId('risk-monitors');
  await table.getByText('承运商积压').waitFor({ timeout: 60_000 });
  await table.getByText('缺货率').waitFor({ timeout: 60_000 });
  await table.getByText(/已通知岗位/).waitFor({ timeout: 60_000 });
  await table.getByText(/运营经理/).waitFor({ timeout: 60_000 });
  // The measure says the level of the control that took it.
  await table.getByText(/已通知岗位.*· 预警$/).waitFor({ timeout: 60_000 });
  await page.context().close();
});

test('an alert is acknowledged with a note and a measure undone with one click', async () => {
  const page = await monitorsPage('en-US');
  const table = page.getByTestId('risk-monitors');
  await table.getByText('Stock-out rate').waitFor({ timeout: 60_000 });
  await table.getByRole('button', { name: 'Acknowledge' }).click();
  await page.getByTestId('acknowledge-note').fill('reorder placed');
  await page.getByRole('dialog').getByRole('button', { name: 'OK' }).click();
  await table.getByText('reorder placed').waitFor({ timeout: 60_000 });
  await table.getByRole('button', { name: 'Undo' }).click();
  await table.getByRole('button', { name: 'Undo' }).waitFor({ state: 'detached', timeout: 60_000 });
  const monitors = await api<{ items: { name: string; measures: { undoneAt: string | null }[] }[] }>(
    'GET',
    '/risk/monitors',
  );
  const gone = monitors.items.find((m) => m.name === 'GONE-1 out of stock')!;
  assert.ok(gone.measures[0]!.undoneAt, 'the measure is recorded as undone');
  await page.context().close();
});

test('a default system-health monitor is switched off and on from the monitors page', async () => {
  const page = await monitorsPage('en-US');
  const monitors = async () =>
    (await api<{ items: { id: string; name: string; isEnabled: boolean }[] }>('GET', '/risk/monitors')).items;
  const lag = (await monitors()).find((m) => m.name === 'Worker lag (seconds)')!;
  assert.equal(lag.isEnabled, true);
  const toggle = page.getByRole('switch', { name: 'On: Worker lag (seconds)' });
  await page.getByTestId('risk-monitors').getByText('Worker lag (seconds)').first().waitFor();
  for (const wanted of [false, true]) {
    await toggle.click();
    const deadline = Date.now() + 30_000;
    while ((await monitors()).find((m) => m.id === lag.id)!.isEnabled !== wanted && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal((await monitors()).find((m) => m.id === lag.id)!.isEnabled, wanted);
    await page.waitForFunction(
      ([name, checked]) =>
        document.querySelector(`[aria-label="${name}"]`)?.getAttribute('aria-checked') === String(checked),
      ['On: Worker lag (seconds)', wanted] as const,
    );
  }
  await page.context().close();
});

test('a monitor is created through the form; a level the API refuses is shown on its field', async () => {
  const page = await monitorsPage('en-US');
  await page.getByTestId('new-monitor').click();
  const form = page.getByTestId('monitor-form');
  await form.getByTestId('monitor-name').fill('Slowpost late parcels');
  await chooseOption(page, form, 'monitor-metric', 'Carrier late rate');
  await chooseOption(page, form, 'monitor-carrier', 'slowpost');
  await form.getByTestId('monitor-warning').fill('60');
  await form.getByTestId('monitor-critical').fill('40');
  await form.getByTestId('add-control').click();
  await chooseOption(page, form.getByTestId('monitor-control'), 'control-kind', 'Switch away from a carrier');
  await page.getByTestId('monitor-form-ok').click();
  // The server refuses critical below warning; the form says so on the critical level.
  const criticalError = form
    .locator('.ant-form-item', { has: page.getByTestId('monitor-critical') })
    .locator('.ant-form-item-explain-error');
  await criticalError.waitFor({ timeout: 60_000 });
  assert.match(await criticalError.innerText(), /warning/i);

  await form.getByTestId('monitor-critical').fill('80');
  await page.getByTestId('monitor-form-ok').click();
  await form.waitFor({ state: 'detached', timeout: 60_000 });
  await page.getByTestId('risk-monitors').getByText('Slowpost late parcels').waitFor({ timeout: 60_000 });
  const monitors = await api<{
    items: { name: string; carrier: string; warning: number; critical: number; measure: unknown }[];
  }>('GET', '/risk/monitors');
  const created = monitors.items.find((m) => m.name === 'Slowpost late parcels')!;
  assert.deepEqual([created.carrier, created.warning, created.critical], ['slowpost', 0.6, 0.8]);
  assert.deepEqual(created.measure, { kind: 'switch_default_carrier', level: 'critical' });

  // Editing pauses it: the list says so.
  const row = page.getByTestId('risk-monitors').locator('tr', { hasText: 'Slowpost late parcels' });
  await row.getByTestId('edit-monitor').click();
  await page.getByTestId('monitor-form').getByTestId('monitor-enabled').click();
  await page.getByTestId('monitor-form-ok').click();
  await row.getByTestId('monitor-paused').waitFor({ timeout: 60_000 });
  await page.context().close();
});

test('the monitor form reads in Chinese', async () => {
  const page = await monitorsPage('zh-CN');
  await page.getByTestId('new-monitor').click();
  const form = page.getByTestId('monitor-form');
  await form.getByText('预警阈值').waitFor({ timeout: 60_000 });
  await form.getByText('严重阈值').waitFor();
  await form.getByText('时间窗口（分钟）').waitFor();
  await form.getByText('无预设措施：仅告警').waitFor();
  await form.getByTestId('add-control').click();
  await form.getByTestId('control-kind').click();
  await page.locator('.ant-select-item-option', { hasText: '暂停渠道自动审核' }).waitFor();
  await page.context().close();
});

test('a monitor with two controls is created through the form; a refused control is named on its row', async () => {
  const page = await monitorsPage('en-US');
  await page.getByTestId('new-monitor').click();
  const form = page.getByTestId('monitor-form');
  await form.getByTestId('monitor-name').fill('Holds with two controls');
  await form.getByTestId('monitor-warning').fill('20');
  await form.getByTestId('monitor-critical').fill('40');
  const rows = form.getByTestId('monitor-control');
  await form.getByTestId('add-control').click();
  await chooseOption(page, rows.nth(0), 'control-kind', 'Notify a role');
  await chooseOption(page, rows.nth(0), 'control-level', 'Warning');
  await chooseOption(page, rows.nth(0), 'control-role', 'Operations manager');
  await form.getByTestId('add-control').click();
  await chooseOption(page, rows.nth(1), 'control-kind', 'Force review above an amount');
  await page.getByTestId('monitor-form-ok').click();
  // No amount on the second row: the server's refusal sits on that row's amount.
  const amountError = rows
    .nth(1)
    .locator('.ant-form-item', { has: page.getByTestId('control-amount') })
    .locator('.ant-form-item-explain-error');
  await amountError.waitFor({ timeout: 60_000 });
  assert.match(await amountError.innerText(), /amount/i);
  assert.equal(await rows.nth(0).locator('.ant-form-item-explain-error').count(), 0, 'the first row is fine');

  await rows.nth(1).getByTestId('control-amount').fill('2000');
  await page.getByTestId('monitor-form-ok').click();
  await form.waitFor({ state: 'detached', timeout: 60_000 });
  const row = page.getByTestId('risk-monitors').locator('tr', { hasText: 'Holds with two controls' });
  await row.getByTestId('monitor-controls').getByText('Notify a role · Warning').waitFor({ timeout: 60_000 });
  await row.getByTestId('monitor-controls').getByText('Force review above an amount · Critical').waitFor();
  const monitors = await api<{ items: { name: string; controls: unknown[] }[] }>('GET', '/risk/monitors');
  assert.deepEqual(monitors.items.find((m) => m.name === 'Holds with two controls')!.controls, [
    { kind: 'notify_role', level: 'warning', role: 'ops_manager' },
    { kind: 'force_review_above_amount', level: 'critical', amountMinor: 200_000 },
  ]);

  // Editing removes the first control; the second stays.
  await row.getByTestId('edit-monitor').click();
  const edit = page.getByTestId('monitor-form');
  await edit.getByTestId('monitor-control').nth(0).getByTestId('remove-control').click();
  await page.getByTestId('monitor-form-ok').click();
  await edit.waitFor({ state: 'detached', timeout: 60_000 });
  await row
    .getByTestId('monitor-controls')
    .getByText('Notify a role · Warning')
    .waitFor({ state: 'detached' });
  const after = await api<{ items: { name: string; controls: { kind: string }[] }[] }>(
    'GET',
    '/risk/monitors',
  );
  assert.deepEqual(
    after.items.find((m) => m.name === 'Holds with two controls')!.controls.map((c) => c.kind),
    ['force_review_above_amount'],
  );
  await page.context().close();
});
