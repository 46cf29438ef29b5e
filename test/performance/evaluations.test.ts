import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixedClock } from '../../src/platform/clock.ts';
import { useTestApp } from '../helpers/app.ts';
import { testDialects } from '../helpers/db.ts';
import { newOrderInput } from '../helpers/factories.ts';
import { signedInAs } from '../helpers/people.ts';

// biome-ignore lint/suspicious/noExplicitAny: response bodies are read field by field in assertions.
type Json = any;

const window = { from: '2026-11-20T00:00:00Z', to: '2026-11-21T00:00:00Z' };

// Three order processors: ana releases two held orders, ben one, cai none. The period weighs
// their figures; editing the weights re-scores them.
for (const dialect of testDialects) {
  describe(`evaluations on ${dialect}`, () => {
    const clock = fixedClock('2026-11-20T09:00:00Z');
    const t = useTestApp(dialect, { clock });
    const api = async (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object, role = 'admin') => {
      const response = await t.current.request({ method, url: `/api/v1${url}`, payload, role });
      return { status: response.statusCode, body: response.json() as Json };
    };
    const scores = (result: Json) => result.ranking.map((r: Json) => [r.person, r.score, r.rank]);

    it('scores a period from editable weights, ranks, reviews and keeps each person’s history', async () => {
      await api('POST', '/skus', { code: 'TEA-1', name: 'Tea', price: '10.00' });
      const ana = await signedInAs(t.current, 'ana', 'order_processor');
      const ben = await signedInAs(t.current, 'ben', 'order_processor');
      await signedInAs(t.current, 'cai', 'order_processor');
      for (const [i, person] of [ana, ana, ben].entries()) {
        const order = await api(
          'POST',
          '/orders',
          newOrderInput({
            externalId: `eval-${dialect}-${i}`,
            lines: [{ sku: 'TEA-1', quantity: 1, unitPrice: '10.00' }],
          }),
        );
        assert.equal(order.status, 201, JSON.stringify(order.body));
        const released = await person({
          method: 'POST',
          url: `/api/v1/orders/${order.body.id}/holds/release`,
          payload: { codes: ['TOTAL_MISMATCH'], note: 'checked' },
        });
        assert.equal(released.statusCode, 200, released.body);
      }

      const created = await api('POST', '/evaluations', {
        name: 'November',
        role: 'order_processor',
        ...window,
        weights: [{ figure: 'ordersReviewed', weight: 100 }],
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const id = created.body.id;
      const first = await api('GET', `/evaluations/${id}`);
      assert.deepEqual(scores(first.body), [
        ['ana', 100, 1],
        ['ben', 50, 2],
        ['cai', 0, 3],
      ]);
      // The figure is one click from the audit entries behind it.
      const anaRow = first.body.ranking[0];
      assert.equal(anaRow.figures.ordersReviewed, 2);
      assert.equal(anaRow.figures.sources.reviews.length, 2);

      // Weights that do not sum to 100 are refused, naming the field; nothing changes.
      const bad = await api('PUT', `/evaluations/${id}/weights`, {
        weights: [
          { figure: 'ordersReviewed', weight: 50 },
          { figure: 'shortUnits', weight: 40 },
        ],
      });
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.details.field, 'weights');
      assert.deepEqual(scores((await api('GET', `/evaluations/${id}`)).body)[0], ['ana', 100, 1]);

      // Half the weight on short units, where nobody is short: everyone gets those 50 points.
      const edited = await api('PUT', `/evaluations/${id}/weights`, {
        weights: [
          { figure: 'ordersReviewed', weight: 50 },
          { figure: 'shortUnits', weight: 50 },
        ],
      });
      assert.equal(edited.status, 200, JSON.stringify(edited.body));
      assert.deepEqual(scores((await api('GET', `/evaluations/${id}`)).body), [
        ['ana', 100, 1],
        ['ben', 75, 2],
        ['cai', 50, 3],
      ]);

      const reviewed = await api('PUT', `/evaluations/${id}/reviews/ana`, {
        comment: 'Fast and careful',
        bonusPoints: 200,
        recognition: 'Reviewer of the month',
      });
      assert.equal(reviewed.status, 200, JSON.stringify(reviewed.body));
      const outsider = await api('PUT', `/evaluations/${id}/reviews/nobody`, { comment: 'x' });
      assert.equal(outsider.status, 400);
      assert.equal(outsider.body.error.details.field, 'person');

      const history = await api('GET', '/evaluations/people/ana');
      assert.equal(history.status, 200, JSON.stringify(history.body));
      assert.equal(history.body.evaluations.length, 1);
      assert.equal(history.body.evaluations[0].rank, 1);
      assert.equal(history.body.evaluations[0].of, 3);
      assert.equal(history.body.evaluations[0].review.bonusPoints, 200);
      assert.equal(history.body.evaluations[0].review.recognition, 'Reviewer of the month');

      assert.equal((await api('GET', `/evaluations/${id}`, undefined, 'warehouse')).status, 403);
      const unknownRole = await api('POST', '/evaluations', {
        name: 'x',
        role: 'king',
        ...window,
        weights: [{ figure: 'ordersReviewed', weight: 100 }],
      });
      assert.equal(unknownRole.status, 422);
      assert.equal((await api('GET', '/evaluations')).body.items.length, 1);
    });

    it('weighs review time, wrong releases and reviews per shift hour, with no rate guessed without a shift', async () => {
      // ana worked 8 hours (2 reviews), ben 2 hours (1 review); cai has no shift, so no rate.
      for (const [person, end] of [
        ['ana', '18:00'],
        ['ben', '12:00'],
      ] as const) {
        const recorded = await api('POST', '/performance/shifts', {
          person,
          date: '2026-11-20',
          start: '10:00',
          end,
        });
        assert.equal(recorded.status, 201, JSON.stringify(recorded.body));
      }
      const created = await api('POST', '/evaluations', {
        name: 'November by the hour',
        role: 'order_processor',
        ...window,
        weights: [
          { figure: 'reviewsPerHour', weight: 50 },
          { figure: 'reviewMinutes', weight: 30 },
          { figure: 'holdsReleasedWrongly', weight: 20 },
        ],
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const result = (await api('GET', `/evaluations/${created.body.id}`)).body;
      // ben 0.5/h → 50; ana 0.25/h → 25; both decided at once (0 minutes, the fewest) → 30; nobody
      // released wrongly → 20 each. cai reviewed nothing: no rate, no review time → 0 + 0 + 20.
      assert.deepEqual(scores(result), [
        ['ben', 100, 1],
        ['ana', 75, 2],
        ['cai', 20, 3],
      ]);
      const byPerson = new Map(result.ranking.map((r: Json) => [r.person, r]));
      const ana: Json = byPerson.get('ana');
      assert.deepEqual(
        ana.parts.map((p: Json) => [p.figure, p.value, p.points]),
        [
          ['reviewsPerHour', 0.25, 50],
          ['reviewMinutes', 0, 100],
          ['holdsReleasedWrongly', 0, 100],
        ],
      );
      assert.equal(ana.figures.hoursWorked, 8);
      assert.equal(ana.figures.sources.shifts.length, 1);
      const cai: Json = byPerson.get('cai');
      assert.deepEqual(
        cai.parts.map((p: Json) => [p.figure, p.value, p.points]),
        [
          ['reviewsPerHour', null, 0],
          ['reviewMinutes', null, 0],
          ['holdsReleasedWrongly', 0, 100],
        ],
      );
      const unknown = await api('PUT', `/evaluations/${created.body.id}/weights`, {
        weights: [{ figure: 'hoursWorked', weight: 100 }],
      });
      assert.equal(unknown.status, 400);
    });

    it('tracks an improvement plan to its review date and flags it overdue', async () => {
      const periods = (await api('GET', '/evaluations')).body.items;
      const pastDay = await api('POST', '/improvement-plans', {
        person: 'cai',
        goals: ['Review 20 held orders a day'],
        coach: 'ana',
        reviewOn: '2026-11-19',
      });
      assert.equal(pastDay.status, 400);
      assert.equal(pastDay.body.error.details.field, 'reviewOn');
      const noCoach = await api('POST', '/improvement-plans', {
        person: 'cai',
        goals: ['Review 20 held orders a day'],
        coach: 'nobody',
        reviewOn: '2026-11-27',
      });
      assert.equal(noCoach.body.error.details.field, 'coach');

      const created = await api('POST', '/improvement-plans', {
        person: 'cai',
        periodId: periods[0].id,
        goals: ['Review 20 held orders a day', 'Shadow ana for a week'],
        coach: 'ana',
        reviewOn: '2026-11-27',
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      assert.equal(created.body.isOverdue, false);

      clock.set('2026-11-27T18:00:00Z');
      const onTheDay = await api('GET', '/improvement-plans?person=cai');
      assert.equal(onTheDay.body.items[0].isOverdue, false);
      clock.set('2026-11-28T08:00:00Z');
      const late = await api('GET', '/improvement-plans?person=cai');
      assert.deepEqual(
        late.body.items.map((p: Json) => [p.status, p.isOverdue]),
        [['open', true]],
      );
      const inPeriod = await api('GET', `/evaluations/${periods[0].id}`);
      assert.equal(inPeriod.body.plans[0].isOverdue, true);

      const closed = await api('POST', `/improvement-plans/${created.body.id}/close`, {
        status: 'met',
        outcome: 'Reviews 25 a day now',
      });
      assert.equal(closed.status, 200, JSON.stringify(closed.body));
      assert.deepEqual([closed.body.status, closed.body.isOverdue], ['met', false]);
      const again = await api('POST', `/improvement-plans/${created.body.id}/close`, {
        status: 'not_met',
        outcome: 'x',
      });
      assert.equal(again.status, 409);
      const history = await api('GET', '/evaluations/people/cai');
      assert.equal(history.body.plans[0].status, 'met');
    });
  });
}
