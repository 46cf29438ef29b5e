import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { uuidv7 } from '../../src/platform/ids.ts';
import { useTestApp } from '../helpers/app.ts';
import { testDialects } from '../helpers/db.ts';
import { type HistoryOrder, insertHistory } from './workload.ts';

const hour = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The dashboards over their own small histories: bottlenecks with drill-down, customer
 * behaviour, table exports, KPI targets as data and operations today. (Summaries kept equal to
 * a full recomputation: summaries.test.ts.)
 */
for (const dialect of testDialects) {
  describe(`insights dashboards (${dialect})`, () => {
    const t = useTestApp(dialect);

    it('finds the stage and place that lost most order-hours and drills down to its orders', async () => {
      const { app } = t.current;
      const db = app.database.db;
      await db
        .insertInto('channels')
        .values({ id: 'shop', name: 'Shop', kind: 'web', is_active: 1, created_at: new Date().toISOString() })
        .execute();
      const orders: HistoryOrder[] = [];
      const flow = (id: string, placed: number, approveHours: number, channel: string): HistoryOrder => ({
        id,
        number: `N${id}`,
        channel,
        status: 'shipped',
        placedAt: iso(placed),
        events: [
          { type: 'received', at: iso(placed) },
          { type: 'approved', at: iso(placed + approveHours * hour) },
          { type: 'allocated', at: iso(placed + (approveHours + 1) * hour) },
          { type: 'wave', at: iso(placed + (approveHours + 2) * hour) },
          { type: 'packed', at: iso(placed + (approveHours + 3) * hour) },
          { type: 'shipped', at: iso(placed + (approveHours + 4) * hour) },
        ],
      });
      // Four baseline weeks: approval takes an hour everywhere.
      for (let d = 0; d < 28; d++)
        orders.push(flow(`base-${d}`, Date.parse('2026-11-01T10:00:00Z') + d * 24 * hour, 1, 'web'));
      // The week after: web approvals take 9 hours; the shop's stay at 1.
      for (let d = 0; d < 5; d++) {
        orders.push(flow(`slow-${d}`, Date.parse('2026-11-29T10:00:00Z') + d * 24 * hour, 9, 'web'));
        orders.push(flow(`fast-${d}`, Date.parse('2026-11-29T11:00:00Z') + d * 24 * hour, 1, 'shop'));
      }
      await insertHistory(db, orders);
      await app.insights.summaries.refresh();
      const res = await t.current.request({
        method: 'GET',
        url: '/api/v1/insights/bottlenecks?from=2026-11-29&to=2026-12-06',
      });
      assert.equal(res.statusCode, 200, res.body);
      const report = res.json();
      assert.equal(report.worstStage, 'receivedToApproved');
      const top = report.findings[0];
      assert.equal(top.stage, 'receivedToApproved');
      assert.equal(top.excessHours, 40);
      const web = report.findings.find(
        (f: { dim: string; value: string }) => f.dim === 'channel' && f.value === 'web',
      );
      assert.equal(web.orders, 5);
      assert.equal(web.excessHours, 40);
      const q = new URLSearchParams(web.drillDown);
      const drill = await t.current.request({ method: 'GET', url: `/api/v1/insights/orders?${q}` });
      assert.equal(drill.statusCode, 200, drill.body);
      assert.deepEqual(
        drill.json().items.map((o: { number: string; stageHours: number }) => [o.number, o.stageHours]),
        [0, 1, 2, 3, 4].map((d) => [`Nslow-${d}`, 9]),
      );
    });

    it('describes customers: one buyer across phone formats, RFM, basket, bought together, regions', async () => {
      const { app } = t.current;
      const base = Date.parse('2026-09-10T09:00:00Z');
      const order = (
        id: string,
        phone: string,
        lines: { sku: string; quantity: number }[],
        city: string,
        days: number,
      ) => ({
        id,
        number: `N${id}`,
        status: 'delivered',
        placedAt: iso(base + days * 24 * hour),
        phone,
        city,
        lines,
        events: [{ type: 'received', at: iso(base + days * 24 * hour) }],
      });
      await insertHistory(app.database.db, [
        order(
          'c1',
          '+86 138-0013-8000',
          [
            { sku: 'TEA', quantity: 1 },
            { sku: 'CUP', quantity: 2 },
          ],
          '杭州市',
          0,
        ),
        order(
          'c2',
          '13800138000',
          [
            { sku: 'TEA', quantity: 1 },
            { sku: 'CUP', quantity: 1 },
          ],
          '杭州市',
          3,
        ),
        order('c3', '+8613900000001', [{ sku: 'TEA', quantity: 3 }], '上海市', 5),
      ]);
      const res = await t.current.request({
        method: 'GET',
        url: '/api/v1/insights/customers?from=2026-09-10&to=2026-09-17',
      });
      assert.equal(res.statusCode, 200, res.body);
      const b = res.json();
      assert.equal(b.orders, 3);
      assert.equal(b.customers, 2);
      assert.equal(b.repeatRate, 0.5);
      assert.equal(b.basket.avgUnits, 2.67);
      assert.deepEqual(b.affinity[0], {
        skuA: 'CUP',
        skuB: 'TEA',
        orders: 2,
        support: 0.6667,
        confidence: 1,
        lift: 1,
      });
      assert.deepEqual(b.regions[0], { province: '浙江省', city: '杭州市', orders: 2 });
      assert.equal(b.byHour[9].orders, 3);
      assert.equal(
        b.segments.reduce((n: number, s: { customers: number }) => n + s.customers, 0),
        2,
      );
    });

    it('exports every table as CSV and XLSX, and refuses a bad period naming the field', async () => {
      for (const table of ['kpis', 'volume', 'stages', 'bottlenecks', 'segments', 'queues', 'carriers']) {
        const csv = await t.current.request({
          method: 'GET',
          url: `/api/v1/insights/tables/${table}?from=2026-10-01&to=2026-10-21&format=csv`,
        });
        assert.equal(csv.statusCode, 200, csv.body);
        assert.match(csv.headers['content-type'] as string, /text\/csv/);
        assert.match(
          csv.headers['content-disposition'] as string,
          new RegExp(`${table}-2026-10-01-2026-10-21\\.csv`),
        );
      }
      const volume = await t.current.request({
        method: 'GET',
        url: '/api/v1/insights/tables/volume?from=2026-10-01&to=2026-10-21&format=csv',
      });
      assert.equal(volume.body.split('\r\n')[0], '\uFEFFday,orders,shipped,held,cancelled');
      const xlsx = await t.current.request({
        method: 'GET',
        url: '/api/v1/insights/tables/kpis?from=2026-10-01&to=2026-10-21&format=xlsx',
      });
      assert.equal(xlsx.statusCode, 200);
      assert.equal(xlsx.rawPayload.subarray(0, 2).toString(), 'PK');
      const bad = await t.current.request({
        method: 'GET',
        url: '/api/v1/insights/kpis?from=2026-10-10&to=2026-10-01',
      });
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.json().error.details.field, 'to');
      const malformed = await t.current.request({
        method: 'GET',
        url: '/api/v1/insights/kpis?from=yesterday&to=2026-10-01',
      });
      assert.equal(malformed.statusCode, 400);
      assert.equal(malformed.json().error.details.field, 'from');
      const unknown = await t.current.request({
        method: 'GET',
        url: '/api/v1/insights/tables/nope?from=2026-10-01&to=2026-10-02',
      });
      assert.equal(unknown.statusCode, 400);
    });

    it('edits KPI targets as data; only rule managers may', async () => {
      const denied = await t.current.request({
        method: 'PATCH',
        url: '/api/v1/insights/kpi-definitions/cancel_rate',
        payload: { target: 0.01 },
        role: 'order_processor',
      });
      assert.equal(denied.statusCode, 403);
      const ok = await t.current.request({
        method: 'PATCH',
        url: '/api/v1/insights/kpi-definitions/cancel_rate',
        payload: { target: 0.01 },
      });
      assert.equal(ok.statusCode, 200, ok.body);
      assert.equal(ok.json().target, 0.01);
      const list = await t.current.request({
        method: 'GET',
        url: '/api/v1/insights/kpi-definitions',
        role: 'order_processor',
      });
      assert.equal(list.json().items.find((k: { key: string }) => k.key === 'cancel_rate').target, 0.01);
      const missing = await t.current.request({
        method: 'PATCH',
        url: '/api/v1/insights/kpi-definitions/nope',
        payload: { target: 1 },
      });
      assert.equal(missing.statusCode, 404);
    });

    it('shows operations today: queues with their oldest order and orders past or near ship-by', async () => {
      const { app } = t.current;
      const now = Date.now();
      await insertHistory(app.database.db, [
        {
          id: uuidv7(),
          number: 'LATE-1',
          status: 'allocated',
          placedAt: iso(now - 30 * hour),
          shipBy: iso(now - 2 * hour),
          events: [{ type: 'received', at: iso(now - 30 * hour) }],
        },
        {
          id: uuidv7(),
          number: 'SOON-1',
          status: 'packed',
          placedAt: iso(now - 1 * hour),
          shipBy: iso(now + 2 * hour),
          events: [{ type: 'received', at: iso(now - hour) }],
        },
      ]);
      const res = await t.current.request({ method: 'GET', url: '/api/v1/insights/operations' });
      assert.equal(res.statusCode, 200, res.body);
      const ops = res.json();
      assert.ok(ops.slaAtRisk.orders.some((o: { number: string }) => o.number === 'LATE-1'));
      assert.ok(ops.slaAtRisk.overdue >= 1);
      assert.ok(ops.slaAtRisk.dueSoon >= 1);
      const allocated = ops.queues.find((q: { status: string }) => q.status === 'allocated');
      assert.ok(allocated.orders >= 1 && allocated.oldestAgeHours >= 30);
      assert.ok(ops.placedToday >= 0);
    });
  });
}
