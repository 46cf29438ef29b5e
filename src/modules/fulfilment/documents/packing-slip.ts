import { numberPages, renderPdf } from '../../../platform/pdf.ts';
import { drawCode128 } from './barcode.ts';

export interface PackingSlip {
  number: string;
  customerName: string;
  addressLines: string[];
  lines: { sku: string; name: string; quantity: number }[];
  note?: string;
}

// A4 in points.
const PAGE_WIDTH = 595.28;
const MARGIN = 48;
const BARCODE_WIDTH = 200;

/**
 * An A4 packing slip that goes into the box: the order's barcode (the pack station scans it
 * to check the box against the order), who it is for, and what should be inside.
 */
export function packingSlipPdf(order: PackingSlip): Promise<Buffer> {
  const setup = {
    size: 'A4' as const,
    margin: MARGIN,
    title: `Packing slip ${order.number}`,
    keywords: [order.number],
    bufferPages: true,
  };
  return renderPdf(setup, async (doc, fonts) => {
    const barcodeX = PAGE_WIDTH - MARGIN - BARCODE_WIDTH;
    await drawCode128(doc, order.number, { x: barcodeX, y: MARGIN, width: BARCODE_WIDTH, height: 40 });
    doc.font(fonts.bold).fontSize(9);
    doc.text(order.number, barcodeX, MARGIN + 42, { width: BARCODE_WIDTH, align: 'center' });

    const textWidth = barcodeX - MARGIN - 12;
    doc.font(fonts.bold).fontSize(20).text('装箱单 Packing slip', MARGIN, MARGIN, { width: textWidth });
    doc.font(fonts.regular).fontSize(11).text(`订单 Order ${order.number}`, { width: textWidth });

    doc.moveDown(2).fontSize(9).text('收货人 Ship to', MARGIN);
    doc.font(fonts.bold).fontSize(12).text(order.customerName);
    doc.font(fonts.regular).fontSize(10).text(order.addressLines.join('\n'));
    doc.moveDown(1.5);

    const units = order.lines.reduce((sum, line) => sum + line.quantity, 0);
    const heading = { font: { src: fonts.bold }, backgroundColor: '#eeeeee' };
    doc.fontSize(10).table({
      columnStyles: [130, '*', { width: 70, align: { x: 'right' } }],
      defaultStyle: { border: { top: 0, right: 0, bottom: 0.5, left: 0 }, padding: 5 },
      data: [
        [
          { ...heading, text: 'SKU' },
          { ...heading, text: '品名 Name' },
          { ...heading, text: '数量 Qty' },
        ],
        ...order.lines.map((line) => [line.sku, line.name, String(line.quantity)]),
        [
          '',
          { text: '合计 Total units', font: { src: fonts.bold } },
          { text: String(units), font: { src: fonts.bold } },
        ],
      ],
    });

    if (order.note) {
      doc.moveDown(1.5).font(fonts.bold).fontSize(10).text('备注 Note', MARGIN);
      doc.font(fonts.regular).text(order.note, { width: PAGE_WIDTH - 2 * MARGIN });
    }
    numberPages(doc, fonts, order.number);
  });
}
