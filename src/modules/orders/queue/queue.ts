import { sql } from 'kysely';
import type { Actor } from '../../../platform/actor.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Database, Executor } from '../../../platform/db/database.ts';
import { readJson } from '../../../platform/db/dialect.ts';
import type { Row } from '../../../platform/db/schema.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import { fromMinor } from '../../../platform/money.ts';
import { decodeCursor, type Page, toPage } from '../../../platform/pagination.ts';
import { slaStatus } from '../priority.ts';
import { claimTtlMs, splitHoldCodes } from '../queries/order-view.ts';
import { addTimelineEvent } from '../review/order-review.ts';

const noDeadline = '9999-12-31T00:00:00.000Z';

export interface QueueItem {
  id: string;
  number: string;
  channel: string;
  type: string;
  priority: number;
  priorityParts: Record<string, number>;
  shipBy: string | null;
  slaStatus: string;
  placedAt: string;
  customerName: string;
  total: string;
  currency: string;
  holds: string[];
  riskScore: number;
  reviewStage: string | null;
  team: string | null;
  claimedBy: string | null;
  claimedAt: string | null;
}

export interface QueueFilter {
  team?: string;
  claimedBy?: string;
  reviewStage?: 'processor' | 'finance';
}

function toQueueItem(row: Row<'orders'>, now: Date, claimCutoff: string): QueueItem {
  const isClaimLive = row.claimed_by !== null && (row.claimed_at ?? '') > claimCutoff;
  return {
    id: row.id,
    number: row.number,
    channel: row.channel_id,
    type: row.type,
    priority: row.priority,
    priorityParts: readJson<Record<string, number>>(row.priority_parts) ?? {},
    shipBy: row.ship_by,
    slaStatus: slaStatus(row.ship_by, now),
    placedAt: row.placed_at,
    customerName: row.customer_name,
    total: fromMinor(row.total_minor, row.currency),
    currency: row.currency,
    holds: splitHoldCodes(row.hold_codes),
    riskScore: row.risk_score ?? 0,
    reviewStage: row.review_stage,
    team: row.team,
    claimedBy: isClaimLive ? row.claimed_by : null,
    claimedAt: isClaimLive ? row.claimed_at : null,
  };
}

/**
 * The review queue: held orders by priority, then deadline. People claim orders from it; on
 * PostgreSQL the next-order claim skips rows another transaction has locked, so two people
 * pressing "next" at once never get the same order.
 */
export function createQueue(deps: { database: Database; clock: Clock }) {
  const { database, clock } = deps;
  const claimCutoff = () => new Date(clock.now().getTime() - claimTtlMs).toISOString();

  function queueQuery(db: Executor, filter: QueueFilter) {
    let query = db.selectFrom('orders').selectAll().where('status', '=', 'pending_review');
    if (filter.team) query = query.where('team', '=', filter.team);
    if (filter.claimedBy)
      query = query.where('claimed_by', '=', filter.claimedBy).where('claimed_at', '>', claimCutoff());
    if (filter.reviewStage === 'finance') query = query.where('review_stage', '=', 'finance');
    // The processor's queue: everything that is not waiting for finance.
    if (filter.reviewStage === 'processor')
      query = query.where((eb) =>
        eb.or([eb('review_stage', 'is', null), eb('review_stage', '=', 'processor')]),
      );
    return query;
  }

  async function listQueue(
    filter: QueueFilter,
    cursor: string | null,
    limit: number,
  ): Promise<Page<QueueItem>> {
    const deadline = sql<string>`coalesce(ship_by, ${noDeadline})`;
    let query = queueQuery(database.db, filter)
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
    const rows = await query.execute();
    const now = clock.now();
    return toPage(
      rows,
      limit,
      (r) => toQueueItem(r, now, claimCutoff()),
      (r) => [r.priority, r.ship_by ?? noDeadline, r.id],
    );
  }

  /** Claims the most urgent unclaimed order matching the filter for the actor. */
  async function claimNext(actor: Actor, filter: QueueFilter): Promise<QueueItem> {
    const now = clock.now();
    const lock = database.dialect === 'postgres' ? sql`for update skip locked` : sql``;
    return inTransaction(database, async (tx) => {
      const candidate = await sql<{ id: string }>`
        select id from orders
        where status = 'pending_review' and (claimed_by is null or claimed_at <= ${claimCutoff()})
          ${filter.team ? sql`and team = ${filter.team}` : sql``}
          ${filter.reviewStage === 'finance' ? sql`and review_stage = 'finance'` : sql``}
        order by priority desc, coalesce(ship_by, ${noDeadline}), id
        limit 1 ${lock}`.execute(tx);
      const id = candidate.rows[0]?.id;
      if (!id) throw new AppError('QUEUE_EMPTY', 'no unclaimed order is waiting in this queue');
      return claimRow(tx, actor, now, id);
    });
  }

  async function claimRow(tx: Executor, actor: Actor, now: Date, orderId: string): Promise<QueueItem> {
    const result = await tx
      .updateTable('orders')
      .set({ claimed_by: actor.name, claimed_at: now.toISOString() })
      .where('id', '=', orderId)
      .where('status', '=', 'pending_review')
      .where((eb) =>
        eb.or([
          eb('claimed_by', 'is', null),
          eb('claimed_by', '=', actor.name),
          eb('claimed_at', '<=', claimCutoff()),
        ]),
      )
      .executeTakeFirst();
    const row = await tx.selectFrom('orders').selectAll().where('id', '=', orderId).executeTakeFirst();
    if (!row) throw notFound('order', orderId);
    if (row.status !== 'pending_review') {
      throw new AppError(
        'NOT_ON_HOLD',
        `order ${row.number} is ${row.status}; only held orders are claimed`,
        { status: row.status },
      );
    }
    if (Number(result.numUpdatedRows) !== 1) {
      throw new AppError('ALREADY_CLAIMED', `order ${row.number} is claimed by ${row.claimed_by}`, {
        claimedBy: row.claimed_by,
      });
    }
    await addTimelineEvent(tx, actor, now, orderId, 'claimed', {});
    return toQueueItem(row, now, claimCutoff());
  }

  async function claimOrder(actor: Actor, orderId: string): Promise<QueueItem> {
    const now = clock.now();
    return inTransaction(database, (tx) => claimRow(tx, actor, now, orderId));
  }

  async function unclaimOrder(actor: Actor, orderId: string): Promise<void> {
    const now = clock.now();
    await inTransaction(database, async (tx) => {
      const result = await tx
        .updateTable('orders')
        .set({ claimed_by: null, claimed_at: null })
        .where('id', '=', orderId)
        .where('claimed_by', '=', actor.name)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 1)
        await addTimelineEvent(tx, actor, now, orderId, 'unclaimed', {});
    });
  }

  return { listQueue, claimNext, claimOrder, unclaimOrder };
}

export type Queue = ReturnType<typeof createQueue>;
