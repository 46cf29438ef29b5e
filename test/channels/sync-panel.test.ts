import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { ensureConsoleBuilt, launchBrowser, newConsoleContext, signIn } from '../helpers/browser.ts';
import { stockUp } from '../helpers/factories.ts';
import { type RunningServer, startTestServer } from '../helpers/server.ts';
import { secretOf } from './channel-helpers.ts';

// The sync panel on the Integrations page in headless Chromium: a push refused by the shop is
// shown failed and retried from the page after a fix; the test delivery proves the secret.

let server: RunningServer;
let browser: Browser;
let platform: http.Server;
let refuse = true;
const pushes: unknown[] = [];

before(async () => {
  ensureConsoleBuilt();
  platform = http.createServer((request, response) => {
    let body = '';
    request.on('data', (c) => {
      body += c;
    });
    request.on('end', () => {
      pushes.push(JSON.parse(body || 'null'));
      response.writeHead(refuse ? 403 : 200, { 'Content-Type': 'application/json' });
      response.end(
        refuse
          ? '{"errors":"[API] This action requires merchant approval for write_inventory scope."}'
          : '{}',
      );
    });
  });
  await new Promise<void>((resolve) => platform.listen(0, '127.0.0.1', resolve));
  server = await startTestServer();
  const api = (method: 'POST' | 'PUT', url: string, payload: object) =>
    server.testApp.request({ method, url: `/api/v1${url}`, payload });
  await api('POST', '/channels', {
    id: 'shop',
    name: 'Shopify shop',
    kind: 'web',
    connector: 'shopify',
    webhookSecret: secretOf('shop'),
    shopUrl: `http://127.0.0.1:${(platform.address() as AddressInfo).port}`,
    apiToken: 'shpat_panel',
  });
  await api('PUT', '/channels/shop/sync', {
    locationId: '655441491',
    maxPerSecond: 40,
    alertSilentMinutes: 5,
  });
  await api('POST', '/skus', { code: 'PANEL-1', name: 'Panel tee', price: '10.00' });
  await api('PUT', '/channels/shop/sync/skus/PANEL-1', { externalRef: '808950810' });
  await stockUp(server.testApp.app, { sku: 'PANEL-1', delta: 7 });
  await server.testApp.app.dispatcher.drain();
  await server.testApp.app.channels.syncBack.flush();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
  await new Promise<void>((resolve) => platform.close(() => resolve()));
});

test('shows a failed push, retries it from the panel, and sends a test delivery', async () => {
  const context = await newConsoleContext(browser, server.url, 'en-US');
  const page = await context.newPage();
  await signIn(page, 'admin', server.adminPassword);
  await page.getByTestId('current-user').waitFor();
  await page.goto('/admin/integrations');
  await page.getByTestId('integrations-table').waitFor();

  await page.getByTestId('test-delivery-shop').click();
  await page.getByText('Test delivery accepted (HTTP 200)').waitFor();

  await page.getByTestId('sync-shop').click();
  const panel = page.getByTestId('sync-panel');
  await panel.getByTestId('sync-outcome-failed').waitFor();
  assert.equal(await panel.getByTestId('sync-failed').textContent(), '1');
  assert.match(await panel.getByTestId('sync-log').innerText(), /403/);

  refuse = false;
  await panel.getByTestId('sync-retry').click();
  await page.getByText('1 pushes sent again').waitFor();
  await panel.getByTestId('sync-outcome-ok').waitFor();
  await page.waitForFunction(
    () => document.querySelector('[data-testid="sync-failed"]')?.textContent === '0',
  );
  assert.deepEqual(pushes.at(-1), { location_id: 655441491, inventory_item_id: 808950810, available: 7 });
  await context.close();
});

test('speaks Chinese in the sync panel', async () => {
  const context = await newConsoleContext(browser, server.url, 'zh-CN');
  const page = await context.newPage();
  await signIn(page, 'admin', server.adminPassword);
  await page.getByTestId('current-user').waitFor();
  await page.goto('/admin/integrations');
  await page.getByTestId('sync-shop').click();
  const panel = page.getByTestId('sync-panel');
  await panel.getByText('最近推送').waitFor();
  const text = await panel.innerText();
  for (const word of ['回传库存', '立即重试', '失败']) assert.ok(text.includes(word), word);
  assert.ok(!/sync\./.test(text), text);
  await context.close();
});
