import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { reportOf, type WeeklyReport } from '../../src/modules/insights/index.ts';
import { type Period, periodOf } from '../../src/modules/insights/reports/periods.ts';
import type { MilestoneRow } from '../../src/modules/insights/reports/reports.repository.ts';
import type { Executor } from '../../src/platform/db/database.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { testDialects } from '../helpers/db.ts';
import { type HistoryOrder, insertHistory, prng } from './workload.ts';

const week = '2026-W10';
const timeZone = 'Asia/Shanghai';
const hourMs = 3_600_000;

/**
 * Orders over the pack's weeks (2026-W05..W10 and 2025-W10) with messy timelines: a milestone
 * recorded twice or out of order, no events at all, a promise on the timeline or only on a
 * shipment, statuses that say delivered without a delivery time.
 */
function fixture(): { orders: HistoryOrder[]; promises: { orderId: string; promisedBy: string }[] } {
  const random = prng(15);
  const orders: HistoryOrder[] = [];
  const promises: { orderId: string; promisedBy: string }[] = [];
  const starts = [Date.parse('2026-01-25T16:00:00Z'), Date.parse('2025-03-02T16:00:00Z')];
  for (let i = 0; i < 400; i++) {
    const base = i % 8 === 0 ? starts[1]! : starts[0]!;
    const span = i % 8 === 0 ? 7 * 24 : 6 * 7 * 24;
    const placed = base + Math.floor(random() * span * hourMs) - 6 * hourMs;
    const at = (hours: number) => new Date(placed + hours * hourMs).toISOString();
    const events: HistoryOrder['events'] = [];
    let t = 0;
    for (const type of ['received', 'approved', 'shipped', 'delivered']) {
      if (random() < 0.15) break;
      t += random() * 60 - (type === 'shipped' ? 5 : 0);
      events.push({ type, at: at(t) });
      if (random() < 0.1) events.push({ type, at: at(t + (random() - 0.5) * 10) });
    }
    if (random() < 0.3) events.push({ type: 'delivery_promised', at: at(48 + random() * 48) });
    if (random() < 0.05) events.push({ type: 'cancelled', at: at(1) });
    if (random() < 0.05) events.length = 0;
    const delivered = events.some((e) => e.type === 'delivered') || random() < 0.1;
    const status = delivered ? 'delivered' : (['approved', 'shipped', 'cancelled'][i % 3] as string);
    const id = `wp-${String(i).padStart(4, '0')}`;
    orders.push({
      id,
      number: `WP${i}`,
      channel: i % 3 === 0 ? 'bench-shop' : 'web',
      status,
      placedAt: at(0),
      events,
    });
    if (random() < 0.3) promises.push({ orderId: id, promisedBy: at(40 + random() * 60) });
  }
  return { orders, promises };
}

/** Today's milestones as the milestones view gives them: a subquery per milestone and order. */
async function viewRows(db: Executor, period: Period): Promise<MilestoneRow[]> {
  return db
    .selectFrom('orders_milestones_view as m')
    .leftJoin('logistics_promises_view as p', 'p.order_id', 'm.order_id')
    .select([
      'm.order_id',
      'm.channel_id',
      'm.status',
      'm.received_at',
      'm.approved_at',
      'm.shipped_at',
      'm.delivered_at',
      sql<string | null>`coalesce(m.promised_at, p.promised_by)`.as('promised_at'),
    ])
    .where('m.placed_at', '>=', period.start)
    .where('m.placed_at', '<', period.end)
    .execute();
}

/** PostgreSQL's percentile_cont over the view's stage hours: what the pack reported there before. */
async function pgStageHours(db: Executor, period: Period) {
  const { rows } = await sql<{ n: number; p50: number | null; p90: number | null }>`
    select count(h)::int as n, percentile_cont(0.5) within group (order by h) as p50,
      percentile_cont(0.9) within group (order by h) as p90
    from (select extract(epoch from (m.delivered_at - m.received_at)) / 3600.0 as h
      from orders_milestones_view m
      where m.placed_at >= ${period.start} and m.placed_at < ${period.end}
        and (m.delivered_at is not null or m.status = 'delivered')) d`.execute(db);
  const row = rows[0]!;
  return { n: row.n, p50: Number(row.p50 ?? 0), p90: Number(row.p90 ?? 0) };
}

for (const dialect of testDialects) {
  describe(`the weekly pack against the direct computation (${dialect})`, () => {
    let t: TestApp;
    let pack: WeeklyReport;

    before(async () => {
      t = await createTestApp(dialect);
      const db = t.testDb.database.db;
      await db
        .insertInto('channels')
        .values({
          id: 'bench-shop',
          name: 'Shop',
          kind: 'web',
          is_active: 1,
          created_at: new Date().toISOString(),
        })
        .execute();
      const { orders, promises } = fixture();
      await insertHistory(db, orders);
      for (const [i, p] of promises.entries())
        await db
          .insertInto('shipments')
          .values({
            id: `wp-shipment-${i}`,
            order_id: p.orderId,
            carrier_id: 'sf',
            service_id: 'standard',
            tracking_number: `WP${i}`,
            status: 'in_transit',
            weight_grams: 500,
            price_minor: 1200,
            explanation: '',
            promised_by: p.promisedBy,
            shipped_at: p.promisedBy,
          } as never)
          .execute();
      pack = await t.app.insights.reports.weekly({ week, tz: timeZone });
    });
    after(() => t.close());

    it('gives the week, the 4 before it and last year exactly as the milestones view does', async () => {
      const db = t.testDb.database.db;
      const direct = async (from: string, to: string) => {
        const period = periodOf(from, to, timeZone);
        return reportOf(period, await viewRows(db, period));
      };
      const main = await direct(pack.from, pack.to);
      assert.ok(main.orders.received > 20 && main.delivery.withPromise > 5, 'the fixture fills the week');
      assert.deepEqual(
        { orders: pack.orders, stageHours: pack.stageHours, delivery: pack.delivery },
        { orders: main.orders, stageHours: main.stageHours, delivery: main.delivery },
      );
      for (const summary of [...pack.previousWeeks, pack.lastYear]) {
        const other = await direct(summary.from, summary.to);
        assert.ok(other.orders.received > 0, `${summary.week} has orders`);
        assert.deepEqual(
          [summary.received, summary.delivered, summary.late, summary.lateRate],
          [other.orders.received, other.delivery.delivered, other.delivery.late, other.delivery.lateRate],
          summary.week,
        );
        assert.deepEqual(
          [summary.receivedToDeliveredP50, summary.receivedToDeliveredP90],
          [other.stageHours.receivedToDelivered.p50, other.stageHours.receivedToDelivered.p90],
          summary.week,
        );
      }
      if (dialect === 'postgres') {
        const pg = await pgStageHours(db, periodOf(pack.from, pack.to, timeZone));
        const ours = pack.stageHours.receivedToDelivered;
        assert.equal(ours.n, pg.n);
        assert.ok(
          Math.abs(ours.p50 - pg.p50) < 1e-6 && Math.abs(ours.p90 - pg.p90) < 1e-6,
          JSON.stringify({ ours, pg }),
        );
      }
    });
  });
}
