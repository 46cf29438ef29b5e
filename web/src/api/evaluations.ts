// Evaluations: periods with weights, the ranking and the records behind it, reviews, improvement plans.
import type { z } from 'zod';
import type {
  period,
  periodBody,
  periodResult,
  plan,
  planBody,
  reviewBody,
  weight,
} from '../../../src/contracts/evaluations.ts';
import { get, id, type Page, post, put } from './client';

export type Period = z.output<typeof period>;
export type PeriodResult = z.output<typeof periodResult>;
export type RankingRow = PeriodResult['ranking'][number];
export type Plan = z.output<typeof plan>;
export type Weight = z.output<typeof weight>;

export const evaluationsApi = {
  periods: () => get<Page<Period>>('/evaluations'),
  create: (body: z.input<typeof periodBody>) => post<Period>('/evaluations', body),
  result: (periodId: string) => get<PeriodResult>(`/evaluations/${id(periodId)}`),
  setWeights: (periodId: string, weights: Weight[]) =>
    put<Period>(`/evaluations/${id(periodId)}/weights`, { weights }),
  review: (periodId: string, person: string, body: z.input<typeof reviewBody>) =>
    put(`/evaluations/${id(periodId)}/reviews/${id(person)}`, body),
  createPlan: (body: z.input<typeof planBody>) => post<Plan>('/improvement-plans', body),
  closePlan: (planId: string, body: { status: 'met' | 'not_met'; outcome: string }) =>
    post<Plan>(`/improvement-plans/${id(planId)}/close`, body),
};

export { evaluationFigureNames, evaluationFigures } from '../../../src/contracts/evaluations.ts';
