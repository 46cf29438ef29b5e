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
