import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { percentileCont } from '../../src/modules/insights/index.ts';
import { sketchOf, sketchPercentile } from '../../src/modules/insights/kpis/stages.ts';
import { useTestApp } from '../helpers/app.ts';
import { testDialects } from '../helpers/db.ts';
import { addEvents, type HistoryOrder, insertHistory, prng } from './workload.ts';

const hour = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();
const holdCodes = ['ADDRESS_UNVERIFIED', 'HIGH_RISK', 'PAYMENT_PENDING'];

/** Orders over 20 days with random flows; `later` holds the events that arrive after the first run. */
function workload(seed: number, count: number, prefix: string) {
  const rnd = prng(seed);
  const start = Date.parse('2026-10-01T00:00:00Z');
  const orders: HistoryOrder[] = [];
  const later: { orderId: string; events: HistoryOrder['events'] }[] = [];
  for (let i = 0; i < count; i++) {
    const placed = start + Math.floor(rnd() * 20 * 24) * hour + Math.floor(rnd() * 3_600_000);
    let t = placed + Math.floor(rnd() * 600_000);
    const events: HistoryOrder['events'] = [{ type: 'received', at: iso(t) }];
    const step = (type: string, maxHours: number, actor: 'system' | 'user' = 'system', data?: unknown) => {
      t += Math.floor(rnd() * maxHours * hour);
      events.push({ type, at: iso(t), actor, data });
    };
    let status = 'pending_review';
    if (rnd() < 0.2) {
      step('held', 0.1, 'system', { holds: [{ code: holdCodes[Math.floor(rnd() * 3)] }] });
      step('hold_released', 6, 'user');
    }
    const cancelled = rnd() < 0.08;
    if (cancelled) {
      step('cancelled', 5, 'user');
      status = 'cancelled';
    } else {
      step('approved', 2);
      status = 'approved';
      if (rnd() < 0.1) step('backordered', 1);
      step('allocated', 12);
      status = 'allocated';
      if (rnd() < 0.8) {
        step('wave', 8);
        step('packed', 4);
        step('shipped', 6);
        status = 'shipped';
        if (rnd() < 0.7) {
          // Some carriers' clocks run behind: a delivery can be stamped before the shipment.
          const skew = rnd() < 0.05 ? -3 * hour : Math.floor(rnd() * 72 * hour);
          const delivered = { type: 'delivered', at: iso(t + skew) };
          if (rnd() < 0.5) events.push(delivered);
          else later.push({ orderId: `${prefix}-${i}`, events: [delivered] });
          status = 'delivered';
        }
      }
    }
    orders.push({
      id: `${prefix}-${i}`,
      number: `${prefix}N${i}`,
      channel: rnd() < 0.3 ? 'shop' : 'web',
      status,
      type: rnd() < 0.1 ? 'urgent' : 'normal',
      placedAt: iso(placed),
      shipBy: rnd() < 0.8 ? iso(placed + 24 * hour) : null,
      phone: `+86139${String(Math.floor(rnd() * 40)).padStart(8, '0')}`,
      events,
    });
  }
  return { orders, later };
}

for (const dialect of testDialects) {
  describe(`insights summaries (${dialect})`, () => {
    const t = useTestApp(dialect);

    async function snapshot() {
      const db = t.current.app.database.db;
      const counts =
        await sql`select day, metric, dim, dim_value, value from insights_daily_counts order by day, metric, dim, dim_value`.execute(
          db,
        );
      const samples =
        await sql`select day, stage, channel, samples from insights_daily_samples order by day, stage, channel`.execute(
          db,
        );
      const hours =
        await sql`select day, stage, dim, dim_value, n, hours from insights_daily_stage_hours order by day, stage, dim, dim_value`.execute(
          db,
        );
      return { counts: counts.rows, samples: samples.rows, hours: hours.rows };
    }

    it('keeps daily summaries incrementally equal to a full recomputation after a random workload', async () => {
      const { app } = t.current;
      const db = app.database.db;
      await db
        .insertInto('channels')
        .values({ id: 'shop', name: 'Shop', kind: 'web', is_active: 1, created_at: new Date().toISOString() })
        .execute();
      const first = workload(7, 160, 'A');
      const second = workload(8, 120, 'B');
      const summaries = app.insights.summaries;
      await summaries.refresh();
      await insertHistory(db, first.orders);
      const run1 = await summaries.refresh();
      assert.ok(run1.days.length > 0);
      await insertHistory(db, second.orders);
      for (const l of first.later) await addEvents(db, l.orderId, l.events);
      const run2 = await summaries.refresh();
      // Only days whose orders changed are recomputed.
      // 20 UTC days of orders span 21 of the shop's (Shanghai) days.
      assert.ok(run2.days.length <= 21);
      for (const l of second.later) await addEvents(db, l.orderId, l.events);
      // Nothing new: nothing recomputed beyond the overlap window's own days.
      await summaries.refresh();
      const incremental = await snapshot();
      assert.ok(incremental.counts.length > 50);
      await summaries.recomputeAll();
      const full = await snapshot();
      assert.deepEqual(incremental, full);

      // Period figures from the summaries equal the same figures computed from the raw orders.
      const all = [...first.orders, ...second.orders];
      const laterById = new Map([...first.later, ...second.later].map((l) => [l.orderId, l.events]));
      const from = '2026-10-05';
      const to = '2026-10-12';
      // Days are the shop's (Asia/Shanghai): they begin at 16:00 UTC the day before.
      const shopStart = (day: string) => new Date(Date.parse(`${day}T00:00:00+08:00`)).toISOString();
      const inPeriod = all.filter((o) => o.placedAt >= shopStart(from) && o.placedAt < shopStart(to));
      const durations = inPeriod
        .map((o) => {
          const events = [...o.events, ...(laterById.get(o.id) ?? [])];
          const received = events.find((e) => e.type === 'received');
          const delivered = events.find((e) => e.type === 'delivered');
          return received && delivered ? (Date.parse(delivered.at) - Date.parse(received.at)) / hour : null;
        })
        .filter((d): d is number => d !== null)
        .sort((a, b) => a - b);
      const res = await t.current.request({
        method: 'GET',
        url: `/api/v1/insights/kpis?from=${from}&to=${to}`,
      });
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json();
      assert.equal(body.summary.counts.orders, inPeriod.length);
      assert.equal(body.summary.counts.cancelled, inPeriod.filter((o) => o.status === 'cancelled').length);
      assert.equal(body.summary.stages.receivedToDelivered.n, durations.length);
      assert.ok(
        Math.abs(body.summary.stages.receivedToDelivered.p50 - percentileCont(durations, 0.5)!) < 1e-3,
      );
      assert.ok(
        Math.abs(body.summary.stages.receivedToDelivered.p90 - percentileCont(durations, 0.9)!) < 1e-3,
      );
      if (dialect === 'postgres') {
        const values = sql.join(durations.map((d) => sql`(${d}::float8)`));
        const pg = await sql<{
          p50: number;
          p90: number;
        }>`select percentile_cont(0.5) within group (order by x) as p50,
          percentile_cont(0.9) within group (order by x) as p90 from (values ${values}) as v(x)`.execute(db);
        assert.ok(Math.abs(body.summary.stages.receivedToDelivered.p50 - Number(pg.rows[0]!.p50)) < 1e-3);
        assert.ok(Math.abs(body.summary.stages.receivedToDelivered.p90 - Number(pg.rows[0]!.p90)) < 1e-3);
      }
      const cancelRate = body.kpis.find((k: { key: string }) => k.key === 'cancel_rate');
      assert.equal(
        cancelRate.value,
        Math.round((body.summary.counts.cancelled / inPeriod.length) * 10_000) / 10_000,
      );
      const webOnly = await t.current.request({
        method: 'GET',
        url: `/api/v1/insights/kpis?from=${from}&to=${to}&channel=web`,
      });
      assert.equal(
        webOnly.json().summary.counts.orders,
        inPeriod.filter((o) => (o.channel ?? 'web') === 'web').length,
      );
    });

    it('computes percentiles like percentile_cont, with negative durations kept', () => {
      assert.equal(percentileCont([], 0.5), null);
      assert.equal(percentileCont([5], 0.9), 5);
      assert.equal(percentileCont([-3, 1, 2, 10], 0.5), 1.5);
      assert.equal(percentileCont([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9), 9.1);
    });

    it('merges per-day sketches into percentiles within 2% of the exact ones', () => {
      const rnd = prng(11);
      const days = Array.from({ length: 30 }, () =>
        Array.from({ length: 2000 }, () => (rnd() < 0.02 ? -rnd() * 3 : 0.1 + rnd() ** 2 * 80)),
      );
      const all = days.flat().sort((a, b) => a - b);
      const sketches = days.map((d) => sketchOf(d));
      for (const p of [0.5, 0.9]) {
        const exact = percentileCont(all, p)!;
        const approx = sketchPercentile(sketches, p)!;
        assert.ok(Math.abs(approx - exact) / Math.abs(exact) < 0.02, `p${p * 100}: ${approx} vs ${exact}`);
      }
    });
  });
}
