import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { ensureConsoleBuilt, launchBrowser, signIn } from '../helpers/browser.ts';
import { newCarrier, newOrderInput } from '../helpers/factories.ts';
import { pdfText } from '../helpers/pdf-text.ts';
import { startTestServer } from '../helpers/server.ts';

// Operational times are the shop's, on screen and on paper, and both say which zone that is:
// the shop here keeps Berlin time, the browser and the server's default do not.

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
let waveId = '';
let orderId = '';

async function api<T>(method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown): Promise<T> {
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
  const settings = await api<{ policy: { calendar: { timeZone: string } } }>('GET', '/settings/orders');
  const policy = { ...settings.policy, calendar: { ...settings.policy.calendar, timeZone: 'Europe/Berlin' } };
  await api('PATCH', '/settings/orders', { policy });
  await api('POST', '/skus', { code: 'TEA-1', name: '龙井 250g', price: '59.90' });
  await api('POST', '/inventory/adjustments', { sku: 'TEA-1', warehouse: 'main', delta: 5, reason: 'stock' });
  await newCarrier(server.testApp.app, { code: 'zto' });
  ({ id: orderId } = await api<{ id: string }>(
    'POST',
    '/orders',
    newOrderInput({
      lines: [{ sku: 'TEA-1', quantity: 1, unitPrice: '59.90' }],
      total: '69.90',
      payment: { status: 'paid', method: 'alipay', paidAmount: '69.90', paidAt: '2026-11-20T08:01:30Z' },
    }),
  ));
  await server.testApp.app.orders.allocation.allocateApproved();
  waveId = (await api<{ id: string }>('POST', '/waves', { warehouse: 'main' })).id;
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test("the wave page and its pick list show the same time in the shop's zone, naming it", async () => {
  // The browser is elsewhere: its own zone must not leak into operational times.
  const context = await browser.newContext({
    locale: 'en-US',
    timezoneId: 'America/New_York',
    viewport: { width: 1440, height: 900 },
    baseURL: server.url,
  });
  const page = await context.newPage();
  await signIn(page, 'admin', server.adminPassword);
  await page.goto(`/fulfilment/waves/${waveId}`);
  await page.getByTestId('shop-time-zone').getByText('Europe/Berlin').waitFor();
  const shown = page.getByTestId('wave-created');
  await shown.filter({ hasText: 'Europe/Berlin' }).waitFor();
  const onScreen = (await shown.innerText()).trim();
  assert.match(onScreen, /^\d{4}-\d\d-\d\d \d\d:\d\d \(UTC\+[12] Europe\/Berlin\)$/);

  const response = await page.request.get(`/api/v1/waves/${waveId}/pick-list.pdf`);
  assert.equal(response.status(), 200);
  const created = /创建 Created (.+)/.exec(pdfText(await response.body()));
  assert.ok(created, 'the pick list prints when the wave was made');
  assert.equal(created[1], onScreen, 'paper and screen agree on the time and name the zone');
  await context.close();
});

test("the shipment's label prints its time as the shipment drawer shows it", async () => {
  await api('POST', `/waves/${waveId}/picks`, { sku: 'TEA-1', quantity: 1 });
  await api('POST', `/orders/${orderId}/pack`, { scans: ['TEA-1'], weightGrams: 300 });
  const shipment = await api<{ id: string }>('POST', `/orders/${orderId}/ship`, {});
  const context = await browser.newContext({
    locale: 'zh-CN',
    timezoneId: 'America/New_York',
    viewport: { width: 1440, height: 900 },
    baseURL: server.url,
  });
  const page = await context.newPage();
  await signIn(page, 'admin', server.adminPassword);
  await page.goto(`/fulfilment/shipments?shipment=${shipment.id}`);
  const shown = page.getByTestId('shipment-shipped-at').filter({ hasText: 'Europe/Berlin' });
  await shown.waitFor();
  const onScreen = (await shown.innerText()).trim();
  const response = await page.request.get(`/api/v1/shipments/${shipment.id}/label.pdf`);
  assert.equal(response.status(), 200);
  const printed = /\d{4}-\d\d-\d\d \d\d:\d\d \([^)]+\)/.exec(pdfText(await response.body()));
  assert.equal(printed?.[0], onScreen);
  await context.close();
});
