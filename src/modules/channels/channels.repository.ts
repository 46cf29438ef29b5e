import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { NewRow, Row } from '../../platform/db/schema.ts';

export type ConnectorRow = Row<'channel_connectors'>;
export type DeliveryRow = Row<'channel_deliveries'>;

/** The stored order of a channel's external id, as the orders module's read view shows it. */
export interface StoredChannelOrder {
  id: string;
  status: string;
  paymentStatus: string;
  address: string;
  lines: string;
}

/** SQL for the channels module's tables; orders are read through `orders_*_view` only. */
export const channelsRepository = {
  findConnector(db: Executor, channelId: string) {
    return db
      .selectFrom('channel_connectors')
      .selectAll()
      .where('channel_id', '=', channelId)
      .executeTakeFirst();
  },
  listConnectors(db: Executor) {
    return db.selectFrom('channel_connectors').selectAll().orderBy('channel_id').execute();
  },
  async upsertConnector(db: Executor, row: NewRow<'channel_connectors'>) {
    const { channel_id, created_at, ...changes } = row;
    const updated = await db
      .updateTable('channel_connectors')
      .set(changes)
      .where('channel_id', '=', channel_id)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) await db.insertInto('channel_connectors').values(row).execute();
  },
  updateConnector(db: Executor, channelId: string, changes: Partial<NewRow<'channel_connectors'>>) {
    return db.updateTable('channel_connectors').set(changes).where('channel_id', '=', channelId).execute();
  },
  countSignatureFailure(db: Executor, channelId: string, at: string) {
    return db
      .updateTable('channel_connectors')
      .set({ signature_failures: sql`signature_failures + 1`, last_signature_failure_at: at })
      .where('channel_id', '=', channelId)
      .execute();
  },

  findDelivery(db: Executor, channelId: string, id: string) {
    return db
      .selectFrom('channel_deliveries')
      .selectAll()
      .where('channel_id', '=', channelId)
      .where('id', '=', id)
      .executeTakeFirst();
  },
  findDeliveryByKey(db: Executor, channelId: string, key: string) {
    return db
      .selectFrom('channel_deliveries')
      .select(['id', 'outcome', 'order_id'])
      .where('channel_id', '=', channelId)
      .where('delivery_key', '=', key)
      .executeTakeFirst();
  },
  insertDelivery(db: Executor, row: NewRow<'channel_deliveries'>) {
    return db.insertInto('channel_deliveries').values(row).execute();
  },
  finishDelivery(
    db: Executor,
    id: string,
    result: Pick<DeliveryRow, 'outcome' | 'error' | 'order_id' | 'external_id' | 'processed_at'>,
  ) {
    return db.updateTable('channel_deliveries').set(result).where('id', '=', id).execute();
  },
  countAttempt(db: Executor, id: string) {
    return db
      .updateTable('channel_deliveries')
      .set({ attempts: sql`attempts + 1` })
      .where('id', '=', id)
      .execute();
  },
  /** The next failed deliveries of a channel after `afterId`, oldest first, with their bodies. */
  failedDeliveriesAfter(db: Executor, channelId: string, afterId: string | null, limit: number) {
    let query = db
      .selectFrom('channel_deliveries')
      .select(['id', 'channel_id', 'topic', 'payload'])
      .where('channel_id', '=', channelId)
      .where('outcome', '=', 'failed');
    if (afterId) query = query.where('id', '>', afterId);
    return query.orderBy('id').limit(limit).execute();
  },
  async countFailedAfter(db: Executor, channelId: string, afterId: string): Promise<number> {
    const row = await db
      .selectFrom('channel_deliveries')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('channel_id', '=', channelId)
      .where('outcome', '=', 'failed')
      .where('id', '>', afterId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },
  deliveriesQuery(db: Executor, channelId: string, outcome?: string) {
    let query = db
      .selectFrom('channel_deliveries')
      .select([
        'id',
        'channel_id',
        'source',
        'topic',
        'delivery_key',
        'external_id',
        'outcome',
        'error',
        'order_id',
        'attempts',
        'received_at',
        'processed_at',
      ])
      .where('channel_id', '=', channelId);
    if (outcome) query = query.where('outcome', '=', outcome);
    return query;
  },
  async countFailures(db: Executor): Promise<Map<string, number>> {
    const rows = await db
      .selectFrom('channel_deliveries')
      .select(['channel_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('outcome', '=', 'failed')
      .groupBy('channel_id')
      .execute();
    return new Map(rows.map((r) => [r.channel_id, Number(r.n)]));
  },

  /** The order a channel's external id became, if any. */
  async findOrder(
    db: Executor,
    channelId: string,
    externalId: string,
  ): Promise<StoredChannelOrder | undefined> {
    const order = await db
      .selectFrom('orders_orders_view')
      .select([
        'id',
        'status',
        'payment_status',
        'ship_country',
        'ship_province',
        'ship_city',
        'ship_line1',
        'ship_line2',
        'ship_postal_code',
        'ship_name',
        'ship_phone',
      ])
      .where('channel_id', '=', channelId)
      .where('external_id', '=', externalId)
      .executeTakeFirst();
    if (!order) return undefined;
    const lines = await db
      .selectFrom('orders_order_lines_view')
      .select(['sku', 'quantity'])
      .where('order_id', '=', order.id)
      .orderBy('line_no')
      .execute();
    return {
      id: order.id,
      status: order.status,
      paymentStatus: order.payment_status,
      address: [
        order.ship_name,
        order.ship_phone,
        order.ship_country,
        order.ship_province,
        order.ship_city,
        order.ship_line1,
        order.ship_line2,
        order.ship_postal_code,
      ]
        .map((part) => part ?? '')
        .join('|'),
      lines: lines.map((l) => `${l.sku}×${l.quantity}`).join(','),
    };
  },
  /** Which of a channel's external ids Ordo already has. */
  async knownExternalIds(db: Executor, channelId: string, externalIds: readonly string[]) {
    if (externalIds.length === 0) return new Set<string>();
    const rows = await db
      .selectFrom('orders_orders_view')
      .select('external_id')
      .where('channel_id', '=', channelId)
      .where('external_id', 'in', externalIds)
      .execute();
    return new Set(rows.map((r) => r.external_id));
  },
  /** Per channel: when its last order arrived and how many arrived since `since`. */
  async orderArrivals(db: Executor, since: string) {
    const rows = await db
      .selectFrom('orders_orders_view')
      .select([
        'channel_id',
        (eb) => eb.fn.max('created_at').as('last_at'),
        (eb) =>
          eb.fn.sum<number>(eb.case().when('created_at', '>=', since).then(1).else(0).end()).as('recent'),
      ])
      .groupBy('channel_id')
      .execute();
    return new Map(
      rows.map((r) => [r.channel_id, { lastAt: r.last_at as string | null, recent: Number(r.recent ?? 0) }]),
    );
  },
};
