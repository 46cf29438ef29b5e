import type { Database } from '../../../platform/db/database.ts';
import { type BottleneckDim, bottleneckDims } from '../kpis/order-facts.ts';
import { readStageHours, splitPeriod } from '../kpis/rollups.ts';
import { addDays, flowStages, type Stage } from '../kpis/stages.ts';
import { insightsDb } from '../schema.ts';

export interface StageLoss {
  stage: Stage;
  orders: number;
  hours: number;
  avgHours: number | null;
  baselineAvgHours: number | null;
  /** Order-hours above what the previous 4 weeks' average per order would have taken. */
  excessHours: number;
}

export interface BottleneckFinding extends StageLoss {
  dim: BottleneckDim;
  value: string;
  /** The orders behind the finding: the insights order list with this filter. */
  drillDown: { from: string; to: string; stage: Stage; dim: BottleneckDim; value: string };
}

export interface BottleneckReport {
  from: string;
  to: string;
  baselineFrom: string;
  stages: StageLoss[];
  worstStage: Stage | null;
  findings: BottleneckFinding[];
}

const round = (n: number) => Math.round(n * 100) / 100;

/**
 * Which stage lost most order-hours in the period and where, against the 4 weeks before it:
 * a stage's or a place's loss is its hours minus its orders × the baseline hours per order.
 */
export async function findBottlenecks(
  database: Database,
  period: { from: string; to: string },
  top = 20,
): Promise<BottleneckReport> {
  const db = insightsDb(database);
  const baselineFrom = addDays(period.from, -28);
  // The period and its baseline, each read by whole months and the days around them.
  const [inPeriod, baseline] = await Promise.all([
    readStageHours(db, splitPeriod(period.from, period.to)),
    readStageHours(db, splitPeriod(baselineFrom, period.from)),
  ]);
  const rows = [
    ...inPeriod.map((r) => ({ ...r, current: true })),
    ...baseline.map((r) => ({ ...r, current: false })),
  ];
  type Acc = { n: number; hours: number; bn: number; bhours: number };
  const acc = new Map<string, Acc>();
  for (const r of rows) {
    const key = `${r.stage}\u0000${r.dim}\u0000${r.dim_value}`;
    const a = acc.get(key) ?? { n: 0, hours: 0, bn: 0, bhours: 0 };
    if (r.current) {
      a.n += Number(r.n);
      a.hours += Number(r.hours);
    } else {
      a.bn += Number(r.n);
      a.bhours += Number(r.hours);
    }
    acc.set(key, a);
  }
  const get = (stage: string, dim: string, value: string) =>
    acc.get(`${stage}\u0000${dim}\u0000${value}`) ?? { n: 0, hours: 0, bn: 0, bhours: 0 };
  const loss = (a: Acc, fallbackAvg: number | null) => {
    const baselineAvg = a.bn > 0 ? a.bhours / a.bn : fallbackAvg;
    return {
      orders: a.n,
      hours: round(a.hours),
      avgHours: a.n > 0 ? round(a.hours / a.n) : null,
      baselineAvgHours: baselineAvg === null ? null : round(baselineAvg),
      excessHours: round(a.hours - a.n * (baselineAvg ?? 0)),
    };
  };
  const stageLosses: StageLoss[] = flowStages.map((stage) => ({ stage, ...loss(get(stage, '', ''), null) }));
  const findings: BottleneckFinding[] = [];
  for (const [key, a] of acc) {
    const [stage, dim, value] = key.split('\u0000') as [Stage, string, string];
    if (dim === '' || a.n === 0) continue;
    const whole = get(stage, '', '');
    const wholeAvg = whole.bn > 0 ? whole.bhours / whole.bn : null;
    const l = loss(a, wholeAvg);
    if (l.excessHours <= 0) continue;
    findings.push({
      stage,
      dim: dim as BottleneckDim,
      value,
      ...l,
      drillDown: { from: period.from, to: period.to, stage, dim: dim as BottleneckDim, value },
    });
  }
  findings.sort((a, b) => b.excessHours - a.excessHours || a.stage.localeCompare(b.stage));
  const worst = [...stageLosses].sort((a, b) => b.excessHours - a.excessHours || b.hours - a.hours)[0];
  return {
    from: period.from,
    to: period.to,
    baselineFrom,
    stages: stageLosses,
    worstStage: worst && worst.orders > 0 ? worst.stage : null,
    findings: findings.slice(0, top),
  };
}

export { bottleneckDims };
