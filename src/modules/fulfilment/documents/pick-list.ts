import { type DocumentFonts, formatZonedDateTime, numberPages, renderPdf } from '../../../platform/pdf.ts';
import { drawCode128 } from './barcode.ts';

export interface PickLine {
  /** null when the SKU has no bin assigned; the picker must ask. */
  bin: string | null;
  sku: string;
  name: string;
  quantity: number;
  orders: string[];
}

export interface PickWave {
  number: string;
  warehouse: string;
  createdAt: Date;
  /** In walking order: printed as given. */
  lines: PickLine[];
  /** The shop's zone, named beside the time as the console names it; defaults to the calendar's. */
  timeZone?: string;
}

// A4 in points.
const PAGE_WIDTH = 595.28;
const PAGE_HEIGHT = 841.89;
const MARGIN = 36;
const CELL_PADDING = 4;
const SKU_BARCODE_HEIGHT = 22;
const MAX_ORDERS_HEIGHT = 60;

interface Column {
  title: string;
  x: number;
  width: number;
  align?: 'right';
}

const columns = (() => {
  const widths = { check: 18, bin: 76, sku: 150, qty: 50, orders: 104 };
  const name = PAGE_WIDTH - 2 * MARGIN - Object.values(widths).reduce((sum, w) => sum + w, 0);
  let x = MARGIN;
  const next = (title: string, width: number, align?: 'right'): Column => {
    const column = { title, x, width, align };
    x += width;
    return column;
  };
  return {
    check: next('', widths.check),
    bin: next('库位 Bin', widths.bin),
    sku: next('SKU', widths.sku),
    name: next('品名 Name', name),
    qty: next('数量 Qty', widths.qty, 'right'),
    orders: next('订单 Orders', widths.orders),
  };
})();

const cellWidth = (column: Column) => column.width - 2 * CELL_PADDING;

function cell(doc: PDFKit.PDFDocument, column: Column, text: string, y: number, height?: number) {
  doc.text(text, column.x + CELL_PADDING, y, {
    width: cellWidth(column),
    height,
    ellipsis: height !== undefined,
    align: column.align ?? 'left',
  });
}

/** Title block with the wave's barcode, so the handheld can open the wave by scanning. */
async function drawHeader(doc: PDFKit.PDFDocument, fonts: DocumentFonts, wave: PickWave): Promise<number> {
  const barcode = { x: PAGE_WIDTH - MARGIN - 200, y: MARGIN, width: 200, height: 40 };
  await drawCode128(doc, wave.number, barcode);
  doc
    .font(fonts.bold)
    .fontSize(9)
    .text(wave.number, barcode.x, MARGIN + 42, { width: 200, align: 'center' });

  const units = wave.lines.reduce((sum, line) => sum + line.quantity, 0);
  const orders = new Set(wave.lines.flatMap((line) => line.orders)).size;
  const textWidth = barcode.x - MARGIN - 12;
  doc.font(fonts.bold).fontSize(18).text('拣货单 Pick list', MARGIN, MARGIN, { width: textWidth });
  doc.font(fonts.regular).fontSize(10);
  const facts = [
    `波次 Wave ${wave.number}`,
    `仓库 Warehouse ${wave.warehouse}`,
    `创建 Created ${formatZonedDateTime(wave.createdAt, wave.timeZone)}`,
    `${wave.lines.length} 行 lines · ${units} 件 units · ${orders} 单 orders`,
  ];
  doc.text(facts.join('\n'), MARGIN, MARGIN + 26, { width: textWidth });
  return Math.max(doc.y, MARGIN + 60) + 12;
}

function drawColumnTitles(doc: PDFKit.PDFDocument, fonts: DocumentFonts, y: number): number {
  doc.font(fonts.bold).fontSize(9);
  for (const column of Object.values(columns)) cell(doc, column, column.title, y);
  const bottom = y + 14;
  doc
    .moveTo(MARGIN, bottom)
    .lineTo(PAGE_WIDTH - MARGIN, bottom)
    .lineWidth(1)
    .stroke();
  return bottom + CELL_PADDING;
}

function rowHeight(doc: PDFKit.PDFDocument, fonts: DocumentFonts, line: PickLine): number {
  doc.font(fonts.regular).fontSize(10);
  const name = doc.heightOfString(line.name, { width: cellWidth(columns.name) });
  doc.fontSize(8);
  const orders = Math.min(
    MAX_ORDERS_HEIGHT,
    doc.heightOfString(line.orders.join(', '), { width: cellWidth(columns.orders) }),
  );
  return Math.max(SKU_BARCODE_HEIGHT + 14, name, orders) + 2 * CELL_PADDING;
}

async function drawLine(
  doc: PDFKit.PDFDocument,
  fonts: DocumentFonts,
  line: PickLine,
  y: number,
  height: number,
) {
  doc
    .rect(columns.check.x + 2, y + 2, 10, 10)
    .lineWidth(0.8)
    .stroke();
  doc.font(fonts.bold).fontSize(11);
  cell(doc, columns.bin, line.bin ?? '无库位 no bin', y);
  cell(doc, columns.qty, String(line.quantity), y);
  const sku = columns.sku;
  await drawCode128(doc, line.sku, {
    x: sku.x + CELL_PADDING,
    y,
    width: cellWidth(sku),
    height: SKU_BARCODE_HEIGHT,
  });
  doc.font(fonts.regular).fontSize(9);
  cell(doc, sku, line.sku, y + SKU_BARCODE_HEIGHT + 2);
  doc.fontSize(10);
  cell(doc, columns.name, line.name, y);
  doc.fontSize(8);
  cell(doc, columns.orders, line.orders.join(', '), y, MAX_ORDERS_HEIGHT);
  const bottom = y + height - CELL_PADDING;
  doc
    .moveTo(MARGIN, bottom)
    .lineTo(PAGE_WIDTH - MARGIN, bottom)
    .lineWidth(0.3)
    .stroke();
}

/**
 * An A4 pick list for one wave: the wave's barcode, then one row per line in the order given
 * (the wave planner sorts by the walking path; re-sorting here could undo a serpentine
 * route), each with a tick box and the SKU's barcode for scan-to-confirm.
 */
export function pickListPdf(wave: PickWave): Promise<Buffer> {
  const setup = {
    size: 'A4' as const,
    margin: MARGIN,
    title: `Pick list ${wave.number}`,
    keywords: [wave.number, wave.warehouse],
    createdAt: wave.createdAt,
    bufferPages: true,
  };
  return renderPdf(setup, async (doc, fonts) => {
    let y = drawColumnTitles(doc, fonts, await drawHeader(doc, fonts, wave));
    const pageBottom = PAGE_HEIGHT - MARGIN;
    for (const line of wave.lines) {
      const height = rowHeight(doc, fonts, line);
      if (y + height > pageBottom) {
        doc.addPage();
        y = drawColumnTitles(doc, fonts, MARGIN);
      }
      await drawLine(doc, fonts, line, y, height);
      y += height;
    }
    numberPages(doc, fonts, wave.number);
  });
}
