import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { raiseException } from '../../src/modules/fulfilment/index.ts';
import { addWorkingHours } from '../../src/platform/business-calendar.ts';
import { fixedClock } from '../../src/platform/clock.ts';
import { inTransaction } from '../../src/platform/db/transaction.ts';
import { useTestApp } from '../helpers/app.ts';
import { testDialects } from '../helpers/db.ts';
import { newOrderInput } from '../helpers/factories.ts';
import { startMailCatcher } from '../helpers/smtp.ts';

// biome-ignore lint/suspicious/noExplicitAny: response bodies are read field by field in assertions.
type Json = any;

const catcher = await startMailCatcher();
after(() => catcher.close());

for (const dialect of testDialects) {
  describe(`risk on ${dialect}`, () => {
    const clock = fixedClock('2026-11-23T02:00:00Z'); // a Monday, 10:00 in Shanghai
    const t = useTestApp(dialect, { clock, env: { SMTP_URL: catcher.url } });
    const api = async (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) => {
      const response = await t.current.request({ method, url: `/api/v1${url}`, payload });
      assert.ok(response.statusCode < 300, `${method} ${url}: ${response.statusCode} ${response.body}`);
      return response.json() as Json;
    };
    const mailsTo = (address: string) => catcher.mails.filter((m) => m.to.includes(address));
    let sequence = 0;
    const order = (overrides: Record<string, unknown> = {}) => {
      sequence += 1;
      return api(
        'POST',
        '/orders',
        newOrderInput({ externalId: `risk-${dialect}-${sequence}`, ...overrides }),
      );
    };

    it('opens a case from a tracking exception with the playbook owner and deadline, escalates it when overdue, closes it with an outcome', async () => {
      await api('POST', '/skus', { code: 'TEE-RED-M', name: 'Tee', price: '59.90' });
      const placed = await order();
      const openedAt = clock.now();
      await inTransaction(t.current.app.database, (tx) =>
        raiseException(tx, openedAt, {
          orderId: placed.id,
          shipmentId: null,
          kind: 'lost',
          note: 'no scan',
        }),
      );
      await t.current.app.dispatcher.drain();
      await t.current.app.dispatcher.drain(); // redelivery must not open a second case

      const cases = (await api('GET', '/risk/cases')).items.filter((c: Json) => c.orderId === placed.id);
      assert.equal(cases.length, 1);
      const calendar = (await t.current.app.orders.settings.get()).policy.calendar;
      assert.equal(cases[0].caseType, 'lost_parcel');
      assert.equal(cases[0].ownerRole, 'logistics');
      assert.equal(cases[0].dueAt, addWorkingHours(calendar, openedAt, 4 + 8 + 16).toISOString());
      assert.equal(cases[0].stepDueAt, addWorkingHours(calendar, openedAt, 4).toISOString());

      // Not yet overdue: nothing moves.
      assert.deepEqual(await t.current.app.risk.cases.escalateOverdue(), []);
      clock.advance(3 * 24 * 3600_000);
      assert.deepEqual(await t.current.app.risk.cases.escalateOverdue(), [cases[0].id]);
      assert.deepEqual(await t.current.app.risk.cases.escalateOverdue(), [], 'a step escalates once');
      const escalated = await api('GET', `/risk/cases/${cases[0].id}`);
      assert.equal(escalated.ownerRole, 'ops_manager');
      assert.deepEqual(
        escalated.timeline.map((e: Json) => e.kind),
        ['opened', 'escalated'],
      );

      const stepped = await api('POST', `/risk/cases/${cases[0].id}/steps/complete`, {
        note: 'carrier confirms loss',
      });
      assert.equal(stepped.currentStep, 1);
      assert.equal(stepped.ownerRole, 'customer_service');
      assert.equal(stepped.escalatedAt, null);
      const closed = await api('POST', `/risk/cases/${cases[0].id}/close`, {
        outcome: { key: 'case.reshipped' },
      });
      assert.equal(closed.status, 'closed');
      assert.deepEqual(closed.outcome, { key: 'case.reshipped' });
      assert.equal(closed.closedAt, clock.now().toISOString());

      const again = await t.current.request({
        method: 'POST',
        url: `/api/v1/risk/cases/${cases[0].id}/close`,
        payload: { outcome: { key: 'case.resolved' } },
      });
      assert.equal(again.statusCode, 409);
    });

    it('runs a drill that touches no real order or customer, timed, with a review note', async () => {
      const before = (await api('GET', '/orders?limit=100')).items.map((o: Json) => [o.id, o.status]);
      // Earlier tests' notifications are delivered first, so only the drill could add a mail.
      await t.current.app.dispatcher.drain();
      await t.current.app.service.notifications.whenIdle();
      const mailsBefore = catcher.mails.length;
      const drill = await api('POST', '/risk/drills', { caseType: 'suspected_fraud' });
      assert.equal(drill.isDrill, true);
      assert.equal(drill.orderId, null);
      const practised = await api('POST', `/risk/cases/${drill.id}/actions`, { action: 'hold' });
      assert.equal(practised.timeline.at(-1).kind, 'action_practised');
      clock.advance(90_000);
      const closed = await api('POST', `/risk/cases/${drill.id}/close`, {
        outcome: { key: 'case.drillReviewed' },
        reviewNote: 'the finance step had no one on call',
      });
      assert.equal(closed.drillSeconds, 90);
      assert.equal(closed.reviewNote, 'the finance step had no one on call');
      const after = (await api('GET', '/orders?limit=100')).items.map((o: Json) => [o.id, o.status]);
      assert.deepEqual(after, before);
      await t.current.app.dispatcher.drain();
      await t.current.app.service.notifications.whenIdle();
      assert.equal(catcher.mails.length, mailsBefore);
      const drills = await api('GET', '/risk/cases?status=all&isDrill=true');
      assert.deepEqual(
        drills.items.map((c: Json) => c.id),
        [drill.id],
      );
    });

    it('versions playbooks: a saved change is the next version and new cases use it', async () => {
      const current = (await api('GET', '/risk/playbooks')).items.find((p: Json) => p.caseType === 'damaged');
      assert.equal(current.version, 1);
      const { caseType: _c, version: _v, note: _n, createdBy: _b, createdAt: _a, ...definition } = current;
      const saved = await api('PUT', '/risk/playbooks/damaged', {
        ...definition,
        steps: [{ ...definition.steps[0], limitWorkingHours: 2 }, ...definition.steps.slice(1)],
        note: 'photos within two hours',
      });
      assert.equal(saved.version, 2);
      const versions = await api('GET', '/risk/playbooks/damaged/versions');
      assert.deepEqual(
        versions.items.map((p: Json) => p.version),
        [2, 1],
      );
      const bad = await t.current.request({
        method: 'PUT',
        url: '/api/v1/risk/playbooks/damaged',
        payload: { ...definition, steps: [] },
      });
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.json().error.details.field, 'steps');
    });

    it('a monitor crossing its threshold pauses auto-approval for its channel once, alerts once, and undo restores', async () => {
      await api('POST', '/channels', { id: 'mall', name: 'Mall', kind: 'marketplace' });
      const monitor = await api('POST', '/risk/monitors', {
        name: 'Web hold rate',
        metric: 'hold_rate',
        channel: 'web',
        windowMinutes: 60,
        minVolume: 4,
        warning: 0.3,
        critical: 0.5,
        measure: { kind: 'pause_channel_auto_approval', level: 'warning' },
        notify: { emails: [`risk-desk-${dialect}@example.com`] },
      });
      clock.advance(2 * 3600_000); // earlier tests' orders fall out of the window
      const unpaid = { payment: { status: 'pending', method: 'alipay', paidAmount: '0.00' } };
      for (let i = 0; i < 3; i += 1) assert.equal((await order(unpaid)).status, 'pending_review');
      assert.equal((await order()).status, 'approved');

      const first = await api('POST', '/risk/monitors/evaluate');
      const mine = first.items.find((i: Json) => i.monitorId === monitor.id);
      assert.deepEqual([mine.value, mine.volume, mine.level], [0.75, 4, 'critical']);
      await api('POST', '/risk/monitors/evaluate');
      const alerts = await api('GET', `/risk/alerts?monitorId=${monitor.id}`);
      assert.equal(alerts.items.length, 1, 'one alert per monitor and level');
      assert.equal(mailsTo(`risk-desk-${dialect}@example.com`).length, 1);

      const held = await order();
      assert.equal(held.status, 'pending_review');
      assert.deepEqual(held.holds, ['CHANNEL_PAUSED']);
      assert.equal((await order({ channel: 'mall' })).status, 'approved', 'other channels flow');

      const acknowledged = await api('POST', `/risk/alerts/${alerts.items[0].id}/acknowledge`, {
        note: 'looking',
      });
      assert.equal(acknowledged.status, 'acknowledged');
      const measures = (await api('GET', '/risk/monitors')).items.find(
        (m: Json) => m.id === monitor.id,
      ).measures;
      assert.equal(measures.length, 1);
      const undone = await api('POST', `/risk/measures/${measures[0].id}/undo`);
      assert.ok(undone.undoneAt);
      assert.equal((await order()).status, 'approved');
      const samples = (await api('GET', '/risk/monitors')).items.find(
        (m: Json) => m.id === monitor.id,
      ).samples;
      assert.equal(samples.length, 2);
    });

    it('an incident for a SKU batch holds every affected open order, notifies their customers, and nothing else', async () => {
      await api('POST', '/skus', { code: 'RECALL-1', name: 'Kettle', price: '99.00' });
      const kettle = (externalEmail: string, placedAt: string, sku = 'RECALL-1') =>
        order({
          placedAt,
          customer: { name: '李雷', email: externalEmail },
          lines: [{ sku, quantity: 1, unitPrice: '99.00' }],
          total: '109.00',
          payment: { status: 'paid', method: 'alipay', paidAmount: '109.00' },
        });
      const a = await kettle(`a-${dialect}@example.com`, '2026-11-10T08:00:00Z');
      const b = await kettle(`b-${dialect}@example.com`, '2026-11-11T08:00:00Z');
      const outsideBatch = await kettle(`c-${dialect}@example.com`, '2026-11-01T08:00:00Z');
      const otherSku = await kettle(`d-${dialect}@example.com`, '2026-11-10T09:00:00Z', 'TEE-RED-M');
      const selection = {
        sku: 'RECALL-1',
        placedFrom: '2026-11-09T00:00:00Z',
        placedTo: '2026-11-12T00:00:00Z',
      };
      const previewed = await api('POST', '/risk/incidents/preview', selection);
      assert.deepEqual([previewed.count, previewed.openCount], [2, 2]);
      assert.deepEqual(previewed.sampleOrderIds, [a.id, b.id].sort());
      const incident = await api('POST', '/risk/incidents', {
        kind: 'quality_recall',
        severity: 'high',
        title: 'Kettle lid batch 2611',
        team: ['ops', 'cs'],
        selection,
      });
      assert.deepEqual(await api('POST', `/risk/incidents/${incident.id}/actions`, { action: 'hold' }), {
        action: 'hold',
        done: 2,
        skipped: 0,
      });
      for (const o of [a, b]) {
        const now = await api('GET', `/orders/${o.id}`);
        assert.equal(now.status, 'pending_review');
        assert.ok(now.holds.includes('INCIDENT'), JSON.stringify(now.holds));
      }
      for (const o of [outsideBatch, otherSku])
        assert.equal((await api('GET', `/orders/${o.id}`)).status, 'approved');

      await api('POST', `/risk/incidents/${incident.id}/actions`, {
        action: 'notify',
        subject: 'About your order {number}',
        text: 'Please do not use the kettle of order {number}; a replacement is on its way.',
      });
      await t.current.app.dispatcher.drain();
      await t.current.app.service.notifications.whenIdle();
      // Only the recall message counts: the hold itself may send the order's own notice.
      const recallMails = (address: string) => mailsTo(address).filter((m) => m.text.includes('kettle'));
      assert.equal(recallMails(`a-${dialect}@example.com`).length, 1);
      assert.match(recallMails(`a-${dialect}@example.com`)[0]!.text, new RegExp(a.number));
      assert.equal(recallMails(`b-${dialect}@example.com`).length, 1);
      assert.equal(
        recallMails(`c-${dialect}@example.com`).length + recallMails(`d-${dialect}@example.com`).length,
        0,
      );

      await api('POST', `/risk/incidents/${incident.id}/log`, { text: 'Supplier informed by phone' });
      const closed = await api('POST', `/risk/incidents/${incident.id}/close`, {
        review: 'Inspect lids on receipt of every batch.',
      });
      assert.equal(closed.status, 'closed');
      assert.deepEqual(
        closed.log.map((l: Json) => l.kind),
        ['declared', 'action_hold', 'action_notify', 'communication', 'closed'],
      );
      const lessons = await api('GET', '/risk/lessons');
      assert.deepEqual(
        lessons.items.map((l: Json) => l.text),
        ['Inspect lids on receipt of every batch.'],
      );
      // The knowledge base keeps the review as a lesson, once however often the event arrives.
      await t.current.app.dispatcher.drain();
      await t.current.app.dispatcher.drain();
      const articles = await api('GET', '/knowledge?kind=lesson&q=Inspect%20lids');
      assert.deepEqual(
        articles.items.map((a: Json) => [a.title.en, a.source]),
        [['Lesson: Kettle lid batch 2611', { type: 'incident', ref: incident.id }]],
      );
    });

    it('rejects bad input with the field named and writes nothing', async () => {
      const response = await t.current.request({
        method: 'POST',
        url: '/api/v1/risk/monitors',
        payload: {
          name: 'x',
          metric: 'hold_rate',
          windowMinutes: 60,
          minVolume: 1,
          warning: 0.6,
          critical: 0.5,
        },
      });
      assert.equal(response.statusCode, 400);
      assert.equal(response.json().error.details.field, 'critical');
      const forbidden = await t.current.request({
        method: 'POST',
        url: '/api/v1/risk/drills',
        payload: { caseType: 'damaged' },
        role: 'warehouse',
      });
      assert.equal(forbidden.statusCode, 403);
    });
  });
}
