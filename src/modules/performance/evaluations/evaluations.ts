import type { z } from 'zod';
import type {
  period,
  periodBody,
  periodResult,
  personHistory,
  reviewBody,
} from '../../../contracts/evaluations.ts';
import type { Actor } from '../../../platform/actor.ts';
import { recordAudit } from '../../../platform/audit-log.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Database } from '../../../platform/db/database.ts';
import type { Row } from '../../../platform/db/schema.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { AppError, invalidField, notFound } from '../../../platform/errors.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { roles } from '../../staff/index.ts';
import { blank, type Performance } from '../index.ts';
import { evaluationsRepository as repo } from './evaluations.repository.ts';
import type { createPlans } from './plans.ts';
import { assertWeights, scorePeople, type Weight } from './scoring.ts';

export type Period = z.output<typeof period>;
export type PeriodResult = z.output<typeof periodResult>;
type Review = NonNullable<PeriodResult['ranking'][number]['review']>;

function toPeriod(row: Row<'evaluation_periods'>): Period {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    from: row.starts_at,
    to: row.ends_at,
    weights: JSON.parse(row.weights),
    createdBy: row.created_by,
    updatedAt: row.updated_at,
  };
}

function toReview(row: Row<'evaluation_reviews'>): Review {
  return {
    comment: row.comment,
    bonusPoints: Number(row.bonus_points),
    recognition: row.recognition,
    reviewer: row.reviewer,
    reviewedAt: row.reviewed_at,
  };
}

/**
 * Evaluation periods: one role's active people scored from their figures over the period with
 * the period's weights, ranked, with the reviewer's comment and rewards per person. Scores are
 * computed when read, from the records behind the figures, so editing weights re-scores at once.
 */
export function createEvaluationPeriods(deps: {
  database: Database;
  clock: Clock;
  performance: Performance;
  plans: ReturnType<typeof createPlans>;
}) {
  const { database, clock } = deps;
  const db = database.db;

  async function createPeriod(actor: Actor, input: z.output<typeof periodBody>): Promise<Period> {
    if (!(roles as readonly string[]).includes(input.role))
      throw new AppError('UNKNOWN_ROLE', `role: "${input.role}" is not a role`, { field: 'role' });
    assertWeights(input.weights);
    const now = clock.now();
    const row = {
      id: uuidv7(now.getTime()),
      name: input.name,
      role: input.role,
      starts_at: new Date(input.from).toISOString(),
      ends_at: new Date(input.to).toISOString(),
      weights: JSON.stringify(input.weights),
      created_by: actor.name,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    };
    await inTransaction(database, async (tx) => {
      await repo.insertPeriod(tx, row);
      await recordAudit(tx, actor, now, {
        action: 'evaluation.period_created',
        targetType: 'evaluation_period',
        targetId: row.id,
        details: { role: row.role, weights: input.weights },
      });
    });
    return toPeriod(row);
  }

  async function periodRow(id: string) {
    const row = await repo.findPeriod(db, id);
    if (!row) throw notFound('evaluation period', id);
    return row;
  }

  async function setWeights(actor: Actor, id: string, weights: Weight[]): Promise<Period> {
    await periodRow(id);
    assertWeights(weights);
    const now = clock.now();
    await inTransaction(database, async (tx) => {
      await repo.setWeights(tx, id, JSON.stringify(weights), now.toISOString());
      await recordAudit(tx, actor, now, {
        action: 'evaluation.weights_changed',
        targetType: 'evaluation_period',
        targetId: id,
        details: { weights },
      });
    });
    return toPeriod(await periodRow(id));
  }

  async function listPeriods(): Promise<Period[]> {
    return (await repo.listPeriods(db)).map(toPeriod);
  }

  async function result(id: string): Promise<PeriodResult> {
    const found = toPeriod(await periodRow(id));
    const people = (await repo.peopleOfRole(db, found.role)).map((p) => p.username);
    const all = await deps.performance.figuresBetween(new Date(found.from), new Date(found.to));
    const figures = new Map(people.map((p) => [p, all.find((f) => f.person === p) ?? blank(p)]));
    const reviews = new Map((await repo.reviewsOf(db, id)).map((r) => [r.person, toReview(r)]));
    const ranking = scorePeople(
      [...figures.values()].map((f) => ({ person: f.person, figures: f })),
      found.weights,
    ).map((scored) => ({
      ...scored,
      figures: figures.get(scored.person)!,
      review: reviews.get(scored.person) ?? null,
    }));
    return { period: found, ranking, plans: await deps.plans.listPlans({ periodId: id }) };
  }

  /** A reviewer's comment and rewards for one person of the period's role. */
  async function reviewPerson(
    actor: Actor,
    id: string,
    person: string,
    input: z.output<typeof reviewBody>,
  ): Promise<Review> {
    const found = await periodRow(id);
    const user = await repo.findPerson(db, person);
    if (!user || user.role !== found.role)
      throw invalidField('person', 'notPeriodPerson', { person, role: found.role });
    const now = clock.now();
    const row = {
      period_id: id,
      person,
      comment: input.comment,
      bonus_points: input.bonusPoints,
      recognition: input.recognition,
      reviewer: actor.name,
      reviewed_at: now.toISOString(),
    };
    await inTransaction(database, async (tx) => {
      await repo.saveReview(tx, row);
      await recordAudit(tx, actor, now, {
        action: 'evaluation.reviewed',
        targetType: 'evaluation_period',
        targetId: id,
        details: { person, bonusPoints: input.bonusPoints, recognition: input.recognition },
      });
    });
    return toReview(row);
  }

  /** Every period the person was ranked in, newest first, with their place, review and plans. */
  async function history(person: string): Promise<z.output<typeof personHistory>> {
    if (!(await repo.findPerson(db, person))) throw notFound('person', person);
    const evaluations: z.output<typeof personHistory>['evaluations'] = [];
    for (const found of await repo.listPeriods(db)) {
      const outcome = await result(found.id);
      const mine = outcome.ranking.find((r) => r.person === person);
      if (mine)
        evaluations.push({
          period: outcome.period,
          rank: mine.rank,
          of: outcome.ranking.length,
          score: mine.score,
          review: mine.review,
        });
    }
    return { person, evaluations, plans: await deps.plans.listPlans({ person }) };
  }

  return { createPeriod, setWeights, listPeriods, result, reviewPerson, history };
}
