import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { sql } from 'kysely';
import { periodSummary } from '../../src/modules/insights/kpis/period.ts';
import { splitPeriod } from '../../src/modules/insights/kpis/rollups.ts';
import { fixedClock } from '../../src/platform/clock.ts';
import { useTestApp } from '../helpers/app.ts';
import { testDialects } from '../helpers/db.ts';
import { newSkuInput } from '../helpers/factories.ts';
import { addEvents, type HistoryOrder, insertHistory, prng } from './workload.ts';

const hour = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

/** Orders over 80 days across three month ends, some events arriving after the first refresh. */
function workload(seed: number, count: number, prefix: string) {
  const rnd = prng(seed);
  const start = Date.parse('2026-09-15T00:00:00Z');
  const orders: HistoryOrder[] = [];
  const later: { orderId: string; events: HistoryOrder['events'] }[] = [];
  for (let i = 0; i < count; i++) {
    const placed = start + Math.floor(rnd() * 80 * 24 * hour);
    let t = placed;
    const events: HistoryOrder['events'] = [{ type: 'received', at: iso(t) }];
    const step = (type: string, maxHours: number) => {
      t += Math.floor(rnd() * maxHours * hour);
      events.push({ type, at: iso(t) });
    };
    let status = 'approved';
    if (rnd() < 0.15) step('held', 1);
    step('approved', 3);
    if (rnd() < 0.1) {
      step('cancelled', 2);
      status = 'cancelled';
    } else {
      step('allocated', 10);
      step('wave', 6);
      step('packed', 3);
      step('shipped', 5);
      status = 'shipped';
      const delivered = { type: 'delivered', at: iso(t + Math.floor(rnd() * 60 * hour)) };
      if (rnd() < 0.5) events.push(delivered);
      else later.push({ orderId: `${prefix}-${i}`, events: [delivered] });
    }
    orders.push({
      id: `${prefix}-${i}`,
      number: `${prefix}N${i}`,
      channel: rnd() < 0.4 ? 'shop' : 'web',
      status,
      placedAt: iso(placed),
      shipBy: iso(placed + 24 * hour),
      events,
    });
  }
  return { orders, later };
}

for (const dialect of testDialects) {
  describe(`insights by the shop's days, monthly rollups, stock-out rate (${dialect})`, () => {
    const clock = fixedClock('2026-12-20T09:00:00Z');
    const t = useTestApp(dialect, { clock });
    beforeEach(() => clock.advance(1000));

    async function snapshot() {
      const db = t.current.app.database.db;
      const rows = async (query: ReturnType<typeof sql>) => (await query.execute(db)).rows;
      return {
        days: await rows(sql`select day, metric, dim, dim_value, value from insights_daily_counts
          order by day, metric, dim, dim_value`),
        months: await rows(sql`select month, metric, dim, dim_value, value from insights_monthly_counts
          order by month, metric, dim, dim_value`),
        sketches: await rows(sql`select month, stage, channel, n, sketch from insights_monthly_samples
          order by month, stage, channel`),
        hours: await rows(sql`select month, stage, dim, dim_value, n, hours from insights_monthly_stage_hours
          order by month, stage, dim, dim_value`),
      };
    }

    it('counts an order placed at 23:30 Shanghai time on that Shanghai day, not the UTC one', async () => {
      const { app } = t.current;
      const order = (id: string, placedAt: string): HistoryOrder => ({
        id,
        number: id,
        status: 'approved',
        placedAt,
        events: [
          { type: 'received', at: placedAt },
          { type: 'approved', at: iso(Date.parse(placedAt) + hour) },
        ],
      });
      await insertHistory(app.database.db, [
        // 23:30 on 10 November in Shanghai (15:30 UTC).
        order('LATE-EVENING', '2026-11-10T15:30:00Z'),
        // 00:30 on 11 November in Shanghai, still 10 November in UTC.
        order('AFTER-MIDNIGHT', '2026-11-10T16:30:00Z'),
      ]);
      await app.insights.summaries.refresh();
      const kpis = async (from: string, to: string) => {
        const res = await t.current.request({
          method: 'GET',
          url: `/api/v1/insights/kpis?from=${from}&to=${to}`,
        });
        assert.equal(res.statusCode, 200, res.body);
        return res.json().summary;
      };
      const tenth = await kpis('2026-11-10', '2026-11-11');
      assert.equal(tenth.counts.orders, 1);
      assert.deepEqual(
        tenth.byDay.map((d: { day: string; orders: number }) => [d.day, d.orders]),
        [['2026-11-10', 1]],
      );
      assert.equal((await kpis('2026-11-11', '2026-11-12')).counts.orders, 1);
      const drill = await t.current.request({
        method: 'GET',
        url: '/api/v1/insights/orders?from=2026-11-10&to=2026-11-11',
      });
      assert.equal(drill.statusCode, 200, drill.body);
      assert.deepEqual(
        drill.json().items.map((o: { number: string }) => o.number),
        ['LATE-EVENING'],
      );
      // The hour of day a bottleneck names is the shop's: 23, not 15.
      const hours = await sql<{ dim_value: string }>`select dim_value from insights_daily_stage_hours
        where day = '2026-11-10' and dim = 'hour'`.execute(app.database.db);
      assert.deepEqual([...new Set(hours.rows.map((r) => r.dim_value))], ['23']);
    });

    it('keeps monthly rollups incrementally equal to a full rebuild, and periods equal to their days', async () => {
      const { app } = t.current;
      const db = app.database.db;
      await db
        .insertInto('channels')
        .values({
          id: 'shop',
          name: 'Shop',
          kind: 'web',
          is_active: 1,
          created_at: iso(clock.now().getTime()),
        })
        .execute();
      const first = workload(21, 240, 'R');
      const second = workload(22, 160, 'S');
      await app.insights.summaries.refresh();
      await insertHistory(db, first.orders);
      await app.insights.summaries.refresh();
      await insertHistory(db, second.orders);
      for (const l of first.later) await addEvents(db, l.orderId, l.events);
      await app.insights.summaries.refresh();
      for (const l of second.later) await addEvents(db, l.orderId, l.events);
      await app.insights.summaries.refresh();
      const incremental = await snapshot();
      assert.deepEqual(
        [...new Set(incremental.months.map((r) => (r as { month: string }).month))],
        ['2026-09', '2026-10', '2026-11', '2026-12'],
      );
      await app.insights.summaries.recomputeAll();
      assert.deepEqual(incremental, await snapshot());

      assert.deepEqual(splitPeriod('2026-09-20', '2026-12-03'), {
        days: [
          ['2026-09-20', '2026-10-01'],
          ['2026-12-01', '2026-12-03'],
        ],
        months: ['2026-10', '2026-12'],
      });
      for (const filter of [
        { from: '2026-09-20', to: '2026-12-03' },
        { from: '2026-09-20', to: '2026-12-03', channel: 'web' },
        { from: '2026-10-01', to: '2026-12-01', channel: 'shop' },
        { from: '2026-10-05', to: '2026-10-19' },
      ]) {
        const rolled = await periodSummary(app.database, filter);
        const byDays = await periodSummary(app.database, filter, { rollups: false });
        assert.deepEqual(rolled, byDays, JSON.stringify(filter));
      }
      const bottlenecks = await t.current.request({
        method: 'GET',
        url: '/api/v1/insights/bottlenecks?from=2026-11-01&to=2026-12-01',
      });
      assert.equal(bottlenecks.statusCode, 200, bottlenecks.body);
      const approved = bottlenecks
        .json()
        .stages.find((s: { stage: string }) => s.stage === 'receivedToApproved');
      const novemberOrders = [...first.orders, ...second.orders].filter(
        (o) => new Date(Date.parse(o.placedAt) + 8 * hour).toISOString().slice(0, 7) === '2026-11',
      );
      // Every order was approved; the first test's two November orders share this database.
      assert.equal(approved.orders, novemberOrders.length + 2);
    });

    it('reports the stock-out rate as a KPI: SKU-days with nothing on hand over SKU-days', async () => {
      const api = async (method: 'GET' | 'POST', url: string, payload?: object) => {
        const res = await t.current.request({ method, url: `/api/v1${url}`, payload });
        assert.ok(res.statusCode < 300, `${method} ${url}: ${res.statusCode} ${res.body}`);
        return res.json();
      };
      const adjust = (sku: string, delta: number) =>
        api('POST', '/inventory/adjustments', { sku, warehouse: 'main', delta, reason: 'count' });
      const until = (at: string) => clock.advance(Date.parse(at) - clock.now().getTime());
      until('2027-01-10T09:00:00Z');
      await api('POST', '/skus', newSkuInput({ code: 'OUT-1', price: '20.00' }));
      await api('POST', '/skus', newSkuInput({ code: 'KEPT-1', price: '20.00' }));
      await adjust('OUT-1', 10);
      await adjust('KEPT-1', 5);
      until('2027-01-13T09:00:00Z');
      await adjust('OUT-1', -10);
      until('2027-01-20T09:00:00Z');
      // 11–18 January: OUT-1 ended 11 and 12 with stock, 13–18 with none; KEPT-1 never ran out.
      const res = await api('GET', '/insights/kpis?from=2027-01-11&to=2027-01-19');
      assert.deepEqual(res.summary.stock, { skuDays: 16, outDays: 6, rate: 0.375 });
      const kpi = res.kpis.find((k: { key: string }) => k.key === 'stock_out_rate');
      assert.deepEqual([kpi.value, kpi.unit, kpi.goodDirection], [0.375, 'percent', 'down']);
      const definitions = await api('GET', '/insights/kpi-definitions');
      assert.ok(definitions.items.some((d: { key: string }) => d.key === 'stock_out_rate'));
    });
  });
}
