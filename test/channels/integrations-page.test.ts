import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { signBody } from '../../src/modules/channels/index.ts';
import {
  confirmDialog,
  ensureConsoleBuilt,
  launchBrowser,
  newConsoleContext,
  signIn,
} from '../helpers/browser.ts';
import { type RunningServer, startTestServer } from '../helpers/server.ts';
import { fixture, secretOf } from './channel-helpers.ts';

// The Integrations page in headless Chromium against the real server: health lights, set-up
// with the webhook URL and a secret shown once, and a failed delivery replayed after a fix.

let server: RunningServer;
let browser: Browser;

async function api(method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) {
  return server.testApp.request({
    method,
    url: `/api/v1${url}`,
    payload: payload as Record<string, unknown>,
  });
}

async function deliverWoo(body: string, deliveryId: string) {
  return fetch(`${server.url}/api/v1/channels/woo/webhook`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-wc-webhook-topic': 'order.created',
      'x-wc-webhook-delivery-id': deliveryId,
      'x-wc-webhook-signature': signBody(secretOf('woo'), body),
    },
    body,
  });
}

before(async () => {
  ensureConsoleBuilt();
  server = await startTestServer();
  await api('POST', '/channels', {
    id: 'woo',
    name: 'Woo shop',
    connector: 'woocommerce',
    webhookSecret: secretOf('woo'),
  });
  // Delivered while the channel is switched off: kept as failed, replayable once it is on.
  await api('PATCH', '/channels/woo', { isActive: false });
  const delivered = await deliverWoo(fixture('woocommerce-order.json'), 'page-1');
  assert.equal((await delivered.json()).outcome, 'failed');
  await api('PATCH', '/channels/woo', { isActive: true });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function openPage(locale: string): Promise<Page> {
  const context = await newConsoleContext(browser, server.url, locale);
  const page = await context.newPage();
  await signIn(page, 'admin', server.adminPassword);
  await page.getByTestId('current-user').waitFor();
  await page.goto('/admin/integrations');
  await page.getByTestId('integrations-table').waitFor();
  return page;
}

test('shows health, sets up a channel with its webhook URL and a one-time secret, and replays a failed delivery', async () => {
  const page = await openPage('en-US');
  await page.getByTestId('light-woo').waitFor();
  assert.equal(await page.getByTestId('light-woo').getAttribute('data-status'), 'failing');
  const failed = page.getByTestId('failed-deliveries');
  await failed.getByText('order.created').waitFor();

  // A new channel on the generic signed webhook: Ordo makes the secret and shows it once.
  await page.getByTestId('integration-add').click();
  await page.getByTestId('integration-id').fill('own');
  await page.getByTestId('integration-name').fill('Own site');
  await page.getByTestId('integration-connector').click();
  await page.getByText('Signed webhook (own site)').click();
  await confirmDialog(page, 'integration-form');
  const url = await page.getByTestId('integration-webhook-url').textContent();
  assert.equal(url, `${server.url}/api/v1/channels/own/webhook`);
  const secret = (await page.getByTestId('integration-generated-secret').textContent()) ?? '';
  assert.ok(secret.length >= 16);
  await page.getByTestId('integration-done').click();
  await page.getByTestId('light-own').waitFor();
  const connectors = await api('GET', '/channels/connectors');
  assert.ok(!connectors.body.includes(secret), 'the secret is never shown again');

  // The failed delivery replays now that the channel is on again.
  const replay = failed.getByRole('button', { name: 'Replay' });
  await replay.click();
  await page.getByText('Replayed: order created').waitFor();
  await failed.getByText('No failed deliveries').waitFor();
  await page.waitForFunction(
    () => document.querySelector('[data-testid="light-woo"]')?.getAttribute('data-status') === 'ok',
  );
  const orders = (await api('GET', '/orders?channel=woo')).json().items;
  assert.deepEqual(
    orders.map((o: { externalId: string }) => o.externalId),
    ['727'],
  );
  await page.context().close();
});

test('speaks Chinese in the Chinese console', async () => {
  const page = await openPage('zh-CN');
  await page.getByText('平台对接').first().waitFor();
  const table = await page.getByTestId('integrations-table').innerText();
  for (const word of ['渠道', '对接方式', '近一小时订单', '签名校验失败'])
    assert.ok(table.includes(word), word);
  assert.ok(!/integrations\.|Signature|Orders, last hour/.test(table), table);
  await page.context().close();
});

test('replays every failed delivery of a channel at once, with its progress, in Chinese', async () => {
  await api('PATCH', '/channels/woo', { isActive: false });
  for (const id of [731, 732, 733]) {
    const body = fixture('woocommerce-order.json').replace('"id": 727', `"id": ${id}`);
    assert.equal((await (await deliverWoo(body, `bulk-${id}`)).json()).outcome, 'failed');
  }
  await api('PATCH', '/channels/woo', { isActive: true });

  const page = await openPage('zh-CN');
  const replayAll = page.getByTestId('replay-all-woo');
  await replayAll.waitFor();
  assert.equal((await replayAll.innerText()).replace(/\s+/g, ''), '重放woo的全部失败推送（3）');
  await replayAll.click();
  await page.getByText('woo：3 条已恢复，0 条仍然失败').waitFor();
  await page.getByTestId('failed-deliveries').getByText('没有失败的推送').waitFor();
  assert.equal(await page.getByTestId('replay-all-woo').count(), 0, 'nothing left to replay');
  const orders = (await api('GET', '/orders?channel=woo')).json().items;
  assert.deepEqual(orders.map((o: { externalId: string }) => o.externalId).sort(), [
    '727',
    '731',
    '732',
    '733',
  ]);
  await page.context().close();
});
