// Insights: reports over orders (src/modules/insights/reports).

// Dashboards: KPIs as data over incremental daily summaries, bottlenecks, customer behaviour,
// operations today, drill-down to orders and table exports (docs/insights.md).
export { customerKey } from './behaviour/behaviour.ts';
export {
  createInsightsDashboards,
  type InsightsDashboards,
  type InsightsDeps,
} from './dashboards/insights.ts';
export { insightsDashboardRoutes } from './dashboards/routes.ts';
export type { InsightsPorts } from './kpis/order-facts.ts';
export { percentileCont } from './reports/percentile.ts';
export { weeklyPdf } from './reports/report-pdf.ts';
export { periodText, weeklyText } from './reports/report-text.ts';
export { reportsRoutes } from './reports/reports.routes.ts';
export {
  createReports,
  type PeriodReport,
  type Reports,
  type ReportsDeps,
  reportOf,
  stageFigures,
  type WeeklyReport,
} from './reports/reports.ts';
