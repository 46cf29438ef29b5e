import { mm, renderPdf } from '../../platform/pdf.ts';
import type { MeetingDetail } from './meeting-views.ts';
import type { NextWeekPlan } from './next-week-plan.ts';
import type { DataPack } from './ports.ts';

/** The meeting's pack as a PDF: last week's figures, the issue lists, the agenda, next week's plan. */
export function packPdf(meeting: MeetingDetail): Promise<Buffer> {
  const pack = meeting.pack as DataPack | null;
  const plan = meeting.plan as NextWeekPlan | null;
  return renderPdf(
    {
      size: 'A4',
      margin: mm(15),
      title: meeting.title,
      keywords: ['meeting', meeting.id],
      createdAt: new Date(meeting.startsAt),
    },
    async (doc, fonts) => {
      doc.font(fonts.bold).fontSize(16).text(meeting.title);
      doc.font(fonts.regular).fontSize(10).text(`${meeting.startsAt} (${meeting.timeZone})`);
      doc.moveDown();
      if (pack) {
        doc.font(fonts.bold).fontSize(12).text(`Data report ${pack.from} – ${pack.to}`);
        doc.font(fonts.regular).fontSize(10).text(`Orders received: ${pack.orders.received}`);
        for (const [status, count] of Object.entries(pack.orders.byStatus)) doc.text(`  ${status}: ${count}`);
        doc.moveDown();
      }
      doc.font(fonts.bold).fontSize(12).text('Agenda');
      doc.font(fonts.regular).fontSize(10);
      for (const item of meeting.agenda)
        doc.text(`${item.position}. ${item.title} — ${item.plannedMinutes} min`);
      doc.moveDown();
      doc.font(fonts.bold).fontSize(12).text('Issues');
      doc.font(fonts.regular).fontSize(10);
      for (const issue of meeting.issues) doc.text(`[${issue.department}] ${issue.title}`);
      if (plan) {
        doc.moveDown();
        doc.font(fonts.bold).fontSize(12).text("Next week's plan");
        doc.font(fonts.regular).fontSize(10);
        for (const day of plan.staffing) {
          const needs = Object.entries(day.needs).map(([activity, n]) => `${activity} ${n.people ?? '–'}`);
          doc.text(`${day.day}: ${day.orders} orders; people ${needs.join(', ')}`);
        }
        for (const risk of plan.stockRisks)
          doc.text(`Stock risk ${risk.sku} @ ${risk.warehouse}: ${risk.available}`);
        for (const order of plan.specialOrders)
          doc.text(`Special ${order.type} ${order.number} ship by ${order.shipBy}`);
      }
    },
  );
}
