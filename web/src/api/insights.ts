// The console's client for the insights dashboards (/api/v1/insights/…), typed by the server's
// own contracts, imported as types only.
import type {
  BottleneckReport,
  CustomerBehaviour,
  DrillDownPage,
  InsightsTable,
  insightsDims,
  insightsStages,
  insightsTables,
  KpiDefinition,
  OperationsToday,
  PeriodKpis,
  WeekOverWeek,
} from '../../../src/contracts/insights-dashboards.ts';
import { get, id, patch } from './client';

export type {
  BottleneckReport,
  CustomerBehaviour,
  DrillDownPage,
  InsightsTable,
  KpiDefinition,
  OperationsToday,
  PeriodKpis,
  WeekOverWeek,
};
export type InsightsStage = (typeof insightsStages)[number];
export type InsightsDim = (typeof insightsDims)[number];
export type InsightsTableName = (typeof insightsTables)[number];
export type Period = { from: string; to: string; channel?: string };
export type DrillDownFilter = Period & { stage?: string; dim?: string; value?: string; status?: string };

function query(filter: Record<string, string | number | undefined | null>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  return params.toString();
}

export const insightsApi = {
  definitions: () => get<{ items: KpiDefinition[] }>('/insights/kpi-definitions'),
  setTarget: (key: string, target: number | null) =>
    patch<KpiDefinition>(`/insights/kpi-definitions/${id(key)}`, { target }),
  kpis: (period: Period) => get<PeriodKpis>('/insights/kpis', period),
  weekOverWeek: (channel?: string) => get<WeekOverWeek>('/insights/week-over-week', { channel }),
  operations: () => get<OperationsToday>('/insights/operations'),
  bottlenecks: (period: Period) =>
    get<BottleneckReport>('/insights/bottlenecks', { from: period.from, to: period.to }),
  customers: (period: Period) =>
    get<CustomerBehaviour>('/insights/customers', { from: period.from, to: period.to }),
  orders: (filter: DrillDownFilter, cursor?: string | null) =>
    get<DrillDownPage>('/insights/orders', { ...filter, limit: 50, cursor: cursor ?? undefined }),
  table: (name: InsightsTableName, period: Period) => get<InsightsTable>(`/insights/tables/${name}`, period),
  /** A table as a file: the link the browser downloads. */
  fileUrl: (name: InsightsTableName, period: Period, format: 'csv' | 'xlsx') =>
    `/api/v1/insights/tables/${name}?${query({ ...period, format })}`,
  /** The console's drill-down page for a filter. */
  ordersPath: (filter: DrillDownFilter) => `/insights/orders?${query(filter)}`,
};
