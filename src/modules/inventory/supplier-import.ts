import type { z } from 'zod';
import { newSupplierBody, supplierChangesBody } from '../../contracts/inventory.ts';
import type { Actor } from '../../platform/actor.ts';
import { lineOf, parseCsvRecords, requireColumns } from '../../platform/csv.ts';
import type { Database } from '../../platform/db/database.ts';
import { AppError, fromZodIssues } from '../../platform/errors.ts';
import { skuByCode } from '../catalog/index.ts';
import type { StockViews } from './stock-views.ts';
import { suppliersRepository } from './suppliers.repository.ts';
import type { Suppliers } from './suppliers.ts';

/** CSV columns of a supplier file; `code`, `name` and `leadTimeDays` are required. */
export const supplierCsvColumns = [
  'code',
  'name',
  'leadTimeDays',
  'minOrderQty',
  'packSize',
  'maxOrderQty',
  'contactName',
  'email',
  'phone',
] as const;
const numericColumns = new Set(['leadTimeDays', 'minOrderQty', 'packSize', 'maxOrderQty']);

export interface SupplierImportResult {
  created: number;
  updated: number;
  /** SKUs that now name the supplier of their line (the `skus` column). */
  assigned: number;
  rejected: { line: number; code?: string; message: string }[];
}

/** A CSV row as contract input: empty cells are absent, whole numbers become numbers. */
function rowToInput(record: Record<string, string>): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const column of supplierCsvColumns) {
    const value = record[column]?.trim();
    if (value === undefined || value === '') continue;
    input[column] = numericColumns.has(column) && /^-?\d+$/.test(value) ? Number(value) : value;
  }
  return input;
}

function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw fromZodIssues(parsed.error.issues.slice(0, 1));
}

/**
 * The parsed changes limited to the columns the line filled in: the contract's defaults
 * (minOrderQty, packSize = 1) would otherwise reset what an update leaves empty.
 */
function givenOnly<T extends object>(parsed: T, given: Record<string, unknown>): T {
  return Object.fromEntries(Object.entries(parsed).filter(([key]) => key in given)) as T;
}

/**
 * Creates suppliers, or updates them by code, from a CSV text through the supplier use-cases;
 * an optional `skus` column ("A|B|C") makes the supplier those SKUs' supplier. A line is
 * checked whole (fields and every SKU code) before anything of it is written.
 */
export function createSupplierImport(deps: {
  database: Database;
  suppliers: Pick<Suppliers, 'createSupplier' | 'updateSupplier'>;
  updateSkuPlanning: StockViews['updateSkuPlanning'];
}) {
  const { database, suppliers } = deps;

  return async function importSuppliers(actor: Actor, csv: string): Promise<SupplierImportResult> {
    const records = parseCsvRecords(csv);
    requireColumns(records, ['code', 'name', 'leadTimeDays']);
    const result: SupplierImportResult = { created: 0, updated: 0, assigned: 0, rejected: [] };
    for (const record of records) {
      const line = lineOf(record);
      try {
        const outcome = await importLine(actor, record);
        result[outcome.isNew ? 'created' : 'updated'] += 1;
        result.assigned += outcome.assigned;
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        result.rejected.push({ line, code: record.code, message: error.message });
      }
    }
    return result;
  };

  async function importLine(actor: Actor, record: Record<string, string>) {
    const input = rowToInput(record);
    const existing = await suppliersRepository.findByCode(database.db, String(input.code ?? ''));
    const { code: _code, ...changes } = input;
    const write = existing
      ? { id: existing.id, changes: givenOnly(parse(supplierChangesBody, changes), changes) }
      : { id: null, input: parse(newSupplierBody, input) };
    const skus = await skusToAssign(record.skus ?? '', write.id);
    const supplier =
      write.id === null
        ? await suppliers.createSupplier(actor, write.input)
        : await suppliers.updateSupplier(actor, write.id, write.changes);
    for (const sku of skus) await deps.updateSkuPlanning(actor, sku, { supplier: supplier.code });
    return { isNew: write.id === null, assigned: skus.length };
  }

  /** The SKU codes of the `skus` cell that do not name this supplier yet; unknown codes reject the line. */
  async function skusToAssign(cell: string, supplierId: string | null): Promise<string[]> {
    const codes = [
      ...new Set(
        cell
          .split('|')
          .map((code) => code.trim())
          .filter(Boolean),
      ),
    ];
    const toAssign: string[] = [];
    for (const code of codes) {
      const sku = await skuByCode(database.db, code, 'skus');
      if (supplierId === null || sku.supplier_id !== supplierId) toAssign.push(code);
    }
    return toAssign;
  }
}
