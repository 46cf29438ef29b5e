import type { Executor } from '../../platform/db/database.ts';

/** Reads of fulfilment's pick and pack views within a time window. */
export const performanceRepository = {
  picksBetween(db: Executor, from: string, to: string) {
    return db
      .selectFrom('fulfilment_picks_view')
      .select(['id', 'wave_id', 'picked_quantity', 'short_quantity', 'picked_by', 'picked_at'])
      .where('picked_at', '>=', from)
      .where('picked_at', '<', to)
      .where('picked_by', 'is not', null)
      .orderBy('picked_at')
      .execute();
  },
  packsBetween(db: Executor, from: string, to: string) {
    return db
      .selectFrom('fulfilment_packs_view')
      .select(['id', 'order_id', 'packed_by', 'packed_at'])
      .where('packed_at', '>=', from)
      .where('packed_at', '<', to)
      .orderBy('packed_at')
      .execute();
  },
};
