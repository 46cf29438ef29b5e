import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authErrors, errorBody, pdfFile } from '../../../contracts/common.ts';
import {
  csvFile,
  historyImportResult,
  jsonlText,
  periodReport,
  periodReportQuery,
  weeklyReport,
  weeklyReportQuery,
} from '../../../contracts/reports.ts';
import { AppError } from '../../../platform/errors.ts';
import type { HistoryOutcome } from '../../orders/index.ts';
import { reportCsv } from './report-csv.ts';
import { weeklyPdf } from './report-pdf.ts';
import type { Reports } from './reports.ts';

const tags = ['reports'];
const read = { permission: 'orders:read' } as const;

export interface ReportsRouteDeps {
  reports: Reports;
  now: () => Date;
  /** Stores past orders (`orders.intake.receiveHistory`). */
  receiveHistory: (
    actor: import('../../../platform/actor.ts').Actor,
    inputs: readonly unknown[],
  ) => Promise<HistoryOutcome[]>;
}

/** Most orders one history request takes; larger histories go through `ordo import orders --history`. */
const maxHistoryLines = 5000;

/** Reports (period, weekly pack as JSON, CSV and PDF) and the history import endpoint. */
export function reportsRoutes(deps: ReportsRouteDeps): FastifyPluginAsyncZod {
  const { reports } = deps;
  return async (app) => {
    app.get(
      '/reports/period',
      {
        schema: {
          tags,
          summary:
            'Orders, stage hours (p50/p90) and lateness of orders placed from `from` to `to` (exclusive)',
          querystring: periodReportQuery,
          response: { 200: periodReport, 400: errorBody, ...authErrors },
        },
        config: read,
      },
      async (request) => reports.period(request.query),
    );
    app.get(
      '/reports/period/csv',
      {
        schema: {
          tags,
          summary: 'The period report as CSV',
          querystring: periodReportQuery,
          response: { 200: csvFile, 400: errorBody, ...authErrors },
        },
        config: read,
      },
      async (request, reply) => {
        const report = await reports.period(request.query);
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="ordo-report-${report.from}-${report.to}.csv"`)
          .send(reportCsv(report));
      },
    );
    app.get(
      '/reports/weekly',
      {
        schema: {
          tags,
          summary: 'The weekly pack: a week, the 4 weeks before, the same week last year, exception orders',
          querystring: weeklyReportQuery,
          response: { 200: weeklyReport, 400: errorBody, ...authErrors },
        },
        config: read,
      },
      async (request) => reports.weekly(request.query),
    );
    app.get(
      '/reports/weekly/csv',
      {
        schema: {
          tags,
          summary: 'The weekly pack as CSV',
          querystring: weeklyReportQuery,
          response: { 200: csvFile, 400: errorBody, ...authErrors },
        },
        config: read,
      },
      async (request, reply) => {
        const report = await reports.weekly(request.query);
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="ordo-weekly-${report.week}.csv"`)
          .send(reportCsv(report));
      },
    );
    app.get(
      '/reports/weekly/pdf',
      {
        schema: {
          tags,
          summary: 'The weekly pack as PDF, with charts',
          querystring: weeklyReportQuery,
          response: { 200: pdfFile, 400: errorBody, ...authErrors },
        },
        config: read,
      },
      async (request, reply) => {
        const report = await reports.weekly(request.query);
        return reply
          .type('application/pdf')
          .header('content-disposition', `attachment; filename="ordo-weekly-${report.week}.pdf"`)
          .send(await weeklyPdf(report, deps.now()));
      },
    );
    await app.register(async (scope) => {
      scope.addContentTypeParser(
        ['application/x-ndjson', 'application/jsonl', 'application/x-jsonlines'],
        { parseAs: 'string' },
        (_request, body, done) => done(null, body),
      );
      scope.post(
        '/imports/history',
        {
          schema: {
            tags,
            summary: 'Import past orders (JSON Lines) in their recorded status with their milestones',
            description:
              'Each line is a canonical order with optional `status` and `milestones` {approvedAt, shippedAt, deliveredAt, promisedAt, cancelledAt}. No audit, stock reservation, notification or channel sync. Idempotent on channel + externalId.',
            body: jsonlText,
            response: { 200: historyImportResult, 400: errorBody, 413: errorBody, ...authErrors },
          },
          config: { permission: 'system:manage' },
        },
        async (request) => {
          const records: { line: number; order: unknown }[] = [];
          const summary = {
            created: 0,
            duplicate: 0,
            rejected: 0,
            rejections: [] as { line: number; reason: string }[],
          };
          (request.body as string).split('\n').forEach((text, i) => {
            if (text.trim() === '') return;
            try {
              records.push({ line: i + 1, order: JSON.parse(text) });
            } catch {
              summary.rejected += 1;
              summary.rejections.push({ line: i + 1, reason: 'not a JSON object' });
            }
          });
          if (records.length > maxHistoryLines)
            throw new AppError(
              'PAYLOAD_TOO_LARGE',
              `at most ${maxHistoryLines} orders per request; use ordo import orders --history`,
              { field: 'body' },
            );
          const results = await deps.receiveHistory(
            request.principal!.actor,
            records.map((r) => r.order),
          );
          results.forEach((result, i) => {
            summary[result.outcome] += 1;
            if (result.outcome === 'rejected')
              summary.rejections.push({ line: records[i]!.line, reason: result.error.message });
          });
          summary.rejections.sort((a, b) => a.line - b.line);
          return summary;
        },
      );
    });
  };
}
