import { parse } from 'csv-parse/sync';
import { AppError } from './errors.ts';

const lines = new WeakMap<object, number>();

/**
 * The line of the file a record ended on, as people see it in an editor (blank lines and
 * quoted line breaks included), for "line 7: …" messages.
 */
export function lineOf(record: Record<string, string>): number {
  return lines.get(record) ?? 0;
}

/** CSV text with a header line → one record per row, keyed by column name; unreadable → 400 naming `file`. */
export function parseCsvRecords(csv: string): Record<string, string>[] {
  try {
    const rows: { record: Record<string, string>; info: { lines: number } }[] = parse(csv, {
      columns: true,
      bom: true,
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
      info: true,
    });
    return rows.map(({ record, info }) => {
      lines.set(record, info.lines);
      return record;
    });
  } catch (error) {
    throw new AppError('VALIDATION_FAILED', `file: not readable as CSV (${(error as Error).message})`, {
      field: 'file',
    });
  }
}

/** Fails with a 400 naming `file` when a required column is missing from the header. */
export function requireColumns(records: readonly Record<string, string>[], columns: readonly string[]): void {
  const missing = columns.filter((c) => records.length > 0 && !(c in records[0]));
  if (missing.length > 0)
    throw new AppError('VALIDATION_FAILED', `file: missing column(s) ${missing.join(', ')}`, {
      field: 'file',
      missing,
    });
}
