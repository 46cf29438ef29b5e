import type { PeriodReport, WeeklyReport } from './reports.ts';

const stageNames = {
  receivedToApproved: 'received->approved',
  approvedToShipped: 'approved->shipped',
  shippedToDelivered: 'shipped->delivered',
  receivedToDelivered: 'received->delivered',
} as const;

const pct = (rate: number) => `${(rate * 100).toFixed(1)}%`;
const h = (value: number) => `${value.toFixed(1)} h`;

function counts(title: string, values: Record<string, number>): string[] {
  const entries = Object.entries(values);
  if (entries.length === 0) return [`${title}: none`];
  return [`${title}:`, ...entries.map(([key, n]) => `  ${key.padEnd(18)} ${String(n).padStart(8)}`)];
}

/** A period's report as text for people (the CLI without --json). */
export function periodText(report: PeriodReport): string {
  const lines = [
    `Orders placed ${report.from} to ${report.to} (exclusive), ${report.timeZone}`,
    `received: ${report.orders.received}`,
    ...counts('by status', report.orders.byStatus),
    ...counts('by channel', report.orders.byChannel),
    'stage hours (delivered orders)      n        p50        p90',
    ...Object.entries(stageNames).map(([key, name]) => {
      const s = report.stageHours[key as keyof typeof stageNames];
      return `  ${name.padEnd(28)} ${String(s.n).padStart(6)} ${h(s.p50).padStart(10)} ${h(s.p90).padStart(10)}`;
    }),
    `delivered: ${report.delivery.delivered}, late: ${report.delivery.late} of ${report.delivery.withPromise} with a promise (${pct(report.delivery.lateRate)})`,
  ];
  return lines.join('\n');
}

/** The weekly pack as text: the week, how it compares, and its exception orders. */
export function weeklyText(report: WeeklyReport): string {
  const avg = report.previousAverage;
  const lines = [
    `Weekly report ${report.week}`,
    periodText(report),
    '',
    'week        received  delivered   late rate   p50 received->delivered',
    ...[
      { ...report, label: report.week },
      ...report.previousWeeks.map((w) => ({ ...w, label: w.week })),
      { ...report.lastYear, label: `${report.lastYear.week} (last year)` },
    ].map((w) => {
      const received = 'orders' in w ? w.orders.received : w.received;
      const delivered = 'delivery' in w ? w.delivery.delivered : w.delivered;
      const lateRate = 'delivery' in w ? w.delivery.lateRate : w.lateRate;
      const p50 = 'stageHours' in w ? w.stageHours.receivedToDelivered.p50 : w.receivedToDeliveredP50;
      return `${w.label.padEnd(10)} ${String(received).padStart(9)} ${String(delivered).padStart(10)} ${pct(lateRate).padStart(11)} ${h(p50).padStart(12)}`;
    }),
    `average of the 4 weeks before: received ${avg.received}, delivered ${avg.delivered}, late rate ${pct(avg.lateRate)}, p50 ${h(avg.receivedToDeliveredP50)}`,
    '',
    `exception orders (held): ${report.exceptions.heldOrders}`,
    ...Object.entries(report.exceptions.byReason).map(([code, n]) => `  ${code.padEnd(22)} ${n}`),
  ];
  return lines.join('\n');
}
