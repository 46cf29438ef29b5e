import type { InventoryReport } from '../../../contracts/inventory.ts';
import type { Actor } from '../../../platform/actor.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Database } from '../../../platform/db/database.ts';
import { invalidField, notFound } from '../../../platform/errors.ts';
import { customerBehaviour } from '../behaviour/behaviour.ts';
import { findBottlenecks } from '../bottlenecks/bottlenecks.ts';
import { type DrillDownFilter, drillDownOrders } from '../bottlenecks/drill-down.ts';
import type { InsightsPorts } from '../kpis/order-facts.ts';
import {
  kpiValue,
  listDefinitions,
  type PeriodFilter,
  periodSummary,
  type StockOuts,
} from '../kpis/period.ts';
import { readCounts, splitPeriod } from '../kpis/rollups.ts';
import { shopToday } from '../kpis/shop-days.ts';
import { addDays, type Stage, stages } from '../kpis/stages.ts';
import { createSummaries } from '../kpis/summaries.ts';
import { insightsDb } from '../schema.ts';
import type { InsightsTable } from './export.ts';
import { operationsToday } from './operations.ts';

export interface InsightsDeps {
  database: Database;
  clock: Clock;
  ports?: InsightsPorts;
  /** The shop's time zone: insights' days are the shop's days (UTC when not given). */
  shopTimeZone?: () => Promise<string>;
  /** Inventory's stock reports (turnover, days of cover, slow movers, stock-outs). */
  inventoryReport?: (
    kind: 'turnover' | 'slow-movers' | 'stockouts',
    query: { days: number; groupBy: 'sku' | 'category' | 'warehouse'; format: 'json' },
  ) => Promise<InventoryReport>;
  /** Inventory's stock-out rate over whole days `from`..`to` (exclusive). */
  stockOutRate?: (from: string, to: string) => Promise<StockOuts>;
}

export const tableNames = [
  'kpis',
  'volume',
  'channels',
  'stages',
  'holds',
  'carriers',
  'bottlenecks',
  'segments',
  'affinity',
  'regions',
  'hours',
  'queues',
  'turnover',
  'slow-movers',
  'stockouts',
] as const;
export type TableName = (typeof tableNames)[number];

const isoDay = /^\d{4}-\d{2}-\d{2}$/;

/** A period `from`..`to` (exclusive) in whole days of the shop, at most two years. */
export function checkPeriod(filter: { from: string; to: string }): void {
  if (!isoDay.test(filter.from) || Number.isNaN(Date.parse(filter.from)))
    throw invalidField('from', 'dayExample', { example: '2026-11-01' });
  if (!isoDay.test(filter.to) || Number.isNaN(Date.parse(filter.to)))
    throw invalidField('to', 'dayExample', { example: '2026-12-01' });
  if (filter.to <= filter.from) throw invalidField('to', 'toAfterFrom');
  if (Date.parse(filter.to) - Date.parse(filter.from) > 731 * 86_400_000)
    throw invalidField('to', 'periodTwoYears');
}

export function createInsightsDashboards(deps: InsightsDeps) {
  const { database, clock } = deps;
  const summaries = createSummaries(deps);
  const zone = async () => (deps.shopTimeZone ? await deps.shopTimeZone() : 'UTC');

  async function kpis(filter: PeriodFilter) {
    checkPeriod(filter);
    const [periodFigures, definitions, stock] = await Promise.all([
      periodSummary(database, filter),
      listDefinitions(database),
      deps.stockOutRate ? deps.stockOutRate(filter.from, filter.to) : null,
    ]);
    const summary = { ...periodFigures, stock };
    return {
      summary,
      kpis: definitions.map((d) => ({ ...d, value: kpiValue(d.formula, summary) })),
    };
  }

  /** The last 7 whole days against the 7 before them. */
  async function weekOverWeek(channel?: string) {
    const today = shopToday(clock.now(), await zone());
    const thisWeek = { from: addDays(today, -7), to: today, channel };
    const lastWeek = { from: addDays(today, -14), to: addDays(today, -7), channel };
    const [current, previous] = await Promise.all([kpis(thisWeek), kpis(lastWeek)]);
    return {
      current: { from: thisWeek.from, to: thisWeek.to },
      previous: { from: lastWeek.from, to: lastWeek.to },
      kpis: current.kpis.map((k, i) => {
        const before = previous.kpis[i]?.value ?? null;
        return {
          key: k.key,
          name: k.name,
          unit: k.unit,
          goodDirection: k.goodDirection,
          target: k.target,
          value: k.value,
          previous: before,
          change:
            k.value === null || before === null ? null : Math.round((k.value - before) * 10_000) / 10_000,
        };
      }),
      byDay: [...previous.summary.byDay, ...current.summary.byDay],
    };
  }

  async function updateTarget(_actor: Actor, key: string, target: number | null) {
    const db = insightsDb(database);
    const result = await db
      .updateTable('insights_kpi_definitions')
      .set({ target, updated_at: clock.now().toISOString() })
      .where('key', '=', key)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw notFound('KPI', key);
    return (await listDefinitions(database)).find((d) => d.key === key)!;
  }

  async function bottlenecks(period: { from: string; to: string }) {
    checkPeriod(period);
    return findBottlenecks(database, period);
  }

  async function behaviour(period: { from: string; to: string }) {
    checkPeriod(period);
    return customerBehaviour(database, period);
  }

  async function orders(filter: DrillDownFilter, page: { limit: number; cursor?: string }) {
    checkPeriod(filter);
    return drillDownOrders(database, filter, page, await zone());
  }

  /** Any table a dashboard shows, by name, for export (CSV/XLSX) or display. */
  async function table(name: TableName, filter: PeriodFilter): Promise<InsightsTable> {
    const col = (key: string, type: InsightsTable['columns'][number]['type'] = 'text') => ({ key, type });
    if (name === 'queues') {
      const ops = await operationsToday(database, clock.now(), await zone());
      return {
        name,
        columns: [
          col('status'),
          col('orders', 'number'),
          col('oldestPlacedAt'),
          col('oldestAgeHours', 'number'),
        ],
        rows: ops.queues,
      };
    }
    if (name === 'turnover' || name === 'slow-movers' || name === 'stockouts') {
      if (!deps.inventoryReport) return { name, columns: [], rows: [] };
      const days = Math.max(7, Math.round((Date.parse(filter.to) - Date.parse(filter.from)) / 86_400_000));
      const report = await deps.inventoryReport(name, {
        days: Math.min(days, 730),
        groupBy: 'sku',
        format: 'json',
      });
      return { name, columns: report.columns, rows: report.rows };
    }
    if (name === 'bottlenecks') {
      const b = await bottlenecks(filter);
      return {
        name,
        columns: [
          col('stage'),
          col('dim'),
          col('value'),
          col('orders', 'number'),
          col('hours', 'number'),
          col('avgHours', 'number'),
          col('baselineAvgHours', 'number'),
          col('excessHours', 'number'),
        ],
        rows: b.findings.map(({ drillDown: _d, ...f }) => f),
      };
    }
    if (name === 'segments' || name === 'affinity' || name === 'regions' || name === 'hours') {
      const b = await behaviour(filter);
      if (name === 'segments')
        return {
          name,
          columns: [
            col('segment'),
            col('customers', 'number'),
            col('orders', 'number'),
            col('value', 'money'),
          ],
          rows: b.segments,
        };
      if (name === 'affinity')
        return {
          name,
          columns: [
            col('skuA'),
            col('skuB'),
            col('orders', 'number'),
            col('support', 'percent'),
            col('confidence', 'percent'),
            col('lift', 'number'),
          ],
          rows: b.affinity,
        };
      if (name === 'regions')
        return { name, columns: [col('province'), col('city'), col('orders', 'number')], rows: b.regions };
      return {
        name,
        columns: [col('hour', 'number'), col('orders', 'number')],
        rows: b.byHour,
      };
    }
    if (name === 'volume' || name === 'channels' || name === 'holds') {
      const summary = await periodSummary(database, filter, { stages: false });
      if (name === 'volume')
        return {
          name,
          columns: [
            col('day'),
            col('orders', 'number'),
            col('shipped', 'number'),
            col('held', 'number'),
            col('cancelled', 'number'),
          ],
          rows: summary.byDay,
        };
      if (name === 'channels')
        return {
          name,
          columns: [col('channel'), col('orders', 'number')],
          rows: Object.entries(summary.byChannel).map(([channel, orders]) => ({ channel, orders })),
        };
      return {
        name,
        columns: [col('reason'), col('orders', 'number')],
        rows: Object.entries(summary.holdsByReason).map(([reason, orders]) => ({ reason, orders })),
      };
    }
    if (name === 'carriers') return carrierTable(filter);
    const { summary, kpis: values } = await kpis(filter);
    if (name === 'kpis')
      return {
        name,
        columns: [
          col('key'),
          col('name'),
          col('unit'),
          col('value', 'number'),
          col('target', 'number'),
          col('goodDirection'),
        ],
        rows: values.map((k) => ({
          key: k.key,
          name: k.name,
          unit: k.unit,
          value: k.value,
          target: k.target,
          goodDirection: k.goodDirection,
        })),
      };
    return {
      name,
      columns: [col('stage'), col('n', 'number'), col('p50', 'number'), col('p90', 'number')],
      rows: stages.map((stage: Stage) => {
        const { n, p50, p90 } = summary.stages[stage];
        return { stage, n, p50, p90 };
      }),
    };
  }

  async function carrierTable(filter: PeriodFilter): Promise<InsightsTable> {
    const rows = await readCounts(insightsDb(database), splitPeriod(filter.from, filter.to), ['carrier']);
    const by = new Map<string, { carrier: string; delivered: number; onTime: number }>();
    for (const r of rows) {
      const c = by.get(r.dim_value) ?? { carrier: r.dim_value, delivered: 0, onTime: 0 };
      if (r.metric === 'promised_delivered') c.delivered += Number(r.value);
      if (r.metric === 'on_time') c.onTime += Number(r.value);
      by.set(r.dim_value, c);
    }
    return {
      name: 'carriers',
      columns: [
        { key: 'carrier', type: 'text' },
        { key: 'delivered', type: 'number' },
        { key: 'onTime', type: 'number' },
        { key: 'onTimeRate', type: 'percent' },
      ],
      rows: [...by.values()].map((c) => ({
        ...c,
        onTimeRate: c.delivered === 0 ? null : Math.round((c.onTime / c.delivered) * 10_000) / 10_000,
      })),
    };
  }

  return {
    summaries,
    kpis: { definitions: () => listDefinitions(database), updateTarget, period: kpis, weekOverWeek },
    bottlenecks,
    behaviour,
    operations: async () => operationsToday(database, clock.now(), await zone()),
    orders,
    table,
  };
}

export type InsightsDashboards = ReturnType<typeof createInsightsDashboards>;
