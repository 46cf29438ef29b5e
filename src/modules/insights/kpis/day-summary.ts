import type { Database } from '../../../platform/db/database.ts';
import { type InsightsDb, insightsDb } from '../schema.ts';
import {
  bottleneckDims,
  dimValue,
  type InsightsPorts,
  loadOrderFacts,
  orderMetrics,
  stageHours,
} from './order-facts.ts';
import { dayStartIso } from './shop-days.ts';
import { addDays, flowStages, sketchOf, stages } from './stages.ts';

export interface DayRows {
  counts: { day: string; metric: string; dim: string; dim_value: string; value: number }[];
  samples: { day: string; stage: string; channel: string; n: number; samples: string; sketch: string }[];
  stageHours: { day: string; stage: string; dim: string; dim_value: string; n: number; hours: number }[];
}

export interface DayDeps {
  database: Database;
  ports?: InsightsPorts;
  /** The shop's time zone: days are its days. */
  timeZone: string;
}

/** Everything summarised for one day of placement, from the orders placed that day. */
export async function computeDay(deps: DayDeps, day: string): Promise<DayRows> {
  const db = insightsDb(deps.database);
  const from = dayStartIso(day, deps.timeZone);
  const to = dayStartIso(addDays(day, 1), deps.timeZone);
  const ids = (
    await db
      .selectFrom('orders_orders_view')
      .select('id')
      .where('placed_at', '>=', from)
      .where('placed_at', '<', to)
      .orderBy('id')
      .execute()
  ).map((r) => r.id);
  const facts = await loadOrderFacts(db, ids);
  const refunded = new Set(deps.ports?.refundedOrders ? await deps.ports.refundedOrders(ids) : []);
  const complained = new Set(deps.ports?.complainedOrders ? await deps.ports.complainedOrders(ids) : []);

  const counts = new Map<string, number>();
  const bump = (metric: string, dim: string, value: string) => {
    const key = `${metric}\u0000${dim}\u0000${value}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  };
  const samples = new Map<string, number[]>();
  const hours = new Map<string, { n: number; hours: number }>();
  for (const f of facts) {
    for (const metric of orderMetrics(f, refunded.has(f.id), complained.has(f.id))) {
      bump(metric, '', '');
      bump(metric, 'channel', f.channel);
      if (metric === 'promised_delivered' || metric === 'on_time') bump(metric, 'carrier', f.carrier || '-');
    }
    bump('orders', 'type', f.type);
    bump('orders', 'status', f.status);
    for (const reason of f.holdReasons) bump('held', 'reason', reason);
    for (const stage of stages) {
      const h = stageHours(f, stage);
      if (h === null) continue;
      for (const channel of ['', f.channel]) {
        const key = `${stage}\u0000${channel}`;
        const list = samples.get(key) ?? [];
        list.push(h);
        samples.set(key, list);
      }
      if (!flowStages.includes(stage)) continue;
      for (const dim of ['', ...bottleneckDims] as const) {
        const key = `${stage}\u0000${dim}\u0000${dim === '' ? '' : dimValue(f, dim, deps.timeZone)}`;
        const acc = hours.get(key) ?? { n: 0, hours: 0 };
        acc.n += 1;
        acc.hours += h;
        hours.set(key, acc);
      }
    }
  }
  return {
    counts: [...counts].map(([key, value]) => {
      const [metric, dim, dim_value] = key.split('\u0000') as [string, string, string];
      return { day, metric, dim, dim_value, value };
    }),
    samples: [...samples].map(([key, list]) => {
      const [stage, channel] = key.split('\u0000') as [string, string];
      list.sort((a, b) => a - b);
      const rounded = list.map((h) => Math.round(h * 1e6) / 1e6);
      return {
        day,
        stage,
        channel,
        n: rounded.length,
        samples: JSON.stringify(rounded),
        sketch: JSON.stringify(sketchOf(rounded)),
      };
    }),
    stageHours: [...hours].map(([key, acc]) => {
      const [stage, dim, dim_value] = key.split('\u0000') as [string, string, string];
      return { day, stage, dim, dim_value, n: acc.n, hours: acc.hours };
    }),
  };
}

export async function insertChunked(db: InsightsDb, rows: DayRows): Promise<void> {
  for (let i = 0; i < rows.counts.length; i += 200)
    await db
      .insertInto('insights_daily_counts')
      .values(rows.counts.slice(i, i + 200))
      .execute();
  for (let i = 0; i < rows.samples.length; i += 200)
    await db
      .insertInto('insights_daily_samples')
      .values(rows.samples.slice(i, i + 200))
      .execute();
  for (let i = 0; i < rows.stageHours.length; i += 200)
    await db
      .insertInto('insights_daily_stage_hours')
      .values(rows.stageHours.slice(i, i + 200))
      .execute();
}
