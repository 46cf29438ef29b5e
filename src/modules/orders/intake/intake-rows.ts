import type { Actor } from '../../../platform/actor.ts';
import type { NewRow } from '../../../platform/db/schema.ts';
import type { EventMap, EventType } from '../../../platform/events/event-map.ts';
import { orderNumber, uuidv7 } from '../../../platform/ids.ts';
import { keysOf } from '../audit/audit-context.ts';
import {
  type AuditContext,
  customerActionHolds,
  type Hold,
  holdFor,
  type RuleSet,
  runAudit,
} from '../audit/audit-rules.ts';
import { type OrderSettings, teamFor } from '../order-settings.ts';
import { classifyOrder } from '../priority.ts';
import { type NormalisedOrder, unreadableHolds } from './normalise.ts';
import {
  holdRows,
  lineRows,
  type OrderDecision,
  type OrderRow,
  orderRow,
  timelineRows,
} from './order-rows.ts';

type OutboxEvent = { type: EventType; payload: EventMap[EventType] };

export interface BuiltOrder {
  order: OrderRow;
  lines: NewRow<'order_lines'>[];
  holds: NewRow<'order_holds'>[];
  history: NewRow<'order_status_history'>[];
  events: NewRow<'order_events'>[];
  outbox: OutboxEvent[];
  /** Numbers of the buyer's open orders to group with (merge mode `auto`). */
  mergeWith: string[];
}

export interface BuildContext {
  now: Date;
  actor: Actor;
  audit: AuditContext;
  ruleSet: RuleSet;
  settings: OrderSettings;
  /** Customer tier by buyer key (earlier orders); unknown buyers are new. */
  tiers?: ReadonlyMap<string, 'vip' | 'regular' | 'new'>;
}

/** Holds that come from settings and catalog dates rather than from the audit rules. */
function timerHolds(
  order: NormalisedOrder,
  ctx: BuildContext,
): { holds: Hold[]; holdUntil: string | null; releaseAt: string | null } {
  const holds: Hold[] = [];
  let holdUntil: string | null = null;
  if (ctx.settings.autohold.isEnabled) {
    holdUntil = new Date(ctx.now.getTime() + ctx.settings.autohold.minutes * 60_000).toISOString();
    holds.push(
      holdFor('AUTOHOLD', { key: 'hold.autohold', params: { minutes: ctx.settings.autohold.minutes } }),
    );
  }
  const releases = order.lines
    .map(
      (l) =>
        (ctx.audit.skuStates.get(l.sku) as { presaleReleaseAt?: string | null } | undefined)
          ?.presaleReleaseAt,
    )
    .filter((d): d is string => typeof d === 'string' && d > ctx.now.toISOString())
    .sort();
  const releaseAt = releases.at(-1) ?? null;
  if (releaseAt)
    holds.push(holdFor('PRESALE', { key: 'hold.presale', params: { date: releaseAt.slice(0, 10) } }));
  return { holds, holdUntil, releaseAt };
}

/** The audit's verdict after settings: in `auto` merge mode a merge candidate is grouped, not held. */
function decideHolds(order: NormalisedOrder, ctx: BuildContext) {
  const audit = runAudit(order, ctx.audit, ctx.ruleSet);
  const isAutoMerge =
    ctx.settings.merge.mode === 'auto' && audit.holds.some((h) => h.code === 'MERGE_CANDIDATE');
  const buyer = isAutoMerge ? keysOf(order).buyerKey : null;
  const mergeWith = buyer ? [...(ctx.audit.openOrdersByBuyer.get(buyer) ?? [])] : [];
  const timers = timerHolds(order, ctx);
  const holds = [
    ...unreadableHolds(order),
    ...audit.holds.filter((h) => !(isAutoMerge && h.code === 'MERGE_CANDIDATE')),
    ...timers.holds,
  ];
  return {
    holds,
    riskScore: audit.riskScore,
    mergeWith,
    holdUntil: timers.holdUntil,
    releaseAt: timers.releaseAt,
  };
}

/**
 * Every row a new order writes, computed without I/O: the audit chain decides between
 * `pending_review` (with its holds) and `approved`; classification sets type, deadline, priority.
 */
export function buildOrderRows(order: NormalisedOrder, ctx: BuildContext): BuiltOrder {
  const { now, actor } = ctx;
  const at = now.toISOString();
  const id = uuidv7(now.getTime());
  const verdict = decideHolds(order, ctx);
  const { holds } = verdict;
  const status = holds.length > 0 ? ('pending_review' as const) : ('approved' as const);
  const holdCodes = holds.map((h) => h.code);
  const keys = keysOf(order);
  const customerTier = (keys.buyerKey && ctx.tiers?.get(keys.buyerKey)) || 'new';
  const classification = classifyOrder(
    { order, receivedAt: now, skuFlags: ctx.audit.skuStates, customerTier },
    ctx.settings.policy,
  );
  const number = orderNumber(now);
  // Two timeline entries with the same instant; sorted uuidv7 ids keep them in this order.
  const eventIds = [uuidv7(now.getTime()), uuidv7(now.getTime())].sort();
  const outbox: OutboxEvent[] = [
    {
      type: 'order.received',
      payload: { orderId: id, number, channel: order.channel, status, holds: holdCodes },
    },
  ];
  const needsCustomer = holdCodes.filter((c) => customerActionHolds.includes(c));
  // Only a customer who can be reached is asked: without any contact the hold waits for a person.
  const canAsk = order.customer.email || order.customer.phone || order.shippingAddress.phone;
  if (needsCustomer.length > 0 && canAsk)
    outbox.push({ type: 'order.customer_action_required', payload: { orderId: id, codes: needsCustomer } });
  const decision: OrderDecision = {
    id,
    number,
    at,
    status,
    holdCodes,
    classification,
    keys,
    customerTier,
    riskScore: verdict.riskScore,
    ruleSetVersion: ctx.ruleSet.version,
    holdUntil: verdict.holdUntil,
    releaseAt: verdict.releaseAt,
    team:
      status === 'pending_review'
        ? teamFor(ctx.settings.assignment, { type: classification.type, channel: order.channel, holdCodes })
        : null,
  };
  // Ids in the order they were always made: holds before the history row.
  const lines = lineRows(order, id, ctx.audit.skuStates);
  const holdRowsOfOrder = holdRows(holds, id, now);
  const { history, events } = timelineRows(order, decision, holds, actor, now, [eventIds[0], eventIds[1]]);
  return {
    order: orderRow(order, decision),
    lines,
    holds: holdRowsOfOrder,
    history,
    events,
    outbox,
    mergeWith: verdict.mergeWith,
  };
}
