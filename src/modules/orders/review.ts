import type { Order } from '../../contracts/orders.ts';
import type { Actor } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit-log.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Executor } from '../../platform/db/database.ts';
import { isUniqueViolation, writeJson } from '../../platform/db/dialect.ts';
import type { Row } from '../../platform/db/schema.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import type { Catalog } from '../catalog/index.ts';
import { loadAuditContext } from './audit-context.ts';
import { type Hold, type RuleSet, runAudit } from './audit-rules.ts';
import { changeOrderStatus } from './order-actions.ts';
import { ordersRepository } from './orders.repository.ts';
import type { OrderQueries } from './order-queries.ts';
import { toNormalised } from './stored-order.ts';

/** Holds a person may not simply release: high risk needs the two-stage review. */
const reviewOnlyHolds = new Set(['HIGH_RISK']);
/** Holds about other orders, time or overall risk: a re-audit after a data change leaves them alone. */
const contextHolds = new Set(['HIGH_RISK', 'AUTOHOLD', 'PRESALE', 'MERGE_CANDIDATE', 'VELOCITY']);

export type ReviewStage = 'processor' | 'finance';

export async function addTimelineEvent(
  tx: Executor,
  actor: Actor,
  now: Date,
  orderId: string,
  type: string,
  data: Record<string, unknown>,
) {
  await tx
    .insertInto('order_events')
    .values({
      id: uuidv7(now.getTime()),
      order_id: orderId,
      type,
      actor_type: actor.type,
      actor_id: actor.id,
      actor_name: actor.name,
      data: writeJson(data),
      at: now.toISOString(),
    })
    .execute();
}

async function openHolds(tx: Executor, orderId: string) {
  return tx
    .selectFrom('order_holds')
    .selectAll()
    .where('order_id', '=', orderId)
    .where('released_at', 'is', null)
    .execute();
}

async function loadOnHold(tx: Executor, orderId: string): Promise<Row<'orders'>> {
  const order = await tx.selectFrom('orders').selectAll().where('id', '=', orderId).executeTakeFirst();
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
  await tx
    .updateTable('order_holds')
    .set({ released_at: at, released_by: actor.name })
    .where(
      'id',
      'in',
      holds.map((h) => h.id),
    )
    .execute();
  const remaining = (await openHolds(tx, order.id)).map((h) => h.code);
  const changes = { hold_codes: remaining.join(','), ...(context.isHuman ? { touched: 1 } : {}) };
  await addTimelineEvent(tx, actor, now, order.id, 'hold_released', {
    codes: holds.map((h) => h.code),
    note: context.note ?? null,
    automatic: !context.isHuman,
  });
  if (remaining.length > 0) {
    await tx
      .updateTable('orders')
      .set({ ...changes, updated_at: at })
      .where('id', '=', order.id)
      .execute();
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

export function createReview(deps: {
  database: Database;
  clock: Clock;
  catalog: Catalog;
  queries: OrderQueries;
}) {
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
      const blocked = codes.filter((c) => reviewOnlyHolds.has(c));
      if (blocked.length > 0) {
        throw new AppError('HOLD_NOT_RELEASABLE', `codes: ${blocked.join(', ')} needs the two-stage review`, {
          field: 'codes',
          codes: blocked,
        });
      }
      const holds = (await openHolds(tx, orderId)).filter((h) => codes.includes(h.code));
      if (holds.length === 0)
        throw new AppError(
          'VALIDATION_FAILED',
          `codes: order ${order.number} has no open hold ${codes.join(', ')}`,
          { field: 'codes' },
        );
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
        const codes = order.holds.filter((c) => !reviewOnlyHolds.has(c));
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
        await tx
          .updateTable('orders')
          .set({ review_stage: 'finance', touched: 1, updated_at: now.toISOString() })
          .where('id', '=', orderId)
          .execute();
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
      await tx
        .insertInto('review_decisions')
        .values({
          id: uuidv7(now.getTime()),
          order_id: order.id,
          stage,
          decision,
          reason: reason ?? null,
          actor_id: actor.id,
          actor_name: actor.name,
          at: now.toISOString(),
        })
        .execute();
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

  /**
   * Judges an open order again after its data changed (payment news, address fixed): holds whose
   * condition cleared are released, problems the change brought are held (an approved order goes
   * back to review). Holds about other orders or time (merge, velocity, timers, high risk) are
   * left as they are. The rule set is read before the transaction: on SQLite the transaction
   * holds the only connection.
   */
  async function reaudit(
    tx: Executor,
    actor: Actor,
    now: Date,
    orderId: string,
    ruleSet: RuleSet,
  ): Promise<void> {
    const order = await tx
      .selectFrom('orders')
      .selectAll()
      .where('id', '=', orderId)
      .executeTakeFirstOrThrow();
    if (order.status !== 'pending_review' && order.status !== 'approved') return;
    const lines = await tx
      .selectFrom('order_lines')
      .selectAll()
      .where('order_id', '=', orderId)
      .orderBy('line_no')
      .execute();
    const normalised = toNormalised(order, lines);
    const context = await loadAuditContext(tx, deps.catalog, [normalised], now, orderId);
    const found = runAudit(normalised, context, ruleSet).holds.filter((h) => !contextHolds.has(h.code));
    const open = await openHolds(tx, orderId);
    const added = found.filter((h) => !open.some((o) => o.code === h.code));
    if (added.length > 0)
      await addHolds(
        tx,
        now,
        order,
        added,
        open.map((o) => o.code),
      );
    const cleared = open.filter((h) => !contextHolds.has(h.code) && !found.some((f) => f.code === h.code));
    if (order.status === 'pending_review' || added.length > 0) {
      const current = await tx
        .selectFrom('orders')
        .selectAll()
        .where('id', '=', orderId)
        .executeTakeFirstOrThrow();
      await releaseHoldRows(tx, { type: 'system', id: null, name: 'audit' }, now, current, cleared, {
        isHuman: false,
        note: `after ${actor.name}'s change`,
      });
    }
  }

  async function addHolds(
    tx: Executor,
    now: Date,
    order: Row<'orders'>,
    holds: readonly Hold[],
    openCodes: readonly string[],
  ) {
    const at = now.toISOString();
    await tx
      .insertInto('order_holds')
      .values(
        holds.map((h) => ({
          id: uuidv7(now.getTime()),
          order_id: order.id,
          code: h.code,
          message: h.message,
          risk_points: h.riskPoints,
          created_at: at,
          released_at: null,
          released_by: null,
        })),
      )
      .execute();
    const holdCodes = [...openCodes, ...holds.map((h) => h.code)].join(',');
    const audit: Actor = { type: 'system', id: null, name: 'audit' };
    if (order.status === 'approved') {
      await changeOrderStatus(tx, audit, now, order.id, {
        to: 'pending_review',
        reason: `held: ${holdCodes}`,
        event: { type: 'held', data: { holds } },
        changes: { hold_codes: holdCodes, decided_at: null },
      });
    } else {
      await tx
        .updateTable('orders')
        .set({ hold_codes: holdCodes, updated_at: at })
        .where('id', '=', order.id)
        .execute();
      await addTimelineEvent(tx, audit, now, order.id, 'held', { holds });
    }
  }

  /**
   * Scheduled job: releases autohold holds whose time is up and presale holds whose release
   * date came. Returns how many orders it touched.
   */
  async function releaseDueTimers(limit = 500): Promise<number> {
    const now = clock.now();
    const at = now.toISOString();
    const due = await database.db
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
    const timer: Actor = { type: 'system', id: null, name: 'timer' };
    for (const orderId of new Set(due.map((d) => d.order_id))) {
      await inTransaction(database, async (tx) => {
        const order = await tx
          .selectFrom('orders')
          .selectAll()
          .where('id', '=', orderId)
          .executeTakeFirstOrThrow();
        if (order.status !== 'pending_review') return;
        const holds = (await openHolds(tx, orderId)).filter(
          (h) =>
            (h.code === 'AUTOHOLD' && (order.hold_until ?? '') <= at) ||
            (h.code === 'PRESALE' && (order.release_at ?? '') <= at),
        );
        await releaseHoldRows(tx, timer, now, order, holds, { isHuman: false, note: 'time is up' });
      });
    }
    return new Set(due.map((d) => d.order_id)).size;
  }

  return { releaseHolds, bulkRelease, decideReview, reaudit, releaseDueTimers };
}

export type Review = ReturnType<typeof createReview>;
