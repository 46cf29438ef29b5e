import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import {
  ensureConsoleBuilt,
  launchBrowser,
  newConsoleContext,
  saveScreenshot,
  signIn,
} from '../helpers/browser.ts';
import { newOrderInput } from '../helpers/factories.ts';
import { startTestServer } from '../helpers/server.ts';

// The dispatcher plans the riders' runs from the same-day orders packed this morning, in the
// console, without writing a stop list.

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;

async function api<T>(method: 'POST', url: string, payload: unknown): Promise<T> {
  const response = await server.testApp.request({
    method,
    url: `/api/v1${url}`,
    payload: payload as Record<string, unknown>,
  });
  assert.ok(response.statusCode < 300, `${method} ${url}: ${response.statusCode} ${response.body}`);
  return response.json() as T;
}

const doors: Array<[string, string]> = [
  ['西湖区', '文三路 100 号'],
  ['西湖区', '文三路 100 号'],
  ['西湖区', '文三路 9 号'],
  ['上城区', '解放路 1 号'],
];

before(async () => {
  ensureConsoleBuilt();
  server = await startTestServer();
  browser = await launchBrowser();
  await api('POST', '/skus', { code: 'TEA-1', name: '龙井 250g', price: '59.90' });
  await api('POST', '/inventory/adjustments', {
    sku: 'TEA-1',
    warehouse: 'main',
    delta: 10,
    reason: 'stock',
  });
  const ids: string[] = [];
  for (const [index, [district, line1]] of doors.entries()) {
    const input = newOrderInput({
      externalId: `rider-${index}`,
      requestedService: 'same_day',
      lines: [{ sku: 'TEA-1', quantity: 1, unitPrice: '59.90' }],
      total: '69.90',
      payment: { status: 'paid', method: 'alipay', paidAmount: '69.90', paidAt: '2026-11-20T08:01:30Z' },
    });
    const shippingAddress = { ...(input.shippingAddress as object), district, line1 };
    ids.push((await api<{ id: string }>('POST', '/orders', { ...input, shippingAddress })).id);
  }
  await server.testApp.app.orders.allocation.allocateApproved();
  const wave = await api<{ id: string }>('POST', '/waves', { warehouse: 'main' });
  await api('POST', `/waves/${wave.id}/picks`, { sku: 'TEA-1', quantity: doors.length });
  for (const id of ids) await api('POST', `/orders/${id}/pack`, { scans: ['TEA-1'], weightGrams: 300 });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test("plans the riders' runs from today's packed same-day orders and shows each rider's stops", async () => {
  const context = await newConsoleContext(browser, server.url, 'en-US');
  const page = await context.newPage();
  await signIn(page, 'admin', server.adminPassword);
  await page.goto('/logistics/routes');
  await page.getByTestId('same-day-capacity').fill('3');
  await page.getByTestId('routes-from-orders').click();
  const runs = page.getByTestId('same-day-run');
  await runs.first().waitFor();
  assert.equal(await runs.count(), 2, 'three parcels for the west, one for the east, riders of three');
  const west = runs.filter({ hasText: '西湖区' });
  const streets = await west.locator('.ant-table-tbody tr td:nth-child(3)').allInnerTexts();
  assert.deepEqual(streets, ['文三路 9 号', '文三路 100 号'], 'one stop per door, in house-number order');
  assert.match(await west.innerText(), /3 \/ 3/);
  assert.match(await runs.filter({ hasText: '上城区' }).innerText(), /解放路 1 号/);
  await saveScreenshot(page, 'routes-same-day.png');
  await context.close();
});
