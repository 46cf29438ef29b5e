/** A table as the console shows it and as it is exported: typed columns, plain rows. */
export interface InsightsTable {
  name: string;
  columns: { key: string; type: 'text' | 'number' | 'percent' | 'money' }[];
  rows: Record<string, string | number | null>[];
}

function csvField(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** RFC 4180 CSV with a BOM, so spreadsheet programs read Chinese text as UTF-8. */
export function tableCsv(table: InsightsTable): string {
  const keys = table.columns.map((c) => c.key);
  const lines = [keys.join(','), ...table.rows.map((row) => keys.map((k) => csvField(row[k])).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export async function tableXlsx(table: InsightsTable): Promise<Buffer> {
  // exceljs is large: it loads with the first spreadsheet asked for, not at start.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(table.name.slice(0, 31));
  sheet.columns = table.columns.map((c) => ({
    header: c.key,
    key: c.key,
    width: Math.max(12, c.key.length + 2),
    style: c.type === 'percent' ? { numFmt: '0.0%' } : c.type === 'money' ? { numFmt: '#,##0.00' } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of table.rows) {
    const values: Record<string, string | number | null> = {};
    for (const c of table.columns) {
      const v = row[c.key] ?? null;
      values[c.key] = c.type === 'money' && typeof v === 'string' ? Number(v) : v;
    }
    sheet.addRow(values);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
