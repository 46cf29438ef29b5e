import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { createService } from '../../src/modules/service/index.ts';
import { defaultNotificationSettings } from '../../src/modules/service/notifications/notification-settings.ts';
import { fixedClock } from '../../src/platform/clock.ts';
import { createLogger } from '../../src/platform/logger.ts';
import { createMailer } from '../../src/platform/mail.ts';
import { writeSetting } from '../../src/platform/settings.ts';
import { useTestApp } from '../helpers/app.ts';
import { createTestDatabase, testDialects } from '../helpers/db.ts';
import { type Mail, startMailCatcher } from '../helpers/smtp.ts';
import { api, deliverEventsTwice, placeOrder, setUpShop } from './journey.ts';

/*
 * Complaint mails leave through the outbox: a request that stored the change answers success
 * whatever the SMTP server does, and the mail follows when it can.
 */

const smtp = await startMailCatcher();
// A port nothing listens on: the SMTP server is down until a catcher is started on it.
const down = await startMailCatcher();
await down.close();
const downPort = Number(new URL(down.url).port);
after(() => smtp.close());

const mailsWith = (mails: Mail[], token: string) => mails.filter((m) => m.subject.includes(`[#${token}]`));
const replyToOf = (mail: Mail) => /^Reply-To: (.*)$/im.exec(mail.raw.split(/\r?\n\r?\n/)[0]!)?.[1]?.trim();

for (const dialect of testDialects) {
  describe(`complaint mails while the SMTP server is down, on ${dialect}`, () => {
    const clock = fixedClock('2026-12-07T02:00:00Z');
    const t = useTestApp(dialect, { clock, env: { SMTP_URL: `smtp://127.0.0.1:${downPort}` } });
    const email = `down-${dialect}@example.com`;

    it('stores the complaint once, answers 201, and mails it once the server is back', async () => {
      await setUpShop(t.current, 'DOWN-1');
      const order = await placeOrder(t.current, 'DOWN-1', {
        customer: { name: '王芳', email, phone: '+8613900000031' },
      });
      const filed = await t.current.server.inject({
        method: 'POST',
        url: '/api/v1/public/complaints',
        payload: { number: order.number, contact: email, category: 'damaged', message: '箱子压坏了。' },
      });
      assert.equal(filed.statusCode, 201, filed.body);
      const id = filed.json().id;
      const reply = await t.current.request({
        method: 'POST',
        url: `/api/v1/complaints/${id}/messages`,
        payload: { kind: 'reply', body: '请拍照发给我们。' },
      });
      assert.equal(reply.statusCode, 201, reply.body);
      const resolved = await t.current.request({
        method: 'POST',
        url: `/api/v1/complaints/${id}/resolve`,
        payload: { kind: 'explain', cost: '0.00', note: '已补发。' },
      });
      assert.equal(resolved.statusCode, 200, resolved.body);
      const { db } = t.current.app.database;
      const stored = await db
        .selectFrom('service_complaints')
        .select(['id', 'reply_token'])
        .where('order_number', '=', order.number)
        .execute();
      assert.deepEqual(
        stored.map((c) => c.id),
        [id],
        'exactly one complaint',
      );

      // Every attempt fails until the outbox gives up: dead letters, listed for the operator.
      for (let attempt = 0; attempt < 8; attempt++) {
        await t.current.app.dispatcher.drain();
        clock.set(new Date(clock.now().getTime() + 11 * 60 * 1000).toISOString());
      }
      const dead = (await api(t.current, 'GET', '/system/outbox?status=dead')).items.filter(
        (e: { type: string }) => e.type === 'complaint.mail_due',
      );
      assert.deepEqual(dead.map((e: { payload: { mail: string } }) => e.payload.mail).sort(), [
        'complaint_answered',
        'complaint_opened',
        'complaint_resolved',
      ]);
      assert.equal(dead[0].attempts, 8);
      assert.match(dead[0].lastError, /ECONNREFUSED/);

      // The server is back; the operator queues the dead letters again.
      const back = await startMailCatcher({ port: downPort });
      try {
        for (const e of dead) await api(t.current, 'POST', `/system/outbox/${e.id}/retry`);
        await deliverEventsTwice(t.current.app);
        const mails = mailsWith(back.mails, stored[0]!.reply_token);
        assert.equal(mails.length, 3, 'each mail once, though events were delivered again');
        assert.deepEqual(
          mails.map((m) => m.subject.split('：')[0]),
          ['我们已收到您的反馈', '回复', '已处理'],
        );
        assert.ok(
          mails.every((m) => m.to.includes(email)),
          'to the customer',
        );
      } finally {
        await back.close();
      }
    });
  });

  describe(`complaint mails' Reply-To on ${dialect}`, () => {
    const clock = fixedClock('2026-12-07T02:00:00Z');
    const t = useTestApp(dialect, { clock, env: { SMTP_URL: smtp.url } });
    const email = `reply-to-${dialect}@example.com`;

    const settingsBody = async (changes: object) => {
      const {
        isEmailConfigured: _,
        sms,
        webhook,
        ...rest
      } = await api(t.current, 'GET', '/notifications/settings');
      return { ...rest, sms: { url: sms.url }, webhook: { url: webhook.url }, ...changes };
    };
    const openComplaint = async (subject: string) => {
      const complaint = await api(t.current, 'POST', '/complaints', {
        category: 'service',
        subject,
        message: 'Nobody called me back.',
        customerName: 'Alex Chen',
        customerEmail: email,
      });
      await deliverEventsTwice(t.current.app);
      const { reply_token: token } = await t.current.app.database.db
        .selectFrom('service_complaints')
        .select('reply_token')
        .where('id', '=', complaint.id)
        .executeTakeFirstOrThrow();
      return { id: complaint.id as string, token };
    };

    it('refuses a reply mailbox that is not an e-mail address', async () => {
      const response = await t.current.request({
        method: 'PUT',
        url: '/api/v1/notifications/settings',
        payload: await settingsBody({ replyAddress: 'service desk' }),
      });
      assert.equal(response.statusCode, 400, response.body);
      assert.equal(response.json().error.details.field, 'replyAddress');
    });

    it('carries no Reply-To without a reply mailbox, and the plus-addressed mailbox with one', async () => {
      const before = await openComplaint('Without a mailbox');
      const [plain] = mailsWith(smtp.mails, before.token);
      assert.ok(plain);
      assert.equal(replyToOf(plain), undefined);

      const saved = await api(
        t.current,
        'PUT',
        '/notifications/settings',
        await settingsBody({ replyAddress: 'service@shop.example' }),
      );
      assert.equal(saved.replyAddress, 'service@shop.example');
      // A client that leaves the field out (written before it existed) keeps it.
      const { replyAddress: _, ...withoutAddress } = await settingsBody({});
      const kept = await api(t.current, 'PUT', '/notifications/settings', withoutAddress);
      assert.equal(kept.replyAddress, 'service@shop.example');

      const first = await openComplaint('First case');
      const second = await openComplaint('Second case');
      await api(t.current, 'POST', `/complaints/${second.id}/messages`, {
        kind: 'reply',
        body: 'We call today.',
      });
      await deliverEventsTwice(t.current.app);
      const secondMails = mailsWith(smtp.mails, second.token);
      assert.equal(secondMails.length, 2, 'opened and answered');
      for (const mail of secondMails) assert.equal(replyToOf(mail), `service+${second.token}@shop.example`);
      assert.equal(replyToOf(mailsWith(smtp.mails, first.token)[0]!), `service+${first.token}@shop.example`);

      // The customer's client rewrote the subject: the address alone finds the complaint.
      const inbound = await api(t.current, 'POST', '/inbound/complaint-mail', {
        from: email,
        to: `Shop Service <service+${second.token}@shop.example>`,
        subject: 'AW: Your case',
        text: 'Thanks, I am home after 6.',
      });
      assert.equal(inbound.id, second.id);
      assert.equal(inbound.messages.at(-1).body, 'Thanks, I am home after 6.');
      const firstNow = await api(t.current, 'GET', `/complaints/${first.id}`);
      assert.equal(firstNow.messages.length, 1, 'the other complaint is untouched');

      await api(t.current, 'PUT', '/notifications/settings', await settingsBody({ replyAddress: null }));
      const after = await openComplaint('After the mailbox was removed');
      assert.equal(replyToOf(mailsWith(smtp.mails, after.token)[0]!), undefined);
    });
  });

  describe(`notification settings saved before the reply mailbox existed, on ${dialect}`, () => {
    it('still load with their own values, the reply mailbox unset', async () => {
      const testDb = await createTestDatabase(dialect);
      try {
        const clock = fixedClock('2026-12-07T02:00:00Z');
        // As an older version stored it: no reply mailbox, no complaint opening or resolution switches.
        const {
          complaint_opened: _o,
          complaint_resolved: _r,
          ...oldEvents
        } = defaultNotificationSettings.events;
        const { replyAddress: _a, ...oldDocument } = defaultNotificationSettings;
        await writeSetting(
          testDb.database.db,
          { type: 'system', id: null, name: 'test' },
          clock.now(),
          'service.notifications',
          {
            ...oldDocument,
            events: { ...oldEvents, approved: { email: true, sms: true, webhook: false } },
            returnWindowDays: 10,
          },
        );
        const logger = createLogger('silent');
        const service = createService({
          database: testDb.database,
          clock,
          logger,
          mailer: createMailer({ from: 'shop@example.com', logger }),
          publicUrl: 'https://shop.example',
        });
        const settings = await service.notifications.settings.get();
        assert.equal(settings.returnWindowDays, 10, 'the stored document, not the defaults');
        assert.deepEqual(settings.events.approved, { email: true, sms: true, webhook: false });
        assert.deepEqual(settings.events.complaint_opened, { email: false, sms: false, webhook: false });
        assert.equal(settings.replyAddress, null);
      } finally {
        await testDb.drop();
      }
    });
  });
}
