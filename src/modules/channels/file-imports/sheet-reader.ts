/**
 * Rows of a CSV or XLSX order export, as text cells under a header row. CSV is streamed (a
 * 100,000-order export needs the memory of one chunk); UTF-8 with or without BOM, or GB 18030
 * as Chinese marketplaces and Excel on Chinese Windows save it; comma, semicolon or tab
 * separated, told from the header line. XLSX: the first worksheet.
 */
import { createReadStream, statSync } from 'node:fs';
import { extname } from 'node:path';
import { Readable } from 'node:stream';
import { CsvError, type InfoRecord, parse } from 'csv-parse';
import { AppError, invalidField } from '../../../platform/errors.ts';
import type { SheetRow } from './order-mapping.ts';

export type SheetFormat = 'csv' | 'xlsx';

/** A file's bytes, whole (an upload) or on disk (the CLI). */
export type SheetSource = { bytes: Uint8Array } | { path: string };

export interface Sheet {
  header: string[];
  rows: AsyncGenerator<SheetRow>;
}

export function sheetFormat(fileName: string): SheetFormat {
  const extension = extname(fileName).toLowerCase();
  if (extension === '.csv' || extension === '.txt') return 'csv';
  if (extension === '.xlsx') return 'xlsx';
  throw invalidField('fileName', 'exportFormat', { file: fileName });
}

export interface OpenSheetOptions {
  /** Bytes of the file read so far, for a progress bar. */
  onBytes?: (bytesRead: number) => void;
}

/** The header and an iterator of the rows after it. A file without a header row is a 400. */
export async function openSheet(
  source: SheetSource,
  format: SheetFormat,
  options: OpenSheetOptions = {},
): Promise<Sheet> {
  const rows = format === 'csv' ? csvRows(source, options) : await xlsxRows(source, options);
  const first = await rows.next();
  if (first.done) throw invalidField('file', 'fileEmpty');
  const header = first.value.cells.map((cell) => cell.trim());
  return { header, rows };
}

// ---------------------------------------------------------------------------------------------
// CSV

function byteStream(source: SheetSource): Readable {
  return 'bytes' in source ? Readable.from([Buffer.from(source.bytes)]) : createReadStream(source.path);
}

/** Text chunks of the bytes, in the encoding the first chunk shows (not valid UTF-8: GB 18030). */
async function* decodedText(input: Readable, options: OpenSheetOptions): AsyncGenerator<string> {
  let decoder: TextDecoder | undefined;
  let bytesRead = 0;
  for await (const chunk of input) {
    const bytes = chunk as Buffer;
    bytesRead += bytes.length;
    options.onBytes?.(bytesRead);
    decoder ??= new TextDecoder(isUtf8Start(bytes) ? 'utf-8' : 'gb18030');
    yield decoder.decode(bytes, { stream: true });
  }
  if (decoder) yield decoder.decode();
}

function isUtf8Start(bytes: Buffer): boolean {
  // A chunk may end inside a character: judge all but its last three bytes.
  const probe = bytes.subarray(0, Math.max(0, Math.min(bytes.length, 65_536) - 3));
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(probe);
    return true;
  } catch {
    return false;
  }
}

function delimiterOf(headerLine: string): string {
  const counts = [',', ';', '\t'].map((d) => [d, headerLine.split(d).length] as const);
  return counts.sort((a, b) => b[1] - a[1])[0]![0];
}

async function* csvRows(source: SheetSource, options: OpenSheetOptions): AsyncGenerator<SheetRow> {
  const text = decodedText(byteStream(source), options);
  const firstChunk = await text.next();
  if (firstChunk.done) return;
  const head = firstChunk.value.replace(/^\uFEFF/, '');
  const parser = parse({
    delimiter: delimiterOf(head.split('\n', 1)[0] ?? ''),
    skip_empty_lines: true,
    info: true,
    relax_column_count: true,
    relax_quotes: true,
  });
  const feed = (async () => {
    parser.write(head);
    for await (const chunk of text)
      if (!parser.write(chunk)) await new Promise((r) => parser.once('drain', r));
    parser.end();
  })();
  feed.catch((error) => parser.destroy(error));
  let previousEndLine = 0;
  let previousEmptyLines = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: InfoRecord }>) {
      // csv-parse tells the line a record ends on; a quoted cell may span lines.
      const line = previousEndLine + 1 + (info.empty_lines - previousEmptyLines);
      previousEndLine = info.lines;
      previousEmptyLines = info.empty_lines;
      yield { line, cells: record };
    }
  } catch (error) {
    if (error instanceof CsvError)
      throw invalidField('file', 'fileLine', { line: previousEndLine + 1, detail: error.message });
    throw error;
  }
  await feed;
}

// ---------------------------------------------------------------------------------------------
// XLSX

async function xlsxRows(source: SheetSource, options: OpenSheetOptions): Promise<AsyncGenerator<SheetRow>> {
  // exceljs is large once loaded: it comes in with the first spreadsheet, not at start.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    if ('bytes' in source) await workbook.xlsx.load(Buffer.from(source.bytes) as never);
    else await workbook.xlsx.readFile(source.path);
  } catch (error) {
    throw invalidField('file', 'notXlsx', { detail: (error as Error).message });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet)
    throw new AppError('VALIDATION_FAILED', 'file: the workbook has no worksheet', { field: 'file' });
  const rows: SheetRow[] = [];
  // A workbook is read whole before its first row.
  options.onBytes?.('bytes' in source ? source.bytes.length : statSync(source.path).size);
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = row.values as unknown[];
    rows.push({ line: rowNumber, cells: Array.from(values.slice(1), cellText) });
  });
  return (async function* () {
    yield* rows;
  })();
}

/** A spreadsheet cell as text. Dates are wall-clock times (Excel has no zones): local, no offset. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 19);
  if (typeof value === 'object') {
    const cell = value as { text?: unknown; result?: unknown; richText?: { text: string }[] };
    if (cell.richText) return cell.richText.map((part) => part.text).join('');
    if (cell.result !== undefined) return cellText(cell.result);
    if (cell.text !== undefined) return cellText(cell.text);
    return '';
  }
  return String(value);
}
