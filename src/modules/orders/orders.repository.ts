import { type SqlBool, sql } from 'kysely';
import { insertMany, insertRows, insertSqliteRows } from '../../platform/db/bulk.ts';
import type { Database, DialectName, Executor } from '../../platform/db/database.ts';
import { dayOf, escapeLike, isAnyOf } from '../../platform/db/dialect.ts';
import type { NewRow, Row } from '../../platform/db/schema.ts';
import { holdsAndNotesRepository } from './holds-notes.repository.ts';

type SqliteHandle = NonNullable<Database['sqlite']>;

export interface OrderFilter {
  status?: string;
  channel?: string;
  q?: string;
  placedFrom?: string;
  placedTo?: string;
}

export interface OrderRows {
  orders: NewRow<'orders'>[];
  lines: NewRow<'order_lines'>[];
  holds: NewRow<'order_holds'>[];
  history: NewRow<'order_status_history'>[];
  events: NewRow<'order_events'>[];
}

/** SQL for the order tables only. */
export const ordersRepository = {
  ...holdsAndNotesRepository,

  /** Stored orders among the given external ids of one channel, by external id. */
  async findByExternalIds(db: Executor, channel: string, externalIds: readonly string[]) {
    if (externalIds.length === 0) return new Map<string, Row<'orders'>>();
    const rows = await db
      .selectFrom('orders')
      .selectAll()
      .where('channel_id', '=', channel)
      .where(isAnyOf(db, 'external_id', externalIds))
      .execute();
    return new Map(rows.map((r) => [r.external_id, r]));
  },

  /**
   * Inserts orders, skipping any whose (channel, external id) a concurrent request stored first;
   * returns the ids that were inserted so their children are written and the rest reported as duplicates.
   */
  async insertOrdersIfAbsent(
    db: Executor,
    orders: readonly NewRow<'orders'>[],
    sqlite?: SqliteHandle,
  ): Promise<Set<string>> {
    const inserted = new Set<string>();
    if (sqlite) {
      const outcomes = insertSqliteRows(sqlite, 'orders', orders, ['channel_id', 'external_id']);
      for (const [i, order] of orders.entries()) if (outcomes[i]) inserted.add(order.id);
      return inserted;
    }
    const rows = await insertMany<{ id: string }>(
      db,
      'orders',
      orders,
      'on conflict ("channel_id", "external_id") do nothing returning "id"',
    );
    for (const row of rows) inserted.add(row.id);
    return inserted;
  },

  async insertChildren(db: Executor, rows: Omit<OrderRows, 'orders'>, sqlite?: SqliteHandle): Promise<void> {
    if (sqlite) {
      insertSqliteRows(sqlite, 'order_lines', rows.lines);
      insertSqliteRows(sqlite, 'order_holds', rows.holds);
      insertSqliteRows(sqlite, 'order_status_history', rows.history);
      insertSqliteRows(sqlite, 'order_events', rows.events);
      return;
    }
    await insertRows(db, 'order_lines', rows.lines);
    await insertRows(db, 'order_holds', rows.holds);
    await insertRows(db, 'order_status_history', rows.history);
    await insertRows(db, 'order_events', rows.events);
  },

  findById(db: Executor, id: string) {
    return db.selectFrom('orders').selectAll().where('id', '=', id).executeTakeFirst();
  },

  findByNumber(db: Executor, number: string) {
    return db.selectFrom('orders').selectAll().where('number', '=', number).executeTakeFirst();
  },

  async findChildren(db: Executor, orderId: string) {
    const [lines, holds, events] = await Promise.all([
      db.selectFrom('order_lines').selectAll().where('order_id', '=', orderId).orderBy('line_no').execute(),
      db
        .selectFrom('order_holds')
        .selectAll()
        .where('order_id', '=', orderId)
        .orderBy('created_at')
        .orderBy('id')
        .execute(),
      db
        .selectFrom('order_events')
        .selectAll()
        .where('order_id', '=', orderId)
        .orderBy('at')
        .orderBy('id')
        .execute(),
    ]);
    return {
      lines,
      holds,
      events,
    };
  },

  /** Changes the status only if it is still `from`: two racing writers cannot both win. */
  async updateStatusIf(
    db: Executor,
    id: string,
    from: string,
    changes: Partial<Row<'orders'>>,
  ): Promise<boolean> {
    const result = await db
      .updateTable('orders')
      .set(changes)
      .where('id', '=', id)
      .where('status', '=', from)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  list(
    db: Executor,
    dialect: DialectName,
    filter: OrderFilter,
    after: [string, string] | null,
    limit: number,
  ) {
    let query = db
      .selectFrom('orders')
      .select([
        'id',
        'number',
        'channel_id',
        'external_id',
        'status',
        'type',
        'priority',
        'placed_at',
        'customer_name',
        'total_minor',
        'currency',
        'hold_codes',
        'line_count',
      ])
      .orderBy('placed_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit + 1);
    if (filter.status) query = query.where('status', '=', filter.status);
    if (filter.channel) query = query.where('channel_id', '=', filter.channel);
    if (filter.placedFrom) query = query.where('placed_at', '>=', filter.placedFrom);
    if (filter.placedTo) query = query.where('placed_at', '<', filter.placedTo);
    if (filter.q) {
      const q = filter.q;
      const prefix = `${escapeLike(q)}%`;
      // Every match has an index (migration 024), so the OR is a union of index lookups. The name
      // matches by case-insensitive prefix: ILIKE on PostgreSQL is LIKE over lower() of both
      // sides, spelled out here so the lower(name) index serves it; SQLite's LIKE already
      // ignores ASCII case, as its NOCASE index does.
      const name =
        dialect === 'postgres'
          ? sql<SqlBool>`lower(customer_name) like lower(${prefix})`
          : sql<SqlBool>`customer_name like ${prefix}`;
      query = query.where((eb) =>
        eb.or([
          eb('number', '=', q.toUpperCase()),
          eb('external_id', '=', q),
          eb('customer_phone', '=', q),
          eb('customer_email', '=', q.toLowerCase()),
          name,
        ]),
      );
    }
    if (after) {
      const [placedAt, id] = after;
      query = query.where((eb) =>
        eb.or([eb('placed_at', '<', placedAt), eb.and([eb('placed_at', '=', placedAt), eb('id', '<', id)])]),
      );
    }
    return query.execute();
  },

  async countByStatus(db: Executor): Promise<Record<string, number>> {
    const rows = await db
      .selectFrom('orders')
      .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('status')
      .execute();
    return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
  },

  async countOpenHoldsByCode(db: Executor): Promise<Record<string, number>> {
    const rows = await db
      .selectFrom('order_holds')
      .select(['code', (eb) => eb.fn.countAll<number>().as('n')])
      .where('released_at', 'is', null)
      .groupBy('code')
      .execute();
    return Object.fromEntries(rows.map((r) => [r.code, Number(r.n)]));
  },

  async countPerDay(db: Executor, dialect: DialectName, from: string): Promise<Map<string, number>> {
    const day = dayOf(dialect, 'placed_at');
    const rows = await db
      .selectFrom('orders')
      .select([day.as('day'), (eb) => eb.fn.countAll<number>().as('n')])
      .where('placed_at', '>=', from)
      .groupBy(day)
      .execute();
    return new Map(rows.map((r) => [r.day, Number(r.n)]));
  },

  /** One timeline entry. */
  insertEvent(db: Executor, row: NewRow<'order_events'>) {
    return db.insertInto('order_events').values(row).execute();
  },

  /** Orders decided (approved, cancelled…) since the instant, with what the efficiency figures need. */
  decidedSince(db: Executor, since: string) {
    return db
      .selectFrom('orders')
      .select(['created_at', 'decided_at', 'touched', 'status'])
      .where('decided_at', '>=', since)
      .execute();
  },

  /** Deadlines of orders in the given statuses placed since the instant (orders with one). */
  deadlinesPlacedSince(db: Executor, statuses: readonly string[], since: string) {
    return db
      .selectFrom('orders')
      .select('ship_by')
      .where('status', 'in', [...statuses])
      .where('ship_by', 'is not', null)
      .where('placed_at', '>=', since)
      .execute();
  },

  /** Sets columns of one order. */
  update(db: Executor, id: string, changes: Partial<Row<'orders'>>) {
    return db.updateTable('orders').set(changes).where('id', '=', id).execute();
  },

  /** Sets the same columns on several orders. */
  updateMany(db: Executor, ids: readonly string[], changes: Partial<Row<'orders'>>) {
    return db
      .updateTable('orders')
      .set(changes)
      .where('id', 'in', [...ids])
      .execute();
  },

  findByIds(db: Executor, ids: readonly string[]) {
    return db
      .selectFrom('orders')
      .selectAll()
      .where('id', 'in', [...ids])
      .execute();
  },

  /** An order's lines, by line number. */
  linesOf(db: Executor, orderId: string) {
    return db
      .selectFrom('order_lines')
      .selectAll()
      .where('order_id', '=', orderId)
      .orderBy('line_no')
      .execute();
  },

  /** The order, which must exist (the caller holds its id from the same transaction). */
  getById(db: Executor, id: string) {
    return db.selectFrom('orders').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  },

  /** Moves the orders that are still `from`; returns how many moved (a slice of ids per statement). */
  async updateStatusOfManyIf(
    db: Executor,
    ids: readonly string[],
    from: string,
    changes: Partial<Row<'orders'>>,
  ): Promise<number> {
    const result = await db
      .updateTable('orders')
      .set(changes)
      .where('id', 'in', [...ids])
      .where('status', '=', from)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  },

  /** Ids of the orders in a shipment group. */
  async idsInGroup(db: Executor, groupId: string): Promise<string[]> {
    const rows = await db.selectFrom('orders').select('id').where('group_id', '=', groupId).execute();
    return rows.map((r) => r.id);
  },

  /** Puts the given lines of an order in one parcel. */
  setParcel(db: Executor, orderId: string, lineNos: readonly number[], parcel: number) {
    return db
      .updateTable('order_lines')
      .set({ parcel })
      .where('order_id', '=', orderId)
      .where('line_no', 'in', [...lineNos])
      .execute();
  },

  /** A buyer's orders in the given statuses other than one, newest first. */
  buyerOrders(db: Executor, buyerKey: string, exceptId: string, statuses: readonly string[], limit: number) {
    return db
      .selectFrom('orders')
      .selectAll()
      .where('buyer_key', '=', buyerKey)
      .where('id', '!=', exceptId)
      .where('status', 'in', [...statuses])
      .orderBy('placed_at', 'desc')
      .limit(limit)
      .execute();
  },

  /** Ids and groups of the orders with these numbers that are in the given statuses. */
  groupsByNumbers(db: Executor, numbers: readonly string[], statuses: readonly string[]) {
    return db
      .selectFrom('orders')
      .select(['id', 'group_id'])
      .where('number', 'in', [...numbers])
      .where('status', 'in', [...statuses])
      .execute();
  },

  /** Status-history rows in one statement. */
  insertHistory(db: Executor, rows: readonly NewRow<'order_status_history'>[]) {
    return insertRows(db, 'order_status_history', rows);
  },

  /** Timeline entries in one statement. */
  insertEvents(db: Executor, rows: readonly NewRow<'order_events'>[]) {
    return insertRows(db, 'order_events', rows);
  },
};
