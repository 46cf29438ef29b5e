import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { ensureConsoleBuilt, launchBrowser, newConsoleContext, signIn } from '../helpers/browser.ts';
import { startTestServer } from '../helpers/server.ts';
import { startMailCatcher } from '../helpers/smtp.ts';
import { deliverEventsTwice, placeOrder, setUpShop, shipOrder } from '../service/journey.ts';

// A customer follows the link in their order mail to /track on a phone, looks the order up and
// reports a problem with it; staff see the complaint in their queue and the message in the log.

let mailCatcher: Awaited<ReturnType<typeof startMailCatcher>>;
let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;

before(async () => {
  ensureConsoleBuilt();
  mailCatcher = await startMailCatcher();
  server = await startTestServer({ env: { SMTP_URL: mailCatcher.url, ORDO_PUBLIC_URL: '{url}' } });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
  await mailCatcher?.close();
});

test('GET /track is the page for any client, without login', async () => {
  const page = await fetch(`${server.url}/track?number=X`);
  assert.equal(page.status, 200);
  assert.match(page.headers.get('content-type') ?? '', /text\/html/);
  assert.match(await page.text(), /<!doctype html>/i);
});

test('a customer opens the link from the order mail and sees the order on /track', async () => {
  const t = server.testApp;
  await setUpShop(t, 'TRACK-1');
  const order = await placeOrder(t, 'TRACK-1', {
    customer: { name: '王芳', email: 'fang.track@example.com', phone: '+8613912345678' },
  });
  await deliverEventsTwice(t.app);
  const tracking = await shipOrder(t, order.id, 'TRACK-1');
  await deliverEventsTwice(t.app);
  const received = mailCatcher.mails.find((m) => m.to.includes('fang.track@example.com'));
  assert.ok(received, 'the order mail arrived');
  const link = /(http:\/\/127\.0\.0\.1:\d+\/track\?number=\S+)/.exec(received.text)?.[1];
  assert.ok(link, received.text);

  const context = await browser.newContext({
    locale: 'zh-CN',
    viewport: { width: 390, height: 844 },
    isMobile: true,
  });
  const page = await context.newPage();
  await page.goto(link);
  assert.equal(
    await page.getByTestId('track-number').inputValue(),
    order.number,
    'the link fills the number',
  );
  await page.getByTestId('track-contact').fill('139 0000 0000');
  await page.getByTestId('track-submit').click();
  await page.getByTestId('track-error').waitFor();
  assert.match(await page.getByTestId('track-error').innerText(), /未找到/);

  await page.getByTestId('track-contact').fill('139-1234-5678');
  await page.getByTestId('track-submit').click();
  await page.getByTestId('track-result').waitFor();
  assert.equal(await page.getByTestId('track-order-number').innerText(), order.number);
  assert.equal(await page.getByTestId('track-status').innerText(), '已发货');
  assert.match(await page.getByTestId('track-shipments').innerText(), new RegExp(tracking));
  assert.match(await page.getByTestId('track-history').innerText(), /已审核/);

  // The parcel is late: the customer reports it from the same page, proven by the lookup.
  await page.getByTestId('track-complaint-open').click();
  await page.getByTestId('track-complaint-send').click();
  await page.getByTestId('track-complaint-form').getByText('请填写此项').first().waitFor();
  await page.getByTestId('track-complaint-category').click();
  await page.locator('.ant-select-item-option', { hasText: '配送延误' }).click();
  await page.getByTestId('track-complaint-message').fill('包裹三天没有动静了');
  await page.getByTestId('track-complaint-send').click();
  await page.getByTestId('track-complaint-filed').waitFor();
  await context.close();

  const staff = await newConsoleContext(browser, server.url, 'en-US');
  const console = await staff.newPage();
  await signIn(console, 'admin', server.adminPassword);
  await console.getByTestId('current-user').waitFor();
  // Staff find the customer's complaint in the queue, routed by its category.
  await console.goto('/service/complaints');
  const row = console.getByTestId('complaints-table').locator('tr', { hasText: order.number });
  await row.waitFor();
  assert.match(await row.innerText(), /Delivery delay/);
  await console.goto('/service/notifications/log');
  await console.getByTestId('notification-log').getByText('fang.track@example.com').first().waitFor();
  const statuses = await console.getByTestId('message-status').allInnerTexts();
  assert.ok(statuses.length >= 2 && statuses.every((s) => s === 'Sent'), statuses.join(','));

  // The template editor previews what it would send, for this very order.
  await console.goto('/service/notifications/templates');
  await console.getByTestId('template-body').fill('{{number}} → {{carrier}} {{trackingNumber}}');
  await console.getByTestId('template-preview').getByRole('textbox').fill(order.number);
  await console
    .getByTestId('template-preview-body')
    .getByText(`${order.number} → 顺丰速运 ${tracking}`)
    .waitFor();
  await console.goto('/service/notifications/settings');
  await console.getByTestId('switch-received-email').waitFor();
  assert.equal(await console.getByTestId('switch-received-email').getAttribute('aria-checked'), 'true');
  assert.equal(await console.getByTestId('switch-approved-email').getAttribute('aria-checked'), 'false');
  await staff.close();
});
