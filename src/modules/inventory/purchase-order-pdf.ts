import type { PurchaseOrder } from '../../contracts/inventory.ts';
import { formatLocalDateTime, numberPages, renderPdf } from '../../platform/pdf.ts';

const MARGIN = 40;
const PAGE_WIDTH = 595.28;
const PAGE_BOTTOM = 841.89 - 60;
const columns = [
  { title: '#', width: 24 },
  { title: 'SKU', width: 110 },
  { title: '品名 Item', width: 190 },
  { title: '数量 Qty', width: 55, isRight: true },
  { title: '单价 Unit cost', width: 68, isRight: true },
  { title: '金额 Amount', width: 68, isRight: true },
];

/**
 * The purchase order as the supplier gets it: who orders what, to which warehouse, by when,
 * at which prices. Bilingual headings, dates in the warehouse's zone (named on the page).
 */
export async function purchaseOrderPdf(
  po: PurchaseOrder,
  context: { warehouseName: string; timeZone: string },
): Promise<Buffer> {
  return renderPdf(
    {
      size: 'A4',
      margin: MARGIN,
      title: `采购单 Purchase order ${po.number}`,
      keywords: [po.number, po.supplier.code, ...po.lines.map((l) => l.sku)],
      createdAt: new Date(po.createdAt),
      bufferPages: true,
    },
    async (doc, fonts) => {
      const width = PAGE_WIDTH - 2 * MARGIN;
      doc.font(fonts.bold).fontSize(18).text(`采购单 Purchase order ${po.number}`, MARGIN, MARGIN, { width });
      doc.moveDown(0.5).font(fonts.regular).fontSize(10);
      const when = (at: string | null) => (at ? formatLocalDateTime(new Date(at), context.timeZone) : '—');
      doc.text(
        [
          `供应商 Supplier: ${po.supplier.name} (${po.supplier.code})`,
          `收货仓库 Deliver to: ${context.warehouseName} (${po.warehouse})`,
          `下单 Ordered: ${when(po.sentAt ?? po.createdAt)} · 交货期 Due: ${when(po.dueAt)} (${context.timeZone})`,
          ...(po.note ? [`备注 Note: ${po.note}`] : []),
        ].join('\n'),
        { width },
      );
      let y = doc.y + 14;
      const row = (cells: string[], font: string) => {
        doc.font(font).fontSize(9);
        const height = Math.max(16, doc.heightOfString(cells[2], { width: columns[2].width - 6 }) + 6);
        if (y + height > PAGE_BOTTOM) {
          doc.addPage();
          y = MARGIN;
        }
        let x = MARGIN;
        for (const [i, column] of columns.entries()) {
          doc.text(cells[i], x + 3, y + 3, {
            width: column.width - 6,
            align: column.isRight ? 'right' : 'left',
          });
          x += column.width;
        }
        y += height;
        doc
          .moveTo(MARGIN, y)
          .lineTo(MARGIN + width, y)
          .lineWidth(0.5)
          .stroke();
      };
      row(
        columns.map((c) => c.title),
        fonts.bold,
      );
      for (const [i, line] of po.lines.entries()) {
        const amount = (Number(line.unitCost) * line.quantity).toFixed(2);
        row(
          [String(i + 1), line.sku, line.skuName, String(line.quantity), line.unitCost, amount],
          fonts.regular,
        );
      }
      const units = po.lines.reduce((sum, l) => sum + l.quantity, 0);
      doc
        .font(fonts.bold)
        .fontSize(11)
        .text(`合计 Total: ${units} 件 units · CNY ${po.total}`, MARGIN, y + 10, { width, align: 'right' });
      numberPages(doc, fonts, po.number);
    },
  );
}
