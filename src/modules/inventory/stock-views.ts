import type { z } from 'zod';
import type { alertQuery, ComputedPlan, SkuStock, skuPlanningBody } from '../../contracts/inventory.ts';
import type { Actor } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit-log.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import { readJson } from '../../platform/db/dialect.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { AppError } from '../../platform/errors.ts';
import type { Mailer } from '../../platform/mail.ts';
import { fromMinor, toMinor } from '../../platform/money.ts';
import { decodeCursor, toPage } from '../../platform/pagination.ts';
import { type SkuPlanningFields, setSkuPlanningFields, skuByCode } from '../catalog/index.ts';
import { levelsQuery, toStockLevel } from './levels.ts';
import { demandSeries, type PlanMode, seriesDays } from './planning.ts';

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
      levelsQuery(db).where('l.sku_id', '=', sku.id).orderBy('w.code').execute(),
      db.selectFrom('stock_plans').selectAll().where('sku_id', '=', sku.id).execute(),
      sku.supplier_id
        ? db
            .selectFrom('suppliers')
            .select(['id', 'code', 'name'])
            .where('id', '=', sku.supplier_id)
            .executeTakeFirst()
        : undefined,
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
        supplier: supplier ?? null,
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
          const supplier = await tx
            .selectFrom('suppliers')
            .select('id')
            .where('code', '=', input.supplier)
            .executeTakeFirst();
          if (!supplier)
            throw new AppError('UNKNOWN_SUPPLIER', `supplier: no supplier "${input.supplier}"`, {
              field: 'supplier',
            });
          fields.supplierId = supplier.id;
        }
      }
      if (input.ownerUserId !== undefined) {
        if (input.ownerUserId) {
          const user = await tx
            .selectFrom('staff_users_view')
            .select('id')
            .where('id', '=', input.ownerUserId)
            .executeTakeFirst();
          if (!user)
            throw new AppError('VALIDATION_FAILED', 'ownerUserId: no such user', { field: 'ownerUserId' });
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
    let query = database.db
      .selectFrom('stock_alerts as a')
      .innerJoin('catalog_skus_view as s', 's.id', 'a.sku_id')
      .innerJoin('warehouses as w', 'w.id', 'a.warehouse_id')
      .select([
        'a.id',
        's.code as sku',
        's.name as sku_name',
        'w.code as warehouse',
        'a.available',
        'a.warning_line',
        'a.raised_at',
        'a.cleared_at',
      ]);
    if (filter.status === 'open') query = query.where('a.cleared_at', 'is', null);
    if (filter.cursor) query = query.where('a.id', '<', String(decodeCursor(filter.cursor, 1)[0]));
    const rows = await query
      .orderBy('a.id', 'desc')
      .limit(filter.limit + 1)
      .execute();
    return toPage(
      rows,
      filter.limit,
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
      (r) => [r.id],
    );
  }

  async function openAlertCount(): Promise<{ open: number }> {
    const row = await database.db
      .selectFrom('stock_alerts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('cleared_at', 'is', null)
      .executeTakeFirstOrThrow();
    return { open: Number(row.n) };
  }

  /** Mails the SKU's owner that stock fell to the warning line; no owner or address, no mail. */
  async function notifyLowStock(event: {
    skuId: string;
    warehouseId: string;
    available: number;
    warningLine: number;
  }) {
    const row = await database.db
      .selectFrom('catalog_skus_view as s')
      .innerJoin('staff_users_view as u', 'u.id', 's.owner_user_id')
      .select(['s.code', 's.name', 'u.email', 'u.display_name'])
      .where('s.id', '=', event.skuId)
      .executeTakeFirst();
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
