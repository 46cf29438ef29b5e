import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authErrors, errorBody, writeErrors } from '../../../contracts/common.ts';
import {
  bottleneckReport,
  customerBehaviour,
  drillDownPage,
  drillDownQuery,
  insightsTable,
  kpiDefinition,
  kpiKeyParams,
  kpiTargetBody,
  operationsToday,
  periodKpis,
  periodQuery,
  refreshResult,
  tableParams,
  tableQuery,
  weekOverWeek,
} from '../../../contracts/insights-dashboards.ts';
import { tableCsv, tableXlsx } from './export.ts';
import { checkPeriod, type InsightsDashboards } from './insights.ts';

const tags = ['insights'];
// Insights are derived from orders: whoever may read orders may read them; targets are rules.
const read = { permission: 'orders:read' } as const;
const manage = { permission: 'rules:manage' } as const;
const readErrors = { 400: errorBody, ...authErrors } as const;

/** KPIs, bottlenecks, customer behaviour, operations today, drill-down and exports. */
export function insightsDashboardRoutes(insights: InsightsDashboards): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/insights/kpi-definitions',
      {
        schema: {
          tags,
          summary: 'KPI definitions (name, formula, unit, good direction, target)',
          response: { 200: z.object({ items: z.array(kpiDefinition) }), ...authErrors },
        },
        config: read,
      },
      async () => ({ items: await insights.kpis.definitions() }),
    );
    app.patch(
      '/insights/kpi-definitions/:key',
      {
        schema: {
          tags,
          summary: "Set a KPI's target (null: none)",
          params: kpiKeyParams,
          body: kpiTargetBody,
          response: { 200: kpiDefinition, ...writeErrors },
        },
        config: manage,
      },
      async (request) =>
        insights.kpis.updateTarget(request.principal!.actor, request.params.key, request.body.target),
    );
    app.get(
      '/insights/kpis',
      {
        schema: {
          tags,
          summary: 'KPIs of any period (days combined from the daily summaries), optionally one channel',
          querystring: periodQuery,
          response: { 200: periodKpis, ...readErrors },
        },
        config: read,
      },
      async (request) => insights.kpis.period(request.query),
    );
    app.get(
      '/insights/week-over-week',
      {
        schema: {
          tags,
          summary: 'KPIs of the last 7 days against the 7 before',
          querystring: z.object({ channel: z.string().trim().min(1).max(64).optional() }),
          response: { 200: weekOverWeek, ...readErrors },
        },
        config: read,
      },
      async (request) => insights.kpis.weekOverWeek(request.query.channel),
    );
    app.get(
      '/insights/operations',
      {
        schema: {
          tags,
          summary: 'Operations today: live queue counts and ages, orders at risk of missing ship-by',
          response: { 200: operationsToday, ...authErrors },
        },
        config: read,
      },
      async () => insights.operations(),
    );
    app.get(
      '/insights/bottlenecks',
      {
        schema: {
          tags,
          summary: 'Which stage lost most order-hours and where, against the previous 4 weeks',
          querystring: periodQuery.omit({ channel: true }),
          response: { 200: bottleneckReport, ...readErrors },
        },
        config: read,
      },
      async (request) => insights.bottlenecks(request.query),
    );
    app.get(
      '/insights/customers',
      {
        schema: {
          tags,
          summary: 'Customer behaviour: repeat rate, RFM segments, basket, bought together, times, regions',
          querystring: periodQuery.omit({ channel: true }),
          response: { 200: customerBehaviour, ...readErrors },
        },
        config: read,
      },
      async (request) => insights.behaviour(request.query),
    );
    app.get(
      '/insights/orders',
      {
        schema: {
          tags,
          summary: 'The orders behind a figure (drill-down): placed in the period, by stage and place',
          querystring: drillDownQuery,
          response: { 200: drillDownPage, ...readErrors },
        },
        config: read,
      },
      async (request) => {
        const { limit, cursor, ...filter } = request.query;
        return insights.orders(filter, { limit, cursor });
      },
    );
    app.get(
      '/insights/tables/:table',
      {
        schema: {
          tags,
          summary: 'Any dashboard table as JSON, CSV or XLSX',
          params: tableParams,
          querystring: tableQuery,
          response: { 200: insightsTable.or(z.string()).or(z.instanceof(Buffer)), ...readErrors },
        },
        config: read,
      },
      async (request, reply) => {
        const { format, ...filter } = request.query;
        checkPeriod(filter);
        const table = await insights.table(request.params.table, filter);
        const name = `${table.name}-${filter.from}-${filter.to}`;
        if (format === 'csv')
          return reply
            .type('text/csv; charset=utf-8')
            .header('content-disposition', `attachment; filename="${name}.csv"`)
            .send(tableCsv(table));
        if (format === 'xlsx')
          return reply
            .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
            .header('content-disposition', `attachment; filename="${name}.xlsx"`)
            .send(await tableXlsx(table));
        return table;
      },
    );
    app.post(
      '/insights/refresh',
      {
        schema: {
          tags,
          summary: 'Bring the daily summaries up to date now (the worker does it every minute)',
          body: z.object({ full: z.boolean().default(false) }).optional(),
          response: { 200: refreshResult, ...writeErrors },
        },
        config: manage,
      },
      async (request) =>
        request.body?.full ? insights.summaries.recomputeAll() : insights.summaries.refresh(),
    );
  };
}
