import { z } from 'zod';
import { isoDateTime } from './common.ts';
import { personFigures } from './performance.ts';

/**
 * The figures an evaluation can weigh, whether more is better, and which records lie behind
 * each (keys of PersonFigures.sources; a rate per hour also rests on the shift record). Short
 * units, pick and pack errors, wrong releases and minutes to review count against the person.
 * Hours worked are not weighed: more hours are not better work, they only make the rates fair.
 */
export const evaluationFigures = {
  pickLines: { isHigherBetter: true, sources: ['pickLines'] },
  pickedUnits: { isHigherBetter: true, sources: ['pickLines'] },
  shortUnits: { isHigherBetter: false, sources: ['pickLines'] },
  pickErrors: { isHigherBetter: false, sources: ['pickErrors'] },
  picksPerHour: { isHigherBetter: true, sources: ['pickLines', 'shifts'] },
  parcelsPacked: { isHigherBetter: true, sources: ['parcels'] },
  packErrors: { isHigherBetter: false, sources: ['packErrors'] },
  packsPerHour: { isHigherBetter: true, sources: ['parcels', 'shifts'] },
  ordersReviewed: { isHigherBetter: true, sources: ['reviews'] },
  reviewMinutes: { isHigherBetter: false, sources: ['reviews'] },
  holdsReleasedWrongly: { isHigherBetter: false, sources: ['wrongReleases'] },
  reviewsPerHour: { isHigherBetter: true, sources: ['reviews', 'shifts'] },
  complaintsHandled: { isHigherBetter: true, sources: ['complaints'] },
  complaintsWithinSla: { isHigherBetter: true, sources: ['complaints'] },
  averageRating: { isHigherBetter: true, sources: ['complaints'] },
} as const satisfies Record<
  string,
  { isHigherBetter: boolean; sources: readonly (keyof z.output<typeof personFigures>['sources'])[] }
>;

export type EvaluationFigure = keyof typeof evaluationFigures;
export const evaluationFigureNames = Object.keys(evaluationFigures) as [
  EvaluationFigure,
  ...EvaluationFigure[],
];

export const weight = z.object({
  figure: z.enum(evaluationFigureNames),
  weight: z.number().int().min(0).max(100).describe('percent; the weights of a period sum to 100'),
});

export const weightsBody = z.object({ weights: z.array(weight).min(1).max(evaluationFigureNames.length) });

export const periodBody = z
  .object({
    name: z.string().trim().min(1).max(200),
    role: z.string().min(1).max(40),
    from: isoDateTime,
    to: isoDateTime,
    weights: weightsBody.shape.weights,
  })
  .refine((p) => Date.parse(p.from) < Date.parse(p.to), { message: 'from must be before to', path: ['to'] })
  .meta({ id: 'NewEvaluationPeriod' });

export const period = z
  .object({
    id: z.string(),
    name: z.string(),
    role: z.string(),
    from: isoDateTime,
    to: isoDateTime,
    weights: z.array(weight),
    createdBy: z.string(),
    updatedAt: isoDateTime,
  })
  .meta({ id: 'EvaluationPeriod' });

export const periodList = z.object({ items: z.array(period), nextCursor: z.string().nullable() });

export const reviewBody = z
  .object({
    comment: z.string().trim().max(2000).nullable().default(null),
    bonusPoints: z.number().int().min(0).max(10000).default(0),
    recognition: z.string().trim().max(200).nullable().default(null),
  })
  .meta({ id: 'EvaluationReviewInput' });

export const personReview = z.object({
  comment: z.string().nullable(),
  bonusPoints: z.number().int(),
  recognition: z.string().nullable(),
  reviewer: z.string(),
  reviewedAt: isoDateTime,
});

export const planStatuses = ['open', 'met', 'not_met'] as const;

export const planBody = z
  .object({
    person: z.string().min(1).max(100),
    periodId: z.string().min(1).max(100).nullable().default(null),
    goals: z.array(z.string().trim().min(1).max(500)).min(1).max(20),
    coach: z.string().min(1).max(100).describe('username of the coach'),
    reviewOn: z.iso.date().describe('the day the plan is reviewed, YYYY-MM-DD'),
  })
  .meta({ id: 'NewImprovementPlan' });

export const planCloseBody = z.object({
  status: z.enum(['met', 'not_met']),
  outcome: z.string().trim().min(1).max(2000),
});

export const plan = z
  .object({
    id: z.string(),
    person: z.string(),
    periodId: z.string().nullable(),
    goals: z.array(z.string()),
    coach: z.string(),
    reviewOn: z.string(),
    status: z.enum(planStatuses),
    outcome: z.string().nullable(),
    isOverdue: z.boolean().describe('open past its review date'),
    createdBy: z.string(),
    createdAt: isoDateTime,
    closedAt: isoDateTime.nullable(),
  })
  .meta({ id: 'ImprovementPlan' });

export const planList = z.object({ items: z.array(plan), nextCursor: z.string().nullable() });
export const planQuery = z.object({ person: z.string().min(1).max(100).optional() });

export const rankingRow = z.object({
  person: z.string(),
  rank: z.number().int(),
  score: z.number().describe('0–100: the weighted points of the figures'),
  parts: z.array(
    z.object({
      figure: z.enum(evaluationFigureNames),
      value: z
        .number()
        .nullable()
        .describe('null when the person has none (no timed review, no rating, no shift): 0 points'),
      weight: z.number(),
      points: z.number(),
    }),
  ),
  figures: personFigures.describe('the figures with the records behind each'),
  review: personReview.nullable(),
});

export const periodResult = z
  .object({ period, ranking: z.array(rankingRow), plans: z.array(plan) })
  .meta({ id: 'EvaluationResult' });

export const personHistory = z
  .object({
    person: z.string(),
    evaluations: z.array(
      z.object({
        period,
        rank: z.number().int(),
        of: z.number().int(),
        score: z.number(),
        review: personReview.nullable(),
      }),
    ),
    plans: z.array(plan),
  })
  .meta({ id: 'EvaluationHistory' });

export const personParams = z.object({ id: z.string().min(1).max(100), person: z.string().min(1).max(100) });
