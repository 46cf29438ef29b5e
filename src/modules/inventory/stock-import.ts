import { z } from 'zod';
import type { Actor } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit-log.ts';
import type { Clock } from '../../platform/clock.ts';
import { lineOf, parseCsvRecords, requireColumns } from '../../platform/csv.ts';
import type { Database, Executor } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { AppError, fromZodIssues } from '../../platform/errors.ts';
import { skuByCode } from '../catalog/index.ts';
import { levelsRepository } from './levels.repository.ts';
import { moveStock } from './stock-ledger.ts';
import { warehouseByCode } from './warehouses.ts';

/** CSV columns of a stock file; `sku`, `warehouse` and `onHand` are required. */
export const stockCsvColumns = ['sku', 'warehouse', 'onHand', 'bin', 'reason'] as const;
const defaultReason = 'stock import';

/** One line of a stock file: the counted on-hand of a SKU in a warehouse. Empty bin/reason = not given. */
const stockLine = z.object({
  sku: z.string({ error: 'required' }).trim().max(64),
  warehouse: z.string({ error: 'required' }).trim().max(64),
  onHand: z
    .string({ error: 'required' })
    .trim()
    .regex(/^\d{1,8}$/, 'a whole number from 0 to 10,000,000')
    .transform(Number)
    .pipe(z.number().max(10_000_000, 'a whole number from 0 to 10,000,000')),
  bin: z.string().trim().max(64).optional(),
  reason: z.string().trim().max(300).optional(),
});
type StockLine = z.output<typeof stockLine>;

export type StockLineOutcome = 'created' | 'updated' | 'unchanged';

export interface StockImportResult {
  created: number;
  updated: number;
  unchanged: number;
  rejected: { line: number; sku?: string; message: string }[];
}

function blankToUndefined(record: Record<string, string>): Record<string, string | undefined> {
  return Object.fromEntries(
    stockCsvColumns.map((column) => [column, record[column]?.trim() ? record[column] : undefined]),
  );
}

/**
 * Sets stock levels to counted figures from a CSV text (an opening balance, or a count taken
 * outside a stocktake). Each line posts the difference as one adjustment, so the ledger still
 * explains every unit. Lines are independent: each commits alone or, rejected, writes nothing.
 */
export function createStockImport(deps: { database: Database; clock: Clock }) {
  const { database, clock } = deps;

  async function importStock(
    actor: Actor,
    csv: string,
    options: { onProgress?: (done: number, total: number) => void } = {},
  ): Promise<StockImportResult> {
    const records = parseCsvRecords(csv);
    requireColumns(records, ['sku', 'warehouse', 'onHand']);
    const result: StockImportResult = { created: 0, updated: 0, unchanged: 0, rejected: [] };
    for (const [index, record] of records.entries()) {
      const line = lineOf(record);
      const parsed = stockLine.safeParse(blankToUndefined(record));
      if (!parsed.success) {
        result.rejected.push({ line, sku: record.sku, message: fromZodIssues(parsed.error.issues).message });
      } else {
        try {
          const outcome = await inTransaction(database, (tx) => setCountedStock(tx, actor, parsed.data));
          result[outcome] += 1;
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          result.rejected.push({ line, sku: parsed.data.sku, message: error.message });
        }
      }
      options.onProgress?.(index + 1, records.length);
    }
    return result;
  }

  async function setCountedStock(tx: Executor, actor: Actor, input: StockLine): Promise<StockLineOutcome> {
    const now = clock.now();
    const sku = await skuByCode(tx, input.sku);
    const warehouse = await warehouseByCode(tx, input.warehouse);
    const target = { skuId: sku.id, warehouseId: warehouse.id };
    // The difference must be taken against the figure the adjustment is applied to.
    const level = await levelsRepository.findForUpdate(
      tx,
      database.dialect === 'postgres',
      sku.id,
      warehouse.id,
    );
    const delta = input.onHand - Number(level?.on_hand ?? 0);
    const newBin = input.bin !== undefined && input.bin !== level?.bin ? input.bin : null;
    if (delta === 0 && newBin === null) return 'unchanged';
    const reason = input.reason ?? defaultReason;
    if (delta !== 0) {
      const after = await moveStock(tx, actor, now, {
        ...target,
        kind: 'adjustment',
        onHandDelta: delta,
        reservedDelta: 0,
        reason,
      });
      if (!after)
        throw new AppError(
          'INSUFFICIENT_STOCK',
          `onHand: ${input.onHand} is below the ${Number(level?.reserved ?? 0)} of ${input.sku} reserved in ${input.warehouse}`,
          { field: 'onHand', sku: input.sku, warehouse: input.warehouse },
        );
    }
    if (newBin !== null) await placeInBin(tx, now, target, newBin);
    await recordAudit(tx, actor, now, {
      action: 'stock.adjusted',
      targetType: 'sku',
      targetId: sku.id,
      details: { warehouse: input.warehouse, delta, counted: input.onHand, bin: input.bin, reason },
    });
    return level ? 'updated' : 'created';
  }

  return { importStock };
}

async function placeInBin(
  tx: Executor,
  now: Date,
  target: { skuId: string; warehouseId: string },
  bin: string,
): Promise<void> {
  const at = now.toISOString();
  await levelsRepository.ensure(tx, target.skuId, target.warehouseId, at);
  await levelsRepository.setBin(tx, target.skuId, target.warehouseId, bin, at);
}
