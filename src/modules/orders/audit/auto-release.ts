import type { Actor } from '../../../platform/actor.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Database, Executor } from '../../../platform/db/database.ts';
import { writeJson } from '../../../platform/db/dialect.ts';
import type { Row } from '../../../platform/db/schema.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import type { Catalog } from '../../catalog/index.ts';
import { changeOrderStatus } from '../edits/status-changes.ts';
import { toNormalised } from '../intake/stored-order.ts';
import { ordersRepository } from '../orders.repository.ts';
import { addTimelineEvent, openHolds, releaseHoldRows } from '../review/order-review.ts';
import { loadAuditContext } from './audit-context.ts';
import { type Hold, type RuleSet, runAudit } from './audit-rules.ts';

/**
 * Holds about other orders, time or overall risk, and values intake could not read: a re-audit
 * after a data change leaves them alone (a person releases DATA_UNREADABLE once they have looked).
 */
const contextHolds = new Set([
  'HIGH_RISK',
  'AUTOHOLD',
  'PRESALE',
  'MERGE_CANDIDATE',
  'VELOCITY',
  'DATA_UNREADABLE',
]);

/** Holds that clear by themselves: after a data change (re-audit) or when their time comes. */
export function createAutoRelease(deps: { database: Database; clock: Clock; catalog: Catalog }) {
  const { database, clock } = deps;

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
    const order = await ordersRepository.getById(tx, orderId);
    if (order.status !== 'pending_review' && order.status !== 'approved') return;
    const lines = await ordersRepository.linesOf(tx, orderId);
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
      const current = await ordersRepository.getById(tx, orderId);
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
    await ordersRepository.insertHolds(
      tx,
      holds.map((h) => ({
        id: uuidv7(now.getTime()),
        order_id: order.id,
        code: h.code,
        message: h.message,
        explanation: writeJson(h.explanation),
        risk_points: h.riskPoints,
        created_at: at,
        released_at: null,
        released_by: null,
      })),
    );
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
      await ordersRepository.update(tx, order.id, { hold_codes: holdCodes, updated_at: at });
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
    const due = await ordersRepository.dueTimerHolds(database.db, at, limit);
    const timer: Actor = { type: 'system', id: null, name: 'timer' };
    for (const orderId of new Set(due.map((d) => d.order_id))) {
      await inTransaction(database, async (tx) => {
        const order = await ordersRepository.getById(tx, orderId);
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

  return { reaudit, releaseDueTimers };
}

export type AutoRelease = ReturnType<typeof createAutoRelease>;
