import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixedClock } from '../../src/platform/clock.ts';
import { useTestApp } from '../helpers/app.ts';
import { testDialects } from '../helpers/db.ts';
import { newOrderInput } from '../helpers/factories.ts';
import { startMailCatcher } from '../helpers/smtp.ts';

// biome-ignore lint/suspicious/noExplicitAny: response bodies are read field by field in assertions.
type Json = any;

const smtp = await startMailCatcher();
after(() => smtp.close());

// A generated day of work (20 Nov 2026, the shop in Shanghai, UTC+8), done through the API by
// five people (API keys named "test <role>"). Every figure is then compared with a count made by
// hand from the steps below.
for (const dialect of testDialects) {
  describe(`a day of work counted per person on ${dialect}`, () => {
    const clock = fixedClock('2026-11-20T01:00:00Z');
    const t = useTestApp(dialect, { clock, env: { SMTP_URL: smtp.url } });
    const api = async (method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object, role = 'admin') => {
      const response = await t.current.request({ method, url: `/api/v1${url}`, payload, role });
      return { status: response.statusCode, body: (response.body ? response.json() : null) as Json };
    };
    const at = (time: string) => clock.set(`2026-11-20T${time}:00Z`);
    const email = `day-${dialect}@example.com`;
    const day = 'from=2026-11-19T16:00:00Z&to=2026-11-20T16:00:00Z';
    const ids: Record<string, string> = {};

    async function newHeldOrder(name: string, sku: string, quantity: number) {
      const order = await api(
        'POST',
        '/orders',
        newOrderInput({
          externalId: `day-${name}-${dialect}`,
          lines: [{ sku, quantity, unitPrice: '10.00' }],
        }),
      );
      assert.equal(order.status, 201, JSON.stringify(order.body));
      assert.equal(order.body.status, 'pending_review');
      ids[name] = order.body.id;
      return order.body;
    }

    async function release(name: string, role: string) {
      const released = await api(
        'POST',
        `/orders/${ids[name]}/holds/release`,
        { codes: ['TOTAL_MISMATCH'] },
        role,
      );
      assert.equal(released.status, 200, JSON.stringify(released.body));
    }

    before(async () => {
      for (const code of ['TEA-1', 'COF-1']) {
        assert.equal((await api('POST', '/skus', { code, name: code, price: '10.00' })).status, 201);
        await api('POST', '/inventory/adjustments', {
          sku: code,
          warehouse: 'main',
          delta: 10,
          reason: 'stock',
        });
      }
      // 09:00 local: three orders arrive, each held (their totals differ from their lines).
      const a = await newHeldOrder('a', 'TEA-1', 2);
      const b = await newHeldOrder('b', 'COF-1', 1);
      await newHeldOrder('c', 'TEA-1', 1);
      // The processor releases A after 20 minutes and B after 40; the admin releases C after 60,
      // and cancels it ten minutes later: a release gone wrong.
      at('01:20');
      await release('a', 'order_processor');
      at('01:40');
      await release('b', 'order_processor');
      at('02:00');
      await release('c', 'admin');
      at('02:10');
      assert.equal(
        (await api('POST', `/orders/${ids.c}/cancel`, { reason: 'customer changed mind' })).status,
        200,
      );
      // Picking: the warehouse picks tea in two scans (one line, two units), the admin coffee.
      at('02:30');
      await t.current.app.orders.allocation.allocateApproved();
      const wave = await api('POST', '/waves', { warehouse: 'main' });
      assert.equal(wave.status, 201, JSON.stringify(wave.body));
      await api('POST', `/waves/${wave.body.id}/picks`, { sku: 'TEA-1', quantity: 1 }, 'warehouse');
      await api('POST', `/waves/${wave.body.id}/picks`, { sku: 'TEA-1', quantity: 1 }, 'warehouse');
      assert.equal(
        (await api('POST', `/waves/${wave.body.id}/picks`, { sku: 'COF-1', quantity: 1 })).status,
        200,
      );
      // Packing A finds coffee in the tote instead of tea, twice: one pick error, the tea picker's.
      at('03:00');
      for (let attempt = 0; attempt < 2; attempt += 1) {
        const wrong = await api(
          'POST',
          `/orders/${a.id}/pack`,
          { scans: ['TEA-1', 'COF-1'], weightGrams: 500 },
          'logistics',
        );
        assert.equal(wrong.status, 409, JSON.stringify(wrong.body));
        assert.equal(wrong.body.error.code, 'PACK_MISMATCH');
      }
      for (const [order, scans] of [
        [a.id, ['TEA-1', 'TEA-1']],
        [b.id, ['COF-1']],
      ] as const) {
        const packed = await api('POST', `/orders/${order}/pack`, { scans, weightGrams: 500 }, 'logistics');
        assert.equal(packed.status, 200, JSON.stringify(packed.body));
      }
      // 12:00 local: A's customer finds an item missing (a pack error, the packer's); service
      // resolves it within its deadline and the customer rates it 4.
      at('04:00');
      const missing = await api(
        'POST',
        '/complaints',
        {
          category: 'missing_item',
          subject: 'One tea short',
          message: 'Only one tin.',
          orderNumber: a.number,
          customerEmail: email,
        },
        'customer_service',
      );
      assert.equal(missing.status, 201, JSON.stringify(missing.body));
      ids.missing = missing.body.id;
      at('05:00');
      const resolved = await api(
        'POST',
        `/complaints/${missing.body.id}/resolve`,
        { kind: 'reship', note: 'We sent the second tin.' },
        'customer_service',
      );
      assert.equal(resolved.status, 200, JSON.stringify(resolved.body));
      // The resolution mail leaves through the outbox: the worker's pass sends it.
      await t.current.app.dispatcher.drain();
      const mail = smtp.mails.find((m) => m.to.includes(email) && m.text.includes('/rate/'));
      const token = /\/rate\/([A-Za-z0-9_.-]+)/.exec(mail?.text ?? '')?.[1];
      assert.ok(token, 'the rating link reached the customer');
      const rated = await t.current.server.inject({
        method: 'POST',
        url: `/api/v1/public/complaint-ratings/${token}`,
        payload: { rating: 4 },
      });
      assert.equal(rated.statusCode, 200, rated.body);
      // B's customer complains about the order itself ('other'): B's release counts as wrong.
      at('05:30');
      const other = await api(
        'POST',
        '/complaints',
        {
          category: 'other',
          subject: 'Not what I ordered',
          message: 'I wanted to cancel.',
          orderNumber: b.number,
        },
        'customer_service',
      );
      assert.equal(other.status, 201, JSON.stringify(other.body));
      // Shifts: the warehouse 09:00–17:00 with an hour's break (7 h), logistics 09:00–13:00 (4 h).
      for (const body of [
        { person: 'test warehouse', date: '2026-11-20', start: '09:00', end: '17:00', breakMinutes: 60 },
        { person: 'test logistics', date: '2026-11-20', start: '09:00', end: '13:00' },
      ]) {
        const recorded = await api('POST', '/performance/shifts', body);
        assert.equal(recorded.status, 201, JSON.stringify(recorded.body));
      }
    });

    it('gives every figure as counted by hand, with the records behind it', async () => {
      const { status, body } = await api('GET', `/performance/people?${day}`);
      assert.equal(status, 200, JSON.stringify(body));
      const by = Object.fromEntries(body.items.map((f: Json) => [f.person, f]));
      const pick = (person: string, keys: string[]) =>
        Object.fromEntries(keys.map((k) => [k, by[person]?.[k]]));
      assert.deepEqual(
        pick('test order_processor', [
          'ordersReviewed',
          'reviewMinutes',
          'holdsReleasedWrongly',
          'hoursWorked',
          'reviewsPerHour',
        ]),
        {
          ordersReviewed: 2,
          reviewMinutes: 30,
          holdsReleasedWrongly: 1,
          hoursWorked: null,
          reviewsPerHour: null,
        },
      );
      assert.deepEqual(
        pick('test admin', [
          'ordersReviewed',
          'reviewMinutes',
          'holdsReleasedWrongly',
          'pickLines',
          'pickErrors',
        ]),
        {
          ordersReviewed: 1,
          reviewMinutes: 60,
          holdsReleasedWrongly: 1,
          pickLines: 1,
          pickErrors: 0,
        },
      );
      assert.deepEqual(
        pick('test warehouse', ['pickLines', 'pickedUnits', 'pickErrors', 'hoursWorked', 'picksPerHour']),
        {
          pickLines: 1,
          pickedUnits: 2,
          pickErrors: 1,
          hoursWorked: 7,
          picksPerHour: 0.14,
        },
      );
      assert.deepEqual(
        pick('test logistics', ['parcelsPacked', 'packErrors', 'hoursWorked', 'packsPerHour']),
        {
          parcelsPacked: 2,
          packErrors: 1,
          hoursWorked: 4,
          packsPerHour: 0.5,
        },
      );
      assert.deepEqual(
        pick('test customer_service', ['complaintsHandled', 'complaintsWithinSla', 'averageRating']),
        {
          complaintsHandled: 1,
          complaintsWithinSla: 1,
          averageRating: 4,
        },
      );
      // The data behind the figures: the pick error is the audit entry of the mismatch at packing.
      const [mismatch] = by['test warehouse'].sources.pickErrors;
      const entry = (await api('GET', `/audit-log?action=order.pack_mismatch`)).body.items;
      assert.deepEqual(
        entry.map((e: Json) => e.details.pickers),
        [['test warehouse'], ['test warehouse']],
      );
      assert.ok(entry.some((e: Json) => e.id === mismatch));
      assert.deepEqual(by['test logistics'].sources.packErrors, [ids.missing]);
      assert.deepEqual(by['test customer_service'].sources.complaints, [ids.missing]);
      assert.equal(by['test order_processor'].sources.wrongReleases.length, 1);
    });

    it("groups by the shop's days and tells today's window in the shop's zone", async () => {
      const series = await api('GET', `/performance/series?${day}&by=day`);
      assert.equal(series.status, 200, JSON.stringify(series.body));
      assert.equal(series.body.timeZone, 'Asia/Shanghai');
      assert.deepEqual(
        series.body.periods.map((p: Json) => [p.period, p.from, p.items.length]),
        [['2026-11-20', '2026-11-19T16:00:00.000Z', 5]],
      );
      const month = await api(
        'GET',
        '/performance/series?from=2026-10-31T16:00:00Z&to=2026-12-31T16:00:00Z&by=month',
      );
      assert.deepEqual(
        month.body.periods.map((p: Json) => [
          p.period,
          p.items.find((f: Json) => f.person === 'test warehouse')?.pickLines ?? 0,
        ]),
        [
          ['2026-11-01', 1],
          ['2026-12-01', 0],
        ],
      );
      const today = await api('GET', '/performance/today', undefined, 'warehouse');
      assert.deepEqual(today.body, {
        timeZone: 'Asia/Shanghai',
        date: '2026-11-20',
        from: '2026-11-19T16:00:00.000Z',
        to: '2026-11-20T16:00:00.000Z',
      });
      assert.equal((await api('GET', `/performance/series?${day}&by=year`)).status, 400);
      assert.equal(
        (await api('GET', `/performance/series?${day}&by=day`, undefined, 'warehouse')).status,
        403,
      );
    });

    it('refuses a shift that ends before it starts or a break as long as the shift, writing nothing', async () => {
      const before = (await api('GET', `/performance/shifts?${day}`)).body.items.length;
      const backwards = await api('POST', '/performance/shifts', {
        person: 'test admin',
        date: '2026-11-20',
        start: '17:00',
        end: '09:00',
      });
      assert.equal(backwards.status, 400);
      assert.equal(backwards.body.error.code, 'VALIDATION_FAILED');
      assert.equal(backwards.body.error.details.field, 'end');
      const longBreak = await api('POST', '/performance/shifts', {
        person: 'test admin',
        date: '2026-11-20',
        start: '09:00',
        end: '10:00',
        breakMinutes: 60,
      });
      assert.equal(longBreak.body.error.details.field, 'breakMinutes');
      const operator = await api(
        'POST',
        '/performance/shifts',
        { person: 'x', date: '2026-11-20', start: '09:00', end: '10:00' },
        'warehouse',
      );
      assert.equal(operator.status, 403);
      assert.equal((await api('GET', `/performance/shifts?${day}`)).body.items.length, before);
      // Recording a day again corrects it; deleting removes it.
      const corrected = await api('POST', '/performance/shifts', {
        person: 'test logistics',
        date: '2026-11-20',
        start: '09:00',
        end: '14:00',
      });
      assert.equal(corrected.body.hours, 5);
      assert.equal(
        (await api('GET', `/performance/shifts?${day}&person=test%20logistics`)).body.items.length,
        1,
      );
      assert.equal((await api('DELETE', `/performance/shifts/${corrected.body.id}`)).status, 204);
      assert.equal((await api('DELETE', `/performance/shifts/${corrected.body.id}`)).status, 404);
    });
  });
}
