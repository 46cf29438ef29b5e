import type { z } from 'zod';
import type { InventorySettings, StocktakeDetail, stocktakeQuery } from '../../contracts/inventory.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Executor } from '../../platform/db/database.ts';
import { readJson } from '../../platform/db/dialect.ts';
import type { Row } from '../../platform/db/schema.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { fromMinor } from '../../platform/money.ts';
import { pageNewestFirst } from '../../platform/pagination.ts';
import { stocktakesRepository } from './stocktakes.repository.ts';

const currency = 'CNY';
export type Stocktake = Omit<StocktakeDetail, 'lines'>;

export interface StocktakeDeps {
  database: Database;
  clock: Clock;
  settings: () => Promise<InventorySettings>;
}

export async function loadStocktake(db: Executor, id: string): Promise<Row<'stocktakes'>> {
  const row = await stocktakesRepository.findById(db, id);
  if (!row) throw notFound('stocktake', id);
  return row;
}

export function assertStatus(stocktake: Row<'stocktakes'>, allowed: string[]): void {
  if (!allowed.includes(stocktake.status))
    throw new AppError('INVALID_TRANSITION', `stocktake ${stocktake.number} is ${stocktake.status}`, {
      status: stocktake.status,
    });
}

/** A stocktake with its count sheet; while counting blind, nobody is shown what the books expect. */
export async function readStocktake(db: Executor, id: string): Promise<StocktakeDetail> {
  const row = await stocktakesRepository.findWithWarehouse(db, id);
  if (!row) throw notFound('stocktake', id);
  const lines = await stocktakesRepository.sheetLines(db, id);
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

export function listStocktakes(db: Executor, filter: z.output<typeof stocktakeQuery>) {
  return pageNewestFirst(
    stocktakesRepository.summaries(db, { status: filter.status }),
    't.id',
    filter,
    (r) => ({
      ...toStocktake(r, r.warehouse_code, Number(r.line_count), Number(r.counted_count)),
      // Like the detail: no variance while counting blind.
      varianceValue: ['review', 'approved'].includes(r.status)
        ? fromMinor(Number(r.variance_minor), currency)
        : null,
    }),
    (r) => r.id,
  );
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
