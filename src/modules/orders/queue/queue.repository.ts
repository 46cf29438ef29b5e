import { sql } from 'kysely';
import type { DialectName, Executor } from '../../../platform/db/database.ts';
import { decodeCursor } from '../../../platform/pagination.ts';

/** Sorts orders without a deadline after every order with one. */
export const noDeadline = '9999-12-31T00:00:00.000Z';

export interface QueueFilter {
  team?: string;
  claimedBy?: string;
  reviewStage?: 'processor' | 'finance';
}

/** SQL for the review queue: held orders and their claims (columns of the orders table). */
export const queueRepository = {
  /**
   * Held orders matching the filter by priority, then deadline, then id; one more than `limit`.
   * A claim older than `claimCutoff` is no claim.
   */
  listPage(db: Executor, filter: QueueFilter, claimCutoff: string, cursor: string | null, limit: number) {
    let query = db.selectFrom('orders').selectAll().where('status', '=', 'pending_review');
    if (filter.team) query = query.where('team', '=', filter.team);
    if (filter.claimedBy)
      query = query.where('claimed_by', '=', filter.claimedBy).where('claimed_at', '>', claimCutoff);
    if (filter.reviewStage === 'finance') query = query.where('review_stage', '=', 'finance');
    // The processor's queue: everything that is not waiting for finance.
    if (filter.reviewStage === 'processor')
      query = query.where((eb) =>
        eb.or([eb('review_stage', 'is', null), eb('review_stage', '=', 'processor')]),
      );
    const deadline = sql<string>`coalesce(ship_by, ${noDeadline})`;
    query = query
      .orderBy('priority', 'desc')
      .orderBy(deadline)
      .orderBy('id')
      .limit(limit + 1);
    if (cursor) {
      const [priority, shipBy, id] = decodeCursor(cursor, 3) as [number, string, string];
      query = query.where((eb) =>
        eb.or([
          eb('priority', '<', priority),
          eb.and([eb('priority', '=', priority), eb(deadline, '>', shipBy)]),
          eb.and([eb('priority', '=', priority), eb(deadline, '=', shipBy), eb('id', '>', id)]),
        ]),
      );
    }
    return query.execute();
  },

  /**
   * The id of the most urgent unclaimed held order matching the filter. On PostgreSQL the row is
   * locked and rows another transaction has locked are skipped, so two callers never get the same.
   */
  async nextUnclaimedId(
    db: Executor,
    dialect: DialectName,
    filter: QueueFilter,
    claimCutoff: string,
  ): Promise<string | undefined> {
    const lock = dialect === 'postgres' ? sql`for update skip locked` : sql``;
    const candidate = await sql<{ id: string }>`
      select id from orders
      where status = 'pending_review' and (claimed_by is null or claimed_at <= ${claimCutoff})
        ${filter.team ? sql`and team = ${filter.team}` : sql``}
        ${filter.reviewStage === 'finance' ? sql`and review_stage = 'finance'` : sql``}
      order by priority desc, coalesce(ship_by, ${noDeadline}), id
      limit 1 ${lock}`.execute(db);
    return candidate.rows[0]?.id;
  },

  /** Claims a held order unless someone else holds a live claim; true when claimed. */
  async claim(db: Executor, orderId: string, claimant: string, at: string, claimCutoff: string) {
    const result = await db
      .updateTable('orders')
      .set({ claimed_by: claimant, claimed_at: at })
      .where('id', '=', orderId)
      .where('status', '=', 'pending_review')
      .where((eb) =>
        eb.or([
          eb('claimed_by', 'is', null),
          eb('claimed_by', '=', claimant),
          eb('claimed_at', '<=', claimCutoff),
        ]),
      )
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  /** Drops the claimant's own claim; true when there was one. */
  async unclaim(db: Executor, orderId: string, claimant: string) {
    const result = await db
      .updateTable('orders')
      .set({ claimed_by: null, claimed_at: null })
      .where('id', '=', orderId)
      .where('claimed_by', '=', claimant)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },
};
