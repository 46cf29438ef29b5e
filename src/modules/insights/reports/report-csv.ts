import type { PeriodReport, WeeklyReport } from './reports.ts';

const cell = (value: string | number) => {
  const text = String(value);
  return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/** A report as CSV, one figure per row (section, key, figure, value): easy to pivot in a sheet. */
export function reportCsv(report: PeriodReport | WeeklyReport): string {
  const rows: (string | number)[][] = [['section', 'key', 'figure', 'value']];
  rows.push(['period', 'from', 'date', report.from], ['period', 'to', 'date', report.to]);
  rows.push(['period', 'timeZone', 'zone', report.timeZone]);
  rows.push(['orders', 'all', 'received', report.orders.received]);
  for (const [status, n] of Object.entries(report.orders.byStatus))
    rows.push(['byStatus', status, 'orders', n]);
  for (const [channel, n] of Object.entries(report.orders.byChannel))
    rows.push(['byChannel', channel, 'orders', n]);
  for (const [stage, s] of Object.entries(report.stageHours))
    rows.push(
      ['stageHours', stage, 'n', s.n],
      ['stageHours', stage, 'p50', s.p50],
      ['stageHours', stage, 'p90', s.p90],
    );
  for (const [figure, value] of Object.entries(report.delivery))
    rows.push(['delivery', 'all', figure, value]);
  if ('week' in report) {
    for (const w of [...report.previousWeeks, report.lastYear])
      for (const figure of ['received', 'delivered', 'late', 'lateRate', 'receivedToDeliveredP50'] as const)
        rows.push([w === report.lastYear ? 'lastYear' : 'previousWeeks', w.week, figure, w[figure]]);
    rows.push(['exceptions', 'all', 'heldOrders', report.exceptions.heldOrders]);
    for (const [code, n] of Object.entries(report.exceptions.byReason))
      rows.push(['exceptions', code, 'orders', n]);
  }
  return `${rows.map((row) => row.map(cell).join(',')).join('\n')}\n`;
}
