import type { InventoryReport } from '../../contracts/inventory.ts';

/** RFC 4180 quoting: a field with a comma, quote or line break is quoted, quotes doubled. */
function csvField(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function reportCsv(report: InventoryReport): string {
  const keys = report.columns.map((c) => c.key);
  const lines = [
    keys.join(','),
    ...report.rows.map((row) => keys.map((k) => csvField(row[k] ?? null)).join(',')),
  ];
  // A BOM lets spreadsheet programs read the Chinese names as UTF-8.
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export async function reportXlsx(report: InventoryReport): Promise<Buffer> {
  // exceljs is ~28 MB once loaded: it comes in with the first spreadsheet, not at start.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(report.kind);
  sheet.columns = report.columns.map((c) => ({
    header: c.key,
    key: c.key,
    width: Math.max(12, c.key.length + 2),
    style: c.type === 'percent' ? { numFmt: '0.0%' } : c.type === 'money' ? { numFmt: '#,##0.00' } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of report.rows) {
    const values: Record<string, string | number | null> = {};
    for (const c of report.columns) {
      const v = row[c.key] ?? null;
      // Money travels as decimal strings; a spreadsheet wants numbers it can sum.
      values[c.key] = c.type === 'money' && typeof v === 'string' ? Number(v) : v;
    }
    sheet.addRow(values);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
