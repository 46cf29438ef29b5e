import type { z } from 'zod';
import type { queueItem } from '../../../contracts/order-review.ts';
import type { Actor } from '../../../platform/actor.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Database, Executor } from '../../../platform/db/database.ts';
import { readJson } from '../../../platform/db/dialect.ts';
import type { Row } from '../../../platform/db/schema.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import { fromMinor } from '../../../platform/money.ts';
import { type Page, toPage } from '../../../platform/pagination.ts';
import { ordersRepository } from '../orders.repository.ts';
import { slaStatus } from '../priority.ts';
import { claimTtlMs, splitHoldCodes } from '../queries/order-view.ts';
import { addTimelineEvent } from '../review/order-review.ts';
import { noDeadline, type QueueFilter, queueRepository } from './queue.repository.ts';

export type { QueueFilter } from './queue.repository.ts';

/** The contract's queue item: type, SLA and review stage from their vocabularies. */
export type QueueItem = z.output<typeof queueItem>;

function toQueueItem(row: Row<'orders'>, now: Date, claimCutoff: string): QueueItem {
  const isClaimLive = row.claimed_by !== null && (row.claimed_at ?? '') > claimCutoff;
  return {
    id: row.id,
    number: row.number,
    channel: row.channel_id,
    type: row.type as QueueItem['type'],
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
    reviewStage: row.review_stage as QueueItem['reviewStage'],
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

  async function listQueue(
    filter: QueueFilter,
    cursor: string | null,
    limit: number,
  ): Promise<Page<QueueItem>> {
    const rows = await queueRepository.listPage(database.db, filter, claimCutoff(), cursor, limit);
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
    return inTransaction(database, async (tx) => {
      const id = await queueRepository.nextUnclaimedId(tx, database.dialect, filter, claimCutoff());
      if (!id) throw new AppError('QUEUE_EMPTY', 'no unclaimed order is waiting in this queue');
      return claimRow(tx, actor, now, id);
    });
  }

  async function claimRow(tx: Executor, actor: Actor, now: Date, orderId: string): Promise<QueueItem> {
    const isClaimed = await queueRepository.claim(tx, orderId, actor.name, now.toISOString(), claimCutoff());
    const row = await ordersRepository.findById(tx, orderId);
    if (!row) throw notFound('order', orderId);
    if (row.status !== 'pending_review') {
      throw new AppError(
        'NOT_ON_HOLD',
        `order ${row.number} is ${row.status}; only held orders are claimed`,
        { status: row.status },
      );
    }
    if (!isClaimed) {
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
      if (await queueRepository.unclaim(tx, orderId, actor.name))
        await addTimelineEvent(tx, actor, now, orderId, 'unclaimed', {});
    });
  }

  return { listQueue, claimNext, claimOrder, unclaimOrder };
}

export type Queue = ReturnType<typeof createQueue>;
