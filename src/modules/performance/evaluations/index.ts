import type { Clock } from '../../../platform/clock.ts';
import type { Database } from '../../../platform/db/database.ts';
import type { Performance } from '../index.ts';
import { createEvaluationPeriods } from './evaluations.ts';
import { createPlans } from './plans.ts';

export type { Period, PeriodResult } from './evaluations.ts';
export type { Plan } from './plans.ts';

/** Evaluations: periods scored from the figures with editable weights, reviews and rewards, improvement plans. */
export function createEvaluations(deps: { database: Database; clock: Clock; performance: Performance }) {
  const plans = createPlans(deps);
  return { periods: createEvaluationPeriods({ ...deps, plans }), plans };
}

export type Evaluations = ReturnType<typeof createEvaluations>;
