import type { Executor } from '../../platform/db/database.ts';
import type { NewRow } from '../../platform/db/schema.ts';

/** SQL for an order's holds and notes (part of ordersRepository). */
export const holdsAndNotesRepository = {
  releaseOpenHolds(db: Executor, orderId: string, at: string, by: string) {
    return db
      .updateTable('order_holds')
      .set({ released_at: at, released_by: by })
      .where('order_id', '=', orderId)
      .where('released_at', 'is', null)
      .execute();
  },

  /** An order's holds not yet released. */
  openHolds(db: Executor, orderId: string) {
    return db
      .selectFrom('order_holds')
      .selectAll()
      .where('order_id', '=', orderId)
      .where('released_at', 'is', null)
      .execute();
  },

  releaseHolds(db: Executor, holdIds: readonly string[], at: string, by: string) {
    return db
      .updateTable('order_holds')
      .set({ released_at: at, released_by: by })
      .where('id', 'in', [...holdIds])
      .execute();
  },

  insertHolds(db: Executor, rows: readonly NewRow<'order_holds'>[]) {
    return db
      .insertInto('order_holds')
      .values([...rows])
      .execute();
  },

  insertNote(db: Executor, row: NewRow<'order_notes'>) {
    return db.insertInto('order_notes').values(row).execute();
  },

  findNote(db: Executor, id: string) {
    return db.selectFrom('order_notes').selectAll().where('id', '=', id).executeTakeFirst();
  },

  /** An order's notes, oldest first. */
  notesOf(db: Executor, orderId: string) {
    return db
      .selectFrom('order_notes')
      .selectAll()
      .where('order_id', '=', orderId)
      .orderBy('at')
      .orderBy('id')
      .execute();
  },

  /** Held orders with an autohold whose time is up or a presale hold whose release date came. */
  dueTimerHolds(db: Executor, at: string, limit: number) {
    return db
      .selectFrom('order_holds')
      .innerJoin('orders', 'orders.id', 'order_holds.order_id')
      .select(['order_holds.order_id'])
      .where('order_holds.released_at', 'is', null)
      .where('orders.status', '=', 'pending_review')
      .where((eb) =>
        eb.or([
          eb.and([eb('order_holds.code', '=', 'AUTOHOLD'), eb('orders.hold_until', '<=', at)]),
          eb.and([eb('order_holds.code', '=', 'PRESALE'), eb('orders.release_at', '<=', at)]),
        ]),
      )
      .limit(limit)
      .execute();
  },

  /** Open holds of one code on an order. */
  openHoldsOfCode(db: Executor, orderId: string, code: string) {
    return db
      .selectFrom('order_holds')
      .selectAll()
      .where('order_id', '=', orderId)
      .where('code', '=', code)
      .where('released_at', 'is', null)
      .execute();
  },
};
