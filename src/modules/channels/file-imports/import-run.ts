/**
 * One import of a mapped sheet: orders go to intake in batches, lenient as intake is (an
 * identifiable order is stored, held if it must be); the rows of orders that could not be taken
 * are collected with the reason, for the result file.
 */
import type { Actor } from '../../../platform/actor.ts';
import { type CompiledMapping, type MappedOrder, mapOrders } from './order-mapping.ts';
import type { ReceiveOrders } from './orders-intake.ts';
import type { Sheet } from './sheet-reader.ts';

export interface ImportCounts {
  rowsDone: number;
  /** Orders stored. */
  created: number;
  /** Orders already there from an earlier import or a webhook: not stored twice. */
  duplicate: number;
  /** File lines whose order could not be taken. */
  failed: number;
}

export interface ImportOutcome extends ImportCounts {
  /** The failed lines with `line` and `reason` ahead of the file's own columns; null when none failed. */
  resultCsv: string | null;
}

export interface ImportRunOptions {
  actor: Actor;
  channel: string;
  receive: ReceiveOrders;
  batchSize?: number;
  onProgress?: (counts: ImportCounts) => void | Promise<void>;
}

export async function importSheet(
  sheet: Sheet,
  compiled: CompiledMapping,
  options: ImportRunOptions,
): Promise<ImportOutcome> {
  const counts: ImportCounts = { rowsDone: 0, created: 0, duplicate: 0, failed: 0 };
  const failures = resultFile(sheet.header);
  let batch: MappedOrder[] = [];
  const flush = async () => {
    const outcomes = await options.receive(
      options.actor,
      batch.map((mapped) => ({ ...mapped.order, channel: options.channel })),
    );
    outcomes.forEach((result, i) => {
      const mapped = batch[i]!;
      if (result.outcome === 'rejected') {
        counts.failed += mapped.rows.length;
        failures.add(mapped, result.error.message);
      } else counts[result.outcome] += 1;
      counts.rowsDone += mapped.rows.length;
    });
    batch = [];
    await options.onProgress?.({ ...counts });
  };
  for await (const mapped of mapOrders(compiled, sheet.rows)) {
    const reason = failureOf(mapped);
    if (reason) {
      counts.failed += mapped.rows.length;
      counts.rowsDone += mapped.rows.length;
      failures.add(mapped, reason);
      continue;
    }
    batch.push(mapped);
    if (batch.length >= (options.batchSize ?? 500)) await flush();
  }
  if (batch.length > 0) await flush();
  return { ...counts, resultCsv: failures.text() };
}

/** Why an order cannot go to intake at all: no externalId. The rest intake judges itself. */
function failureOf(mapped: MappedOrder): string | undefined {
  if (mapped.order) return undefined;
  return mapped.problems
    .filter((p) => p.severity === 'error')
    .map((p) => `${p.field}: ${p.message}`)
    .join('; ');
}

/** RFC 4180 quoting: a field with a comma, quote or line break is quoted, quotes doubled. */
function csvField(text: string | number): string {
  const value = String(text);
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function resultFile(header: readonly string[]) {
  const lines: string[] = [];
  return {
    add(mapped: MappedOrder, reason: string) {
      for (const row of mapped.rows)
        lines.push([row.line, reason, ...Array.from(row.cells, (c) => c ?? '')].map(csvField).join(','));
    },
    text(): string | null {
      if (lines.length === 0) return null;
      // A BOM lets spreadsheet programs read Chinese cells as UTF-8.
      return `\uFEFF${['line', 'reason', ...header].map(csvField).join(',')}\r\n${lines.join('\r\n')}\r\n`;
    },
  };
}
