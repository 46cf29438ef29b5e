import type { z } from 'zod';
import type { plan, planBody, planCloseBody } from '../../../contracts/evaluations.ts';
import type { Actor } from '../../../platform/actor.ts';
import { recordAudit } from '../../../platform/audit-log.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Database } from '../../../platform/db/database.ts';
import type { Row } from '../../../platform/db/schema.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { AppError, invalidField, notFound } from '../../../platform/errors.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { evaluationsRepository as repo } from './evaluations.repository.ts';

export type Plan = z.output<typeof plan>;

/** Overdue: still open after its review day (UTC), so it is reviewed or its owner chased. */
export function isPlanOverdue(status: string, reviewOn: string, now: Date): boolean {
  return status === 'open' && reviewOn < now.toISOString().slice(0, 10);
}

/** Improvement plans: goals, a coach and a review day, closed as met or not met. */
export function createPlans(deps: { database: Database; clock: Clock }) {
  const { database, clock } = deps;
  const db = database.db;

  function toPlan(row: Row<'improvement_plans'>): Plan {
    return {
      id: row.id,
      person: row.person,
      periodId: row.period_id,
      goals: JSON.parse(row.goals),
      coach: row.coach,
      reviewOn: row.review_on,
      status: row.status as Plan['status'],
      outcome: row.outcome,
      isOverdue: isPlanOverdue(row.status, row.review_on, clock.now()),
      createdBy: row.created_by,
      createdAt: row.created_at,
      closedAt: row.closed_at,
    };
  }

  async function createPlan(actor: Actor, input: z.output<typeof planBody>): Promise<Plan> {
    if (!(await repo.findPerson(db, input.person)))
      throw invalidField('person', 'noUser', { users: `"${input.person}"` });
    if (!(await repo.findPerson(db, input.coach)))
      throw invalidField('coach', 'noUser', { users: `"${input.coach}"` });
    if (input.periodId && !(await repo.findPeriod(db, input.periodId)))
      throw invalidField('periodId', 'noSuchPeriod');
    const now = clock.now();
    if (input.reviewOn < now.toISOString().slice(0, 10)) throw invalidField('reviewOn', 'dayFromToday');
    const row = {
      id: uuidv7(now.getTime()),
      period_id: input.periodId,
      person: input.person,
      goals: JSON.stringify(input.goals),
      coach: input.coach,
      review_on: input.reviewOn,
      status: 'open',
      outcome: null,
      created_by: actor.name,
      created_at: now.toISOString(),
      closed_at: null,
    };
    await inTransaction(database, async (tx) => {
      await repo.insertPlan(tx, row);
      await recordAudit(tx, actor, now, {
        action: 'evaluation.plan_created',
        targetType: 'improvement_plan',
        targetId: row.id,
        details: { person: row.person, coach: row.coach, reviewOn: row.review_on },
      });
    });
    return toPlan(row);
  }

  async function closePlan(actor: Actor, id: string, input: z.output<typeof planCloseBody>): Promise<Plan> {
    if (!(await repo.findPlan(db, id))) throw notFound('improvement plan', id);
    const now = clock.now();
    await inTransaction(database, async (tx) => {
      const changed = await repo.closePlan(tx, id, { ...input, closed_at: now.toISOString() });
      if (Number(changed.numUpdatedRows) === 0)
        throw new AppError('ALREADY_DECIDED', 'the plan is closed already');
      await recordAudit(tx, actor, now, {
        action: 'evaluation.plan_closed',
        targetType: 'improvement_plan',
        targetId: id,
        details: { status: input.status },
      });
    });
    return toPlan((await repo.findPlan(db, id))!);
  }

  async function listPlans(filter: { person?: string; periodId?: string }): Promise<Plan[]> {
    return (await repo.listPlans(db, filter)).map(toPlan);
  }

  return { createPlan, closePlan, listPlans };
}
