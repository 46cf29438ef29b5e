import type { Executor } from '../../platform/db/database.ts';
import type { NewRow } from '../../platform/db/schema.ts';

/** Reads of fulfilment's and orders' views within a time window, and the shift record. */
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
  /** Every hold ever placed on these orders. */
  holdsOf(db: Executor, orderIds: readonly string[]) {
    if (orderIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('orders_holds_view')
      .select(['order_id', 'created_at', 'released_at'])
      .where('order_id', 'in', [...orderIds])
      .execute();
  },
  cancellationsOf(db: Executor, orderIds: readonly string[]) {
    if (orderIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('orders_status_history_view')
      .select(['order_id', 'at'])
      .where('order_id', 'in', [...orderIds])
      .where('to_status', '=', 'cancelled')
      .execute();
  },
  /** Shifts that start in [from, to), optionally of one person. */
  shiftsStartingBetween(db: Executor, from: string, to: string, person?: string) {
    let query = db
      .selectFrom('work_shifts')
      .selectAll()
      .where('starts_at', '>=', from)
      .where('starts_at', '<', to);
    if (person !== undefined) query = query.where('person', '=', person);
    return query.orderBy('starts_at').orderBy('person').execute();
  },
  async upsertShift(db: Executor, row: NewRow<'work_shifts'>): Promise<void> {
    await db
      .insertInto('work_shifts')
      .values(row)
      .onConflict((oc) =>
        oc.columns(['person', 'work_date']).doUpdateSet({
          start_time: row.start_time,
          end_time: row.end_time,
          break_minutes: row.break_minutes,
          starts_at: row.starts_at,
          ends_at: row.ends_at,
          recorded_by: row.recorded_by,
          recorded_at: row.recorded_at,
        }),
      )
      .execute();
  },
  findShift(db: Executor, person: string, workDate: string) {
    return db
      .selectFrom('work_shifts')
      .selectAll()
      .where('person', '=', person)
      .where('work_date', '=', workDate)
      .executeTakeFirst();
  },
  async deleteShift(db: Executor, id: string): Promise<number> {
    const result = await db.deleteFrom('work_shifts').where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows);
  },
};
