import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { signWebhookBody } from '../../src/modules/service/index.ts';
import { fixedClock } from '../../src/platform/clock.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { testDialects } from '../helpers/db.ts';
import { startMailCatcher } from '../helpers/smtp.ts';
import { api, deliverEventsTwice, placeOrder, pushScan, setUpShop, shipOrder } from './journey.ts';

// biome-ignore lint/suspicious/noExplicitAny: response bodies are read field by field in assertions.
type Json = any;

interface Received {
  headers: IncomingMessage['headers'];
  body: string;
}

/** A local HTTP endpoint (SMS gateway or webhook receiver) answering with the statuses queued. */
async function startEndpoint(): Promise<{
  url: string;
  received: Received[];
  answers: number[];
  close(): Promise<void>;
}> {
  const received: Received[] = [];
  const answers: number[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      response.statusCode = answers.shift() ?? 200;
      response.end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/send`,
    received,
    answers,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

for (const dialect of testDialects) {
  describe(`customer notifications on ${dialect}`, () => {
    const clock = fixedClock('2026-11-20T04:00:00Z'); // noon in Shanghai
    let t: TestApp;
    let mail: Awaited<ReturnType<typeof startMailCatcher>>;
    let sms: Awaited<ReturnType<typeof startEndpoint>>;
    let hook: Awaited<ReturnType<typeof startEndpoint>>;
    const webhookSecret = 'a-webhook-secret-of-some-length';

    before(async () => {
      mail = await startMailCatcher({ rejectRecipients: /^bounce@/ });
      sms = await startEndpoint();
      hook = await startEndpoint();
      t = await createTestApp(dialect, {
        clock,
        env: { SMTP_URL: mail.url, ORDO_PUBLIC_URL: 'https://shop.example' },
      });
    });
    after(async () => {
      await t.close();
      await Promise.all([mail.close(), sms.close(), hook.close()]);
    });

    const settings = async (change: (s: Json) => void) => {
      const current = await api(t, 'GET', '/notifications/settings');
      const { isEmailConfigured: _, sms: smsView, webhook: hookView, ...rest } = current;
      const body = { ...rest, sms: { url: smsView.url }, webhook: { url: hookView.url } };
      change(body);
      return api(t, 'PUT', '/notifications/settings', body);
    };

    it('out of the box mails received, shipped and delivered, each once although every event is delivered twice', async () => {
      const initial = await api(t, 'GET', '/notifications/settings');
      assert.equal(initial.isEmailConfigured, true);
      assert.deepEqual(initial.events.received, { email: true, sms: false, webhook: false });
      assert.deepEqual(initial.events.approved, { email: false, sms: false, webhook: false });
      // SMS for shipping news through the local gateway, with a bearer token.
      await settings((s) => {
        s.events.shipped.sms = true;
        s.events.out_for_delivery.sms = true;
        s.sms = { url: sms.url, token: 'gateway-token' };
      });

      const shop = await setUpShop(t, 'TEA-N');
      const order = await placeOrder(t, 'TEA-N', {
        customer: { name: '王芳', email: 'fang@example.com', phone: '+8613900000001' },
      });
      assert.equal(order.status, 'approved');
      await deliverEventsTwice(t.app);
      const tracking = await shipOrder(t, order.id, 'TEA-N');
      await deliverEventsTwice(t.app);
      await pushScan(t, shop, tracking, 'OutForDelivery', '2026-11-20T05:00:00Z');
      await deliverEventsTwice(t.app);
      await pushScan(t, shop, tracking, 'Delivered', '2026-11-20T06:00:00Z');
      await deliverEventsTwice(t.app);

      const mine = mail.mails.filter((m) => m.to.includes('fang@example.com'));
      const subjects = mine.map((m) => /^Subject: (.*)$/im.exec(m.raw)?.[1] ?? '');
      assert.equal(mine.length, 3, subjects.join(' | '));
      // Shipped to China: Chinese; subjects are MIME-encoded, so the text decides.
      assert.match(mine[0]!.text, new RegExp(`我们已收到订单 ${order.number}`));
      assert.match(mine[1]!.text, new RegExp(`已由顺丰速运发出，运单号 ${tracking}`));
      assert.match(mine[1]!.text, /https:\/\/shop\.example\/track\?number=/);
      assert.match(mine[2]!.text, /已签收/);

      assert.equal(sms.received.length, 2, 'one SMS for shipped, one for out for delivery');
      assert.equal(JSON.parse(sms.received[1]!.body).text, `订单 ${order.number} 今日派送，请保持电话畅通。`);
      const text = JSON.parse(sms.received[0]!.body);
      assert.equal(text.to, '+8613900000001');
      assert.equal(text.text, `订单 ${order.number} 已发货：顺丰速运 ${tracking}`);
      assert.equal(sms.received[0]!.headers.authorization, 'Bearer gateway-token');

      const log = await api(t, 'GET', `/notifications/messages?orderId=${order.id}`);
      assert.deepEqual(log.items.map((m: Json) => [m.event, m.channel, m.status, m.attempts]).sort(), [
        ['delivered', 'email', 'sent', 1],
        ['out_for_delivery', 'sms', 'sent', 1],
        ['received', 'email', 'sent', 1],
        ['shipped', 'email', 'sent', 1],
        ['shipped', 'sms', 'sent', 1],
      ]);
    });

    it('renders English for orders outside China and saved templates over built-in ones', async () => {
      const saved = await api(t, 'PUT', '/notifications/templates/received/en/email', {
        subject: 'Thanks for order {{number}}',
        body: 'Dear {{customerName}}, order {{number}} is in. {{trackUrl}}',
      });
      assert.equal(saved.isCustom, true);
      const preview = await api(t, 'POST', '/notifications/templates/preview', {
        event: 'received',
        language: 'en',
        channel: 'email',
        subject: saved.subject,
        body: saved.body,
      });
      assert.equal(preview.subject, 'Thanks for order OD20261120A7K2');
      const zhPreview = await api(t, 'POST', '/notifications/templates/preview', {
        event: 'shipped',
        language: 'zh-CN',
        channel: 'sms',
        subject: '',
        body: '{{carrier}} {{trackingNumber}}',
      });
      assert.equal(zhPreview.body, '顺丰速运 SF1234567890');

      const order = await placeOrder(t, 'TEA-N', {
        customer: { name: 'Alex', email: 'alex@example.com', phone: '+14155550100' },
        shippingAddress: {
          name: 'Alex',
          phone: '+14155550100',
          country: 'US',
          province: 'CA',
          city: 'San Francisco',
          district: '',
          line1: '1 Market St',
          line2: '',
          postalCode: '94105',
        },
      });
      await deliverEventsTwice(t.app);
      const mine = mail.mails.filter((m) => m.to.includes('alex@example.com'));
      assert.equal(mine.length, 1);
      assert.match(mine[0]!.raw, new RegExp(`Subject: Thanks for order ${order.number}`));
      assert.match(mine[0]!.text, new RegExp(`Dear Alex, order ${order.number} is in\\.`));
      const reset = await t.request({
        method: 'DELETE',
        url: '/api/v1/notifications/templates/received/en/email',
      });
      assert.equal(reset.json().isCustom, false);
      const bad = await t.request({
        method: 'PUT',
        url: '/api/v1/notifications/templates/received/fr/email',
        payload: { subject: 'x', body: 'y' },
      });
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.json().error.code, 'VALIDATION_FAILED');
    });

    it('defers SMS and webhook in quiet hours while mail goes out, then sends them when the hours end', async () => {
      await settings((s) => {
        s.events.received = { email: true, sms: true, webhook: true };
        s.quietHours = {
          isEnabled: true,
          start: '21:00',
          end: '08:00',
          timeZone: 'Asia/Shanghai',
          deferredChannels: ['sms', 'webhook'],
        };
        s.webhook = { url: hook.url, secret: webhookSecret };
      });
      const current = await api(t, 'GET', '/notifications/settings');
      const refused = await t.request({
        method: 'PUT',
        url: '/api/v1/notifications/settings',
        payload: {
          ...current,
          isEmailConfigured: undefined,
          sms: { url: current.sms.url },
          webhook: { url: current.webhook.url },
          quietHours: { ...current.quietHours, timeZone: 'Mars/Olympus' },
        },
      });
      assert.equal(refused.statusCode, 400);
      assert.equal(refused.json().error.details.field, 'quietHours.timeZone');
      assert.equal((await api(t, 'GET', '/notifications/settings')).quietHours.timeZone, 'Asia/Shanghai');
      const audit = await api(t, 'GET', '/audit-log?targetId=service.notifications');
      const secrets = audit.items.map((e: Json) => e.details.value.webhook.secret);
      assert.ok(secrets.includes('(set)'), 'the change that set the secret is logged');
      assert.ok(!JSON.stringify(audit.items).includes(webhookSecret), 'the audit log keeps no secret');
      assert.ok(!JSON.stringify(audit.items).includes('gateway-token'));
      clock.set('2026-11-20T15:00:00Z'); // 23:00 in Shanghai
      const smsBefore = sms.received.length;
      const order = await placeOrder(t, 'TEA-N', {
        customer: { name: '李雷', email: 'lei@example.com', phone: '+8613900000002' },
      });
      await deliverEventsTwice(t.app);
      assert.equal(
        mail.mails.filter((m) => m.to.includes('lei@example.com')).length,
        1,
        'mail is not held back',
      );
      assert.equal(sms.received.length, smsBefore);
      assert.equal(hook.received.length, 0);
      const deferred = await api(t, 'GET', `/notifications/messages?orderId=${order.id}&status=deferred`);
      assert.deepEqual(deferred.items.map((m: Json) => m.channel).sort(), ['sms', 'webhook']);
      assert.equal(deferred.items[0].nextAttemptAt, '2026-11-21T00:00:00.000Z');

      clock.set('2026-11-21T00:00:30Z'); // 08:00:30 in Shanghai
      await t.app.service.notifications.deliverDue();
      assert.equal(sms.received.length, smsBefore + 1);
      assert.equal(hook.received.length, 1);
      const delivery = hook.received[0]!;
      assert.equal(
        delivery.headers['x-ordo-signature'],
        `sha256=${signWebhookBody(webhookSecret, delivery.body)}`,
      );
      assert.equal(JSON.parse(delivery.body).orderNumber, order.number);
    });

    it('retries with backoff when the gateway fails and marks a refused mailbox bounced', async () => {
      await settings((s) => {
        s.quietHours.isEnabled = false;
        s.events.received = { email: true, sms: true, webhook: false };
      });
      sms.answers.push(503);
      const smsBefore = sms.received.length;
      const order = await placeOrder(t, 'TEA-N', {
        customer: { name: 'B', email: 'bounce@example.com', phone: '+8613900000003' },
      });
      await deliverEventsTwice(t.app);
      const log = async () =>
        (await api(t, 'GET', `/notifications/messages?orderId=${order.id}`)).items as Json[];
      const bySms = (await log()).find((m) => m.channel === 'sms');
      assert.equal(bySms.status, 'pending');
      assert.equal(bySms.attempts, 1);
      assert.equal(bySms.lastError, 'HTTP 503');
      assert.equal(bySms.nextAttemptAt, new Date(clock.now().getTime() + 60_000).toISOString());
      const byMail = (await log()).find((m) => m.channel === 'email');
      assert.equal(byMail.status, 'bounced');
      assert.match(byMail.lastError, /mailbox unavailable/);

      clock.advance(61_000);
      await t.app.service.notifications.deliverDue();
      assert.equal(sms.received.length, smsBefore + 2);
      assert.equal((await log()).find((m) => m.channel === 'sms').status, 'sent');

      const filtered = await api(t, 'GET', '/notifications/messages?status=bounced');
      assert.deepEqual(
        filtered.items.map((m: Json) => m.id),
        [byMail.id],
      );
      const retried = await api(t, 'POST', `/notifications/messages/${byMail.id}/retry`);
      assert.equal(retried.status, 'bounced', 'the mailbox still refuses');
      assert.equal(retried.attempts, 2);
      const refused = await t.request({
        method: 'POST',
        url: `/api/v1/notifications/messages/${bySms.id}/retry`,
      });
      assert.equal(refused.statusCode, 409);
    });

    it('sends a message another module asks for once per key, and tells the customer of a refund', async () => {
      const order = await placeOrder(t, 'TEA-N', {
        customer: { name: '韩梅梅', email: 'mei@example.com', phone: '+8613900000004' },
      });
      const send = () =>
        t.app.service.notifications.sendToCustomer({
          orderId: order.id,
          template: 'message',
          params: { subject: '关于您的订单', text: '包裹将晚到一天。' },
          dedupeKey: 'delay-1',
        });
      assert.equal(await send(), true);
      assert.equal(await send(), false, 'the same key sends nothing more');
      await deliverEventsTwice(t.app);
      const mine = () => mail.mails.filter((m) => m.to.includes('mei@example.com'));
      assert.ok(mine().some((m) => m.text.includes('包裹将晚到一天。')));
      const before = mine().length;
      const { publish } = await import('../../src/platform/events/outbox.ts');
      await publish(t.app.database.db, clock.now(), 'refund.issued', {
        orderId: order.id,
        refundId: 'R-1',
        amount: '59.90',
        currency: 'CNY',
      });
      await settings((s) => {
        s.events.refund_issued.email = true;
      });
      await deliverEventsTwice(t.app);
      const refunds = mine().slice(before);
      assert.equal(refunds.length, 1);
      assert.match(refunds[0]!.text, /退款 59\.90 CNY/);
    });
  });
}
