// Dashboards: KPIs as data over incremental daily summaries, bottlenecks, customer behaviour,
// operations today, drill-down to orders and table exports (docs/insights.md).
export { customerKey } from './behaviour/behaviour.ts';
export {
  createInsightsDashboards,
  type InsightsDashboards,
  type InsightsDeps,
} from './dashboards/insights.ts';
export { insightsDashboardRoutes } from './dashboards/routes.ts';
export { percentileCont } from './kpis/stages.ts';
export type { InsightsPorts } from './kpis/summaries.ts';
