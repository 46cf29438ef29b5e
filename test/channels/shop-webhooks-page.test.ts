import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { ensureConsoleBuilt, launchBrowser, newConsoleContext, signIn } from '../helpers/browser.ts';
import { type RunningServer, startTestServer } from '../helpers/server.ts';
import { secretOf } from './channel-helpers.ts';

// The Integrations page registers a WooCommerce shop's webhooks in headless Chromium: the
// panel lists what the shop holds, the button creates the rest and shows each topic's state.

const publicUrl = 'https://ordo.example.com';
const address = `${publicUrl}/api/v1/channels/woo/webhook`;

let server: RunningServer;
let browser: Browser;
let platform: http.Server;
const hooks = [{ id: 1, topic: 'order.updated', delivery_url: address, status: 'paused' }];
const created: Record<string, unknown>[] = [];

before(async () => {
  ensureConsoleBuilt();
  platform = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      response.writeHead(request.method === 'POST' ? 201 : 200, { 'Content-Type': 'application/json' });
      if (request.method === 'GET') return response.end(JSON.stringify(hooks));
      const hook = JSON.parse(body);
      created.push(hook);
      hooks.push({
        id: hooks.length + 1,
        topic: hook.topic,
        delivery_url: hook.delivery_url,
        status: hook.status,
      });
      response.end(JSON.stringify(hooks.at(-1)));
    });
  });
  await new Promise<void>((resolve) => platform.listen(0, '127.0.0.1', resolve));
  server = await startTestServer({ env: { ORDO_PUBLIC_URL: publicUrl } });
  await server.testApp.request({
    method: 'POST',
    url: '/api/v1/channels',
    payload: {
      id: 'woo',
      name: 'Woo shop',
      kind: 'web',
      connector: 'woocommerce',
      webhookSecret: secretOf('woo'),
      shopUrl: `http://127.0.0.1:${(platform.address() as AddressInfo).port}`,
      apiKey: 'ck_page',
      apiSecret: 'cs_page',
    },
  });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
  await new Promise<void>((resolve) => platform.close(() => resolve()));
});

test('registers the missing webhooks from the Integrations page and shows each topic', async () => {
  const context = await newConsoleContext(browser, server.url, 'en-US');
  const page = await context.newPage();
  await signIn(page, 'admin', server.adminPassword);
  await page.getByTestId('current-user').waitFor();
  await page.goto('/admin/integrations');
  await page.getByTestId('webhooks-woo').click();
  const panel = page.getByTestId('webhooks-panel');
  await panel.getByTestId('webhook-state-order.created').waitFor();
  assert.equal(await panel.getByTestId('webhooks-address').textContent(), address);
  assert.equal(await panel.getByTestId('webhook-state-order.created').getAttribute('data-state'), 'missing');
  assert.equal(await panel.getByTestId('webhook-state-order.updated').getAttribute('data-state'), 'inactive');

  await page.getByTestId('webhooks-register').click();
  await page.getByText('Webhooks: 2 created; 1 need a look').waitFor();
  assert.equal(await panel.getByTestId('webhook-state-order.created').textContent(), 'Created');
  assert.equal(await panel.getByTestId('webhook-state-order.deleted').textContent(), 'Created');
  assert.equal(await panel.getByTestId('webhook-state-order.updated').textContent(), 'Not active');
  assert.match(await panel.innerText(), /turn it back on in the shop's admin/);
  assert.deepEqual(
    created.map((hook) => [hook.topic, hook.delivery_url, hook.secret]),
    [
      ['order.created', address, secretOf('woo')],
      ['order.deleted', address, secretOf('woo')],
    ],
  );
  await context.close();
});

test('speaks Chinese in the webhooks panel', async () => {
  const context = await newConsoleContext(browser, server.url, 'zh-CN');
  const page = await context.newPage();
  await signIn(page, 'admin', server.adminPassword);
  await page.getByTestId('current-user').waitFor();
  await page.goto('/admin/integrations');
  await page.getByTestId('webhooks-woo').click();
  const panel = page.getByTestId('webhooks-panel');
  await panel.getByTestId('webhook-state-order.created').waitFor();
  const text = await panel.innerText();
  for (const word of ['已注册', '未启用', '主题']) assert.ok(text.includes(word), text);
  assert.ok(!/integrations\./.test(text), text);
  assert.equal(await page.getByTestId('webhooks-register').innerText(), '在店铺中注册 Webhook');
  await context.close();
});
