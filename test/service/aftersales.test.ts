import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { jsonFeedPoller } from '../../src/modules/logistics/index.ts';
import { fixedClock } from '../../src/platform/clock.ts';
import { useTestApp } from '../helpers/app.ts';
import { testDialects } from '../helpers/db.ts';
import { newCarrier, newOrderInput, stockUp } from '../helpers/factories.ts';
import { startMailCatcher } from '../helpers/smtp.ts';

const smtp = await startMailCatcher();
after(() => smtp.close());

// The carrier's tracking feed over real HTTP: every parcel asked about is signed for.
let feed: http.Server;
let feedUrl = '';
before(async () => {
  feed = http.createServer((request, response) => {
    const numbers = new URL(request.url ?? '/', 'http://feed').searchParams.get('numbers')?.split(',') ?? [];
    const events = numbers.map((trackingNumber) => ({
      eventId: `${trackingNumber}-signed`,
      trackingNumber,
      status: '签收',
      occurredAt: '2026-12-05T03:00:00Z',
    }));
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify({ events }));
  });
  await new Promise<void>((resolve) => feed.listen(0, '127.0.0.1', resolve));
  feedUrl = `http://127.0.0.1:${(feed.address() as AddressInfo).port}/track`;
});
after(() => new Promise<void>((resolve) => feed.close(() => resolve())));

const mailTo = (address: string) => smtp.mails.filter((m) => m.to.includes(address));
const linkToken = (text: string, path: string) => new RegExp(`/${path}/([A-Za-z0-9_.-]+)`).exec(text)?.[1];

for (const dialect of testDialects) {
  describe(`after-sales on ${dialect}`, () => {
    // Monday 7 Dec 2026, 10:00 in Shanghai: inside working hours.
    const clock = fixedClock('2026-12-07T02:00:00Z');
    const t = useTestApp(dialect, { clock, env: { SMTP_URL: smtp.url } });
    const api = async (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) => {
      const response = await t.current.request({ method, url: `/api/v1${url}`, payload });
      return { status: response.statusCode, body: response.json() };
    };
    const publicApi = async (method: 'GET' | 'POST', url: string, payload?: object) => {
      const response = await t.current.server.inject({ method, url: `/api/v1${url}`, payload });
      return { status: response.statusCode, body: response.json() };
    };
    const email = `buyer-${dialect}@example.com`;
    let order: { id: string; number: string };
    let phone = '';
    let carrierId = '';

    before(async () => {
      const carrier = await newCarrier(
        t.current.app,
        { code: 'sf', name: '顺丰', trackingPrefix: 'SF' },
        { name: '标快' },
      );
      carrierId = carrier.id;
      await api('POST', '/skus', { code: 'RET-1', name: 'Returnable', price: '59.90' });
      await stockUp(t.current.app, { sku: 'RET-1', delta: 5 });
      const input = newOrderInput({
        customer: { name: '王芳', email, phone: undefined },
        lines: [{ sku: 'RET-1', quantity: 2, unitPrice: '59.90' }],
      });
      phone = (input.shippingAddress as { phone: string }).phone;
      (input.customer as { phone: string }).phone = phone;
      order = (await api('POST', '/orders', input)).body;
      await t.current.app.orders.allocation.allocateApproved();
      const wave = (await api('POST', '/waves', { warehouse: 'main' })).body;
      await api('POST', `/waves/${wave.id}/picks`, { sku: 'RET-1', quantity: 2 });
      await api('POST', `/orders/${order.id}/pack`, { scans: ['RET-1', 'RET-1'], weightGrams: 800 });
      await api('POST', `/orders/${order.id}/ship`, {});
      await t.current.app.logistics.tracking.poll([jsonFeedPoller({ carrierCode: 'sf', url: feedUrl })]);
      assert.equal((await api('GET', `/orders/${order.id}`)).body.status, 'delivered');
    });

    it('routes a complaint from the public endpoint, breaches its SLA, answers, resolves and is rated', async () => {
      const wrong = await publicApi('POST', '/public/complaints', {
        number: order.number,
        contact: 'someone@else.com',
        category: 'damaged',
        message: 'x',
      });
      const unknown = await publicApi('POST', '/public/complaints', {
        number: 'NO-SUCH',
        contact: email,
        category: 'damaged',
        message: 'x',
      });
      assert.equal(wrong.status, 404);
      assert.deepEqual(wrong.body, unknown.body, 'a wrong contact and a wrong number look the same');

      const filed = await publicApi('POST', '/public/complaints', {
        number: order.number,
        contact: phone,
        category: 'damaged',
        message: 'The box arrived crushed.',
      });
      assert.equal(filed.status, 201);
      const complaint = (await api('GET', `/complaints/${filed.body.id}`)).body;
      assert.equal(complaint.department, 'warehouse');
      assert.equal(complaint.team, 'warehouse');
      assert.equal(complaint.carrierId, carrierId);
      // 4 working hours from Monday 10:00 Shanghai → 14:00 (06:00Z).
      assert.equal(complaint.firstResponseDueAt, '2026-12-07T06:00:00.000Z');
      assert.equal(complaint.messages[0].body, 'The box arrived crushed.');

      clock.set('2026-12-07T06:30:00Z');
      assert.equal(await t.current.app.aftersales.complaints.flagSlaBreaches(), 1);
      assert.equal(await t.current.app.aftersales.complaints.flagSlaBreaches(), 0, 'flagged once');
      const breached = (await api('GET', '/complaints?isBreached=true')).body.items;
      assert.deepEqual(
        breached.map((c: { id: string }) => c.id),
        [filed.body.id],
      );

      const note = await api('POST', `/complaints/${filed.body.id}/messages`, {
        kind: 'note',
        body: 'Photo requested',
      });
      assert.equal(note.status, 201);
      const reply = await api('POST', `/complaints/${filed.body.id}/messages`, {
        kind: 'reply',
        body: 'Sorry! Could you send a photo?',
      });
      assert.equal(reply.body.complaint.status, 'answered');
      // The mail leaves through the outbox (the worker's pass).
      await t.current.app.dispatcher.drain();
      const answerMail = mailTo(email).find((m) => m.text.includes('Could you send a photo?'));
      assert.ok(answerMail, 'the reply reached the customer by SMTP');
      const token = /\[#([A-Za-z0-9_-]+)\]/.exec(answerMail.subject)?.[1];
      assert.ok(token);

      const inbound = await api('POST', '/inbound/complaint-mail', {
        from: email,
        to: 'service@shop.example',
        subject: `Re: order [#${token}]`,
        text: 'Photo attached.',
      });
      assert.equal(inbound.status, 201);
      assert.equal(inbound.body.status, 'open');
      assert.deepEqual(
        inbound.body.messages.map((m: { kind: string }) => m.kind),
        ['customer', 'note', 'reply', 'customer'],
      );

      const resolved = await api('POST', `/complaints/${filed.body.id}/resolve`, {
        kind: 'refund',
        cost: '20.00',
        note: 'We refunded 20.00.',
      });
      assert.equal(resolved.body.status, 'resolved');
      assert.deepEqual(resolved.body.resolution, {
        kind: 'refund',
        cost: '20.00',
        note: 'We refunded 20.00.',
      });
      await t.current.app.dispatcher.drain();
      const rateMail = mailTo(email).find((m) => m.text.includes('/rate/'));
      const rateToken = linkToken(rateMail!.text, 'rate');
      assert.equal(
        (await publicApi('POST', `/public/complaint-ratings/${rateToken}`, { rating: 4 })).status,
        200,
      );
      assert.equal((await api('GET', `/complaints/${filed.body.id}`)).body.rating, 4);
      assert.equal(
        (await publicApi('POST', '/public/complaint-ratings/forged.token', { rating: 5 })).status,
        403,
      );
    });

    it('auto-approves a return, restocks on inspection and records the refund', async () => {
      const before = (await api('GET', '/inventory/levels?sku=RET-1&warehouse=main')).body.items[0].onHand;
      const requested = await api('POST', '/returns', {
        orderNumber: order.number,
        reason: 'too small',
        lines: [{ sku: 'RET-1', quantity: 1 }],
      });
      assert.equal(requested.status, 201);
      assert.equal(requested.body.status, 'approved', 'delivered within 7 days, 59.90 below 200.00');
      const tooMany = await api('POST', '/returns', {
        orderNumber: order.number,
        reason: 'x',
        lines: [{ sku: 'RET-1', quantity: 3 }],
      });
      assert.equal(tooMany.status, 400);
      assert.equal(tooMany.body.error.details.field, 'lines.0.quantity');

      const received = await api('POST', `/returns/${requested.body.id}/receive`, {
        warehouse: 'main',
        lines: [{ lineNo: 1, outcome: 'restock', note: 'as new' }],
      });
      assert.equal(received.body.status, 'received');
      const afterRestock = (await api('GET', '/inventory/levels?sku=RET-1&warehouse=main')).body.items[0]
        .onHand;
      assert.equal(afterRestock, before + 1);

      const refunded = await api('POST', `/returns/${requested.body.id}/refund`, { method: 'original' });
      assert.equal(refunded.body.status, 'refunded');
      assert.equal(refunded.body.refunds[0].amount, '59.90');
      const events = await t.current.testDb.database.db
        .selectFrom('outbox')
        .select(['type', 'payload'])
        .where('type', '=', 'refund.issued')
        .execute();
      const payloads = events.map((e) => (typeof e.payload === 'string' ? JSON.parse(e.payload) : e.payload));
      // The complaint's refund resolution (20.00) and this return's refund.
      assert.deepEqual(payloads.map((p) => p.amount).sort(), ['20.00', '59.90']);
      assert.ok(payloads.some((p) => p.refundId === refunded.body.refunds[0].id));
      assert.equal((await api('POST', `/returns/${requested.body.id}/refund`, {})).status, 409);
    });

    it('makes a replacement order for an exchange, and quarantined goods stay off stock', async () => {
      const levelBefore = (await api('GET', '/inventory/levels?sku=RET-1&warehouse=main')).body.items[0]
        .onHand;
      const exchange = await api('POST', '/returns', {
        orderNumber: order.number,
        kind: 'exchange',
        reason: 'wrong size',
        lines: [{ sku: 'RET-1', quantity: 1 }],
      });
      const received = await api('POST', `/returns/${exchange.body.id}/receive`, {
        warehouse: 'main',
        lines: [{ lineNo: 1, outcome: 'quarantine' }],
      });
      assert.equal(received.status, 200);
      const replacement = (await api('GET', `/orders/${received.body.replacementOrderId}`)).body;
      assert.equal(replacement.type, 'replacement');
      assert.equal(replacement.lines[0].sku, 'RET-1');
      const levelAfter = (await api('GET', '/inventory/levels?sku=RET-1&warehouse=main')).body.items[0]
        .onHand;
      assert.equal(levelAfter, levelBefore);
      const open = await t.current.app.aftersales.openComplaintsOrReturnsFor([order.id]);
      assert.ok(open.has(order.id), 'the exchange is still open');
    });

    it('sends a survey once, aggregates the answers, and a low score opens a follow-up complaint', async () => {
      await api('PUT', '/settings/surveys', { delayHours: 24 });
      assert.equal(
        await t.current.app.aftersales.surveys.sendDueSurveys(),
        0,
        'not yet a day after delivery',
      );
      clock.set('2026-12-08T06:30:00Z');
      assert.equal(await t.current.app.aftersales.surveys.sendDueSurveys(), 1);
      assert.equal(await t.current.app.aftersales.surveys.sendDueSurveys(), 0, 'one survey per order');
      const surveyMail = mailTo(email).find((m) => m.text.includes('/survey/'));
      const token = linkToken(surveyMail!.text, 'survey')!;
      assert.equal((await publicApi('GET', `/public/surveys/${token}`)).body.orderNumber, order.number);
      const mailsBefore = mailTo(email).length;
      const answered = await publicApi('POST', `/public/surveys/${token}`, {
        csat: 2,
        nps: 3,
        comment: 'slow',
        problems: ['late'],
      });
      assert.equal(answered.status, 200);
      assert.equal((await publicApi('POST', `/public/surveys/${token}`, { csat: 5, nps: 10 })).status, 409);

      const results = (await api('GET', '/surveys/results')).body;
      assert.equal(results.answered, 1);
      assert.equal(results.csat, 2);
      assert.equal(results.nps, -100);
      assert.deepEqual(results.byCarrier, [{ key: carrierId, answered: 1, csat: 2, nps: -100 }]);
      assert.deepEqual(
        results.bySku.map((g: { key: string }) => g.key),
        ['RET-1'],
      );
      assert.deepEqual(results.problems, [{ key: 'late', count: 1 }]);
      const followUps = (await api('GET', '/complaints')).body.items.filter(
        (c: { source: string }) => c.source === 'survey',
      );
      assert.equal(followUps.length, 1);
      await t.current.app.dispatcher.drain();
      // The follow-up is the shop's own case, its subject internal: not mailed as if the customer filed it.
      assert.equal(mailTo(email).length, mailsBefore);
    });

    it('takes a return request from the customer with the lookup proof, and rate-limits the public endpoints', async () => {
      const wrong = await publicApi('POST', '/public/returns', {
        number: order.number,
        contact: '+8613000000000',
        reason: 'x',
        lines: [{ sku: 'RET-1', quantity: 1 }],
      });
      assert.equal(wrong.status, 404);
      const filed = await publicApi('POST', '/public/returns', {
        number: order.number,
        contact: email.toUpperCase(),
        reason: 'changed my mind',
        lines: [{ sku: 'RET-1', quantity: 1 }],
      });
      assert.equal(filed.status, 201);
      assert.match(filed.body.instructions, /order number inside/);
      const statuses: number[] = [];
      for (let i = 0; i < 12; i += 1) {
        statuses.push(
          (
            await publicApi('POST', '/public/returns', {
              number: 'NONE',
              contact: 'a@b.c',
              reason: 'x',
              lines: [],
            })
          ).status,
        );
      }
      assert.ok(statuses.includes(429), `rate-limited: ${statuses.join(',')}`);
    });

    it('finds the customer by phone with their orders, complaints, returns and surveys', async () => {
      const view = (await api('GET', `/customers?q=${encodeURIComponent(phone)}`)).body;
      assert.equal(view.customer.email, email);
      assert.ok(view.orders.some((o: { id: string }) => o.id === order.id));
      assert.equal(view.complaints.length, 2);
      assert.equal(view.returns.length, 3);
      assert.equal(view.surveys[0].csat, 2);
      const byNumber = (await api('GET', `/customers?q=${order.number}`)).body;
      assert.equal(byNumber.orders.length, view.orders.length);
      // Both complaints name the parcel: the carrier's scorecard counts them (2 per 1 parcel).
      const scorecards = (await api('GET', '/carriers/scorecards')).body;
      const card = scorecards.items.find((c: { carrier: { id: string } }) => c.carrier.id === carrierId);
      assert.equal(card.complaintsPer100, 200);
    });
  });
}
