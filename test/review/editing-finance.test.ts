import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixedClock } from '../../src/platform/clock.ts';
import { useTestApp } from '../helpers/app.ts';
import { testDialects } from '../helpers/db.ts';
import { newOrderInput } from '../helpers/factories.ts';

// A meeting series and knowledge articles are changed and archived (refused input writes
// nothing); finance's issue list shows the refunds issued and the settlement differences (order
// totals vs payments recorded, per channel) of the week under review.

for (const dialect of testDialects) {
  describe(`review editing and finance issues on ${dialect}`, () => {
    // Thursday 2026-11-12, 10:00 UTC.
    const clock = fixedClock('2026-11-12T10:00:00.000Z');
    const t = useTestApp(dialect, { clock });
    const api = async (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) => {
      const response = await t.current.request({ method, url, payload });
      return { status: response.statusCode, body: response.json() };
    };
    const seriesBody = {
      name: 'Weekly order meeting',
      participants: [{ name: 'Chair', email: `chair.${dialect}@example.com`, department: 'operations' }],
      weekday: 1,
      startTime: '10:00',
      timeZone: 'UTC',
    };

    it('changes and archives a meeting series', async () => {
      const created = await api('POST', '/api/v1/meeting-series', seriesBody);
      const id = created.body.id;
      const bad = await api('PUT', `/api/v1/meeting-series/${id}`, { ...seriesBody, startTime: '24:30' });
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.details.field, 'startTime');
      const kind = await api('PUT', `/api/v1/meeting-series/${id}`, { ...seriesBody, kind: 'sharing' });
      assert.equal(kind.status, 409);
      assert.equal(kind.body.error.details.field, 'kind');
      assert.equal((await api('GET', '/api/v1/meeting-series')).body.items[0].startTime, '10:00');

      const changed = await api('PUT', `/api/v1/meeting-series/${id}`, {
        ...seriesBody,
        name: 'Monday order meeting',
        startTime: '09:30',
        participants: [
          ...seriesBody.participants,
          { name: 'Zhou Finance', email: `finance.${dialect}@example.com`, department: 'finance' },
        ],
        onlineLink: 'https://meet.example.com/monday',
      });
      assert.equal(changed.status, 200, JSON.stringify(changed.body));
      assert.deepEqual(
        [
          changed.body.name,
          changed.body.startTime,
          changed.body.participants.length,
          changed.body.onlineLink,
        ],
        ['Monday order meeting', '09:30', 2, 'https://meet.example.com/monday'],
      );
      assert.equal((await api('PUT', '/api/v1/meeting-series/nope', seriesBody)).status, 404);

      const archived = await api('POST', `/api/v1/meeting-series/${id}/archive`);
      assert.equal(archived.status, 200);
      assert.equal(archived.body.archivedAt, '2026-11-12T10:00:00.000Z');
      // An archived series prepares no meetings, by hand or on Friday, and is not changed.
      assert.equal((await api('POST', `/api/v1/meeting-series/${id}/prepare`)).status, 409);
      clock.set('2026-11-13T10:00:00.000Z');
      assert.deepEqual((await t.current.app.review.runScheduled()).prepared, []);
      assert.equal((await api('PUT', `/api/v1/meeting-series/${id}`, seriesBody)).status, 409);
      clock.set('2026-11-12T10:00:00.000Z');
    });

    it('changes and archives a knowledge article', async () => {
      const article = {
        kind: 'howto',
        title: { en: 'Lost parcel', zh: '包裹丢失' },
        body: { en: 'Claim within 7 days.', zh: '7 天内索赔。' },
      };
      const created = await api('POST', '/api/v1/knowledge', article);
      const id = created.body.id;
      const bad = await api('PUT', `/api/v1/knowledge/${id}`, { ...article, title: { en: '', zh: '包裹' } });
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.details.field, 'title.en');
      assert.equal((await api('GET', '/api/v1/knowledge?q=Lost')).body.items[0].title.en, 'Lost parcel');

      clock.advance(60_000);
      const changed = await api('PUT', `/api/v1/knowledge/${id}`, {
        ...article,
        body: { en: 'Claim within 5 days.', zh: '5 天内索赔。' },
      });
      assert.equal(changed.status, 200, JSON.stringify(changed.body));
      assert.deepEqual(
        [changed.body.body.zh, changed.body.updatedAt],
        ['5 天内索赔。', '2026-11-12T10:01:00.000Z'],
      );
      assert.equal(
        (await api('GET', `/api/v1/knowledge?q=${encodeURIComponent('5 天')}`)).body.items.length,
        1,
      );

      assert.equal((await api('POST', `/api/v1/knowledge/${id}/archive`)).status, 200);
      assert.equal((await api('GET', '/api/v1/knowledge?q=Lost')).body.items.length, 0);
      assert.equal((await api('PUT', `/api/v1/knowledge/${id}`, article)).status, 409);
      assert.equal((await api('POST', '/api/v1/knowledge/nope/archive')).status, 404);
    });

    it("lists the week's refunds and settlement differences for finance", async () => {
      await api('POST', '/api/v1/skus', { code: 'TEE-RED-M', name: 'Tee', price: '59.90' });
      // Two orders this week: one paid in full, one paid short (100.00 of 129.80).
      const full = await api('POST', '/api/v1/orders', newOrderInput({ placedAt: '2026-11-11T08:00:00Z' }));
      assert.equal(full.status, 201, JSON.stringify(full.body));
      const short = await api(
        'POST',
        '/api/v1/orders',
        newOrderInput({
          placedAt: '2026-11-11T09:00:00Z',
          payment: { status: 'paid', method: 'alipay', paidAmount: '100.00', paidAt: '2026-11-11T09:00:30Z' },
        }),
      );
      assert.equal(short.status, 201, JSON.stringify(short.body));
      // A complaint resolved with a refund of 20.00.
      const complaint = await api('POST', '/api/v1/complaints', {
        category: 'damaged',
        subject: 'Torn tee',
        message: 'The tee arrived torn',
        orderNumber: full.body.number,
      });
      assert.equal(complaint.status, 201, JSON.stringify(complaint.body));
      const resolved = await api('POST', `/api/v1/complaints/${complaint.body.id}/resolve`, {
        kind: 'refund',
        cost: '20.00',
        note: 'Refunded part of the price',
      });
      assert.equal(resolved.status, 200, JSON.stringify(resolved.body));

      // The meeting on Monday 2026-11-16 reviews the week 2026-11-09 .. 2026-11-16.
      const series = await api('POST', '/api/v1/meeting-series', seriesBody);
      const meeting = await api('POST', `/api/v1/meeting-series/${series.body.id}/prepare`);
      assert.equal(meeting.status, 200, JSON.stringify(meeting.body));
      const finance = meeting.body.issues
        .filter((i: { department: string }) => i.department === 'finance')
        .map((i: { title: string }) => i.title)
        .sort();
      assert.ok(finance.includes('1 refunds on web: 20.00 CNY'), JSON.stringify(finance));
      assert.ok(
        finance.includes('Settlement difference on web: paid 229.80 vs expected 259.60 CNY'),
        JSON.stringify(finance),
      );
    });
  });
}
