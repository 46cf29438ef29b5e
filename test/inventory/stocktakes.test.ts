import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { renderExplanation } from '../../src/contracts/explanations.ts';
import { fixedClock } from '../../src/platform/clock.ts';
import { useTestApp } from '../helpers/app.ts';
import { testDialects } from '../helpers/db.ts';
import { newOrderInput, newSkuInput, newWarehouse, stockUp } from '../helpers/factories.ts';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH';
type Line = {
  sku: string;
  counted: number | null;
  note: string | null;
  expected: number | null;
  variance: number | null;
  varianceValue: string | null;
};
type Stocktake = {
  id: string;
  number: string;
  warehouse: string;
  kind: string;
  classes: string[] | null;
  status: string;
  varianceValue: string | null;
  lines: Line[];
};
const dayMs = 24 * 60 * 60 * 1000;

for (const dialect of testDialects) {
  describe(`stocktakes on ${dialect}`, () => {
    const clock = fixedClock('2026-11-20T09:00:00Z');
    const t = useTestApp(dialect, { clock });
    // Ids are time-ordered: a fixed clock must still move on, or a long run wraps their counter.
    beforeEach(() => clock.advance(1000));
    const api = (method: Method, url: string, payload?: object, role = 'admin') =>
      t.current.request({ method, url: `/api/v1${url}`, payload, role });
    const ok = async (method: Method, url: string, payload?: object) => {
      const response = await api(method, url, payload);
      assert.ok(response.statusCode < 300, `${method} ${url}: ${response.statusCode} ${response.body}`);
      return response.json();
    };
    const stock = (sku: string, delta: number, warehouse = 'main') =>
      stockUp(t.current.app, { sku, warehouse, delta, reason: 'opening stock' });
    const onHand = async (sku: string, warehouse = 'main') =>
      (await ok('GET', `/inventory/levels?sku=${sku}&warehouse=${warehouse}`)).items[0].onHand;
    const sheet = async (id: string): Promise<Stocktake> => ok('GET', `/stocktakes/${id}`);
    const byCode = (take: Stocktake) => Object.fromEntries(take.lines.map((l) => [l.sku, l]));
    let full: Stocktake;

    it('counts blind: the sheet hides the book figures while counting', async () => {
      for (const [code, unitCost] of [
        ['ST-A', '12.50'],
        ['ST-B', '8.00'],
        ['ST-C', '3.00'],
      ]) {
        await ok('POST', '/skus', newSkuInput({ code, price: '20.00' }));
        await ok('PATCH', `/inventory/skus/${code}`, { unitCost });
      }
      await stock('ST-A', 10);
      await stock('ST-B', 5);
      await stock('ST-C', 7);
      const created = await api('POST', '/stocktakes', { warehouse: 'main', kind: 'full' }, 'warehouse');
      assert.equal(created.statusCode, 201);
      full = created.json();
      assert.equal(full.status, 'counting');
      assert.deepEqual(
        full.lines.map((l) => l.sku),
        ['ST-A', 'ST-B', 'ST-C'],
      );
      const shown = await sheet(full.id);
      assert.equal(shown.varianceValue, null);
      for (const line of shown.lines) {
        assert.deepEqual([line.expected, line.variance, line.varianceValue], [null, null, null], line.sku);
      }
    });

    it('refuses counts for a SKU not on the sheet and saves none of the request', async () => {
      const response = await api('PUT', `/stocktakes/${full.id}/counts`, {
        counts: [
          { sku: 'ST-A', counted: 9 },
          { sku: 'NOPE', counted: 1 },
        ],
      });
      assert.equal(response.statusCode, 400);
      assert.equal(response.json().error.details.field, 'counts.1.sku');
      assert.equal(byCode(await sheet(full.id))['ST-A'].counted, null);
    });

    it('imports counts from CSV, keeping good lines and reporting bad ones by line number', async () => {
      const response = await t.current.request({
        method: 'POST',
        url: `/api/v1/stocktakes/${full.id}/counts/import`,
        headers: { 'content-type': 'text/csv' },
        payload: 'sku,counted\nST-A,9\nNOPE,3\nST-B,-1\n',
        role: 'warehouse',
      });
      assert.equal(response.statusCode, 200, response.body);
      const result = response.json();
      assert.equal(result.counted, 1);
      assert.deepEqual(
        result.rejected.map((r: { line: number; sku: string }) => [r.line, r.sku]),
        [
          [3, 'NOPE'],
          [4, 'ST-B'],
        ],
      );
      const lines = byCode(await sheet(full.id));
      assert.deepEqual(
        [lines['ST-A'].counted, lines['ST-B'].counted, lines['ST-C'].counted],
        [9, null, null],
      );
    });

    it('will not submit with lines uncounted', async () => {
      const response = await api('POST', `/stocktakes/${full.id}/submit`);
      assert.equal(response.statusCode, 409);
      assert.equal(response.json().error.code, 'COUNT_INCOMPLETE');
      assert.equal((await sheet(full.id)).status, 'counting');
    });

    it('shows expected, variance and its value once submitted', async () => {
      await ok('PUT', `/stocktakes/${full.id}/counts`, {
        counts: [
          { sku: 'ST-B', counted: 5 },
          { sku: 'ST-C', counted: 8 },
        ],
      });
      const review: Stocktake = await ok('POST', `/stocktakes/${full.id}/submit`);
      assert.equal(review.status, 'review');
      const lines = byCode(review);
      // A: counted 9, books 10 → −1 × 12.50 = −12.50; B: 5 = 5 → 0; C: 8 − 7 = +1 × 3.00 = 3.00.
      assert.deepEqual(
        ['ST-A', 'ST-B', 'ST-C'].map((s) => [lines[s].expected, lines[s].variance, lines[s].varianceValue]),
        [
          [10, -1, '-12.50'],
          [5, 0, '0.00'],
          [7, 1, '3.00'],
        ],
      );
      assert.equal(review.varianceValue, '-9.50', '−12.50 + 0 + 3.00');
      const noted: Stocktake = await ok('PUT', `/stocktakes/${full.id}/lines/ST-A/note`, {
        note: 'one carton crushed, written off',
      });
      assert.equal(byCode(noted)['ST-A'].note, 'one carton crushed, written off');
    });

    it('posts the variances to the ledger on approval, once', async () => {
      const byWarehouse = await api('POST', `/stocktakes/${full.id}/approve`, undefined, 'warehouse');
      assert.equal(byWarehouse.statusCode, 403);
      assert.equal(await onHand('ST-A'), 10, 'nothing posted by the refused approval');
      const approved: Stocktake = await ok('POST', `/stocktakes/${full.id}/approve`);
      assert.equal(approved.status, 'approved');
      assert.deepEqual([await onHand('ST-A'), await onHand('ST-B'), await onHand('ST-C')], [9, 5, 8]);
      const { items } = await ok('GET', '/inventory/movements?kind=count_variance');
      assert.deepEqual(
        items
          .map((m: Record<string, unknown>) => [m.sku, m.onHandDelta, m.referenceType, m.referenceId])
          .sort(),
        [
          ['ST-A', -1, 'stocktake', full.number],
          ['ST-C', 1, 'stocktake', full.number],
        ],
      );
      // The reason Ordo wrote reads in either language: English text and the key with numbers.
      const variance = items.find((m: Record<string, unknown>) => m.sku === 'ST-A');
      assert.match(variance.reason, /^count \d+, books \d+$/);
      assert.equal(variance.reasonExplanation.key, 'ledger.countVariance');
      assert.equal(renderExplanation(variance.reasonExplanation, 'en'), variance.reason);
      assert.match(renderExplanation(variance.reasonExplanation, 'zh-CN'), /^盘点 \d+，账面 \d+$/);
      const counted = await t.current.app.database.db
        .selectFrom('stock_levels')
        .select('last_counted_at')
        .where('warehouse_id', '=', 'main')
        .execute();
      assert.deepEqual(
        counted.map((l) => l.last_counted_at),
        counted.map(() => clock.now().toISOString()),
      );
      const again = await api('POST', `/stocktakes/${full.id}/approve`);
      assert.equal(again.statusCode, 409);
      assert.equal(again.json().error.code, 'INVALID_TRANSITION');
      assert.equal(await onHand('ST-A'), 9, 'the variance is posted once');
      assert.deepEqual((await ok('GET', '/inventory/check')).mismatches, []);
    });

    it('cycle-counts only the SKUs of the classes asked for', async () => {
      // Demand over the last 90 days (ending yesterday): 5 × ST-A at 12.50 = 62.50 and
      // 1 × ST-C at 3.00 = 3.00. ST-A carries 95% of the consumption value → class A; ST-C
      // has 95.4% before it → C; ST-B sold nothing → C.
      for (const [sku, quantity] of [
        ['ST-A', 5],
        ['ST-C', 1],
      ] as const) {
        const input = newOrderInput({
          lines: [{ sku, quantity, unitPrice: '20.00' }],
          total: (quantity * 20 + 10).toFixed(2),
        });
        const payment = { ...(input.payment as object), paidAmount: input.total };
        assert.equal((await ok('POST', '/orders', { ...input, payment })).status, 'approved');
      }
      assert.equal((await t.current.app.orders.allocation.allocateApproved()).allocated, 2);
      clock.advance(dayMs);
      const cycle: Stocktake = await ok('POST', '/stocktakes', {
        warehouse: 'main',
        kind: 'cycle',
        classes: ['A'],
      });
      assert.equal(cycle.kind, 'cycle');
      assert.deepEqual(cycle.classes, ['A']);
      assert.deepEqual(
        cycle.lines.map((l) => l.sku),
        ['ST-A'],
      );
      const abc = await ok('GET', '/inventory/reports/abc');
      assert.deepEqual(abc.rows.map((r: Record<string, unknown>) => [r.sku, r.class]).sort(), [
        ['ST-A', 'A'],
        ['ST-B', 'C'],
        ['ST-C', 'C'],
      ]);
    });

    it('plans the cycle counts that are due, one open count per warehouse', async () => {
      // main has an open cycle count (above) and ST-D, never counted; north was never counted.
      await ok('POST', '/skus', newSkuInput({ code: 'ST-D' }));
      await stock('ST-D', 4);
      await newWarehouse(t.current.app, { code: 'north', name: 'North' });
      await stock('ST-B', 2, 'north');
      const planned = await ok('POST', '/stocktakes/cycle-plan');
      assert.deepEqual(
        planned.items.map((s: Stocktake) => [s.warehouse, s.kind, s.status]),
        [['north', 'cycle', 'counting']],
      );
      assert.deepEqual(
        (await sheet(planned.items[0].id)).lines.map((l) => l.sku),
        ['ST-B'],
      );
      assert.deepEqual((await ok('POST', '/stocktakes/cycle-plan')).items, [], 'nothing new is due');

      const open = await ok('GET', '/stocktakes?status=counting');
      const mainCount = open.items.find((s: Stocktake) => s.warehouse === 'main');
      await ok('POST', `/stocktakes/${mainCount.id}/cancel`);
      const next = await ok('POST', '/stocktakes/cycle-plan');
      assert.deepEqual(
        next.items.map((s: Stocktake) => [s.warehouse, s.classes]),
        [['main', ['C']]],
      );
      // ST-A, B and C were counted a day ago; only ST-D is due.
      assert.deepEqual(
        (await sheet(next.items[0].id)).lines.map((l) => l.sku),
        ['ST-D'],
      );
    });

    /** A full count of a warehouse holding only `sku`, counted, submitted and approved. */
    const countAll = async (warehouse: string, sku: string, counted: number) => {
      const created = await api('POST', '/stocktakes', { warehouse, kind: 'full' });
      if (created.statusCode !== 201) return created.json().error.code;
      const id = created.json().id;
      await ok('PUT', `/stocktakes/${id}/counts`, { counts: [{ sku, counted }] });
      await ok('POST', `/stocktakes/${id}/submit`);
      return (await api('POST', `/stocktakes/${id}/approve`)).json().status ?? 'refused';
    };

    it('leaves on-hand at the counted figure when stock moved after the sheet was made', async () => {
      await newWarehouse(t.current.app, { code: 'west', name: 'West' });
      await ok('POST', '/skus', newSkuInput({ code: 'ST-E' }));
      await stock('ST-E', 10, 'west');
      const take: Stocktake = await ok('POST', '/stocktakes', { warehouse: 'west', kind: 'full' });
      // Five more arrive before anyone reaches the shelf; the counter then finds all 15.
      await stock('ST-E', 5, 'west');
      await ok('PUT', `/stocktakes/${take.id}/counts`, { counts: [{ sku: 'ST-E', counted: 15 }] });
      await ok('POST', `/stocktakes/${take.id}/submit`);
      await ok('POST', `/stocktakes/${take.id}/approve`);
      assert.equal(await onHand('ST-E', 'west'), 15, 'books agree with the shelf after the count');
    });

    it('does not post the same variance twice through two overlapping counts', async () => {
      await newWarehouse(t.current.app, { code: 'south', name: 'South' });
      await ok('POST', '/skus', newSkuInput({ code: 'ST-F' }));
      await stock('ST-F', 10, 'south');
      const first = await api('POST', '/stocktakes', { warehouse: 'south', kind: 'full' });
      assert.equal(first.statusCode, 201);
      // Either the second count is refused or its approval takes the first one into account.
      const second = await countAll('south', 'ST-F', 9);
      const firstId = first.json().id;
      await ok('PUT', `/stocktakes/${firstId}/counts`, { counts: [{ sku: 'ST-F', counted: 9 }] });
      await ok('POST', `/stocktakes/${firstId}/submit`);
      await api('POST', `/stocktakes/${firstId}/approve`);
      assert.equal(
        await onHand('ST-F', 'south'),
        9,
        `one unit is missing, not two (second count: ${second})`,
      );
    });
  });
}
