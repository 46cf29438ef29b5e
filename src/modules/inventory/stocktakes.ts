import { sql } from 'kysely';
import type { z } from 'zod';
import type {
  countsBody,
  InventorySettings,
  newStocktakeBody,
  StocktakeDetail,
  stocktakeQuery,
} from '../../contracts/inventory.ts';
import type { Actor } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit-log.ts';
import type { Clock } from '../../platform/clock.ts';
import { lineOf, parseCsvRecords, requireColumns } from '../../platform/csv.ts';
import type { Database, Executor } from '../../platform/db/database.ts';
import { readJson, writeJson } from '../../platform/db/dialect.ts';
import type { Row } from '../../platform/db/schema.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { randomBase32, uuidv7 } from '../../platform/ids.ts';
import { fromMinor } from '../../platform/money.ts';
import { decodeCursor, toPage } from '../../platform/pagination.ts';
import { insufficient } from './levels.ts';
import { skuClasses } from './reports.ts';
import { moveStock } from './stock-ledger.ts';
import { warehouseByCode } from './warehouses.ts';

const currency = 'CNY';
const dayMs = 24 * 60 * 60 * 1000;
type Stocktake = Omit<StocktakeDetail, 'lines'>;

const transitions: Record<string, readonly string[]> = {
  counting: ['review', 'cancelled'],
  review: ['approved', 'counting', 'cancelled'],
  approved: [],
  cancelled: [],
};

/**
 * Stocktakes: a count sheet per warehouse (every SKU, or a cycle count of some ABC classes),
 * counted blind, submitted for review with variances and their value, explained with notes,
 * and approved, which posts each variance to the ledger as a count_variance movement.
 */
export function createStocktakes(deps: {
  database: Database;
  clock: Clock;
  settings: () => Promise<InventorySettings>;
}) {
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
    return getStocktake(id);
  }

  async function skusOfClasses(now: Date, classes: readonly string[]): Promise<string[]> {
    const byClass = await skuClasses(database, now, 90);
    return [...byClass].filter(([, c]) => classes.includes(c)).map(([id]) => id);
  }

  async function insertStocktake(
    tx: Executor,
    actor: Actor,
    now: Date,
    warehouseId: string,
    spec: { kind: string; classes: string[] | null; note: string | null; skuIds: string[] | null },
  ): Promise<string> {
    const open = await tx
      .selectFrom('stocktakes')
      .select('number')
      .where('warehouse_id', '=', warehouseId)
      .where('status', 'in', ['counting', 'review'])
      .executeTakeFirst();
    // Two open counts of one warehouse would post the same variance twice.
    if (open)
      throw new AppError('STOCKTAKE_OPEN', `warehouse: stocktake ${open.number} is still open there`, {
        field: 'warehouse',
        number: open.number,
      });
    let levels = tx
      .selectFrom('stock_levels as l')
      .innerJoin('catalog_skus_view as s', 's.id', 'l.sku_id')
      .select(['l.sku_id', 'l.bin', 'l.on_hand', 's.unit_cost_minor', 's.price_minor'])
      .where('l.warehouse_id', '=', warehouseId);
    if (spec.skuIds) levels = levels.where('l.sku_id', 'in', spec.skuIds.length > 0 ? spec.skuIds : ['']);
    const rows = await levels.orderBy('l.bin').orderBy('s.code').execute();
    if (rows.length === 0) {
      const field = spec.classes ? 'classes' : 'warehouse';
      throw new AppError('VALIDATION_FAILED', `${field}: nothing to count (no stock records match)`, {
        field,
      });
    }
    const at = now.toISOString();
    const id = uuidv7(now.getTime());
    await tx
      .insertInto('stocktakes')
      .values({
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
      })
      .execute();
    for (let i = 0; i < rows.length; i += 500) {
      await tx
        .insertInto('stocktake_lines')
        .values(
          rows.slice(i, i + 500).map((r) => ({
            id: uuidv7(now.getTime()),
            stocktake_id: id,
            sku_id: r.sku_id,
            bin: r.bin,
            expected: Number(r.on_hand),
            unit_cost_minor: Number(r.unit_cost_minor ?? r.price_minor),
          })),
        )
        .execute();
    }
    await recordAudit(tx, actor, now, {
      action: 'stocktake.created',
      targetType: 'stocktake',
      targetId: id,
      details: { kind: spec.kind, lines: rows.length },
    });
    return id;
  }

  /** Creates the cycle counts now due: SKUs whose class interval passed since their last count. */
  async function planCycleCounts(actor: Actor) {
    const now = clock.now();
    const settings = await deps.settings();
    const classes = await skuClasses(database, now, 90);
    const ids = await inTransaction(database, async (tx) => {
      const levels = await tx
        .selectFrom('stock_levels as l')
        .innerJoin('warehouses as w', 'w.id', 'l.warehouse_id')
        .select(['l.sku_id', 'l.warehouse_id', 'l.last_counted_at'])
        .where('w.is_active', '=', 1)
        .execute();
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
        const open = await tx
          .selectFrom('stocktakes')
          .select('id')
          .where('warehouse_id', '=', warehouseId)
          .where('status', 'in', ['counting', 'review'])
          .executeTakeFirst();
        if (open) continue; // one count at a time per warehouse
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
    return { items: await Promise.all(ids.map(async (id) => summary(await getStocktake(id)))) };
  }

  async function recordCounts(actor: Actor, id: string, input: z.output<typeof countsBody>) {
    const now = clock.now();
    await inTransaction(database, async (tx) => {
      const stocktake = await loadStocktake(tx, id);
      assertStatus(stocktake, ['counting']);
      const skuIds = await skuIdsByCode(
        tx,
        input.counts.map((c) => c.sku),
      );
      const books = await bookLevels(tx, stocktake.warehouse_id, [...skuIds.values()]);
      for (const [i, count] of input.counts.entries()) {
        const skuId = skuIds.get(count.sku);
        const result = skuId
          ? await tx
              .updateTable('stocktake_lines')
              .set({
                // The books as they stand when the shelf is counted: stock that moves between
                // the count and the approval is then neither lost nor counted twice.
                expected: books.get(skuId) ?? 0,
                counted: count.counted,
                counted_by: actor.name,
                counted_at: now.toISOString(),
                ...(count.note !== undefined ? { note: count.note || null } : {}),
              })
              .where('stocktake_id', '=', id)
              .where('sku_id', '=', skuId)
              .executeTakeFirst()
          : undefined;
        if (!result || Number(result.numUpdatedRows) === 0)
          throw new AppError(
            'VALIDATION_FAILED',
            `counts.${i}.sku: ${count.sku} is not on this count sheet`,
            {
              field: `counts.${i}.sku`,
            },
          );
      }
      await tx
        .updateTable('stocktakes')
        .set({ updated_at: now.toISOString() })
        .where('id', '=', id)
        .execute();
    });
    return getStocktake(id);
  }

  /** Counts from a CSV (sku,counted[,note]); good rows are saved, bad ones reported by line. */
  async function importCounts(actor: Actor, id: string, csv: string) {
    const records = parseCsvRecords(csv);
    requireColumns(records, ['sku', 'counted']);
    const stocktake = await loadStocktake(database.db, id);
    assertStatus(stocktake, ['counting']);
    const onSheet = new Set(
      (
        await database.db
          .selectFrom('stocktake_lines as l')
          .innerJoin('catalog_skus_view as s', 's.id', 'l.sku_id')
          .select('s.code')
          .where('l.stocktake_id', '=', id)
          .execute()
      ).map((r) => r.code),
    );
    const rejected: { line: number; sku?: string; message: string }[] = [];
    const counts: { sku: string; counted: number; note?: string }[] = [];
    for (const record of records) {
      const line = lineOf(record);
      const counted = Number(record.counted);
      if (!record.sku) rejected.push({ line, message: 'sku: required' });
      else if (!onSheet.has(record.sku))
        rejected.push({ line, sku: record.sku, message: 'sku: not on this count sheet' });
      else if (!/^\d+$/.test(record.counted ?? '') || counted > 10_000_000)
        rejected.push({ line, sku: record.sku, message: 'counted: a whole number of 0 or more' });
      else counts.push({ sku: record.sku, counted, ...(record.note ? { note: record.note } : {}) });
    }
    if (counts.length > 0) await recordCounts(actor, id, { counts });
    return { counted: counts.length, rejected };
  }

  async function submitStocktake(actor: Actor, id: string) {
    return changeStatus(actor, id, 'review', async (tx) => {
      const open = await tx
        .selectFrom('stocktake_lines')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('stocktake_id', '=', id)
        .where('counted', 'is', null)
        .executeTakeFirstOrThrow();
      if (Number(open.n) > 0)
        throw new AppError('COUNT_INCOMPLETE', `${open.n} line(s) are not counted yet`, {
          uncounted: Number(open.n),
        });
      return undefined;
    });
  }

  async function setLineNote(actor: Actor, id: string, skuCode: string, note: string) {
    await inTransaction(database, async (tx) => {
      const stocktake = await loadStocktake(tx, id);
      assertStatus(stocktake, ['counting', 'review']);
      const skuId = (await skuIdsByCode(tx, [skuCode])).get(skuCode);
      const result = skuId
        ? await tx
            .updateTable('stocktake_lines')
            .set({ note: note || null })
            .where('stocktake_id', '=', id)
            .where('sku_id', '=', skuId)
            .executeTakeFirst()
        : undefined;
      if (!result || Number(result.numUpdatedRows) === 0) throw notFound('stocktake line', skuCode);
      await recordAudit(tx, actor, clock.now(), {
        action: 'stocktake.noted',
        targetType: 'stocktake',
        targetId: id,
        details: { sku: skuCode, note },
      });
    });
    return getStocktake(id);
  }

  /** Approval posts every variance to the ledger; on-hand may not drop below what is reserved. */
  async function approveStocktake(actor: Actor, id: string) {
    const now = clock.now();
    return changeStatus(actor, id, 'approved', async (tx, stocktake) => {
      const lines = await tx
        .selectFrom('stocktake_lines as l')
        .innerJoin('catalog_skus_view as s', 's.id', 'l.sku_id')
        .select(['l.sku_id', 's.code', 'l.expected', 'l.counted'])
        .where('l.stocktake_id', '=', id)
        .orderBy('l.sku_id')
        .execute();
      const warehouse = await tx
        .selectFrom('warehouses')
        .select('code')
        .where('id', '=', stocktake.warehouse_id)
        .executeTakeFirstOrThrow();
      for (const line of lines) {
        const variance = Number(line.counted) - line.expected;
        if (variance !== 0) {
          const level = await moveStock(tx, actor, now, {
            skuId: line.sku_id,
            warehouseId: stocktake.warehouse_id,
            kind: 'count_variance',
            onHandDelta: variance,
            reservedDelta: 0,
            referenceType: 'stocktake',
            referenceId: stocktake.number,
            reason: `count ${line.counted}, books ${line.expected}`,
          });
          if (!level) throw insufficient(line.code, warehouse.code, 'counted');
        }
        await tx
          .updateTable('stock_levels')
          .set({ last_counted_at: now.toISOString() })
          .where('sku_id', '=', line.sku_id)
          .where('warehouse_id', '=', stocktake.warehouse_id)
          .execute();
      }
      return { approved_by: actor.name, closed_at: now.toISOString() };
    });
  }

  async function cancelStocktake(actor: Actor, id: string) {
    return changeStatus(actor, id, 'cancelled', async () => ({ closed_at: clock.now().toISOString() }));
  }

  async function changeStatus(
    actor: Actor,
    id: string,
    to: string,
    apply: (tx: Executor, stocktake: Row<'stocktakes'>) => Promise<Partial<Row<'stocktakes'>> | undefined>,
  ) {
    const now = clock.now();
    await inTransaction(database, async (tx) => {
      const stocktake = await loadStocktake(tx, id);
      if (!transitions[stocktake.status]?.includes(to))
        throw new AppError(
          'INVALID_TRANSITION',
          `stocktake ${stocktake.number} is ${stocktake.status}; it cannot become ${to}`,
          {
            from: stocktake.status,
            to,
          },
        );
      const set = (await apply(tx, stocktake)) ?? {};
      const updated = await tx
        .updateTable('stocktakes')
        .set({ ...set, status: to, updated_at: now.toISOString() })
        .where('id', '=', id)
        .where('status', '=', stocktake.status)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0)
        throw new AppError('INVALID_TRANSITION', `stocktake ${stocktake.number} changed meanwhile; reload`, {
          to,
        });
      await recordAudit(tx, actor, now, { action: `stocktake.${to}`, targetType: 'stocktake', targetId: id });
    });
    return getStocktake(id);
  }

  async function loadStocktake(db: Executor, id: string): Promise<Row<'stocktakes'>> {
    const row = await db.selectFrom('stocktakes').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('stocktake', id);
    return row;
  }

  function assertStatus(stocktake: Row<'stocktakes'>, allowed: string[]): void {
    if (!allowed.includes(stocktake.status))
      throw new AppError('INVALID_TRANSITION', `stocktake ${stocktake.number} is ${stocktake.status}`, {
        status: stocktake.status,
      });
  }

  async function getStocktake(id: string): Promise<StocktakeDetail> {
    const db = database.db;
    const row = await db
      .selectFrom('stocktakes as t')
      .innerJoin('warehouses as w', 'w.id', 't.warehouse_id')
      .selectAll('t')
      .select('w.code as warehouse_code')
      .where('t.id', '=', id)
      .executeTakeFirst();
    if (!row) throw notFound('stocktake', id);
    const lines = await db
      .selectFrom('stocktake_lines as l')
      .innerJoin('catalog_skus_view as s', 's.id', 'l.sku_id')
      .select([
        's.code',
        's.name',
        'l.bin',
        'l.expected',
        'l.counted',
        'l.counted_at',
        'l.note',
        'l.unit_cost_minor',
      ])
      .where('l.stocktake_id', '=', id)
      .orderBy('l.bin')
      .orderBy('s.code')
      .execute();
    // Blind count: while counting, nobody is shown what the books expect.
    const isBlind = row.status === 'counting' || row.status === 'cancelled';
    const detailLines = lines.map((l) => {
      const variance = isBlind || l.counted === null ? null : Number(l.counted) - l.expected;
      return {
        sku: l.code,
        skuName: l.name,
        bin: l.bin,
        counted: l.counted,
        countedAt: l.counted_at,
        note: l.note,
        expected: isBlind ? null : l.expected,
        variance,
        varianceValue: variance === null ? null : fromMinor(variance * Number(l.unit_cost_minor), currency),
        varianceMinor: variance === null ? 0 : variance * Number(l.unit_cost_minor),
      };
    });
    const total = detailLines.reduce((sum, l) => sum + l.varianceMinor, 0);
    return {
      ...toStocktake(
        row,
        row.warehouse_code,
        detailLines.length,
        detailLines.filter((l) => l.counted !== null).length,
      ),
      varianceValue: isBlind ? null : fromMinor(total, currency),
      lines: detailLines.map(({ varianceMinor: _, ...line }) => line),
    };
  }

  async function listStocktakes(filter: z.output<typeof stocktakeQuery>) {
    let query = database.db
      .selectFrom('stocktakes as t')
      .innerJoin('warehouses as w', 'w.id', 't.warehouse_id')
      .selectAll('t')
      .select('w.code as warehouse_code')
      .select((eb) => [
        eb
          .selectFrom('stocktake_lines as l')
          .whereRef('l.stocktake_id', '=', 't.id')
          .select(eb.fn.countAll<number>().as('n'))
          .as('line_count'),
        eb
          .selectFrom('stocktake_lines as l')
          .whereRef('l.stocktake_id', '=', 't.id')
          .where('l.counted', 'is not', null)
          .select(eb.fn.countAll<number>().as('n'))
          .as('counted_count'),
        eb
          .selectFrom('stocktake_lines as l')
          .whereRef('l.stocktake_id', '=', 't.id')
          .select(sql<number>`coalesce(sum((l.counted - l.expected) * l.unit_cost_minor), 0)`.as('v'))
          .as('variance_minor'),
      ]);
    if (filter.status) query = query.where('t.status', '=', filter.status);
    if (filter.cursor) query = query.where('t.id', '<', String(decodeCursor(filter.cursor, 1)[0]));
    const rows = await query
      .orderBy('t.id', 'desc')
      .limit(filter.limit + 1)
      .execute();
    return toPage(
      rows,
      filter.limit,
      (r) => ({
        ...toStocktake(r, r.warehouse_code, Number(r.line_count), Number(r.counted_count)),
        // Like the detail: no variance while counting blind.
        varianceValue: ['review', 'approved'].includes(r.status)
          ? fromMinor(Number(r.variance_minor), currency)
          : null,
      }),
      (r) => [r.id],
    );
  }

  return {
    createStocktake,
    planCycleCounts,
    recordCounts,
    importCounts,
    submitStocktake,
    setLineNote,
    approveStocktake,
    cancelStocktake,
    getStocktake,
    listStocktakes,
  };
}

function toStocktake(
  row: Row<'stocktakes'>,
  warehouse: string,
  lineCount: number,
  countedCount: number,
): Stocktake {
  return {
    id: row.id,
    number: row.number,
    warehouse,
    kind: row.kind as Stocktake['kind'],
    classes: row.classes ? readJson<string[]>(row.classes) : null,
    status: row.status as Stocktake['status'],
    note: row.note,
    createdAt: row.created_at,
    closedAt: row.closed_at,
    lineCount,
    countedCount,
    varianceValue: null,
  };
}

function summary(detail: StocktakeDetail): Stocktake {
  const { lines: _, ...rest } = detail;
  return rest;
}

async function bookLevels(db: Executor, warehouseId: string, skuIds: readonly string[]) {
  if (skuIds.length === 0) return new Map<string, number>();
  const rows = await db
    .selectFrom('stock_levels')
    .select(['sku_id', 'on_hand'])
    .where('warehouse_id', '=', warehouseId)
    .where('sku_id', 'in', [...skuIds])
    .execute();
  return new Map(rows.map((r) => [r.sku_id, Number(r.on_hand)]));
}

async function skuIdsByCode(db: Executor, codes: readonly string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .selectFrom('catalog_skus_view')
    .select(['id', 'code'])
    .where('code', 'in', [...new Set(codes)])
    .execute();
  return new Map(rows.map((r) => [r.code, r.id]));
}
