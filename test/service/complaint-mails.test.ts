import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { fixedClock } from '../../src/platform/clock.ts';
import { useTestApp } from '../helpers/app.ts';
import { testDialects } from '../helpers/db.ts';
import { startMailCatcher } from '../helpers/smtp.ts';
import { api, deliverEventsTwice, placeOrder, setUpShop } from './journey.ts';

// biome-ignore lint/suspicious/noExplicitAny: response bodies are read field by field in assertions.
type Json = any;

const smtp = await startMailCatcher();
after(() => smtp.close());

const mailTo = (address: string) => smtp.mails.filter((m) => m.to.includes(address));
/** The mails to `address` after the first `since` (the order's own notifications come first). */
const mailsSince = (address: string, since: number) => mailTo(address).slice(since);
for (const dialect of testDialects) {
  describe(`complaint mails on ${dialect}`, () => {
    // Monday 7 Dec 2026, 10:00 in Shanghai.
    const clock = fixedClock('2026-12-07T02:00:00Z');
    const t = useTestApp(dialect, { clock, env: { SMTP_URL: smtp.url } });
    const zhEmail = `fang-${dialect}@example.com`;
    const enEmail = `alex-${dialect}@example.com`;

    /** Answers, then lets the outbox deliver every event (twice, as at-least-once may). */
    const reply = async (id: string, body: string) => {
      await api(t.current, 'POST', `/complaints/${id}/messages`, { kind: 'reply', body });
      await deliverEventsTwice(t.current.app);
    };
    const resolve = async (id: string, note: string) => {
      await api(t.current, 'POST', `/complaints/${id}/resolve`, { kind: 'explain', cost: '0.00', note });
      await deliverEventsTwice(t.current.app);
    };

    it('mails a complaint on a Chinese order in Chinese: opened, each reply once, resolved', async () => {
      // Even with the "complaint answered" mail switched on, a reply is one mail: the reply itself.
      const settings = await api(t.current, 'GET', '/notifications/settings');
      const { isEmailConfigured: _, sms, webhook, ...rest } = settings;
      rest.events.complaint_answered.email = true;
      await api(t.current, 'PUT', '/notifications/settings', {
        ...rest,
        sms: { url: sms.url },
        webhook: { url: webhook.url },
      });
      await setUpShop(t.current, 'CM-1');
      const order = await placeOrder(t.current, 'CM-1', {
        customer: { name: '王芳', email: zhEmail, phone: '+8613900000021' },
      });
      await deliverEventsTwice(t.current.app);
      const since = mailTo(zhEmail).length;
      const filed = await t.current.server.inject({
        method: 'POST',
        url: '/api/v1/public/complaints',
        payload: { number: order.number, contact: zhEmail, category: 'damaged', message: '箱子压坏了。' },
      });
      assert.equal(filed.statusCode, 201, filed.body);
      await deliverEventsTwice(t.current.app);
      const complaint: Json = await api(t.current, 'GET', `/complaints/${filed.json().id}`);
      const token = (
        await t.current.app.database.db
          .selectFrom('service_complaints')
          .select('reply_token')
          .where('id', '=', complaint.id)
          .executeTakeFirstOrThrow()
      ).reply_token;

      // Staff read the lookup's subject in English; the customer reads it in Chinese.
      assert.equal(complaint.subject, `Order ${order.number}: damaged`);
      const zhSubject = `订单 ${order.number}：商品破损`;
      const [opened] = mailsSince(zhEmail, since);
      assert.ok(opened, 'the customer hears the complaint is recorded');
      assert.match(opened.subject, new RegExp(`^我们已收到您的反馈：.* \\[#${token}\\]$`));
      assert.match(opened.text, /王芳，您好/);
      assert.match(opened.text, /箱子压坏了。/);

      await reply(complaint.id, '非常抱歉，请拍照发给我们。');
      await reply(complaint.id, '补发已安排。');
      const replies = mailsSince(zhEmail, since).slice(1);
      assert.equal(replies.length, 2, 'one mail per reply');
      assert.equal(replies[0]!.subject, `回复：${zhSubject} [#${token}]`);
      assert.match(replies[0]!.text, /^非常抱歉，请拍照发给我们。/);
      assert.match(replies[0]!.text, /请直接回复本邮件/);
      assert.match(replies[1]!.text, /^补发已安排。/);

      await resolve(complaint.id, '已为您补发新的商品。');
      const resolved = mailTo(zhEmail).at(-1)!;
      assert.equal(resolved.subject, `已处理：${zhSubject} [#${token}]`);
      assert.match(resolved.text, /已为您补发新的商品。/);
      assert.match(resolved.text, /请打分（1–5 分）/);
      assert.match(resolved.text, /\/rate\/[A-Za-z0-9_.-]+/);
      assert.equal(mailsSince(zhEmail, since).length, 4);
    });

    it('keeps notification settings saved before the complaint mails existed', async () => {
      const {
        isEmailConfigured: _,
        sms,
        webhook,
        ...rest
      } = await api(t.current, 'GET', '/notifications/settings');
      // A document from before: no switches for the complaint's opening and resolution.
      delete rest.events.complaint_opened;
      delete rest.events.complaint_resolved;
      rest.events.approved.email = true;
      await api(t.current, 'PUT', '/notifications/settings', {
        ...rest,
        sms: { url: sms.url },
        webhook: { url: webhook.url },
      });
      const read = await api(t.current, 'GET', '/notifications/settings');
      assert.equal(read.events.approved.email, true, 'the saved switches, not the defaults');
      assert.deepEqual(read.events.complaint_opened, { email: false, sms: false, webhook: false });
      rest.events.approved.email = false;
      await api(t.current, 'PUT', '/notifications/settings', {
        ...rest,
        sms: { url: sms.url },
        webhook: { url: webhook.url },
      });
    });

    it('mails a complaint on an order shipped abroad in English, from an edited template', async () => {
      const edited = await api(t.current, 'PUT', '/notifications/templates/complaint_answered/en/email', {
        subject: 'Your case {{subject}}',
        body: 'Dear {{customerName}},\n{{reply}}\nOrder {{number}}',
      });
      assert.equal(edited.isCustom, true);
      const order = await placeOrder(t.current, 'CM-1', {
        customer: { name: 'Alex Chen', email: enEmail, phone: '+4915100000022' },
        shippingAddress: {
          name: 'Alex Chen',
          phone: '+4915100000022',
          country: 'DE',
          province: 'Berlin',
          city: 'Berlin',
          district: '',
          line1: 'Unter den Linden 1',
          line2: '',
          postalCode: '10117',
        },
      });
      await deliverEventsTwice(t.current.app);
      const since = mailTo(enEmail).length;
      const complaint = await api(t.current, 'POST', '/complaints', {
        orderNumber: order.number,
        category: 'delivery_delay',
        subject: 'Parcel late',
        message: 'Where is my parcel?',
      });
      await deliverEventsTwice(t.current.app);
      const [opened] = mailsSince(enEmail, since);
      assert.match(opened!.subject, /^We received your request: Parcel late \[#[\w-]+\]$/);
      assert.match(opened!.text, /Hello Alex Chen,/);
      const token = /\[#([\w-]+)\]/.exec(opened!.subject)![1];

      await reply(complaint.id, 'It leaves our warehouse today.');
      const replies = mailsSince(enEmail, since).slice(1);
      assert.equal(replies.length, 1, 'one mail per reply');
      // The edited subject dropped the token: it is put back, or the customer's answer could not find its way.
      assert.equal(replies[0]!.subject, `Your case Parcel late [#${token}]`);
      assert.equal(
        replies[0]!.text.replace(/\r\n/g, '\n').trim(),
        `Dear Alex Chen,\nIt leaves our warehouse today.\nOrder ${order.number}`,
      );

      await resolve(complaint.id, 'Delivered on Tuesday.');
      const resolved = mailTo(enEmail).at(-1)!;
      assert.equal(resolved.subject, `Resolved: Parcel late [#${token}]`);
      assert.match(resolved.text, /Rate the resolution from 1 to 5:\r?\n\S+\/rate\//);
    });
  });
}
