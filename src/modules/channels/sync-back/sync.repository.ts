import { sql } from 'kysely';
import type { Executor } from '../../../platform/db/database.ts';
import type { NewRow, Row } from '../../../platform/db/schema.ts';

export type SyncSettingsRow = Row<'channel_sync_settings'>;
export type SyncQueueRow = Row<'channel_sync_queue'>;
export type SyncLogRow = Row<'channel_sync_log'>;

/** SQL of sync back; SKUs and orders are read through catalog's and orders' read views. */
export const syncRepository = {
  settings(db: Executor, channelId: string) {
    return db
      .selectFrom('channel_sync_settings')
      .selectAll()
      .where('channel_id', '=', channelId)
      .executeTakeFirst();
  },
  allSettings(db: Executor) {
    return db.selectFrom('channel_sync_settings').selectAll().execute();
  },
  async saveSettings(db: Executor, row: NewRow<'channel_sync_settings'>) {
    const { channel_id, ...changes } = row;
    const updated = await db
      .updateTable('channel_sync_settings')
      .set(changes)
      .where('channel_id', '=', channel_id)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0)
      await db.insertInto('channel_sync_settings').values(row).execute();
  },

  skuLink(db: Executor, channelId: string, sku: string) {
    return db
      .selectFrom('channel_sync_skus')
      .selectAll()
      .where('channel_id', '=', channelId)
      .where('sku', '=', sku)
      .executeTakeFirst();
  },
  skuLinks(db: Executor, channelId: string) {
    return db.selectFrom('channel_sync_skus').selectAll().where('channel_id', '=', channelId);
  },
  async saveSkuLink(db: Executor, row: NewRow<'channel_sync_skus'>) {
    const { channel_id, sku, ...changes } = row;
    const updated = await db
      .updateTable('channel_sync_skus')
      .set(changes)
      .where('channel_id', '=', channel_id)
      .where('sku', '=', sku)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) await db.insertInto('channel_sync_skus').values(row).execute();
  },

  queued(db: Executor, channelId: string, kind: string, target: string) {
    return db
      .selectFrom('channel_sync_queue')
      .selectAll()
      .where('channel_id', '=', channelId)
      .where('kind', '=', kind)
      .where('target', '=', target)
      .executeTakeFirst();
  },
  insertQueued(db: Executor, row: NewRow<'channel_sync_queue'>) {
    return db
      .insertInto('channel_sync_queue')
      .values(row)
      .onConflict((oc) => oc.doNothing())
      .execute();
  },
  /** A newer value for a pending or settled push: pending again, version bumped. */
  requeue(
    db: Executor,
    id: string,
    changes: { payload: string | null; due_at: string; updated_at: string; resetAttempts: boolean },
  ) {
    return db
      .updateTable('channel_sync_queue')
      .set({
        payload: changes.payload,
        due_at: changes.due_at,
        updated_at: changes.updated_at,
        state: 'pending',
        last_error: null,
        version: sql`version + 1`,
        ...(changes.resetAttempts ? { attempts: 0 } : {}),
      })
      .where('id', '=', id)
      .execute();
  },
  due(db: Executor, now: string, limit: number) {
    return db
      .selectFrom('channel_sync_queue')
      .selectAll()
      .where('state', '=', 'pending')
      .where('due_at', '<=', now)
      .orderBy('due_at')
      .orderBy('id')
      .limit(limit)
      .execute();
  },
  /** Settles a push unless its row changed while it ran (then it stays pending for the newer value). */
  async settle(
    db: Executor,
    row: Pick<SyncQueueRow, 'id' | 'version'>,
    changes: {
      state: string;
      attempts: number;
      due_at: string;
      last_error: string | null;
      updated_at: string;
    },
  ): Promise<boolean> {
    const updated = await db
      .updateTable('channel_sync_queue')
      .set(changes)
      .where('id', '=', row.id)
      .where('version', '=', row.version)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) > 0) return true;
    // Changed meanwhile: keep the newer value pending, but count this attempt's outcome.
    await db
      .updateTable('channel_sync_queue')
      .set({ attempts: changes.state === 'done' ? 0 : changes.attempts, last_error: changes.last_error })
      .where('id', '=', row.id)
      .execute();
    return false;
  },
  retryChannel(db: Executor, channelId: string, now: string) {
    return db
      .updateTable('channel_sync_queue')
      .set({ state: 'pending', due_at: now, attempts: 0, updated_at: now, version: sql`version + 1` })
      .where('channel_id', '=', channelId)
      .where((eb) => eb.or([eb('state', '=', 'failed'), eb('state', '=', 'pending')]))
      .executeTakeFirst();
  },
  async queueCounts(db: Executor, channelId: string) {
    const rows = await db
      .selectFrom('channel_sync_queue')
      .select(['state', (eb) => eb.fn.countAll<number>().as('n')])
      .where('channel_id', '=', channelId)
      .groupBy('state')
      .execute();
    return new Map(rows.map((r) => [r.state, Number(r.n)]));
  },

  /** Pending and failed pushes per channel, for interface health. */
  async queueCountsByChannel(db: Executor) {
    const rows = await db
      .selectFrom('channel_sync_queue')
      .select(['channel_id', 'state', (eb) => eb.fn.countAll<number>().as('n')])
      .where('state', 'in', ['pending', 'failed'])
      .groupBy(['channel_id', 'state'])
      .execute();
    const counts = new Map<string, { pending: number; failed: number }>();
    for (const r of rows) {
      const entry = counts.get(r.channel_id) ?? { pending: 0, failed: 0 };
      entry[r.state as 'pending' | 'failed'] = Number(r.n);
      counts.set(r.channel_id, entry);
    }
    return counts;
  },

  insertLog(db: Executor, row: NewRow<'channel_sync_log'>) {
    return db.insertInto('channel_sync_log').values(row).execute();
  },
  log(db: Executor, channelId: string, outcome?: string) {
    let query = db.selectFrom('channel_sync_log').selectAll().where('channel_id', '=', channelId);
    if (outcome) query = query.where('outcome', '=', outcome);
    return query;
  },
  /** Per channel, pushes since `since`: how many and how many failed or were retried. */
  async pushStats(db: Executor, since: string) {
    const rows = await db
      .selectFrom('channel_sync_log')
      .select([
        'channel_id',
        (eb) => eb.fn.countAll<number>().as('total'),
        (eb) =>
          eb.fn
            .sum<number>(
              eb.case().when('outcome', 'in', ['failed', 'retry', 'skipped']).then(1).else(0).end(),
            )
            .as('failed'),
        (eb) => eb.fn.max('at').as('last_at'),
      ])
      .where('at', '>=', since)
      .groupBy('channel_id')
      .execute();
    return new Map(
      rows.map((r) => [
        r.channel_id,
        { total: Number(r.total), failed: Number(r.failed ?? 0), lastAt: r.last_at as string | null },
      ]),
    );
  },

  /** Per channel, deliveries received since `since`: how many and how many could not be mapped. */
  async deliveryStats(db: Executor, since: string) {
    const rows = await db
      .selectFrom('channel_deliveries')
      .select([
        'channel_id',
        (eb) => eb.fn.countAll<number>().as('total'),
        (eb) =>
          eb.fn.sum<number>(eb.case().when('outcome', '=', 'failed').then(1).else(0).end()).as('failed'),
      ])
      .where('received_at', '>=', since)
      .groupBy('channel_id')
      .execute();
    return new Map(
      rows.map((r) => [r.channel_id, { total: Number(r.total), failed: Number(r.failed ?? 0) }]),
    );
  },

  skuCode(db: Executor, skuId: string) {
    return db.selectFrom('catalog_skus_view').select('code').where('id', '=', skuId).executeTakeFirst();
  },
  order(db: Executor, orderId: string) {
    return db
      .selectFrom('orders_orders_view')
      .select(['channel_id', 'external_id'])
      .where('id', '=', orderId)
      .executeTakeFirst();
  },
};
