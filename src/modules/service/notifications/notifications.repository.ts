import type { Executor } from '../../../platform/db/database.ts';
import type { NewRow, Row } from '../../../platform/db/schema.ts';
import { type PageRequest, pageNewestFirst } from '../../../platform/pagination.ts';

export type MessageRow = Row<'notification_messages'>;

/** The SQL of notification messages and templates; orders are read through their view. */
export const notificationsRepository = {
  /** What a message needs of an order: number, contacts, shop, the country that picks the language. */
  order(db: Executor, orderId: string) {
    return db
      .selectFrom('orders_orders_view as o')
      .leftJoin('catalog_channels_view as c', 'c.id', 'o.channel_id')
      .select([
        'o.id',
        'o.number',
        'o.status',
        'o.channel_id',
        'o.customer_name',
        'o.customer_email',
        'o.customer_phone',
        'o.ship_phone',
        'o.ship_country',
        'o.currency',
        'c.name as shop_name',
      ])
      .where('o.id', '=', orderId)
      .executeTakeFirst();
  },

  orderByNumber(db: Executor, number: string) {
    return db.selectFrom('orders_orders_view').select('id').where('number', '=', number).executeTakeFirst();
  },

  /** New messages; a key already taken (the event delivered again) is skipped. Returns how many were new. */
  async insertMessages(db: Executor, rows: readonly NewRow<'notification_messages'>[]): Promise<number> {
    if (rows.length === 0) return 0;
    const result = await db
      .insertInto('notification_messages')
      .values(rows as NewRow<'notification_messages'>[])
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0);
  },

  due(db: Executor, now: string, limit: number) {
    return db
      .selectFrom('notification_messages')
      .select('id')
      .where('status', 'in', ['pending', 'deferred'])
      .where('next_attempt_at', '<=', now)
      .orderBy('next_attempt_at')
      .limit(limit)
      .execute();
  },

  /**
   * Takes due messages for one sending: pushes their next attempt out by the lease in one guarded
   * statement and returns the rows it took, so two workers never send the same message at once.
   */
  lease(db: Executor, ids: readonly string[], now: string, until: string): Promise<MessageRow[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return db
      .updateTable('notification_messages')
      .set({ next_attempt_at: until })
      .where('id', 'in', ids)
      .where('status', 'in', ['pending', 'deferred'])
      .where('next_attempt_at', '<=', now)
      .returningAll()
      .execute();
  },

  /** Order numbers by order id (the webhook body names the order). */
  async orderNumbers(db: Executor, orderIds: readonly string[]): Promise<Map<string, string>> {
    if (orderIds.length === 0) return new Map();
    const rows = await db
      .selectFrom('orders_orders_view')
      .select(['id', 'number'])
      .where('id', 'in', [...new Set(orderIds)])
      .execute();
    return new Map(rows.map((r) => [r.id, r.number]));
  },

  async update(db: Executor, id: string, changes: Partial<MessageRow>): Promise<void> {
    await db.updateTable('notification_messages').set(changes).where('id', '=', id).execute();
  },

  find(db: Executor, id: string) {
    return db.selectFrom('notification_messages').selectAll().where('id', '=', id).executeTakeFirst();
  },

  list(
    db: Executor,
    filter: { status?: string; event?: string; orderId?: string },
    page: PageRequest,
    map: (row: MessageRow) => unknown,
  ) {
    let query = db.selectFrom('notification_messages').selectAll();
    if (filter.status) query = query.where('status', '=', filter.status);
    if (filter.event) query = query.where('event', '=', filter.event);
    if (filter.orderId) query = query.where('order_id', '=', filter.orderId);
    return pageNewestFirst(query, 'id', page, map, (row) => row.id);
  },

  templates(db: Executor) {
    return db.selectFrom('notification_templates').selectAll().execute();
  },

  async saveTemplate(db: Executor, row: Row<'notification_templates'>): Promise<void> {
    await db
      .insertInto('notification_templates')
      .values(row)
      .onConflict((oc) =>
        oc.columns(['event', 'language', 'channel']).doUpdateSet({
          subject: row.subject,
          body: row.body,
          updated_by: row.updated_by,
          updated_at: row.updated_at,
        }),
      )
      .execute();
  },

  async deleteTemplate(
    db: Executor,
    key: { event: string; language: string; channel: string },
  ): Promise<void> {
    await db
      .deleteFrom('notification_templates')
      .where('event', '=', key.event)
      .where('language', '=', key.language)
      .where('channel', '=', key.channel)
      .execute();
  },
};
