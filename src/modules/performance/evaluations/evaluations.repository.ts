import type { Executor } from '../../../platform/db/database.ts';
import type { NewRow } from '../../../platform/db/schema.ts';

/** SQL for evaluation periods, reviews and improvement plans; people are read from staff's view. */
export const evaluationsRepository = {
  insertPeriod(db: Executor, row: NewRow<'evaluation_periods'>) {
    return db.insertInto('evaluation_periods').values(row).execute();
  },
  findPeriod(db: Executor, id: string) {
    return db.selectFrom('evaluation_periods').selectAll().where('id', '=', id).executeTakeFirst();
  },
  listPeriods(db: Executor) {
    return db
      .selectFrom('evaluation_periods')
      .selectAll()
      .orderBy('starts_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
  },
  setWeights(db: Executor, id: string, weights: string, at: string) {
    return db
      .updateTable('evaluation_periods')
      .set({ weights, updated_at: at })
      .where('id', '=', id)
      .execute();
  },
  peopleOfRole(db: Executor, role: string) {
    return db
      .selectFrom('staff_users_view')
      .select('username')
      .where('role', '=', role)
      .where('is_active', '=', 1)
      .orderBy('username')
      .execute();
  },
  findPerson(db: Executor, username: string) {
    return db
      .selectFrom('staff_users_view')
      .select(['username', 'role'])
      .where('username', '=', username)
      .executeTakeFirst();
  },
  reviewsOf(db: Executor, periodId: string) {
    return db.selectFrom('evaluation_reviews').selectAll().where('period_id', '=', periodId).execute();
  },
  async saveReview(db: Executor, row: NewRow<'evaluation_reviews'>) {
    const { period_id: _p, person: _u, ...changes } = row;
    await db
      .insertInto('evaluation_reviews')
      .values(row)
      .onConflict((oc) => oc.columns(['period_id', 'person']).doUpdateSet(changes))
      .execute();
  },
  insertPlan(db: Executor, row: NewRow<'improvement_plans'>) {
    return db.insertInto('improvement_plans').values(row).execute();
  },
  findPlan(db: Executor, id: string) {
    return db.selectFrom('improvement_plans').selectAll().where('id', '=', id).executeTakeFirst();
  },
  listPlans(db: Executor, filter: { person?: string; periodId?: string }) {
    let query = db.selectFrom('improvement_plans').selectAll().orderBy('review_on').orderBy('id');
    if (filter.person) query = query.where('person', '=', filter.person);
    if (filter.periodId) query = query.where('period_id', '=', filter.periodId);
    return query.execute();
  },
  closePlan(db: Executor, id: string, changes: { status: string; outcome: string; closed_at: string }) {
    return db
      .updateTable('improvement_plans')
      .set(changes)
      .where('id', '=', id)
      .where('status', '=', 'open')
      .executeTakeFirst();
  },
};
