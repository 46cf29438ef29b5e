import type { z } from 'zod';
import type {
  InventoryReport,
  InventorySettings,
  ReportKind,
  reportQuery,
} from '../../contracts/inventory.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Executor } from '../../platform/db/database.ts';
import { fromMinor } from '../../platform/money.ts';
import { type AbcClass, abcClasses, daysOfCover, inventoryTurnover } from './abc.ts';
import { ledgerRepository } from './ledger.repository.ts';
import { levelsRepository } from './levels.repository.ts';
import { demandSeries, seriesDays } from './planning.ts';

const currency = 'CNY';
type Column = InventoryReport['columns'][number];
type ReportRow = InventoryReport['rows'][number];

interface SkuFacts {
  skuId: string;
  sku: string;
  name: string;
  category: string;
  warehouse: string;
  unitCostMinor: number;
  onHand: number;
  available: number;
  /** Net units demanded per day over the period, oldest first. */
  demand: number[];
  /** End-of-day on-hand per day over the period, replayed from the ledger. */
  onHandByDay: number[];
  lastSaleAt: string | null;
}

/** ABC class per SKU id by consumption value (units demanded × unit cost) over `days`. */
export async function skuClasses(
  database: Database,
  now: Date,
  days: number,
): Promise<Map<string, AbcClass>> {
  const facts = await loadFacts(database, database.db, now, days);
  const value = new Map<string, number>();
  for (const f of facts) value.set(f.skuId, (value.get(f.skuId) ?? 0) + sum(f.demand) * f.unitCostMinor);
  return abcClasses([...value].map(([key, v]) => ({ key, value: v })));
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

async function loadFacts(database: Database, db: Executor, now: Date, days: number, warehouse?: string) {
  const since = new Date(now.getTime() - days * 86_400_000).toISOString();
  const [rows, demand, moves, lastSales] = await Promise.all([
    levelsRepository.forReport(db, warehouse),
    demandSeries(db, database.dialect, now, days),
    ledgerRepository.onHandMovesSince(db, since),
    ledgerRepository.lastSales(db),
  ]);
  const key = (sku: string, wh: string) => `${sku}\u0000${wh}`;
  const movesBy = new Map<string, { delta: number; at: string }[]>();
  for (const m of moves) {
    const list = movesBy.get(key(m.sku_id, m.warehouse_id)) ?? [];
    list.push({ delta: m.on_hand_delta, at: String(m.at) });
    movesBy.set(key(m.sku_id, m.warehouse_id), list);
  }
  const last = new Map(lastSales.map((r) => [key(r.sku_id, r.warehouse_id), r.last ? String(r.last) : null]));
  return rows.map((r): SkuFacts => {
    const k = key(r.sku_id, r.warehouse_id);
    return {
      skuId: r.sku_id,
      sku: r.code,
      name: r.name,
      category: r.category ?? '—',
      warehouse: r.warehouse,
      // Without a recorded cost, the selling price stands in, so values are never silently zero.
      unitCostMinor: Number(r.unit_cost_minor ?? r.price_minor),
      onHand: Number(r.on_hand),
      available: Number(r.on_hand) - Number(r.reserved),
      demand: demand.get(k) ?? new Array(days).fill(0),
      onHandByDay: replayOnHand(Number(r.on_hand), movesBy.get(k) ?? [], now, days),
      lastSaleAt: last.get(k) ?? null,
    };
  });
}

/** End-of-day on-hand for each of the last `days` days, walking the ledger back from today. */
export function replayOnHand(
  current: number,
  moves: readonly { delta: number; at: string }[],
  now: Date,
  days: number,
): number[] {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const result = new Array<number>(days);
  const sorted = [...moves].sort((a, b) => b.at.localeCompare(a.at));
  let level = current;
  let m = 0;
  for (let i = days - 1; i >= 0; i--) {
    const endOfDay = new Date(today - (days - 1 - i) * 86_400_000).toISOString();
    // Undo every movement after this day's end to get the level that day ended with.
    while (m < sorted.length && sorted[m].at >= endOfDay) level -= sorted[m++].delta;
    result[i] = Math.max(0, level);
  }
  return result;
}

export function createReports(deps: {
  database: Database;
  clock: Clock;
  settings: () => Promise<InventorySettings>;
}) {
  const { database, clock } = deps;

  async function inventoryReport(
    kind: ReportKind,
    query: z.output<typeof reportQuery>,
  ): Promise<InventoryReport> {
    const now = clock.now();
    const facts = await loadFacts(database, database.db, now, query.days, query.warehouse);
    const settings = await deps.settings();
    const build = {
      'slow-movers': () => slowMovers(facts, now, settings.slowMoverDays, query.days),
      'fast-movers': () => fastMovers(facts, query.days),
      abc: () => abcReport(facts),
      turnover: () => turnover(facts, query.groupBy),
      stockouts: () => stockouts(facts),
    }[kind];
    const { columns, rows } = build();
    return { kind, days: query.days, columns, rows };
  }

  /**
   * Stock-out rate over the whole days `from`..`to` (exclusive, UTC, before today, at most 730
   * back): SKU-days that ended with nothing on hand ÷ SKU-days, over the SKUs (per warehouse) that
   * had stock or demand in those days. Null when no SKU had either.
   */
  async function stockOutRate(from: string, to: string) {
    const now = clock.now();
    const dates = seriesDays(now, 730).filter((d) => d >= from);
    const facts = dates.length === 0 ? [] : await loadFacts(database, database.db, now, dates.length);
    const inWindow = dates.map((d) => d < to);
    let skuDays = 0;
    let outDays = 0;
    for (const f of facts) {
      const days = f.onHandByDay.filter((_, i) => inWindow[i]);
      const demand = f.demand.filter((_, i) => inWindow[i]);
      if (sum(demand) === 0 && days.every((v) => v === 0)) continue;
      skuDays += days.length;
      outDays += days.filter((v) => v === 0).length;
    }
    return { skuDays, outDays, rate: skuDays === 0 ? null : round(outDays / skuDays, 4) };
  }

  return { inventoryReport, stockOutRate };
}

const col = (key: string, type: Column['type'] = 'text'): Column => ({ key, type });

function slowMovers(facts: SkuFacts[], now: Date, slowDays: number, days: number) {
  const cutoff = new Date(now.getTime() - slowDays * 86_400_000).toISOString();
  const rows = facts
    .filter((f) => f.onHand > 0 && (f.lastSaleAt === null || f.lastSaleAt < cutoff))
    .map(
      (f): ReportRow => ({
        sku: f.sku,
        name: f.name,
        warehouse: f.warehouse,
        onHand: f.onHand,
        value: fromMinor(f.onHand * f.unitCostMinor, currency),
        lastSaleAt: f.lastSaleAt,
        daysOfCover: cover(f, days),
      }),
    )
    .sort((a, b) => Number(b.value) - Number(a.value));
  return {
    columns: [
      col('sku'),
      col('name'),
      col('warehouse'),
      col('onHand', 'number'),
      col('value', 'money'),
      col('lastSaleAt'),
      col('daysOfCover', 'number'),
    ],
    rows,
  };
}

function cover(f: SkuFacts, days: number): number | null {
  const days_ = daysOfCover(f.available, sum(f.demand) / days);
  return days_ === null ? null : round(days_, 1);
}

function fastMovers(facts: SkuFacts[], days: number) {
  const rows = facts
    .filter((f) => sum(f.demand) > 0)
    .map(
      (f): ReportRow => ({
        sku: f.sku,
        name: f.name,
        warehouse: f.warehouse,
        units: sum(f.demand),
        perDay: round(sum(f.demand) / days),
        available: f.available,
        daysOfCover: cover(f, days),
      }),
    )
    .sort((a, b) => Number(b.units) - Number(a.units))
    .slice(0, 100);
  return {
    columns: [
      col('sku'),
      col('name'),
      col('warehouse'),
      col('units', 'number'),
      col('perDay', 'number'),
      col('available', 'number'),
      col('daysOfCover', 'number'),
    ],
    rows,
  };
}

function abcReport(facts: SkuFacts[]) {
  const value = facts.map((f) => ({ key: f, value: sum(f.demand) * f.unitCostMinor }));
  const classes = abcClasses(value);
  const total = sum(value.map((v) => v.value)) || 1;
  let cumulative = 0;
  const rows = [...value]
    .sort((a, b) => b.value - a.value)
    .map(({ key: f, value: v }): ReportRow => {
      cumulative += v;
      return {
        sku: f.sku,
        name: f.name,
        warehouse: f.warehouse,
        class: classes.get(f) ?? 'C',
        consumption: fromMinor(v, currency),
        share: round(v / total, 4),
        cumulativeShare: round(cumulative / total, 4),
      };
    });
  return {
    columns: [
      col('sku'),
      col('name'),
      col('warehouse'),
      col('class'),
      col('consumption', 'money'),
      col('share', 'percent'),
      col('cumulativeShare', 'percent'),
    ],
    rows,
  };
}

/** Turnover = cost of goods sold / average inventory value over the period, per group. */
function turnover(facts: SkuFacts[], groupBy: 'sku' | 'category' | 'warehouse') {
  const groups = new Map<string, { cogs: number; average: number }>();
  for (const f of facts) {
    const key = groupBy === 'sku' ? f.sku : groupBy === 'category' ? f.category : f.warehouse;
    const g = groups.get(key) ?? { cogs: 0, average: 0 };
    g.cogs += sum(f.demand) * f.unitCostMinor;
    g.average += (sum(f.onHandByDay) / Math.max(1, f.onHandByDay.length)) * f.unitCostMinor;
    groups.set(key, g);
  }
  const rows = [...groups]
    .map(([key, g]): ReportRow => {
      const t = inventoryTurnover(g.cogs, g.average);
      return {
        [groupBy]: key,
        cogs: fromMinor(Math.round(g.cogs), currency),
        averageInventory: fromMinor(Math.round(g.average), currency),
        turnover: t === null ? null : round(t),
      };
    })
    .sort((a, b) => Number(b.turnover ?? -1) - Number(a.turnover ?? -1));
  return {
    columns: [
      col(groupBy),
      col('cogs', 'money'),
      col('averageInventory', 'money'),
      col('turnover', 'number'),
    ],
    rows,
  };
}

/** Stock-out rate: the share of days a SKU ended with nothing on hand while it had demand in the period. */
function stockouts(facts: SkuFacts[]) {
  const rows = facts
    .filter((f) => sum(f.demand) > 0 || f.onHand === 0)
    .map((f): ReportRow => {
      const out = f.onHandByDay.filter((v) => v === 0).length;
      return {
        sku: f.sku,
        name: f.name,
        warehouse: f.warehouse,
        daysOut: out,
        rate: round(out / Math.max(1, f.onHandByDay.length), 4),
        available: f.available,
      };
    })
    .filter((r) => Number(r.daysOut) > 0)
    .sort((a, b) => Number(b.rate) - Number(a.rate));
  return {
    columns: [
      col('sku'),
      col('name'),
      col('warehouse'),
      col('daysOut', 'number'),
      col('rate', 'percent'),
      col('available', 'number'),
    ],
    rows,
  };
}
