import { z } from 'zod';

/** CONTRACT.md "Reports": query strings and the report shapes (docs/reports.md). */
const zone = z.string().min(1).max(64).optional().describe('IANA time zone; default: the shop zone');

export const periodReportQuery = z.object({
  from: z.iso.date().describe('first local day, YYYY-MM-DD'),
  to: z.iso.date().describe('local day the period ends before (exclusive), YYYY-MM-DD'),
  tz: zone,
});

export const weeklyReportQuery = z.object({
  week: z
    .string()
    .regex(/^\d{4}-W\d{2}$/, 'must be an ISO week such as 2026-W47')
    .optional()
    .describe('ISO week; default: the last whole week'),
  tz: zone,
});

export const stageFigures = z.object({ n: z.number(), p50: z.number(), p90: z.number() });

export const periodReport = z.object({
  from: z.string(),
  to: z.string(),
  timeZone: z.string(),
  start: z.string().describe('UTC instant the period starts at'),
  end: z.string().describe('UTC instant the period ends before'),
  orders: z.object({
    received: z.number(),
    byStatus: z.record(z.string(), z.number()),
    byChannel: z.record(z.string(), z.number()),
  }),
  stageHours: z.object({
    receivedToApproved: stageFigures,
    approvedToShipped: stageFigures,
    shippedToDelivered: stageFigures,
    receivedToDelivered: stageFigures,
  }),
  delivery: z.object({
    delivered: z.number(),
    late: z.number(),
    withPromise: z.number(),
    lateRate: z.number(),
  }),
});

export const weekSummary = z.object({
  week: z.string(),
  from: z.string(),
  to: z.string(),
  received: z.number(),
  delivered: z.number(),
  late: z.number(),
  lateRate: z.number(),
  receivedToDeliveredP50: z.number(),
  receivedToDeliveredP90: z.number(),
});

export const weeklyReport = periodReport.extend({
  week: z.string(),
  previousWeeks: z.array(weekSummary),
  previousAverage: z.object({
    received: z.number(),
    delivered: z.number(),
    lateRate: z.number(),
    receivedToDeliveredP50: z.number(),
  }),
  lastYear: weekSummary,
  exceptions: z.object({ heldOrders: z.number(), byReason: z.record(z.string(), z.number()) }),
});

export type PeriodReportBody = z.infer<typeof periodReport>;
export type WeeklyReportBody = z.infer<typeof weeklyReport>;

export const historyImportResult = z.object({
  created: z.number(),
  duplicate: z.number(),
  rejected: z.number(),
  rejections: z.array(z.object({ line: z.number(), reason: z.string() })),
});

export const csvFile = z.string().describe('CSV text: section, key, figure, value');
export const jsonlText = z
  .string()
  .describe('JSON Lines: one canonical order per line, with status and milestones');
