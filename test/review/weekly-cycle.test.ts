import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { fixedClock } from '../../src/platform/clock.ts';
import { useTestApp } from '../helpers/app.ts';
import { testDialects } from '../helpers/db.ts';
import { newOrderInput } from '../helpers/factories.ts';
import { startMailCatcher } from '../helpers/smtp.ts';

// The whole weekly loop on a moving clock: Friday preparation and notice (real SMTP), the
// meeting with timers, decisions and action items, minutes, reminders, the next meeting's review
// of last week's items, late minutes flagged; and a corrective action verified on its KPI.
const catcher = await startMailCatcher();
after(() => catcher.close());

const hourMs = 60 * 60 * 1000;

/** An attachment's bytes as text: nodemailer sends it base64 between the part's headers and the next boundary. */
function attachment(raw: string, filename: string): string {
  const start = raw.indexOf(`filename=${filename}`);
  const body = raw.slice(raw.indexOf('\r\n\r\n', start) + 4);
  return Buffer.from(body.slice(0, body.indexOf('--')).replace(/\s+/g, ''), 'base64').toString('utf8');
}

for (const dialect of testDialects) {
  describe(`weekly meeting cycle on ${dialect}`, () => {
    // Wednesday 2026-11-18, 10:00 UTC; the meeting is Mondays 10:00 in Shanghai (02:00 UTC).
    const clock = fixedClock('2026-11-18T10:00:00.000Z');
    const t = useTestApp(dialect, { clock, env: { SMTP_URL: catcher.url } });
    const api = async (method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: object) => {
      const response = await t.current.request({ method, url, payload });
      return { status: response.statusCode, body: response.json() };
    };
    const mailsTo = (address: string, subject: string) =>
      catcher.mails.filter((m) => m.to.includes(address) && m.raw.includes(subject));
    const chair = `chair.${dialect}@example.com`;
    const owner = `logistics.${dialect}@example.com`;
    const sku = `TEA-${dialect}`;

    it('prepares on Friday, runs the meeting, follows up and flags what is late', async () => {
      // Action items are owned by active users.
      await t.current.app.staff.createUser(
        { type: 'system', id: null, name: 'test' },
        {
          username: `li.logistics.${dialect}`,
          displayName: 'Li Logistics',
          email: owner,
          role: 'logistics',
          password: 'logistics-pass-1',
        },
      );
      // A stock-out in the making: an open stock alert is a logistics issue on Ordo's own data.
      assert.equal(
        (await api('POST', '/api/v1/skus', { code: sku, name: 'Green tea', price: '39.00' })).status,
        201,
      );
      await api('POST', '/api/v1/inventory/adjustments', {
        sku,
        warehouse: 'main',
        delta: 12,
        reason: 'opening',
      });
      await api('PUT', '/api/v1/inventory/plans', { sku, warehouse: 'main', mode: 'manual', warningLine: 5 });
      await api('POST', '/api/v1/inventory/adjustments', {
        sku,
        warehouse: 'main',
        delta: -8,
        reason: 'damaged',
      });

      // An order held on the buyer's note: customer service's issue from the orders on hold.
      const order = await api(
        'POST',
        '/api/v1/orders',
        newOrderInput({ buyerNote: 'Please call before delivery', placedAt: '2026-11-18T08:00:00Z' }),
      );
      assert.equal(order.status, 201, JSON.stringify(order.body));

      const series = await api('POST', '/api/v1/meeting-series', {
        name: 'Weekly order meeting',
        participants: [
          { name: 'Chair', email: chair, department: 'operations' },
          { name: 'Li Logistics', email: owner, department: 'logistics' },
          { name: 'Wang CS', email: `cs.${dialect}@example.com`, department: 'customer_service' },
        ],
        weekday: 1,
        startTime: '10:00',
        durationMinutes: 60,
        timeZone: 'Asia/Shanghai',
        onlineLink: 'https://meet.example.com/ordo-weekly',
      });
      assert.equal(series.status, 201, JSON.stringify(series.body));
      const bad = await api('POST', '/api/v1/meeting-series', {
        name: 'x',
        participants: [],
        weekday: 9,
        startTime: '25:00',
        timeZone: 'Nowhere/City',
      });
      assert.equal(bad.status, 400);
      assert.ok(bad.body.error.details.field);

      // Anyone raises a problem during the week: it waits for the next meeting.
      const raised = await api('POST', '/api/v1/issues', {
        department: 'customer_service',
        title: 'Customers ask twice for tracking',
      });
      assert.equal(raised.status, 201);
      assert.equal(raised.body.meetingId, null);

      // Wednesday: nothing to prepare yet.
      assert.deepEqual((await t.current.app.review.runScheduled()).prepared, []);

      // Friday 09:00 in Shanghai: the meeting is prepared and the notice goes out.
      clock.set('2026-11-20T01:00:00.000Z');
      const friday = await t.current.app.review.runScheduled();
      assert.equal(friday.prepared.length, 1);
      const meetingId = friday.prepared[0]!;
      let meeting = (await api('GET', `/api/v1/meetings/${meetingId}`)).body;
      assert.equal(meeting.startsAt, '2026-11-23T02:00:00.000Z');
      assert.equal(meeting.status, 'prepared');
      assert.ok(meeting.pack.orders);
      // The pack is the weekly report's figures for the week under review (CONTRACT.md "Reports").
      assert.equal(meeting.pack.timeZone, 'Asia/Shanghai');
      assert.equal(typeof meeting.pack.stageHours.receivedToDelivered.n, 'number');
      assert.equal(typeof meeting.pack.delivery.lateRate, 'number');
      assert.ok(meeting.plan.staffing.length === 7);
      assert.deepEqual(
        meeting.plan.stockRisks.map((r: { sku: string }) => r.sku),
        [sku],
      );
      assert.deepEqual(
        meeting.issues
          .map((i: { department: string; source: string }) => `${i.department}/${i.source}`)
          .sort(),
        ['customer_service/data', 'customer_service/staff', 'logistics/data'],
      );
      assert.deepEqual(
        meeting.agenda.map((a: { section: string }) => a.section),
        [
          'opening',
          'data_report',
          'department_issues',
          'department_issues',
          'solutions',
          'next_week',
          'summary',
        ],
      );
      for (const address of [chair, owner]) {
        const [notice] = mailsTo(address, 'Notice:');
        assert.ok(notice, `notice to ${address}`);
        const ics = attachment(notice.raw, 'invitation.ics');
        assert.match(ics, /BEGIN:VEVENT/);
        assert.match(ics, /DTSTART:20261123T020000Z/);
        assert.match(ics, /URL:https:\/\/meet\.example\.com\/ordo-weekly/);
        assert.match(notice.text, /https:\/\/meet\.example\.com\/ordo-weekly/);
        assert.match(attachment(notice.raw, 'pack.pdf'), /^%PDF/);
      }
      // A retried job does not prepare twice.
      assert.deepEqual((await t.current.app.review.runScheduled()).prepared, []);

      // Monday 09:30: the reminder.
      clock.set('2026-11-23T01:30:00.000Z');
      assert.deepEqual((await t.current.app.review.runScheduled()).reminded, [meetingId]);
      assert.equal(mailsTo(owner, 'Reminder:').length, 1);

      // The meeting: the opening runs over its 3 minutes, then the data report.
      clock.set('2026-11-23T02:00:00.000Z');
      const [opening, dataReport] = meeting.agenda;
      await api('POST', `/api/v1/meetings/${meetingId}/timer`, { itemId: opening.id });
      clock.advance(4 * 60 * 1000);
      meeting = (await api('POST', `/api/v1/meetings/${meetingId}/timer`, { itemId: dataReport.id })).body;
      assert.equal(meeting.status, 'running');
      assert.deepEqual(
        [meeting.agenda[0].usedSeconds, meeting.agenda[0].isOvertime, meeting.agenda[1].isRunning],
        [240, true, true],
      );
      const stockIssue = meeting.issues.find((i: { department: string }) => i.department === 'logistics');
      await api('POST', `/api/v1/meetings/${meetingId}/decisions`, {
        text: 'Reorder green tea today',
        issueId: stockIssue.id,
      });
      const withItem = await api('POST', `/api/v1/meetings/${meetingId}/action-items`, {
        title: 'Place the green tea PO',
        ownerName: 'Li Logistics',
        ownerEmail: owner,
        deadlineAt: '2026-11-26T02:00:00Z',
        issueId: stockIssue.id,
        link: { type: 'sku', ref: sku },
      });
      assert.equal(withItem.status, 200, JSON.stringify(withItem.body));
      const badItem = await api('POST', `/api/v1/meetings/${meetingId}/action-items`, {
        title: 'x',
        ownerName: 'y',
        deadlineAt: 'soon',
      });
      assert.equal(badItem.status, 400);
      assert.equal(badItem.body.error.details.field, 'deadlineAt');
      assert.equal(
        (
          await api('POST', `/api/v1/meetings/${meetingId}/feedback`, {
            rating: 4,
            comment: 'Short and useful',
          })
        ).status,
        200,
      );
      clock.set('2026-11-23T02:55:00.000Z');
      meeting = (await api('POST', `/api/v1/meetings/${meetingId}/close`)).body;
      assert.equal(meeting.status, 'closed');
      assert.match(meeting.minutes, /Reorder green tea today/);
      assert.match(meeting.minutes, /Place the green tea PO — Li Logistics/);

      // Minutes within 24 h: to every participant, stored, not late.
      clock.set('2026-11-23T06:00:00.000Z');
      assert.equal((await api('POST', `/api/v1/meetings/${meetingId}/minutes/send`)).status, 200);
      assert.equal(mailsTo(owner, 'Minutes:').length, 1);
      assert.match(mailsTo(chair, 'Minutes:')[0]!.text, /Reorder green tea today/);
      assert.equal((await api('GET', `/api/v1/meetings/${meetingId}`)).body.isMinutesLate, false);

      // The owner's task list; a reminder the day before, another once the deadline passed.
      clock.set('2026-11-25T03:00:00.000Z');
      assert.deepEqual(
        (await t.current.app.review.runScheduled()).ownerReminders.map((r) => r.reminder),
        ['before'],
      );
      clock.set('2026-11-26T03:00:00.000Z');
      assert.deepEqual(
        (await t.current.app.review.runScheduled()).ownerReminders.map((r) => r.reminder),
        ['after'],
      );
      assert.equal(mailsTo(owner, 'Overdue:').length, 1);
      const tasks = await api('GET', `/api/v1/action-items?owner=${encodeURIComponent(owner)}`);
      assert.deepEqual(
        tasks.body.items.map((i: { state: string }) => i.state),
        ['late'],
      );

      // Next Friday: the next meeting opens with last week's item and its state.
      clock.set('2026-11-27T01:00:00.000Z');
      const nextId = (await t.current.app.review.runScheduled()).prepared[0]!;
      let next = (await api('GET', `/api/v1/meetings/${nextId}`)).body;
      assert.equal(next.previousMeetingId, meetingId);
      assert.deepEqual(
        next.previousActionItems.map((i: { state: string }) => i.state),
        ['late'],
      );
      const dropNoReason = await api('PATCH', `/api/v1/action-items/${tasks.body.items[0].id}`, {
        status: 'dropped',
      });
      assert.equal(dropNoReason.status, 400);
      await api('PATCH', `/api/v1/action-items/${tasks.body.items[0].id}`, {
        status: 'dropped',
        dropReason: 'Supplier discontinued the tea',
      });
      next = (await api('GET', `/api/v1/meetings/${nextId}`)).body;
      assert.deepEqual(
        next.previousActionItems.map((i: { state: string; dropReason: string }) => [i.state, i.dropReason]),
        [['dropped', 'Supplier discontinued the tea']],
      );

      // That meeting closes without minutes: 24 hours later the check flags it.
      clock.set('2026-11-30T02:00:00.000Z');
      await api('POST', `/api/v1/meetings/${nextId}/close`);
      clock.set('2026-11-30T20:00:00.000Z');
      assert.deepEqual((await t.current.app.review.runScheduled()).lateMinutes, []);
      clock.advance(8 * hourMs);
      assert.deepEqual((await t.current.app.review.runScheduled()).lateMinutes, [nextId]);
      assert.equal((await api('GET', `/api/v1/meetings/${nextId}`)).body.isMinutesLate, true);
    });

    it('runs knowledge-sharing sessions as meetings of their own type', async () => {
      const sharing = await api('POST', '/api/v1/meeting-series', {
        name: 'Lessons learned',
        kind: 'sharing',
        participants: [{ name: 'Chair', email: chair, department: 'operations' }],
        weekday: 3,
        startTime: '16:00',
        durationMinutes: 30,
        timeZone: 'Asia/Shanghai',
      });
      const session = await api('POST', `/api/v1/meeting-series/${sharing.body.id}/prepare`);
      assert.equal(session.status, 200, JSON.stringify(session.body));
      assert.equal(session.body.kind, 'sharing');
      assert.equal(session.body.pack, null);
      assert.deepEqual(
        session.body.agenda.map((a: { title: string }) => a.title),
        ['opening', 'sharing', 'summary'],
      );
      assert.equal(mailsTo(chair, 'Notice: Lessons learned').length, 1);
    });

    it('verifies a corrective action against its KPI after the set time and keeps the lesson', async () => {
      // One open stock alert (from the test above) is the baseline; the target is none.
      const created = await api('POST', '/api/v1/corrective-actions', {
        sourceType: 'meeting_issue',
        title: 'Stock-outs of fast movers',
        classification: 'process',
        causeCategory: 'method',
        whys: ['The tea ran out', 'The PO was late', 'No one watched the warning line'],
        rootCause: 'Warning lines had no owner',
        action: 'Every A-class SKU gets an owner',
        ownerName: 'Li Logistics',
        ownerEmail: owner,
        deadlineAt: '2026-12-07T02:00:00Z',
        kpi: { name: 'open_stock_alerts', baseline: 1, target: 0 },
        verifyAfterDays: 7,
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      assert.equal(created.body.status, 'open');
      // Not before the set time.
      assert.deepEqual((await t.current.app.review.runScheduled()).verified, []);
      await api('POST', '/api/v1/inventory/adjustments', {
        sku,
        warehouse: 'main',
        delta: 20,
        reason: 'received',
      });
      clock.advance(7 * 24 * hourMs + 1000);
      assert.deepEqual((await t.current.app.review.runScheduled()).verified, [created.body.id]);
      const verified = (await api('GET', `/api/v1/corrective-actions/${created.body.id}`)).body;
      assert.deepEqual([verified.status, verified.kpi.measured], ['effective', 0]);
      // The lesson is in the knowledge base, found in either language.
      const zh = (await api('GET', `/api/v1/knowledge?q=${encodeURIComponent('根本原因')}`)).body;
      assert.equal(zh.items.length, 1);
      const en = (await api('GET', '/api/v1/knowledge?q=warning%20lines&kind=lesson')).body;
      assert.equal(en.items[0].source.ref, created.body.id);
    });
  });
}
