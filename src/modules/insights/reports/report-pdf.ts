import { mm, numberPages, renderPdf } from '../../../platform/pdf.ts';
import { weeklyText } from './report-text.ts';
import type { WeeklyReport } from './reports.ts';

type Doc = PDFKit.PDFDocument;

/** A bar chart: labelled bars scaled to the largest value, drawn at the current position. */
function barChart(doc: Doc, title: string, bars: { label: string; value: number; text: string }[]) {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const labelWidth = mm(40);
  const barHeight = mm(5);
  const max = Math.max(1e-9, ...bars.map((b) => Math.abs(b.value)));
  if (doc.y + mm(10) + bars.length * (barHeight + 3) > doc.page.height - doc.page.margins.bottom)
    doc.addPage();
  doc.fontSize(11).text(title, left, doc.y);
  let y = doc.y + 4;
  for (const bar of bars) {
    const length = Math.max(1, ((width - labelWidth - mm(30)) * Math.abs(bar.value)) / max);
    doc
      .fontSize(8)
      .fillColor('#000')
      .text(bar.label, left, y + 1, { width: labelWidth - 4 });
    doc.rect(left + labelWidth, y, length, barHeight).fill(bar.value < 0 ? '#d4380d' : '#1677ff');
    doc.fillColor('#000').text(bar.text, left + labelWidth + length + 4, y + 1);
    y += barHeight + 3;
  }
  doc.fillColor('#000');
  doc.y = y + mm(4);
  doc.x = left;
}

/** The weekly pack as a PDF: the figures as text, then charts of volume, stage times and lateness. */
export function weeklyPdf(report: WeeklyReport, createdAt: Date): Promise<Buffer> {
  const weeks = [...report.previousWeeks].reverse();
  return renderPdf(
    {
      size: 'A4',
      margin: mm(15),
      title: `Ordo weekly report ${report.week}`,
      keywords: ['ordo', 'weekly-report', report.week],
      createdAt,
      bufferPages: true,
    },
    async (doc, fonts) => {
      doc.font(fonts.bold).fontSize(16).text(`Weekly report ${report.week}`);
      doc.font(fonts.regular).fontSize(9).moveDown(0.5);
      doc.font('Courier').fontSize(7.5).text(weeklyText(report));
      doc.font(fonts.regular).moveDown();
      barChart(doc, 'Orders received per week', [
        ...weeks.map((w) => ({ label: w.week, value: w.received, text: String(w.received) })),
        {
          label: `${report.week} (this week)`,
          value: report.orders.received,
          text: String(report.orders.received),
        },
        {
          label: `${report.lastYear.week} (last year)`,
          value: report.lastYear.received,
          text: String(report.lastYear.received),
        },
      ]);
      barChart(
        doc,
        'Stage hours this week (p50)',
        Object.entries(report.stageHours).map(([stage, s]) => ({
          label: stage,
          value: s.p50,
          text: `${s.p50.toFixed(1)} h (p90 ${s.p90.toFixed(1)} h, n ${s.n})`,
        })),
      );
      barChart(doc, 'Late rate per week', [
        ...weeks.map((w) => ({
          label: w.week,
          value: w.lateRate,
          text: `${(w.lateRate * 100).toFixed(1)}%`,
        })),
        {
          label: `${report.week} (this week)`,
          value: report.delivery.lateRate,
          text: `${(report.delivery.lateRate * 100).toFixed(1)}%`,
        },
      ]);
      const reasons = Object.entries(report.exceptions.byReason);
      if (reasons.length > 0)
        barChart(
          doc,
          'Exception orders by hold reason',
          reasons.map(([code, n]) => ({ label: code, value: n, text: String(n) })),
        );
      numberPages(doc, fonts, `Ordo ${report.week}`);
    },
  );
}
