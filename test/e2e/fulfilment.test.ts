import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { signTrackingBody } from '../../src/modules/logistics/index.ts';
import {
  confirmDialog,
  ensureConsoleBuilt,
  launchBrowser,
  newConsoleContext,
  signIn as signInAs,
} from '../helpers/browser.ts';
import { newOrderInput } from '../helpers/factories.ts';
import { startTestServer } from '../helpers/server.ts';

// One order from allocation to the customer's door, driven through the built console in
// headless Chromium: a wave picked by scanning, packed at the packing station (where a wrong
// item is refused), shipped with a label, then delivered by a signed carrier tracking push.

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
let carrier: { id: string; trackingSecret: string };
let orderId: string;
let orderNumber: string;

const tea = { code: 'TEA-GREEN', barcode: '6901234500017' };
const mug = { code: 'MUG-BLUE', barcode: '6901234500024' };

/** The API with an admin key (not through the browser). */
async function api<T>(method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown): Promise<T> {
  const response = await server.testApp.request({
    method,
    url: `/api/v1${url}`,
    payload: payload as Record<string, unknown>,
  });
  assert.ok(response.statusCode < 300, `${method} ${url}: ${response.statusCode} ${response.body}`);
  return response.json() as T;
}

type Order = { id: string; number: string; status: string };

before(async () => {
  ensureConsoleBuilt();
  server = await startTestServer();
  browser = await launchBrowser();
  for (const [sku, name, price] of [
    [tea, 'Green tea', '58.00'],
    [mug, 'Blue mug', '29.00'],
  ] as const) {
    await api('POST', '/skus', { code: sku.code, name, price, barcode: sku.barcode, weightGrams: 250 });
    await api('POST', '/inventory/adjustments', {
      sku: sku.code,
      warehouse: 'main',
      delta: 20,
      reason: 'opening stock',
    });
  }
  carrier = await api('POST', '/carriers', { code: 'ZTO', name: '中通快递', trackingPrefix: 'ZT' });
  await api('PUT', `/carriers/${carrier.id}/services`, {
    code: 'std',
    name: '标准快递',
    kind: 'standard',
    rateCard: {
      zones: [{ id: 'cn', regions: ['CN'] }],
      rates: [
        {
          zoneId: 'cn',
          firstWeightGrams: 1000,
          firstPrice: '10.00',
          extraWeightStepGrams: 1000,
          extraPrice: '4.00',
        },
      ],
      volumetricDivisor: 6000,
    },
    transitDays: 2,
  });
  const created = await api<Order>(
    'POST',
    '/orders',
    newOrderInput({
      lines: [{ sku: tea.code, quantity: 2, unitPrice: '58.00' }],
      total: '126.00',
      payment: { status: 'paid', method: 'alipay', paidAmount: '126.00', paidAt: '2026-11-20T08:01:30Z' },
    }),
  );
  // The audit approves a paid order at once; allocation is the worker's pass (`ordo serve` runs
  // it every few seconds), run here directly since the test server starts no worker.
  assert.equal(created.status, 'approved');
  await server.testApp.app.orders.allocation.allocateApproved();
  assert.equal((await api<Order>('GET', `/orders/${created.id}`)).status, 'allocated');
  orderId = created.id;
  orderNumber = created.number;
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function scan(page: Page, testId: string, code: string): Promise<void> {
  const input = page.getByTestId(testId);
  await input.fill(code);
  await input.press('Enter');
}

test('the fulfilment texts exist in English and Chinese', () => {
  const flat = (value: unknown, prefix = ''): string[] =>
    Object.entries(value as Record<string, unknown>).flatMap(([key, child]) =>
      typeof child === 'object' && child !== null ? flat(child, `${prefix}${key}.`) : [`${prefix}${key}`],
    );
  const read = (lng: string) =>
    flat(
      JSON.parse(
        fs.readFileSync(
          path.join(import.meta.dirname, '../../web/src/i18n', `fulfilment.${lng}.json`),
          'utf8',
        ),
      ),
    ).sort();
  assert.deepEqual(read('zh-CN'), read('en'));
});

test('an order is waved, picked and packed by scanning, shipped with a label, and delivered by a signed push', async () => {
  const context = await newConsoleContext(browser, server.url, 'en-US');
  const page = await context.newPage();
  await signInAs(page, 'admin', server.adminPassword);
  await page.getByTestId('current-user').waitFor();

  // A wave of the main warehouse's allocated orders.
  await page.goto('/fulfilment/waves');
  await page.getByTestId('waves-empty').waitFor();
  await page.getByTestId('wave-create').click();
  await confirmDialog(page, 'wave-form');
  await page.waitForURL(/\/fulfilment\/waves\/[^/]+$/);
  const waveId = page.url().split('/').pop() ?? '';
  await page.getByTestId('wave-orders').getByText(orderNumber).waitFor();
  // This stock has no bins: the page must not promise a walk in bin order.
  assert.match(await page.getByTestId('pick-hint').innerText(), /None of these items has a bin yet/);

  // Picked by scanning the barcode twice: one unit per scan, then the wave is done.
  await scan(page, 'pick-scan', tea.barcode);
  await page.locator('[data-testid="pick-feedback"][data-outcome="ok"]').getByText('1 of 2').waitFor();
  await scan(page, 'pick-scan', tea.barcode);
  await page.getByTestId('wave-picked').waitFor();
  const wave = await api<{ status: string; pickedUnits: number; unitCount: number }>(
    'GET',
    `/waves/${waveId}`,
  );
  assert.deepEqual(
    { status: wave.status, picked: wave.pickedUnits, units: wave.unitCount },
    { status: 'picked', picked: 2, units: 2 },
  );

  // The packing station: the order by its number, then a wrong item is refused on the spot.
  await page.goto('/fulfilment/packing');
  await scan(page, 'packing-scan', orderNumber);
  await page.getByTestId('packing-order').getByText(orderNumber).waitFor();
  await scan(page, 'packing-scan', mug.barcode);
  const refusal = page.getByTestId('packing-error');
  await refusal.waitFor();
  assert.match(
    await refusal.innerText(),
    new RegExp(`WRONG ITEM: ${mug.barcode} is not in order ${orderNumber}`),
  );
  assert.equal(
    await page.locator(`[data-testid="packing-item"][data-sku="${tea.code}"]`).getAttribute('data-scanned'),
    '0',
  );
  assert.ok(await page.getByTestId('packing-close').isDisabled(), 'a refused item keeps the parcel shut');

  // The right items: the refusal must be cleared before the parcel can close.
  await page.getByTestId('packing-error-clear').click();
  await scan(page, 'packing-scan', tea.barcode);
  await scan(page, 'packing-scan', tea.code);
  await page.locator(`[data-testid="packing-item"][data-sku="${tea.code}"][data-scanned="2"]`).waitFor();
  // The weight is asked for, not scolded: no error until someone tries to close without one.
  const weightError = page.getByTestId('parcel-form').locator('.ant-form-item-explain-error');
  await page.waitForTimeout(300);
  assert.equal(await weightError.count(), 0, 'no weight error before a try to close');
  await page.getByTestId('packing-close').click();
  await weightError.waitFor();
  await page.getByTestId('packing-weight').fill('640');
  await page.getByTestId('packing-close').click();
  await page.getByTestId('packing-ship').click();
  const tracking = (await page.getByTestId('packing-tracking').innerText()).trim();
  assert.match(tracking, /^ZT\d{10}$/);
  assert.match(await page.getByTestId('packing-explanation').innerText(), /standard/);

  const shipped = await api<Order>('GET', `/orders/${orderId}`);
  assert.equal(shipped.status, 'shipped');
  const shipments = await api<{
    items: { id: string; trackingNumber: string; weightGrams: number; price: string }[];
  }>('GET', `/shipments?q=${orderNumber}`);
  assert.deepEqual(
    shipments.items.map(({ trackingNumber, weightGrams, price }) => ({ trackingNumber, weightGrams, price })),
    [{ trackingNumber: tracking, weightGrams: 640, price: '10.00' }],
  );

  // The label is a PDF, fetched with the page's own session as the label button would.
  const labelUrl = await page.getByTestId('packing-label').getAttribute('href');
  assert.ok(labelUrl);
  const label = await page.request.get(labelUrl);
  assert.equal(label.status(), 200);
  assert.equal((await label.body()).subarray(0, 4).toString('latin1'), '%PDF');

  // The carrier pushes "Delivered", signed with the secret it got when it was created.
  const body = JSON.stringify({
    events: [
      {
        eventId: 'zto-evt-1',
        trackingNumber: tracking,
        status: 'Delivered',
        occurredAt: new Date().toISOString(),
        location: '杭州市西湖区',
        description: '已签收',
      },
    ],
  });
  const push = (signature: string) =>
    server.testApp.server.inject({
      method: 'POST',
      url: `/api/v1/carriers/${carrier.id}/tracking`,
      headers: { 'content-type': 'application/json', 'x-ordo-signature': `sha256=${signature}` },
      payload: body,
    });
  assert.equal((await push(signTrackingBody('not-the-secret', body))).statusCode, 401);
  const accepted = await push(signTrackingBody(carrier.trackingSecret, body));
  assert.equal(accepted.statusCode, 200, accepted.body);
  assert.deepEqual(accepted.json(), { accepted: 1, duplicates: 0, unknown: [] });

  // Delivered, through the API and on the order page.
  assert.equal((await api<Order>('GET', `/orders/${orderId}`)).status, 'delivered');
  await page.goto(`/orders/${orderId}`);
  await page.locator('[data-testid="order-status"][data-status="delivered"]').waitFor();
  const parcel = page.locator('[data-testid="order-shipment"][data-status="delivered"]');
  await parcel.getByText(tracking).waitFor();
  await parcel.getByRole('link', { name: tracking }).click();
  await page
    .getByTestId('tracking-events')
    .locator('[data-testid="tracking-event"][data-status="delivered"]')
    .waitFor();
  await context.close();
});
