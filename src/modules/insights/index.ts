// Insights: reports over orders (src/modules/insights/reports).

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
