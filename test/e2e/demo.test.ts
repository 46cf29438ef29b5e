import assert from 'node:assert/strict';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
  confirmDialog,
  ensureConsoleBuilt,
  launchBrowser,
  newConsoleContext,
  saveScreenshot,
  signIn,
} from '../helpers/browser.ts';
import { freePort } from '../helpers/server.ts';

// The README's path as a new user walks it: `npx ordo demo`, then `npm start` with
// ORDO_ADMIN_PASSWORD, then the console in Chromium. Signed in as admin, one order goes from
// the demo's allocated orders through wave, pick, pack and ship, touching nothing by hand but
// the console; once in English and once in Chinese.

const root = path.resolve(import.meta.dirname, '../..');
const adminPassword = 'demo-admin-password-1';
let server: ChildProcess;
let url = '';
let browser: Browser;
let dataDir = '';
let serverOutput = '';

before(async () => {
  ensureConsoleBuilt();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ordo-demo-e2e-'));
  const env: NodeJS.ProcessEnv = { ...process.env, ORDO_DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  const demo = spawnSync(process.execPath, ['bin/ordo.js', 'demo', '--orders', '300'], {
    cwd: root,
    env,
    encoding: 'utf8',
  });
  assert.equal(demo.status, 0, demo.stderr);
  const port = await freePort();
  server = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: root,
    env: { ...env, PORT: String(port), HOST: '127.0.0.1', ORDO_ADMIN_PASSWORD: adminPassword },
  });
  for (const stream of [server.stdout, server.stderr]) stream?.on('data', (chunk) => (serverOutput += chunk));
  url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  while (!(await fetch(`${url}/healthz`).catch(() => null))?.ok) {
    assert.ok(
      Date.now() < deadline && server.exitCode === null,
      `the server did not start:\n${serverOutput}`,
    );
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  if (server && server.exitCode === null) {
    server.kill('SIGTERM');
    await once(server, 'exit');
  }
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

async function scan(page: Page, testId: string, code: string): Promise<void> {
  const input = page.getByTestId(testId);
  await input.fill(code);
  await input.press('Enter');
}

type WaveLine = { sku: string; barcode: string | null; bin: string | null; quantity: number };
type Wave = { id: string; lines: WaveLine[]; orders: { id: string; number: string }[] };

/** Waves one allocated order of the main warehouse, picks it by scanning, packs and ships it. */
async function shipOneOrder(page: Page, texts: { walk: RegExp; language: string }): Promise<string> {
  await page.goto('/fulfilment/waves');
  await page.getByTestId('wave-create').click();
  await page.getByTestId('wave-max-orders').fill('1');
  await confirmDialog(page, 'wave-form');
  await page.waitForURL(/\/fulfilment\/waves\/[^/]+$/);
  const waveId = page.url().split('/').pop() ?? '';
  const wave = (await (await page.request.get(`/api/v1/waves/${waveId}`)).json()) as Wave;
  assert.equal(wave.orders.length, 1);
  const [order] = wave.orders;
  await page.getByTestId('wave-orders').getByText(order.number).waitFor();
  // The demo's stock is on shelves: every line has its bin, and the page says to walk them.
  assert.deepEqual(
    wave.lines.filter((line) => !line.bin),
    [],
  );
  assert.match(await page.getByTestId('pick-hint').innerText(), texts.walk);
  await saveScreenshot(page, `wave.${texts.language}.png`);
  for (const line of wave.lines)
    for (let unit = 0; unit < line.quantity; unit += 1)
      await scan(page, 'pick-scan', line.barcode ?? line.sku);
  await page.getByTestId('wave-picked').waitFor();

  await page.goto('/fulfilment/packing');
  await scan(page, 'packing-scan', order.number);
  await page.getByTestId('packing-order').getByText(order.number).waitFor();
  for (const line of wave.lines)
    for (let unit = 0; unit < line.quantity; unit += 1)
      await scan(page, 'packing-scan', line.barcode ?? line.sku);
  await page.getByTestId('packing-weight').fill('800');
  await page.getByTestId('packing-close').click();
  await page.getByTestId('packing-ship').click();
  const tracking = (await page.getByTestId('packing-tracking').innerText()).trim();
  assert.match(tracking, /^[A-Z]{2,3}\d+$/);
  await saveScreenshot(page, `packing-station-shipped.${texts.language}.png`);

  const shipped = (await (await page.request.get(`/api/v1/orders/${order.id}`)).json()) as { status: string };
  assert.equal(shipped.status, 'shipped');
  await page.goto(`/orders/${order.id}`);
  await page.locator('[data-testid="order-status"][data-status="shipped"]').waitFor();
  await page.getByText(tracking).first().waitFor();
  return order.number;
}

test('after `ordo demo` and `npm start`, the admin ships an order through the console, in English', async () => {
  const context = await newConsoleContext(browser, url, 'en-US');
  const page = await context.newPage();
  await signIn(page, 'admin', adminPassword);
  await page.getByTestId('current-user').waitFor();
  await shipOneOrder(page, { walk: /Walk the bins in the order below/, language: 'en' });
  // No SMTP_URL in the README's start: every page says mail is not sent, and its link opens the
  // outbox on the messages not sent (which the worker marks so, never "delivered").
  await page.getByTestId('mail-warning').waitFor();
  assert.match(await page.getByTestId('mail-warning').innerText(), /Mail is not configured/);
  await page.getByTestId('mail-warning').getByRole('link').click();
  await page.waitForURL(/\/admin\/outbox\?status=undeliverable$/);
  await page.getByText('no SMTP server is configured').waitFor();
  await saveScreenshot(page, 'outbox-not-sent.en.png');
  await page.goto('/fulfilment/shipments');
  await page.getByTestId('shipments-table').waitFor();
  await saveScreenshot(page, 'shipments.en.png');
  await context.close();
});

test('the same in the Chinese console', async () => {
  const context = await newConsoleContext(browser, url, 'zh-CN');
  const page = await context.newPage();
  await signIn(page, 'admin', adminPassword);
  await page.getByTestId('current-user').waitFor();
  await shipOneOrder(page, { walk: /请按下方库位顺序拣货/, language: 'zh-CN' });
  await context.close();
});
