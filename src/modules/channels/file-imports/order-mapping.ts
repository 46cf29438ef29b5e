/**
 * A column mapping applied to a marketplace export: rows (one per line item) grouped into
 * canonical orders by the externalId column, each with the problems seen on the way. Pure.
 *
 * The result goes to orders' intake as any sender's order does, so intake decides what is held;
 * this only reshapes and reads local spellings of dates and amounts. A row whose order cannot be
 * identified here (no externalId) fails alone, with the reason, for the result file.
 */
import type { ColumnMapping, MappedField, RowProblem } from '../../../contracts/file-imports.ts';
import { invalidField } from '../../../platform/errors.ts';
import { cleanCell, readAmount, readDateTime, readQuantity, splitAddress } from './cell-values.ts';

type Note = (
  field: string,
  code: RowProblem['code'],
  message: string,
  severity: RowProblem['severity'],
  at?: number,
  value?: string,
) => void;

export interface SheetRow {
  /** 1-based line (CSV) or row number (XLSX) in the file; the header is 1. */
  line: number;
  cells: readonly string[];
}

export interface CompiledMapping {
  mapping: ColumnMapping;
  /** Field → column index in the file's header. */
  index: Partial<Record<MappedField, number>>;
}

export interface MappedOrder {
  line: number;
  rows: SheetRow[];
  externalId: string | undefined;
  /** The canonical order for intake; absent when the rows cannot make one. */
  order?: Record<string, unknown>;
  problems: (RowProblem & { line: number })[];
}

const normalHeader = (name: string) => name.trim().toLowerCase();

/**
 * The mapping against a file's header row: every mapped column must be there. A bad mapping is
 * a 400 naming the mapping field (`mapping.columns.sku`) and the column it wanted.
 */
export function compileMapping(mapping: ColumnMapping, header: readonly string[]): CompiledMapping {
  const positions = new Map<string, number>();
  header.forEach((name, i) => {
    if (!positions.has(normalHeader(name))) positions.set(normalHeader(name), i);
  });
  const index: CompiledMapping['index'] = {};
  for (const [field, column] of Object.entries(mapping.columns) as [MappedField, string | undefined][]) {
    if (column === undefined) continue;
    const at = positions.get(normalHeader(column));
    if (at === undefined) {
      throw invalidField(
        `mapping.columns.${field}`,
        'columnMissing',
        { column },
        {
          column,
          fileColumns: header.slice(0, 100),
        },
      );
    }
    index[field] = at;
  }
  return { mapping, index };
}

/** Whether the file has every column a mapping names (for suggesting a mapping). */
export function fitsHeader(mapping: ColumnMapping, header: readonly string[]): boolean {
  const names = new Set(header.map(normalHeader));
  return Object.values(mapping.columns).every(
    (column) => column === undefined || names.has(normalHeader(column)),
  );
}

/** Consecutive rows with the same externalId, each group as one mapped order. */
export async function* mapOrders(
  compiled: CompiledMapping,
  rows: AsyncIterable<SheetRow> | Iterable<SheetRow>,
): AsyncGenerator<MappedOrder> {
  let group: SheetRow[] = [];
  let groupId = '';
  for await (const row of rows) {
    const externalId = cleanCell(cellOf(compiled, row, 'externalId'));
    if (group.length > 0 && externalId !== groupId) {
      yield mapGroup(compiled, group, groupId);
      group = [];
    }
    if (externalId === '') {
      yield unidentified(compiled, row);
      continue;
    }
    groupId = externalId;
    group.push(row);
  }
  if (group.length > 0) yield mapGroup(compiled, group, groupId);
}

function cellOf(compiled: CompiledMapping, row: SheetRow, field: MappedField): string | undefined {
  const at = compiled.index[field];
  return at === undefined ? undefined : row.cells[at];
}

function unidentified(compiled: CompiledMapping, row: SheetRow): MappedOrder {
  const column = compiled.mapping.columns.externalId;
  return {
    line: row.line,
    rows: [row],
    externalId: undefined,
    problems: [
      {
        line: row.line,
        field: 'externalId',
        code: 'EMPTY_ORDER_NUMBER',
        severity: 'error',
        message: `column "${column}" is empty`,
      },
    ],
  };
}

/**
 * One order from its rows. Order-level cells are read from the first row that has them:
 * Shopify fills them on an order's first row only and leaves them blank on its other lines.
 */
function mapGroup(compiled: CompiledMapping, rows: SheetRow[], externalId: string): MappedOrder {
  const { mapping } = compiled;
  const problems: MappedOrder['problems'] = [];
  const first = (field: MappedField): string => {
    for (const row of rows) {
      const value = cleanCell(cellOf(compiled, row, field));
      if (value !== '') return value;
    }
    return '';
  };
  const line = rows[0]!.line;
  const note: Note = (field, code, message, severity, at = line, value = undefined) =>
    problems.push({ line: at, field, code, message, severity, ...(value === undefined ? {} : { value }) });
  const amount = (field: MappedField, text = first(field)): string | undefined => {
    if (text === '') return undefined;
    const read = readAmount(text, mapping.decimalComma);
    if (read === undefined) note(field, 'NOT_AN_AMOUNT', `"${text}" is not an amount`, 'warning', line, text);
    return read ?? text;
  };
  const dateTime = (field: MappedField): string | undefined => {
    const text = first(field);
    if (text === '') return undefined;
    const read = readDateTime(text, mapping.dateOrder);
    if (read === undefined)
      note(field, 'NOT_A_DATE', `"${text}" is not a date and time`, 'warning', line, text);
    return read ?? text;
  };

  const placedAt = dateTime('placedAt');
  const currency = first('currency').toUpperCase() || mapping.defaultCurrency;
  const total = amount('total');
  for (const [field, value] of [
    ['placedAt', placedAt],
    ['currency', currency],
    ['total', total],
  ] as const) {
    if (value === undefined) note(field, 'MISSING', 'missing: the order cannot be taken without it', 'error');
  }
  const lines = rows.map((row) => mapLine(compiled, row, note));
  if (!lines.some((l) => l.sku !== undefined && typeof l.quantity === 'number'))
    note('lines', 'NO_LINES', 'no line has a SKU and a whole quantity', 'error');

  const address = first('address');
  const split = address ? splitAddress(address) : undefined;
  const paymentStatus = readPaymentStatus(mapping, first('paymentStatus'));
  const payment = compact({
    status: paymentStatus,
    method: first('paymentMethod'),
    paidAmount: amount('paidAmount'),
    paidAt: dateTime('paidAt'),
  });
  const customerName = first('customerName');
  const customerPhone = first('customerPhone');
  const order = compact({
    externalId,
    placedAt,
    currency,
    total,
    shippingFee: amount('shippingFee'),
    discount: amount('discount'),
    buyerNote: first('buyerNote'),
    sellerNote: first('sellerNote'),
    customer: compact({ name: customerName, email: first('customerEmail'), phone: customerPhone }),
    shippingAddress: compact({
      name: first('shipName') || customerName,
      phone: first('shipPhone') || customerPhone,
      country: first('country').toUpperCase() || mapping.defaultCountry,
      province: first('province') || split?.province,
      city: first('city') || split?.city,
      district: first('district') || split?.district,
      line1: first('line1') || split?.line1,
      line2: first('line2'),
      postalCode: first('postalCode') || split?.postalCode,
    }),
    lines,
    // No payment columns: the order says nothing of payment (intake holds it PAYMENT_PENDING).
    payment: payment.status ? payment : undefined,
  });
  return { line, rows, externalId, order, problems };
}

function mapLine(compiled: CompiledMapping, row: SheetRow, note: Note): Record<string, unknown> {
  const sku = cleanCell(cellOf(compiled, row, 'sku'));
  const quantityText = cleanCell(cellOf(compiled, row, 'quantity'));
  const quantity = readQuantity(quantityText);
  if (sku === '') note('sku', 'EMPTY_SKU', 'empty: the line is left out', 'warning', row.line);
  if (quantity === undefined || quantity === 0)
    note(
      'quantity',
      'NOT_A_QUANTITY',
      `"${quantityText}" is not a whole quantity: the line is left out`,
      'warning',
      row.line,
      quantityText,
    );
  const priceText = cleanCell(cellOf(compiled, row, 'unitPrice'));
  const unitPrice = priceText === '' ? undefined : readAmount(priceText, compiled.mapping.decimalComma);
  if (priceText !== '' && unitPrice === undefined)
    note('unitPrice', 'NOT_AN_AMOUNT', `"${priceText}" is not an amount`, 'warning', row.line, priceText);
  return compact({
    sku: sku || undefined,
    quantity: quantity ?? (quantityText || undefined),
    unitPrice: unitPrice ?? (priceText || undefined),
    name: cleanCell(cellOf(compiled, row, 'lineName')),
  });
}

function readPaymentStatus(mapping: ColumnMapping, text: string): string | undefined {
  if (text === '') return mapping.defaultPaymentStatus;
  const known = mapping.paymentStatusValues[text] ?? mapping.paymentStatusValues[text.toLowerCase()];
  return known ?? text.toLowerCase();
}

/** The object without empty values (intake treats absent and empty alike; absent is smaller). */
function compact<T extends Record<string, unknown>>(object: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(object))
    if (value !== undefined && value !== '') out[key] = value;
  return out as T;
}
