import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { ensureConsoleBuilt, launchBrowser, newConsoleContext, signIn } from '../helpers/browser.ts';
import { newOrderInput } from '../helpers/factories.ts';
import { startTestServer } from '../helpers/server.ts';
import { startMailCatcher } from '../helpers/smtp.ts';

// Staff answer a customer's complaint in the console; the answer reaches the customer by SMTP.

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
let smtp: Awaited<ReturnType<typeof startMailCatcher>>;

before(async () => {
  ensureConsoleBuilt();
  smtp = await startMailCatcher();
  server = await startTestServer({ env: { SMTP_URL: smtp.url } });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
  await smtp?.close();
});

test('the service texts exist in English and Chinese', () => {
  const flat = (value: unknown, prefix = ''): string[] =>
    Object.entries(value as Record<string, unknown>).flatMap(([key, child]) =>
      typeof child === 'object' && child !== null ? flat(child, `${prefix}${key}.`) : [`${prefix}${key}`],
    );
  const read = (lng: string) =>
    flat(
      JSON.parse(
        fs.readFileSync(path.join(import.meta.dirname, '../../web/src/i18n', `service.${lng}.json`), 'utf8'),
      ),
    ).sort();
  assert.deepEqual(read('zh-CN'), read('en'));
});

test('staff answer a complaint from the queue and the customer receives the reply', async () => {
  const email = 'li.lei@example.com';
  const input = newOrderInput({ customer: { name: '李雷', email } });
  const created = await server.testApp.request({ method: 'POST', url: '/api/v1/orders', payload: input });
  const order = created.json() as { number: string };
  const filed = await server.testApp.server.inject({
    method: 'POST',
    url: '/api/v1/public/complaints',
    payload: {
      number: order.number,
      contact: email,
      category: 'wrong_item',
      message: 'I got a blue shirt, not red.',
    },
  });
  assert.equal(filed.statusCode, 201, filed.body);

  const context = await newConsoleContext(browser, server.url, 'en-US');
  const page = await context.newPage();
  await signIn(page, 'admin', server.adminPassword);
  await page.getByTestId('current-user').waitFor();
  await page.goto('/service/complaints');
  const row = page.getByTestId('complaints-table').locator('tr', { hasText: order.number });
  await row.waitFor();
  assert.match(await row.innerText(), /Warehouse/);
  assert.match(await row.getByTestId('sla-timer').innerText(), /left|overdue/);

  await row.getByRole('link', { name: /wrong item/i }).click();
  await page.getByTestId('complaint-conversation').getByText('I got a blue shirt, not red.').waitFor();
  await page.getByTestId('complaint-message-input').fill('Sorry about that — the red one is on its way.');
  await page.getByTestId('complaint-send').click();
  await page.locator('[data-testid="complaint-message"][data-kind="reply"]').waitFor();
  assert.equal(await page.getByTestId('complaint-status').innerText(), 'Answered');

  // The reply mail leaves through the outbox: the worker's pass sends it.
  await server.testApp.app.dispatcher.drain();
  const mail = smtp.mails.find((m) => m.to.includes(email) && m.text.includes('the red one is on its way'));
  assert.ok(mail, 'the reply reached the customer by SMTP');
  // A Chinese order: the reply mail is written from the Chinese template, the reply token kept.
  assert.match(mail.subject, /^回复：订单 \S+：发错商品 \[#[\w-]+\]$/);

  // The reply mail is one of the templates operators edit, with its own label and a word on the token.
  await page.goto('/service/notifications/templates');
  await page.getByTestId('template-event').click();
  await page.locator('.ant-select-item-option', { hasText: 'Complaint answered (reply mail)' }).click();
  await page.getByTestId('template-complaint-note').waitFor();
  assert.equal(await page.getByTestId('template-subject').inputValue(), '回复：{{subject}} [#{{token}}]');
  await context.close();
});

test('an operator sets the reply mailbox, and complaint mails carry it as Reply-To', async () => {
  const context = await newConsoleContext(browser, server.url, 'en-US');
  const page = await context.newPage();
  await signIn(page, 'admin', server.adminPassword);
  await page.getByTestId('current-user').waitFor();
  await page.goto('/service/notifications/settings');
  const field = page.getByTestId('reply-address');
  await field.waitFor();
  assert.equal(await field.inputValue(), '', 'no reply mailbox out of the box');
  await page.getByText('Complaint mails say Reply-To: mailbox+token@domain').waitFor();

  // Not an address: the server refuses it and the page says so at the field.
  await field.fill('service desk');
  await page.getByTestId('notify-save').click();
  await page.locator('.ant-form-item-has-error').filter({ has: field }).waitFor();
  assert.equal(
    (await server.testApp.request({ method: 'GET', url: '/api/v1/notifications/settings' })).json()
      .replyAddress,
    null,
  );

  await field.fill('service@shop.example');
  await page.getByTestId('notify-save').click();
  await page.getByText('Notification settings saved').waitFor();
  await page.reload();
  await page.getByTestId('reply-address').waitFor();
  assert.equal(await page.getByTestId('reply-address').inputValue(), 'service@shop.example');
  await context.close();

  const email = 'han.mei@example.com';
  const created = await server.testApp.request({
    method: 'POST',
    url: '/api/v1/orders',
    payload: newOrderInput({ customer: { name: '韩梅', email } }),
  });
  const filed = await server.testApp.server.inject({
    method: 'POST',
    url: '/api/v1/public/complaints',
    payload: { number: created.json().number, contact: email, category: 'damaged', message: 'Cracked lid.' },
  });
  assert.equal(filed.statusCode, 201, filed.body);
  await server.testApp.app.dispatcher.drain();
  const opened = smtp.mails.find((m) => m.to.includes(email) && m.subject.includes('[#'));
  assert.ok(opened, 'the opening mail went out');
  const token = /\[#([\w-]+)\]/.exec(opened.subject)![1];
  assert.match(opened.raw, new RegExp(`^Reply-To: service\\+${token}@shop\\.example\\r?$`, 'm'));
});
