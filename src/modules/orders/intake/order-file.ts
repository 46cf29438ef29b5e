/**
 * Streaming reader of order files for `ordo import orders FILE`. It only reshapes: every record
 * comes out as a plain object in the canonical order shape (CONTRACT.md) and the intake's zod
 * schema judges it, so a file and `POST /api/v1/orders` reject the same things for the same reasons.
 *
 * JSONL / NDJSON (`.jsonl`, `.ndjson`): one canonical order JSON object per line; blank lines are
 * skipped; a line that is not a JSON object becomes an error record and reading goes on.
 *
 * CSV (`.csv`, UTF-8, optional BOM): a header row of camelCase column names, then ONE ROW PER
 * ORDER LINE. Consecutive rows with the same `channel` + `externalId` are one order; its
 * order-level columns are read from the group's first row.
 *   order     channel, externalId, placedAt, currency, shippingFee, discount, total,
 *             type, requestedService, buyerNote, sellerNote
 *   customer  customerName, customerEmail, customerPhone
 *   ship to   shipName, shipPhone (both default to the customer's), country, province, city,
 *             district, line1, line2, postalCode
 *   line      sku, quantity (an integer), unitPrice, lineName
 *   payment   paymentStatus, paymentMethod, paidAmount, paidAt
 *   history   status, approvedAt, shippedAt, deliveredAt, promisedAt, cancelledAt (read by
 *             `--history` only; a live import leaves them out)
 * Empty cells are left out of the order (never sent as ""). Only `channel`, `externalId`, `sku`
 * and `quantity` must be in the header; a row short of a header column (its cells may sit under
 * the wrong columns) rejects its whole order with the row's line number and the column. Values
 * are judged by intake, which keeps every identifiable order (CONTRACT.md "Real-world intake").
 *
 * Each record carries `line`: the 1-based file line of the order (the header is line 1).
 * Files are streamed, never read whole, so memory stays flat for 100,000-order imports.
 */
import { createReadStream, type ReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { pipeline, type Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { CsvError, type InfoRecord, parse } from 'csv-parse';
import { AppError, invalidField } from '../../../platform/errors.ts';

/** An order as read from a file: canonical in shape, not yet validated. */
export type RawOrder = Record<string, unknown>;

export type OrderFileRecord = { line: number; order: RawOrder } | { line: number; error: string };

export interface ReadOrderFileOptions {
  onBytes?: (bytesRead: number, totalBytes: number) => void;
}

type OrderFileFormat = 'csv' | 'jsonl';

const formatsByExtension: Record<string, OrderFileFormat> = {
  '.csv': 'csv',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
};

export async function* readOrderFile(
  path: string,
  opts: ReadOrderFileOptions = {},
): AsyncGenerator<OrderFileRecord> {
  const format = orderFileFormat(path);
  const totalBytes = await fileSize(path);
  const file = createReadStream(path);
  const reportProgress = progressReporter(file, totalBytes, opts.onBytes);
  try {
    const records = format === 'csv' ? readCsvOrders(file) : readJsonlOrders(file);
    for await (const record of records) {
      reportProgress();
      yield record;
    }
    reportProgress();
  } finally {
    file.destroy();
  }
}

function orderFileFormat(path: string): OrderFileFormat {
  const extension = extname(path).toLowerCase();
  const format = formatsByExtension[extension];
  if (!format) {
    throw invalidField('file', 'orderFileFormat', { path });
  }
  return format;
}

async function fileSize(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new AppError('FILE_NOT_FOUND', `${path} does not exist`, { path });
    }
    throw err;
  }
}

/** Calls `onBytes` only when the count moved, so a progress bar is not redrawn per record. */
function progressReporter(file: ReadStream, totalBytes: number, onBytes?: ReadOrderFileOptions['onBytes']) {
  let reportedBytes = -1;
  return () => {
    if (!onBytes || file.bytesRead === reportedBytes) return;
    reportedBytes = file.bytesRead;
    onBytes(reportedBytes, Math.max(totalBytes, reportedBytes));
  };
}

// ---------------------------------------------------------------------------------------------
// JSONL

async function* readJsonlOrders(file: Readable): AsyncGenerator<OrderFileRecord> {
  let line = 0;
  for await (const text of splitLines(file)) {
    line += 1;
    // Editors on Windows save UTF-8 with a BOM, which JSON.parse refuses.
    const json = line === 1 ? text.replace(/^\uFEFF/, '') : text;
    if (json.trim() === '') continue;
    yield parseJsonLine(json, line);
  }
}

/** Lines of a stream, decoded as UTF-8 across chunk borders (a CJK character can straddle two). */
async function* splitLines(input: Readable): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let pending = '';
  for await (const chunk of input) {
    pending += decoder.write(chunk as Buffer);
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    yield* lines;
  }
  pending += decoder.end();
  if (pending !== '') yield pending;
}

function parseJsonLine(json: string, line: number): OrderFileRecord {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (err) {
    return { line, error: `invalid JSON: ${(err as Error).message}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { line, error: `invalid JSON: expected an order object, got ${describeJson(value)}` };
  }
  return { line, order: value as RawOrder };
}

function describeJson(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'an array' : `a ${typeof value}`;
}

// ---------------------------------------------------------------------------------------------
// CSV

type CsvRow = Record<string, string>;

interface CsvRowAt {
  row: CsvRow;
  line: number;
  headerColumns: readonly string[];
  /** The row has more or fewer cells than the header. */
  isRagged: boolean;
}

interface CsvFailure {
  line: number;
  error: string;
}

const requiredColumns = ['channel', 'externalId', 'sku', 'quantity'] as const;

/** Canonical field ← CSV column, per nested object of the canonical order. */
const orderColumns = {
  channel: 'channel',
  externalId: 'externalId',
  placedAt: 'placedAt',
  currency: 'currency',
  shippingFee: 'shippingFee',
  discount: 'discount',
  total: 'total',
  type: 'type',
  buyerNote: 'buyerNote',
  sellerNote: 'sellerNote',
  requestedService: 'requestedService',
};
const customerColumns = { name: 'customerName', email: 'customerEmail', phone: 'customerPhone' };
const recipientDefaultColumns = { name: 'customerName', phone: 'customerPhone' };
const shippingAddressColumns = {
  name: 'shipName',
  phone: 'shipPhone',
  country: 'country',
  province: 'province',
  city: 'city',
  district: 'district',
  line1: 'line1',
  line2: 'line2',
  postalCode: 'postalCode',
};
const lineColumns = { sku: 'sku', unitPrice: 'unitPrice', name: 'lineName' };
/** History import (`--history`): the recorded status and milestone times; other imports ignore them. */
const historyColumns = { status: 'status' };
const milestoneColumns = {
  approvedAt: 'approvedAt',
  shippedAt: 'shippedAt',
  deliveredAt: 'deliveredAt',
  promisedAt: 'promisedAt',
  cancelledAt: 'cancelledAt',
};
const paymentColumns = {
  status: 'paymentStatus',
  method: 'paymentMethod',
  paidAmount: 'paidAmount',
  paidAt: 'paidAt',
};

async function* readCsvOrders(file: Readable): AsyncGenerator<OrderFileRecord> {
  let group: CsvRowAt[] = [];
  for await (const item of readCsvRows(file)) {
    const isNextOrder = 'error' in item || (group.length > 0 && !isSameOrder(group[0].row, item.row));
    if (isNextOrder && group.length > 0) {
      yield csvGroupToRecord(group);
      group = [];
    }
    if ('error' in item) yield item;
    else group.push(item);
  }
  if (group.length > 0) yield csvGroupToRecord(group);
}

function isSameOrder(a: CsvRow, b: CsvRow): boolean {
  return a.channel === b.channel && a.externalId === b.externalId;
}

/**
 * Rows with their starting line. csv-parse reports the line a record ENDS on, and a quoted cell
 * may span lines, so a row starts one line after the previous row plus the blank lines skipped
 * in between. A malformed file (an unclosed quote) ends the stream with one failure record.
 */
async function* readCsvRows(file: Readable): AsyncGenerator<CsvRowAt | CsvFailure> {
  const parser = pipeline(
    file,
    parse({
      columns: true,
      bom: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
      relax_column_count: true,
    }),
    // Errors surface through the parser's iterator below; this callback only has to exist.
    () => {},
  );
  let previousEndLine = 1;
  let previousEmptyLines = 0;
  let previousRaggedRows = 0;
  let headerColumns: readonly string[] | undefined;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: CsvRow; info: InfoRecord }>) {
      headerColumns ??= headerColumnNames(info);
      const line = previousEndLine + 1 + (info.empty_lines - previousEmptyLines);
      const isRagged = info.invalid_field_length > previousRaggedRows;
      previousEndLine = info.lines;
      previousEmptyLines = info.empty_lines;
      previousRaggedRows = info.invalid_field_length;
      yield { row: record, line, headerColumns, isRagged };
    }
  } catch (err) {
    if (!(err instanceof CsvError)) throw err;
    yield { line: previousEndLine + 1, error: `invalid CSV: ${err.message}` };
  }
}

function headerColumnNames(info: InfoRecord): string[] {
  const columns = (info as InfoRecord & { columns?: unknown }).columns;
  if (!Array.isArray(columns)) return [];
  return columns.flatMap((column: { name?: string }) => (column.name ? [column.name] : []));
}

function csvGroupToRecord(group: CsvRowAt[]): OrderFileRecord {
  const line = group[0].line;
  for (const rowAt of group) {
    const problem = findRowProblem(rowAt);
    if (problem) return { line, error: `line ${rowAt.line}: ${problem}` };
  }
  return { line, order: csvRowsToOrder(group.map((rowAt) => rowAt.row)) };
}

function findRowProblem({ row, headerColumns, isRagged }: CsvRowAt): string | undefined {
  const absentRequired = requiredColumns.find((column) => !headerColumns.includes(column));
  if (absentRequired) return `missing column "${absentRequired}" in the header`;
  if (isRagged) return describeRaggedRow(row, headerColumns);
  return undefined;
}

/** A row whose cells do not line up with the header: its values may sit under the wrong columns. */
function describeRaggedRow(row: CsvRow, headerColumns: readonly string[]): string {
  const absentCell = headerColumns.find((column) => !Object.hasOwn(row, column));
  if (absentCell) return `missing column "${absentCell}" (the row has fewer cells than the header)`;
  return 'the row has more cells than the header has columns';
}

/**
 * The order of a group of rows. Cells go to intake as written (a quantity of "two" included):
 * intake keeps what it can read and holds the order with the rest, as it does for the API.
 */
function csvRowsToOrder(rows: CsvRow[]): RawOrder {
  const first = rows[0];
  const payment = pickCells(first, paymentColumns);
  const milestones = pickCells(first, milestoneColumns);
  return {
    ...pickCells(first, orderColumns),
    ...pickCells(first, historyColumns),
    ...(Object.keys(milestones).length > 0 ? { milestones } : {}),
    customer: pickCells(first, customerColumns),
    shippingAddress: {
      ...pickCells(first, recipientDefaultColumns),
      ...pickCells(first, shippingAddressColumns),
    },
    lines: rows.map((row) => ({ ...pickCells(row, lineColumns), quantity: cellNumber(row.quantity) })),
    // No payment columns at all: the order says nothing of payment (PAYMENT_PENDING), not a bad one.
    ...(Object.keys(payment).length > 0 ? { payment } : {}),
  };
}

/** A whole number as a number; anything else as written, for intake to judge. */
const cellNumber = (cell: string): number | string => (/^[+-]?\d+$/.test(cell) ? Number(cell) : cell);

/** The non-empty cells of `row`, renamed to canonical field names. */
function pickCells(row: CsvRow, columnsByField: Record<string, string>): Record<string, string> {
  const picked: Record<string, string> = {};
  for (const [field, column] of Object.entries(columnsByField)) {
    const value = row[column];
    if (value !== undefined && value !== '') picked[field] = value;
  }
  return picked;
}
