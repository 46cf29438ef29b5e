import type { Explanation } from '../../contracts/explanations.ts';
import type { Executor } from '../../platform/db/database.ts';
import { writeJson } from '../../platform/db/dialect.ts';
import type { NewRow, Row } from '../../platform/db/schema.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { type PageRequest, pageNewestFirst } from '../../platform/pagination.ts';

export type CaseRow = Row<'risk_cases'>;

/** The SQL of risk cases and their timelines. */
/** Whether a user of that id exists (staff's read view): a case's or an incident's owner must. */
export async function userExists(db: Executor, userId: string) {
  const row = await db
    .selectFrom('staff_users_view')
    .select('id')
    .where('id', '=', userId)
    .executeTakeFirst();
  return row !== undefined;
}

export const casesRepository = {
  findOpen(db: Executor, orderId: string, caseType: string) {
    return db
      .selectFrom('risk_cases')
      .select('id')
      .where('order_id', '=', orderId)
      .where('case_type', '=', caseType)
      .where('status', '=', 'open')
      .executeTakeFirst();
  },

  async insert(db: Executor, row: NewRow<'risk_cases'>): Promise<void> {
    await db.insertInto('risk_cases').values(row).execute();
  },

  findById(db: Executor, id: string) {
    return db.selectFrom('risk_cases').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async update(db: Executor, id: string, changes: Partial<CaseRow>): Promise<void> {
    await db.updateTable('risk_cases').set(changes).where('id', '=', id).execute();
  },

  async addEvent(
    db: Executor,
    at: Date,
    caseId: string,
    kind: string,
    actor: string,
    explanation: Explanation | null = null,
  ): Promise<void> {
    await db
      .insertInto('risk_case_events')
      .values({
        id: uuidv7(at.getTime()),
        case_id: caseId,
        at: at.toISOString(),
        kind,
        explanation: explanation ? writeJson(explanation) : null,
        actor,
      })
      .execute();
  },

  timeline(db: Executor, caseId: string) {
    return db
      .selectFrom('risk_case_events')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('id')
      .execute();
  },

  /** Open cases whose current step is past its limit and not yet escalated. */
  overdue(db: Executor, at: string) {
    return db
      .selectFrom('risk_cases')
      .selectAll()
      .where('status', '=', 'open')
      .where('escalated_at', 'is', null)
      .where('step_due_at', '<=', at)
      .execute();
  },

  page<T>(
    db: Executor,
    filter: PageRequest & { status: 'open' | 'closed' | 'all'; ownerRole?: string; isDrill?: boolean },
    map: (row: CaseRow) => T,
  ) {
    let query = db.selectFrom('risk_cases').selectAll();
    if (filter.status !== 'all') query = query.where('status', '=', filter.status);
    if (filter.ownerRole) query = query.where('owner_role', '=', filter.ownerRole);
    if (filter.isDrill !== undefined) query = query.where('is_drill', '=', filter.isDrill ? 1 : 0);
    return pageNewestFirst(query, 'id', filter, map, (row) => row.id);
  },
};
