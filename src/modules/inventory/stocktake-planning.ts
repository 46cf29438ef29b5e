import type { z } from 'zod';
import type { newStocktakeBody, StocktakeDetail } from '../../contracts/inventory.ts';
import type { Actor } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit-log.ts';
import type { Executor } from '../../platform/db/database.ts';
import { writeJson } from '../../platform/db/dialect.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { AppError, invalidField } from '../../platform/errors.ts';
import { randomBase32, uuidv7 } from '../../platform/ids.ts';
import { levelsRepository } from './levels.repository.ts';
import { skuClasses } from './reports.ts';
import type { Stocktake, StocktakeDeps } from './stocktake-reading.ts';
import { stocktakesRepository } from './stocktakes.repository.ts';
import { warehouseByCode } from './warehouses.ts';

const dayMs = 24 * 60 * 60 * 1000;

interface SheetSpec {
  kind: string;
  classes: string[] | null;
  note: string | null;
  skuIds: string[] | null;
}

/** Planning stocktakes: a count sheet on request, and the cycle counts the ABC classes make due. */
export function createStocktakePlanning(deps: StocktakeDeps, read: (id: string) => Promise<StocktakeDetail>) {
  const { database, clock } = deps;

  async function createStocktake(actor: Actor, input: z.output<typeof newStocktakeBody>) {
    const now = clock.now();
    const classes = input.kind === 'cycle' ? (input.classes ?? ['A']) : null;
    const skuFilter = classes ? await skusOfClasses(now, classes) : null;
    const id = await inTransaction(database, async (tx) => {
      const warehouse = await warehouseByCode(tx, input.warehouse);
      return insertStocktake(tx, actor, now, warehouse.id, {
        kind: input.kind,
        classes,
        note: input.note ?? null,
        skuIds: skuFilter,
      });
    });
    return read(id);
  }

  async function skusOfClasses(now: Date, classes: readonly string[]): Promise<string[]> {
    const byClass = await skuClasses(database, now, 90);
    return [...byClass].filter(([, c]) => classes.includes(c)).map(([id]) => id);
  }

  /** Creates the cycle counts now due: SKUs whose class interval passed since their last count. */
  async function planCycleCounts(actor: Actor) {
    const now = clock.now();
    const settings = await deps.settings();
    const classes = await skuClasses(database, now, 90);
    const ids = await inTransaction(database, async (tx) => {
      const levels = await levelsRepository.inActiveWarehouses(tx);
      const due = new Map<string, string[]>();
      for (const level of levels) {
        const cls = classes.get(level.sku_id) ?? 'C';
        const next = level.last_counted_at
          ? Date.parse(level.last_counted_at) + settings.cycleCountDays[cls] * dayMs
          : Number.NEGATIVE_INFINITY;
        if (next <= now.getTime())
          due.set(level.warehouse_id, [...(due.get(level.warehouse_id) ?? []), level.sku_id]);
      }
      const created: string[] = [];
      for (const [warehouseId, skuIds] of due) {
        if (await stocktakesRepository.findOpen(tx, warehouseId)) continue; // one count at a time per warehouse
        created.push(
          await insertStocktake(tx, actor, now, warehouseId, {
            kind: 'cycle',
            classes: ['A', 'B', 'C'].filter((c) => skuIds.some((id) => (classes.get(id) ?? 'C') === c)),
            note: 'cycle count due by ABC class',
            skuIds,
          }),
        );
      }
      return created;
    });
    return { items: await Promise.all(ids.map(async (id) => summary(await read(id)))) };
  }

  return { createStocktake, planCycleCounts };
}

async function insertStocktake(
  tx: Executor,
  actor: Actor,
  now: Date,
  warehouseId: string,
  spec: SheetSpec,
): Promise<string> {
  const open = await stocktakesRepository.findOpen(tx, warehouseId);
  // Two open counts of one warehouse would post the same variance twice.
  if (open)
    throw new AppError('STOCKTAKE_OPEN', `warehouse: stocktake ${open.number} is still open there`, {
      field: 'warehouse',
      number: open.number,
    });
  const rows = await stocktakesRepository.sheetSource(tx, warehouseId, spec.skuIds);
  if (rows.length === 0) throw invalidField(spec.classes ? 'classes' : 'warehouse', 'nothingToCount');
  const at = now.toISOString();
  const id = uuidv7(now.getTime());
  await stocktakesRepository.insert(
    tx,
    {
      id,
      number: `ST${at.slice(2, 10).replaceAll('-', '')}${randomBase32(5)}`,
      warehouse_id: warehouseId,
      kind: spec.kind,
      classes: spec.classes ? writeJson(spec.classes) : null,
      status: 'counting',
      note: spec.note,
      created_by: actor.name,
      created_at: at,
      updated_at: at,
    },
    rows.map((r) => ({
      id: uuidv7(now.getTime()),
      stocktake_id: id,
      sku_id: r.sku_id,
      bin: r.bin,
      expected: Number(r.on_hand),
      unit_cost_minor: Number(r.unit_cost_minor ?? r.price_minor),
    })),
  );
  await recordAudit(tx, actor, now, {
    action: 'stocktake.created',
    targetType: 'stocktake',
    targetId: id,
    details: { kind: spec.kind, lines: rows.length },
  });
  return id;
}

function summary(detail: StocktakeDetail): Stocktake {
  const { lines: _, ...rest } = detail;
  return rest;
}
