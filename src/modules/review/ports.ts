import type { Department } from './agenda.ts';

/**
 * What the review module needs from modules built beside it (the weekly report, complaints and
 * cases, incidents, KPIs). `src/app.ts` fills each port; a new source of issues only adds to what
 * `departmentSignals` returns.
 */

/** The weekly data pack (the "Reports" JSON): at least the order counts; more when the report has it. */
export interface DataPack {
  from: string;
  to: string;
  timeZone: string;
  orders: { received: number; byStatus: Record<string, number>; byChannel: Record<string, number> };
  [more: string]: unknown;
}

/** A problem Ordo's own data shows, proposed for a department's issue list. */
export interface IssueCandidate {
  department: Department;
  /** Stable per problem, so the same problem is listed once per meeting. */
  key: string;
  title: string;
  detail: string | null;
}

export interface KpiChoice {
  key: string;
  name: string;
  unit: string;
  goodDirection: 'up' | 'down';
}

export interface StockRisk {
  sku: string;
  warehouse: string;
  available: number;
  warningLine: number;
}

export interface ReviewPorts {
  dataPack(from: Date, to: Date, timeZone: string): Promise<DataPack>;
  departmentSignals(from: Date, to: Date): Promise<IssueCandidate[]>;
  stockRisks(): Promise<StockRisk[]>;
  /** The KPIs `kpiValue` can measure: corrective actions and action items aim at one of them. */
  kpis(): Promise<KpiChoice[]>;
  /** A KPI's value at a time (null: not measurable); corrective actions are verified with it. */
  kpiValue(kpi: string, at: Date): Promise<number | null>;
}
