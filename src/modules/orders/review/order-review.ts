import { reviewOnlyHolds } from '../../../contracts/order-holds.ts';
import type { Order } from '../../../contracts/orders.ts';
import type { Actor } from '../../../platform/actor.ts';
import { recordAudit } from '../../../platform/audit-log.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Database, Executor } from '../../../platform/db/database.ts';
import { isUniqueViolation } from '../../../platform/db/dialect.ts';
import type { Row } from '../../../platform/db/schema.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { AppError, invalidField, notFound } from '../../../platform/errors.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { changeOrderStatus } from '../edits/status-changes.ts';
import { ordersRepository } from '../orders.repository.ts';
import type { OrderQueries } from '../queries/order-queries.ts';
import { addTimelineEvent } from '../queries/timeline.ts';
import { reviewRepository } from './review.repository.ts';

export { addTimelineEvent };

export type ReviewStage = 'processor' | 'finance';

export async function openHolds(tx: Executor, orderId: string) {
  return ordersRepository.openHolds(tx, orderId);
}

async function loadOnHold(tx: Executor, orderId: string): Promise<Row<'orders'>> {
  const order = await ordersRepository.findById(tx, orderId);
  if (!order) throw notFound('order', orderId);
  if (order.status !== 'pending_review')
    throw new AppError('NOT_ON_HOLD', `order ${order.number} is ${order.status}, not on hold`, {
      status: order.status,
    });
  return order;
}

/**
 * Marks holds released; when none is left the order is approved in the same transaction.
 * `isHuman` decides whether the order still counts as touch-free.
 */
export async function releaseHoldRows(
  tx: Executor,
  actor: Actor,
  now: Date,
  order: Row<'orders'>,
  holds: readonly Row<'order_holds'>[],
  context: { isHuman: boolean; note?: string },
): Promise<{ isApproved: boolean }> {
  if (holds.length === 0) return { isApproved: false };
  const at = now.toISOString();
  await ordersRepository.releaseHolds(
    tx,
    holds.map((h) => h.id),
    at,
    actor.name,
  );
  const remaining = (await openHolds(tx, order.id)).map((h) => h.code);
  const changes = { hold_codes: remaining.join(','), ...(context.isHuman ? { touched: 1 } : {}) };
  await addTimelineEvent(tx, actor, now, order.id, 'hold_released', {
    codes: holds.map((h) => h.code),
    note: context.note ?? null,
    automatic: !context.isHuman,
  });
  if (remaining.length > 0) {
    await ordersRepository.update(tx, order.id, { ...changes, updated_at: at });
    return { isApproved: false };
  }
  await changeOrderStatus(tx, actor, now, order.id, {
    to: 'approved',
    reason: context.isHuman ? 'holds released' : 'holds cleared',
    event: { type: 'approved', data: { automatic: !context.isHuman && order.touched !== 1 } },
    changes: { ...changes, decided_at: at, review_stage: null },
  });
  return { isApproved: true };
}

export function createReview(deps: { database: Database; clock: Clock; queries: OrderQueries }) {
  const { database, clock, queries } = deps;

  /** A person releases named holds (not HIGH_RISK, which needs the two-stage review). */
  async function releaseHolds(
    actor: Actor,
    orderId: string,
    codes: readonly string[],
    note?: string,
  ): Promise<Order> {
    const now = clock.now();
    return inTransaction(database, async (tx) => {
      const order = await loadOnHold(tx, orderId);
      const blocked = codes.filter((c) => reviewOnlyHolds.includes(c));
      if (blocked.length > 0) {
        throw new AppError('HOLD_NOT_RELEASABLE', `codes: ${blocked.join(', ')} needs the two-stage review`, {
          field: 'codes',
          codes: blocked,
        });
      }
      const holds = (await openHolds(tx, orderId)).filter((h) => codes.includes(h.code));
      if (holds.length === 0)
        throw invalidField('codes', 'noOpenHold', { order: order.number, codes: codes.join(', ') });
      await releaseHoldRows(tx, actor, now, order, holds, { isHuman: true, note });
      await recordAudit(tx, actor, now, {
        action: 'order.holds_released',
        targetType: 'order',
        targetId: orderId,
        details: { codes, note },
      });
      return queries.getOrder(orderId, tx);
    });
  }

  /** Releases every releasable hold of each order; reports per order what happened. */
  async function bulkRelease(actor: Actor, orderIds: readonly string[], note?: string) {
    const results: { orderId: string; outcome: 'approved' | 'still_held' | 'skipped'; reason?: string }[] =
      [];
    for (const orderId of orderIds) {
      try {
        const order = await queries.getOrder(orderId);
        const codes = order.holds.filter((c) => !reviewOnlyHolds.includes(c));
        if (codes.length === 0)
          throw new AppError('HOLD_NOT_RELEASABLE', 'only holds that need the two-stage review are left');
        const after = await releaseHolds(actor, orderId, codes, note);
        results.push({ orderId, outcome: after.status === 'approved' ? 'approved' : 'still_held' });
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        results.push({ orderId, outcome: 'skipped', reason: error.message });
      }
    }
    return results;
  }

  /**
   * Two-stage review of a HIGH_RISK order: an order processor decides first, then finance.
   * The unique (order, stage) row makes the first of two racing reviewers win; the other gets 409.
   */
  async function decideReview(
    actor: Actor,
    orderId: string,
    stage: ReviewStage,
    decision: 'approve' | 'reject',
    reason?: string,
  ): Promise<Order> {
    const now = clock.now();
    return inTransaction(database, async (tx) => {
      const order = await loadOnHold(tx, orderId);
      const highRisk = (await openHolds(tx, orderId)).find((h) => h.code === 'HIGH_RISK');
      if (!highRisk)
        throw new AppError('NOT_ON_HOLD', `order ${order.number} has no high-risk hold to review`);
      const expected: ReviewStage = order.review_stage === 'finance' ? 'finance' : 'processor';
      if (stage !== expected)
        throw new AppError('WRONG_REVIEW_STAGE', `order ${order.number} waits for the ${expected} review`, {
          expected,
        });
      await recordDecision(tx, actor, now, order, stage, decision, reason);
      if (decision === 'reject') {
        await changeOrderStatus(tx, actor, now, orderId, {
          to: 'cancelled',
          reason: `rejected in ${stage} review: ${reason ?? ''}`.trim(),
          event: { type: 'cancelled', data: { reason: reason ?? null, review: stage } },
          changes: { hold_codes: '', decided_at: now.toISOString(), touched: 1, review_stage: null },
        });
        await ordersRepository.releaseOpenHolds(tx, orderId, now.toISOString(), 'cancelled');
      } else if (stage === 'processor') {
        await ordersRepository.update(tx, orderId, {
          review_stage: 'finance',
          touched: 1,
          updated_at: now.toISOString(),
        });
      } else {
        await releaseHoldRows(tx, actor, now, { ...order, touched: 1 }, [highRisk], {
          isHuman: true,
          note: reason,
        });
      }
      return queries.getOrder(orderId, tx);
    });
  }

  async function recordDecision(
    tx: Executor,
    actor: Actor,
    now: Date,
    order: Row<'orders'>,
    stage: ReviewStage,
    decision: string,
    reason?: string,
  ) {
    try {
      await reviewRepository.insertDecision(tx, {
        id: uuidv7(now.getTime()),
        order_id: order.id,
        stage,
        decision,
        reason: reason ?? null,
        actor_id: actor.id,
        actor_name: actor.name,
        at: now.toISOString(),
      });
    } catch (error) {
      if (isUniqueViolation(error))
        throw new AppError('ALREADY_DECIDED', `the ${stage} review of ${order.number} was already decided`, {
          stage,
        });
      throw error;
    }
    await addTimelineEvent(
      tx,
      actor,
      now,
      order.id,
      decision === 'approve' ? 'review_approved' : 'review_rejected',
      { stage, reason: reason ?? null },
    );
    await recordAudit(tx, actor, now, {
      action: `order.review_${decision}d`,
      targetType: 'order',
      targetId: order.id,
      details: { stage, reason },
    });
  }

  return { releaseHolds, bulkRelease, decideReview };
}

export type Review = ReturnType<typeof createReview>;
