import { newSkuBody } from '../../contracts/catalog.ts';
import type { Actor } from '../../platform/actor.ts';
import type { Clock } from '../../platform/clock.ts';
import { lineOf, parseCsvRecords, requireColumns } from '../../platform/csv.ts';
import type { Database } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { AppError } from '../../platform/errors.ts';
import { catalogRepository as repo } from './catalog.repository.ts';
import type { Skus } from './skus.ts';

/** CSV columns of a SKU file; `code`, `name` and `price` are required. */
export const skuCsvColumns = [
  'code',
  'name',
  'price',
  'barcode',
  'weightGrams',
  'lengthMm',
  'widthMm',
  'heightMm',
] as const;

const numericColumns = new Set(['weightGrams', 'lengthMm', 'widthMm', 'heightMm']);

export interface SkuImportResult {
  created: number;
  updated: number;
  rejected: { line: number; code?: string; message: string }[];
}

function rowToInput(record: Record<string, string>): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const column of skuCsvColumns) {
    const value = record[column]?.trim();
    if (value === undefined || value === '') continue;
    input[column] = numericColumns.has(column) && /^\d+$/.test(value) ? Number(value) : value;
  }
  return input;
}

/**
 * Creates or updates SKUs by code from a CSV text. Valid rows are written in one transaction;
 * each invalid row is reported with its line and reason and changes nothing.
 */
export function createSkuImport(deps: { database: Database; clock: Clock; skus: Skus }) {
  return async function importSkus(actor: Actor, csv: string): Promise<SkuImportResult> {
    const records = parseCsvRecords(csv);
    requireColumns(records, ['code', 'name', 'price']);
    const result: SkuImportResult = { created: 0, updated: 0, rejected: [] };
    const now = deps.clock.now();
    await inTransaction(deps.database, async (tx) => {
      for (const record of records) {
        const line = lineOf(record);
        const parsed = newSkuBody.safeParse(rowToInput(record));
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          result.rejected.push({
            line,
            code: record.code,
            message: `${issue.path.join('.')}: ${issue.message}`,
          });
          continue;
        }
        try {
          const existing = await repo.findSkuByCode(tx, parsed.data.code);
          if (existing) {
            const { code: _code, currency: _currency, ...changes } = parsed.data;
            await deps.skus.applySkuChanges(tx, actor, now, existing, changes);
            result.updated += 1;
          } else {
            await deps.skus.insertSku(tx, actor, now, parsed.data);
            result.created += 1;
          }
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          result.rejected.push({ line, code: record.code, message: error.message });
        }
      }
    });
    return result;
  };
}
