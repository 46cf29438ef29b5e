import type { z } from 'zod';
import type { alertQuery, ComputedPlan, SkuStock, skuPlanningBody } from '../../contracts/inventory.ts';
import type { Actor } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit-log.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import { readJson } from '../../platform/db/dialect.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { AppError, invalidField } from '../../platform/errors.ts';
import type { Mailer } from '../../platform/mail.ts';
import { fromMinor, toMinor } from '../../platform/money.ts';
import { pageNewestFirst } from '../../platform/pagination.ts';
import { type SkuPlanningFields, setSkuPlanningFields, skuByCode } from '../catalog/index.ts';
import { ledgerRepository } from './ledger.repository.ts';
import { levelsRepository } from './levels.repository.ts';
import { toStockLevel } from './levels.ts';
import { demandSeries, type PlanMode, seriesDays } from './planning.ts';
import { plansRepository } from './plans.repository.ts';
import { skuOwnersRepository } from './sku-owners.repository.ts';
import { suppliersRepository } from './suppliers.repository.ts';

const demandDays = 90;

/** What the SKU page shows: levels and plans per warehouse, the SKU's planning fields, demand. */
export function createStockViews(deps: {
  database: Database;
  clock: Clock;
  mailer: Mailer;
  publicUrl: string;
}) {
  const { database, clock } = deps;

  async function skuStock(code: string): Promise<SkuStock> {
    const db = database.db;
    const sku = await skuByCode(db, code);
    const [levels, plans, supplier, series] = await Promise.all([
      levelsRepository.withNames(db).where('l.sku_id', '=', sku.id).orderBy('w.code').execute(),
      plansRepository.ofSku(db, sku.id),
      sku.supplier_id ? suppliersRepository.findById(db, sku.supplier_id) : undefined,
      demandSeries(db, database.dialect, clock.now(), demandDays, { skuId: sku.id }),
    ]);
    const planOf = new Map(plans.map((p) => [p.warehouse_id, p]));
    const dates = seriesDays(clock.now(), demandDays);
    const total = new Array(demandDays).fill(0);
    for (const values of series.values()) for (const [i, v] of values.entries()) total[i] += v;
    return {
      sku: {
        id: sku.id,
        code: sku.code,
        name: sku.name,
        category: sku.category,
        unitCost: sku.unit_cost_minor === null ? null : fromMinor(Number(sku.unit_cost_minor), sku.currency),
        supplier: supplier ? { id: supplier.id, code: supplier.code, name: supplier.name } : null,
        ownerUserId: sku.owner_user_id,
      },
      levels: levels.map((row) => {
        const plan = planOf.get(row.warehouse_id);
        return {
          ...toStockLevel(row),
          mode: (plan?.mode ?? 'computed') as PlanMode,
          manualWarningLine: plan?.manual_warning_line ?? null,
          manualSafetyStock: plan?.manual_safety_stock ?? null,
          plan: plan?.plan ? readJson<ComputedPlan>(plan.plan) : null,
          plannedAt: plan?.planned_at ?? null,
        };
      }),
      demand: dates.map((date, i) => ({ date, quantity: total[i] })),
    };
  }

  async function updateSkuPlanning(actor: Actor, code: string, input: z.output<typeof skuPlanningBody>) {
    const now = clock.now();
    await inTransaction(database, async (tx) => {
      const sku = await skuByCode(tx, code);
      const fields: SkuPlanningFields = {};
      if (input.category !== undefined) fields.category = input.category || null;
      if (input.unitCost !== undefined)
        fields.unitCostMinor =
          input.unitCost === null ? null : toMinor(input.unitCost, sku.currency, 'unitCost');
      if (input.supplier !== undefined) {
        if (input.supplier === null || input.supplier === '') fields.supplierId = null;
        else {
          const supplier = await suppliersRepository.findByCode(tx, input.supplier);
          if (!supplier)
            throw new AppError('UNKNOWN_SUPPLIER', `supplier: no supplier "${input.supplier}"`, {
              field: 'supplier',
            });
          fields.supplierId = supplier.id;
        }
      }
      if (input.ownerUserId !== undefined) {
        if (input.ownerUserId) {
          if (!(await skuOwnersRepository.userExists(tx, input.ownerUserId)))
            throw invalidField('ownerUserId', 'noSuchUser');
        }
        fields.ownerUserId = input.ownerUserId || null;
      }
      await setSkuPlanningFields(tx, sku.id, fields, now);
      await recordAudit(tx, actor, now, {
        action: 'sku.planning_changed',
        targetType: 'sku',
        targetId: sku.id,
        details: input,
      });
    });
    return skuStock(code);
  }

  async function listAlerts(filter: z.output<typeof alertQuery>) {
    const query = ledgerRepository.alerts(database.db, { isOpen: filter.status === 'open' });
    return pageNewestFirst(
      query,
      'a.id',
      filter,
      (r) => ({
        id: r.id,
        sku: r.sku,
        skuName: r.sku_name,
        warehouse: r.warehouse,
        available: r.available,
        warningLine: r.warning_line,
        raisedAt: r.raised_at,
        clearedAt: r.cleared_at,
      }),
      (r) => r.id,
    );
  }

  async function openAlertCount(): Promise<{ open: number }> {
    return { open: await ledgerRepository.openAlertCount(database.db) };
  }

  /** Mails the SKU's owner that stock fell to the warning line; no owner or address, no mail. */
  async function notifyLowStock(event: {
    skuId: string;
    warehouseId: string;
    available: number;
    warningLine: number;
  }) {
    const row = await skuOwnersRepository.ownerOf(database.db, event.skuId);
    if (!row?.email) return;
    const link = `${deps.publicUrl.replace(/\/$/, '')}/inventory/skus/${encodeURIComponent(row.code)}`;
    await deps.mailer.send({
      to: row.email,
      subject: `Low stock: ${row.code} in ${event.warehouseId} (${event.available} left) / 库存预警：${row.code}`,
      text: [
        `${row.display_name},`,
        '',
        `${row.code} ${row.name}: ${event.available} available in warehouse ${event.warehouseId}, at or below the warning line of ${event.warningLine}.`,
        `${row.code} ${row.name}：仓库 ${event.warehouseId} 可用库存 ${event.available}，已低于预警线 ${event.warningLine}。`,
        '',
        link,
      ].join('\n'),
    });
  }

  return { skuStock, updateSkuPlanning, listAlerts, openAlertCount, notifyLowStock };
}

export type StockViews = ReturnType<typeof createStockViews>;
