import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { ensureConsoleBuilt, launchBrowser, newConsoleContext, signIn } from '../helpers/browser.ts';
import { startTestServer } from '../helpers/server.ts';

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

test('the system health page shows what the health API reports, reached from the admin menu', async () => {
  const page = await signedInPage('en-US');
  const api = (await (await page.request.get('/api/v1/system/health')).json()) as {
    version: string;
    database: { dialect: string };
    outbox: { pending: number; dead: number };
    jobs: { name: string }[];
  };
  await page.goto('/');
  await page.getByTestId('nav-menu').getByText('System health').click();
  await page.waitForURL('**/admin/health');
  await page.getByRole('heading', { name: 'System health' }).waitFor();

  const status = page.getByTestId('health-status');
  await status.getByText(api.version).waitFor();
  const database = page.getByTestId('health-database');
  assert.match(await database.innerText(), new RegExp(`Engine\\s+${api.database.dialect}`));
  assert.match(
    await page.getByTestId('health-outbox').innerText(),
    new RegExp(`Dead letters\\s+${api.outbox.dead}`),
  );
  await page.getByTestId('health-worker').getByText('Failed passes in a row').waitFor();
  // The test server has no ORDO_BACKUP_DIR: the page says how to turn backups on.
  await page.getByTestId('health-backups').getByText('ORDO_BACKUP_DIR').waitFor();
  const jobs = page.getByTestId('health-jobs');
  for (const job of api.jobs) await jobs.getByText(job.name, { exact: true }).waitFor();
  await page.context().close();
});

test('the system health page speaks Chinese', async () => {
  const page = await signedInPage('zh-CN');
  await page.goto('/admin/health');
  await page.getByRole('heading', { name: '系统健康' }).waitFor();
  await page.getByTestId('health-database').getByText('引擎').waitFor();
  await page.getByTestId('health-jobs').getByText('定时任务').waitFor();
  await page.context().close();
});

test('open health alerts show on the health page, linked to the monitors, in both languages', async () => {
  // A dead letter: the default "Dead letters in the outbox" monitor alerts on the next cycle.
  const at = new Date().toISOString();
  await server.testApp.app.database.db
    .insertInto('outbox')
    .values({
      type: 'order.received',
      payload: '{}',
      status: 'dead',
      attempts: 8,
      created_at: at,
      available_at: at,
    })
    .execute();
  const evaluated = await server.testApp.request({ method: 'POST', url: '/api/v1/risk/monitors/evaluate' });
  assert.equal(evaluated.statusCode, 200, evaluated.body);

  const page = await signedInPage('en-US');
  await page.goto('/admin/health');
  const alerts = page.getByTestId('health-alerts');
  await alerts.getByText('Dead letters in the outbox').waitFor({ timeout: 60_000 });
  await alerts.getByText(/Warning 1/).waitFor();
  await alerts.getByRole('link', { name: 'Health monitors and their thresholds' }).click();
  await page.waitForURL('**/risk/monitors');
  await page.getByTestId('risk-monitors').getByText('Oldest waiting outbox event (minutes)').waitFor({
    timeout: 60_000,
  });
  await page.context().close();

  const zh = await signedInPage('zh-CN');
  await zh.goto('/admin/health');
  const zhAlerts = zh.getByTestId('health-alerts');
  await zhAlerts.getByText('健康告警').waitFor({ timeout: 60_000 });
  await zhAlerts.getByText('死信', { exact: true }).waitFor();
  await zh.context().close();
});
