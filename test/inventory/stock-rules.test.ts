import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { fixedClock } from '../../src/platform/clock.ts';
import { useTestApp } from '../helpers/app.ts';
import { testDialects } from '../helpers/db.ts';
import { newOrderInput, newSkuInput } from '../helpers/factories.ts';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH';
type Row = Record<string, unknown>;
const dayMs = 24 * 60 * 60 * 1000;

for (const dialect of testDialects) {
  describe(`warehouses, adjustments, channel stock, alerts, planning and reports on ${dialect}`, () => {
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
    const newSku = (code: string) => ok('POST', '/skus', newSkuInput({ code, price: '20.00' }));
    const adjust = (sku: string, delta: number, warehouse = 'main', role = 'admin') =>
      api('POST', '/inventory/adjustments', { sku, warehouse, delta, reason: 'test' }, role);
    const level = async (sku: string, warehouse = 'main') =>
      (await ok('GET', `/inventory/levels?sku=${sku}&warehouse=${warehouse}`)).items[0];
    const movementsOf = async (sku: string) => (await ok('GET', `/inventory/movements?sku=${sku}`)).items;
    /** An approved order for `quantity` × `sku`, allocated right away (its stock reserved). */
    const allocatedOrder = async (sku: string, quantity: number, placedAt = '2026-11-20T08:00:00Z') => {
      const total = (quantity * 20 + 10).toFixed(2);
      const input = newOrderInput({ placedAt, lines: [{ sku, quantity, unitPrice: '20.00' }], total });
      const order = await ok('POST', '/orders', {
        ...input,
        payment: { ...(input.payment as object), paidAmount: total },
      });
      assert.equal(order.status, 'approved', JSON.stringify(order.holds));
      await t.current.app.orders.allocation.allocateApproved();
      assert.equal((await ok('GET', `/orders/${order.id}`)).status, 'allocated');
    };
    const expectError = (
      response: { statusCode: number; json(): Row },
      status: number,
      code: string,
      field?: string,
    ) => {
      const error = response.json().error as { code: string; details?: { field?: string } };
      assert.deepEqual([response.statusCode, error?.code], [status, code], JSON.stringify(error));
      if (field) assert.equal(error.details?.field, field);
    };

    it('creates and changes warehouses, refusing duplicates and bad coverage', async () => {
      const east = { code: 'east', name: 'East', coverage: ['CN/浙江省'], costPerOrder: '4.50' };
      const created = await api('POST', '/warehouses', east);
      assert.equal(created.statusCode, 201);
      assert.deepEqual([created.json().timeZone, created.json().cutOff], ['Asia/Shanghai', '16:00']);
      expectError(await api('POST', '/warehouses', east), 409, 'WAREHOUSE_CODE_TAKEN', 'code');
      const badCoverage = await api('POST', '/warehouses', {
        code: 'west',
        name: 'West',
        coverage: ['china'],
      });
      expectError(badCoverage, 400, 'VALIDATION_FAILED', 'coverage.0');
      const changed = await ok('PATCH', '/warehouses/east', { name: 'East DC', coverage: ['CN'] });
      assert.deepEqual(
        [changed.name, changed.coverage, changed.costPerOrder, changed.cutOff],
        ['East DC', ['CN'], '4.50', '16:00'],
      );
      const list = await ok('GET', '/warehouses');
      assert.deepEqual(
        list.items.map((w: Row) => w.code),
        ['east', 'main'],
      );
    });

    it('round-trips the inventory settings and names a bad field', async () => {
      const defaults = await ok('GET', '/inventory/settings');
      const changed = {
        ...defaults,
        serviceLevel: 0.98,
        reviewPeriodDays: 14,
        cycleCountDays: { A: 20, B: 60, C: 120 },
      };
      assert.deepEqual(await ok('PUT', '/inventory/settings', changed), changed);
      assert.deepEqual(await ok('GET', '/inventory/settings'), changed);
      expectError(
        await api('PUT', '/inventory/settings', { ...changed, serviceLevel: 1.5 }),
        400,
        'VALIDATION_FAILED',
        'serviceLevel',
      );
      const badCycle = { ...changed, cycleCountDays: { A: 0, B: 60, C: 120 } };
      expectError(
        await api('PUT', '/inventory/settings', badCycle),
        400,
        'VALIDATION_FAILED',
        'cycleCountDays.A',
      );
      assert.equal((await api('PUT', '/inventory/settings', defaults, 'warehouse')).statusCode, 403);
      assert.deepEqual(await ok('GET', '/inventory/settings'), changed, 'refused changes leave the settings');
      assert.deepEqual(await ok('PUT', '/inventory/settings', defaults), defaults);
    });

    it('refuses bad adjustments without touching the books', async () => {
      await newSku('ADJ-1');
      assert.equal((await adjust('ADJ-1', 10, 'main', 'warehouse')).statusCode, 201);
      await allocatedOrder('ADJ-1', 4);
      const before = { level: await level('ADJ-1'), movements: await movementsOf('ADJ-1') };
      assert.deepEqual([before.level.onHand, before.level.reserved, before.level.available], [10, 4, 6]);
      expectError(await adjust('NOPE', 1), 422, 'UNKNOWN_SKU', 'sku');
      expectError(await adjust('ADJ-1', 1, 'nowhere'), 422, 'UNKNOWN_WAREHOUSE', 'warehouse');
      expectError(await adjust('ADJ-1', 0), 400, 'VALIDATION_FAILED', 'delta');
      // On hand is 10, but 4 are promised to an order: only 6 can go.
      expectError(await adjust('ADJ-1', -7), 409, 'INSUFFICIENT_STOCK', 'delta');
      assert.equal((await adjust('ADJ-1', -1, 'main', 'finance')).statusCode, 403);
      assert.deepEqual(await level('ADJ-1'), before.level);
      assert.deepEqual(await movementsOf('ADJ-1'), before.movements);
      const down = await adjust('ADJ-1', -6, 'main', 'warehouse');
      assert.equal(down.statusCode, 201);
      assert.deepEqual([down.json().onHand, down.json().reserved, down.json().available], [4, 4, 0]);
    });

    it('transfers stock between warehouses through the ledger', async () => {
      await newSku('TR-1');
      await adjust('TR-1', 8);
      const moved = await api('POST', '/inventory/transfers', {
        sku: 'TR-1',
        from: 'main',
        to: 'east',
        quantity: 3,
      });
      assert.equal(moved.statusCode, 201);
      assert.deepEqual([moved.json().from.onHand, moved.json().to.onHand], [5, 3]);
      const transfers = (await movementsOf('TR-1')).filter((m: Row) => String(m.kind).startsWith('transfer'));
      assert.deepEqual(
        transfers.map((m: Row) => [m.kind, m.warehouse, m.onHandDelta, m.referenceId]).sort(),
        [
          ['transfer_in', 'east', 3, 'main>east'],
          ['transfer_out', 'main', -3, 'main>east'],
        ],
      );
      const tooMany = await api('POST', '/inventory/transfers', {
        sku: 'TR-1',
        from: 'main',
        to: 'east',
        quantity: 6,
      });
      expectError(tooMany, 409, 'INSUFFICIENT_STOCK', 'quantity');
      const same = await api('POST', '/inventory/transfers', {
        sku: 'TR-1',
        from: 'main',
        to: 'main',
        quantity: 1,
      });
      expectError(same, 400, 'VALIDATION_FAILED', 'to');
      assert.deepEqual([(await level('TR-1')).onHand, (await level('TR-1', 'east')).onHand], [5, 3]);
    });

    it('shows available-to-sell per channel after its default and SKU rules', async () => {
      for (const code of ['CH-A', 'CH-B', 'CH-C']) await newSku(code);
      await adjust('CH-A', 50);
      await adjust('CH-A', 30, 'east');
      await adjust('CH-B', 8);
      await adjust('CH-C', 5);
      const rule = (body: object) => ok('PUT', '/inventory/channel-rules', { channel: 'web', ...body });
      const first = await rule({ percent: 50, buffer: 4 });
      const again = await rule({ percent: 75, buffer: 4 });
      assert.equal(again.id, first.id, 'the channel default is replaced, not added');
      await rule({ sku: 'CH-A', percent: 80, buffer: 10, warehouses: ['main'] });
      await rule({ sku: 'CH-C', percent: 100, minimum: 6 });
      assert.equal((await ok('GET', '/inventory/channel-rules')).items.length, 3);
      const { items } = await ok('GET', '/inventory/channel-stock?channel=web&q=CH-');
      // CH-A: only main counts → floor((50 − 10) × 80%) = 32 of 80 available.
      // CH-B: the default → floor((8 − 4) × 75%) = 3.  CH-C: 5 offered is under the minimum 6 → 0.
      assert.deepEqual(
        items.map((s: Row) => [s.sku, s.available, s.availableToSell]),
        [
          ['CH-A', 80, 32],
          ['CH-B', 8, 3],
          ['CH-C', 5, 0],
        ],
      );
      expectError(
        await api('GET', '/inventory/channel-stock?channel=nope'),
        422,
        'UNKNOWN_CHANNEL',
        'channel',
      );
      expectError(
        await api('PUT', '/inventory/channel-rules', { channel: 'nope', percent: 10 }),
        422,
        'UNKNOWN_CHANNEL',
      );
    });

    it('raises a low-stock alert at the warning line and clears it above', async () => {
      await newSku('LOW-1');
      await adjust('LOW-1', 10);
      await ok('PUT', '/inventory/plans', {
        sku: 'LOW-1',
        warehouse: 'main',
        mode: 'manual',
        warningLine: 4,
      });
      assert.deepEqual(await ok('GET', '/inventory/alerts/count'), { open: 0 });
      await adjust('LOW-1', -6);
      const open = await ok('GET', '/inventory/alerts');
      assert.deepEqual(
        open.items.map((a: Row) => [a.sku, a.warehouse, a.available, a.warningLine, a.clearedAt]),
        [['LOW-1', 'main', 4, 4, null]],
      );
      assert.deepEqual(await ok('GET', '/inventory/alerts/count'), { open: 1 });
      assert.equal((await level('LOW-1')).isLow, true);
      const events = await t.current.app.database.db
        .selectFrom('outbox')
        .select('payload')
        .where('type', '=', 'stock.low')
        .execute();
      const payloads = events.map((e) => (typeof e.payload === 'string' ? JSON.parse(e.payload) : e.payload));
      assert.deepEqual(
        payloads.map((p) => [p.skuId, p.warehouseId, p.available, p.warningLine]),
        [[(await level('LOW-1')).skuId, 'main', 4, 4]],
      );
      await adjust('LOW-1', 1);
      assert.deepEqual(await ok('GET', '/inventory/alerts/count'), { open: 0 });
      const all = await ok('GET', '/inventory/alerts?status=all');
      assert.ok(all.items[0].clearedAt, 'the alert is closed with a time');
      assert.equal((await level('LOW-1')).isLow, false);
    });

    it('plans from demand: forecast, reorder point and the formula with its numbers', async () => {
      await newSku('PLAN-1');
      await adjust('PLAN-1', 100);
      const today = clock.now();
      // Reservations on the three days before today: 3, 5 and 4 units.
      for (const [daysAgo, quantity] of [
        [3, 3],
        [2, 5],
        [1, 4],
      ]) {
        clock.set(new Date(today.getTime() - daysAgo * dayMs));
        await allocatedOrder('PLAN-1', quantity, new Date(clock.now().getTime() - 3600_000).toISOString());
      }
      clock.set(today);
      const { planned } = await ok('POST', '/inventory/plans/recompute');
      assert.ok(planned >= 1, `planned ${planned}`);
      const view = await ok('GET', '/inventory/skus/PLAN-1');
      assert.deepEqual(
        view.demand.slice(-3).map((d: Row) => d.quantity),
        [3, 5, 4],
      );
      const main = view.levels.find((l: Row) => l.warehouse === 'main');
      const plan = main.plan;
      assert.equal(main.mode, 'computed');
      assert.ok(plan.meanDaily > 0, `mean ${plan.meanDaily}`);
      assert.equal(plan.leadTimeDays, 7, 'no supplier: the default lead time');
      assert.equal(main.warningLine, plan.reorderPoint, 'the computed reorder point is the warning line');
      for (const figure of [
        '1.645',
        plan.stdDaily.toFixed(2),
        `√${plan.leadTimeDays}`,
        `= ${plan.safetyStock}`,
        `= ${plan.reorderPoint}`,
        `${plan.meanDaily.toFixed(2)} × 7`,
        `= ${plan.targetLevel}`,
      ])
        assert.ok(plan.formula.includes(figure), `"${figure}" in ${plan.formula}`);
      assert.ok(plan.forecast.length >= 7, `forecast of ${plan.forecast.length} days`);
      assert.ok(
        plan.forecast.some((v: number) => v > 0),
        'the forecast expects some demand',
      );
    });

    it('reports the five kinds as JSON, CSV and XLSX', async () => {
      const columns: Record<string, string[]> = {
        'slow-movers': ['sku', 'name', 'warehouse', 'onHand', 'value', 'lastSaleAt', 'daysOfCover'],
        'fast-movers': ['sku', 'name', 'warehouse', 'units', 'perDay', 'available', 'daysOfCover'],
        abc: ['sku', 'name', 'warehouse', 'class', 'consumption', 'share', 'cumulativeShare'],
        turnover: ['sku', 'cogs', 'averageInventory', 'turnover'],
        stockouts: ['sku', 'name', 'warehouse', 'daysOut', 'rate', 'available'],
      };
      for (const [kind, keys] of Object.entries(columns)) {
        const json = await api('GET', `/inventory/reports/${kind}`, undefined, 'finance');
        assert.equal(json.statusCode, 200, `${kind}: ${json.body}`);
        assert.deepEqual(
          json.json().columns.map((c: Row) => c.key),
          keys,
          kind,
        );
        const csv = await api('GET', `/inventory/reports/${kind}?format=csv`);
        assert.match(String(csv.headers['content-type']), /^text\/csv/);
        assert.equal(csv.body.replace(/^\uFEFF/, '').split('\r\n')[0], keys.join(','), kind);
        const xlsx = await api('GET', `/inventory/reports/${kind}?format=xlsx`);
        assert.equal(xlsx.statusCode, 200);
        assert.equal(xlsx.rawPayload.subarray(0, 2).toString('latin1'), 'PK', `${kind} is a ZIP (xlsx)`);
      }
      const fast = await ok('GET', '/inventory/reports/fast-movers');
      const row = fast.rows.find((r: Row) => r.sku === 'PLAN-1');
      // 3 + 5 + 4 = 12 units over the default 90 days → 0.13 a day.
      assert.deepEqual([row.warehouse, row.units, row.perDay], ['main', 12, 0.13]);
      const byWarehouse = await ok('GET', '/inventory/reports/turnover?groupBy=warehouse');
      assert.equal(byWarehouse.columns[0].key, 'warehouse');
      expectError(await api('GET', '/inventory/reports/abc?days=3'), 400, 'VALIDATION_FAILED', 'days');
    });
  });
}
