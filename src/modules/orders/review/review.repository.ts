import type { Executor } from '../../../platform/db/database.ts';
import type { NewRow } from '../../../platform/db/schema.ts';

/** SQL for the review_decisions table (one row per order and review stage). */
export const reviewRepository = {
  /** Fails with a unique violation when the stage of that order was already decided. */
  insertDecision(db: Executor, row: NewRow<'review_decisions'>) {
    return db.insertInto('review_decisions').values(row).execute();
  },
};
