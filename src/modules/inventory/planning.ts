import type { z } from 'zod';
import type { ComputedPlan, InventorySettings, planBody } from '../../contracts/inventory.ts';
import type { Actor } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit-log.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Executor } from '../../platform/db/database.ts';
import { readJson, writeJson } from '../../platform/db/dialect.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { skuByCode } from '../catalog/index.ts';
import { forecastDemand } from './forecast.ts';
import { ledgerRepository } from './ledger.repository.ts';
import { levelsRepository } from './levels.repository.ts';
import { plansRepository } from './plans.repository.ts';
import { reorderPlan } from './reorder.ts';
import { raiseOrClearAlert } from './stock-ledger.ts';
import { suppliersRepository } from './suppliers.repository.ts';
import { warehouseByCode } from './warehouses.ts';

const dayMs = 24 * 60 * 60 * 1000;
/** A year of history is enough to see the weekly rhythm and keeps nightly planning quick. */
const historyDays = 365;

export type PlanMode = 'manual' | 'computed' | 'off';

/** Day `i` of a series that ends yesterday (UTC), as YYYY-MM-DD. */
export function seriesDays(now: Date, days: number): string[] {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Array.from({ length: days }, (_, i) =>
    new Date(today - (days - i) * dayMs).toISOString().slice(0, 10),
  );
}

/**
 * Net daily demand per SKU and warehouse from the ledger: units reserved for orders minus units
 * released again (a cancelled order was never demand). Days without movement are zeros.
 */
export async function demandSeries(
  db: Executor,
  dialect: Database['dialect'],
  now: Date,
  days: number,
  filter: { skuId?: string } = {},
): Promise<Map<string, number[]>> {
  const dates = seriesDays(now, days);
  const index = new Map(dates.map((d, i) => [d, i]));
  const rows = await ledgerRepository.demand(db, dialect, {
    from: `${dates[0]}T00:00:00.000Z`,
    to: new Date(Date.parse(`${dates[dates.length - 1]}T00:00:00Z`) + dayMs).toISOString(),
    skuId: filter.skuId,
  });
  const series = new Map<string, number[]>();
  for (const row of rows) {
    const key = `${row.sku_id}\u0000${row.warehouse_id}`;
    let values = series.get(key);
    if (!values) {
      values = new Array(days).fill(0);
      series.set(key, values);
    }
    const i = index.get(String(row.day));
    if (i !== undefined) values[i] = Math.max(0, values[i] + Number(row.units));
  }
  return series;
}

/** The computed plan of one SKU in one warehouse: forecast, back-test, safety stock, reorder point. */
export function computePlan(
  history: readonly number[],
  leadTimeDays: number,
  settings: InventorySettings,
): ComputedPlan {
  // Days before the first demand are days the SKU was not sold yet, not days nobody wanted it.
  const first = history.findIndex((units) => units > 0);
  const selling = first > 0 ? history.slice(first) : history;
  const forecast = forecastDemand(selling, { horizonDays: Math.max(28, leadTimeDays) });
  const leadTimeDemand = forecast.forecast.slice(0, leadTimeDays).reduce((a, b) => a + b, 0);
  const plan = reorderPlan({
    meanDaily: forecast.meanDaily,
    stdDaily: forecast.stdDaily,
    leadTimeDays,
    serviceLevel: settings.serviceLevel,
    reviewPeriodDays: settings.reviewPeriodDays,
    leadTimeDemand,
  });
  return {
    method: forecast.method,
    meanDaily: forecast.meanDaily,
    stdDaily: forecast.stdDaily,
    leadTimeDays,
    serviceLevel: settings.serviceLevel,
    safetyStock: plan.safetyStock,
    reorderPoint: plan.reorderPoint,
    targetLevel: plan.targetLevel,
    formula: plan.formula,
    formulaExplanation: plan.formulaExplanation,
    forecast: forecast.forecast.map((v) => Math.round(v * 100) / 100),
    backtest: forecast.backtest,
  };
}

/** The warning line a plan puts on the level: the hand-set line, or the computed reorder point. */
export function warningLineOf(
  mode: PlanMode,
  manual: { warningLine: number | null; safetyStock: number | null },
  plan: ComputedPlan | null,
) {
  if (mode === 'off') return null;
  if (mode === 'manual') return manual.warningLine ?? manual.safetyStock;
  return plan?.reorderPoint ?? null;
}

export function createPlanning(deps: {
  database: Database;
  clock: Clock;
  settings: () => Promise<InventorySettings>;
}) {
  const { database, clock } = deps;

  /** Recomputes every planned level (nightly, and on demand); returns how many were planned. */
  async function recomputePlans(): Promise<{ planned: number }> {
    const now = clock.now();
    const settings = await deps.settings();
    const db = database.db;
    const [levels, plans, series] = await Promise.all([
      plansRepository.levelsWithLeadTime(db),
      plansRepository.all(db),
      demandSeries(db, database.dialect, now, historyDays),
    ]);
    const planOf = new Map(plans.map((p) => [`${p.sku_id}\u0000${p.warehouse_id}`, p]));
    let planned = 0;
    // Small transactions: planning must not hold the write lock allocation needs.
    for (let i = 0; i < levels.length; i += 200) {
      await inTransaction(database, async (tx) => {
        for (const level of levels.slice(i, i + 200)) {
          const key = `${level.sku_id}\u0000${level.warehouse_id}`;
          const existing = planOf.get(key);
          const mode = (existing?.mode ?? 'computed') as PlanMode;
          const history = series.get(key) ?? new Array(historyDays).fill(0);
          const plan = computePlan(history, level.lead_time_days ?? settings.defaultLeadTimeDays, settings);
          await savePlan(tx, now, level.sku_id, level.warehouse_id, {
            mode,
            manualWarningLine: existing?.manual_warning_line ?? null,
            manualSafetyStock: existing?.manual_safety_stock ?? null,
            plan,
          });
          planned++;
        }
      });
    }
    return { planned };
  }

  async function setPlan(actor: Actor, input: z.output<typeof planBody>): Promise<void> {
    const now = clock.now();
    const settings = await deps.settings();
    await inTransaction(database, async (tx) => {
      const sku = await skuByCode(tx, input.sku);
      const warehouse = await warehouseByCode(tx, input.warehouse);
      const supplier = sku.supplier_id ? await suppliersRepository.findById(tx, sku.supplier_id) : undefined;
      const series = await demandSeries(tx, database.dialect, now, historyDays, { skuId: sku.id });
      const history = series.get(`${sku.id}\u0000${warehouse.id}`) ?? new Array(historyDays).fill(0);
      await savePlan(tx, now, sku.id, warehouse.id, {
        mode: input.mode,
        manualWarningLine: input.warningLine ?? null,
        manualSafetyStock: input.safetyStock ?? null,
        plan: computePlan(history, supplier?.lead_time_days ?? settings.defaultLeadTimeDays, settings),
      });
      await recordAudit(tx, actor, now, {
        action: 'stock.plan_changed',
        targetType: 'sku',
        targetId: sku.id,
        details: input,
      });
    });
  }

  /**
   * The forecast daily demand in units (the plans' mean daily forecast, summed over warehouses),
   * of one SKU by code or of every SKU: what a demand spike is measured against.
   */
  async function expectedDailyDemand(skuCode: string | null): Promise<number> {
    const rows = await plansRepository.plansOfSkuCode(database.db, skuCode);
    return rows.reduce((sum, row) => {
      const plan = row.plan ? readJson<ComputedPlan>(row.plan) : null;
      return sum + (plan?.meanDaily ?? 0);
    }, 0);
  }

  return { recomputePlans, setPlan, expectedDailyDemand };
}

async function savePlan(
  tx: Executor,
  now: Date,
  skuId: string,
  warehouseId: string,
  input: {
    mode: PlanMode;
    manualWarningLine: number | null;
    manualSafetyStock: number | null;
    plan: ComputedPlan;
  },
): Promise<void> {
  const at = now.toISOString();
  const values = {
    mode: input.mode,
    manual_warning_line: input.manualWarningLine,
    manual_safety_stock: input.manualSafetyStock,
    plan: writeJson(input.plan),
    planned_at: at,
    updated_at: at,
  };
  await plansRepository.upsert(tx, { skuId, warehouseId }, values);
  const line = warningLineOf(
    input.mode,
    { warningLine: input.manualWarningLine, safetyStock: input.manualSafetyStock },
    input.plan,
  );
  await levelsRepository.ensure(tx, skuId, warehouseId, at);
  const level = await levelsRepository.setWarningLine(tx, skuId, warehouseId, line);
  // A new line can put stock below it (or lift it out) without any movement.
  await raiseOrClearAlert(
    tx,
    now,
    { skuId, warehouseId },
    {
      onHand: Number(level.on_hand),
      reserved: Number(level.reserved),
      warningLine: line,
      isLow: Number(level.is_low) === 1,
    },
  );
}
