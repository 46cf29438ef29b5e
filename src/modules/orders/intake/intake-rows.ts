import type { Actor } from '../../../platform/actor.ts';
import { writeJson } from '../../../platform/db/dialect.ts';
import type { NewRow } from '../../../platform/db/schema.ts';
import type { EventMap, EventType } from '../../../platform/events/event-map.ts';
import { orderNumber, uuidv7 } from '../../../platform/ids.ts';
import { keysOf } from '../audit/audit-context.ts';
import {
  type AuditContext,
  customerActionHolds,
  type Hold,
  type RuleSet,
  runAudit,
} from '../audit/audit-rules.ts';
import { type OrderSettings, teamFor } from '../order-settings.ts';
import { classifyOrder } from '../priority.ts';
import { type NormalisedOrder, unreadableHolds } from './normalise.ts';

type OutboxEvent = { type: EventType; payload: EventMap[EventType] };

export interface BuiltOrder {
  order: NewRow<'orders'> & { id: string; number: string; status: string; hold_codes: string };
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
    holds.push({
      code: 'AUTOHOLD',
      message: `Held ${ctx.settings.autohold.minutes} minutes so edits and merges can land first`,
      riskPoints: 0,
    });
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
    holds.push({
      code: 'PRESALE',
      message: `Presale: waits for the release on ${releaseAt.slice(0, 10)}`,
      riskPoints: 0,
    });
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
  const status = holds.length > 0 ? 'pending_review' : 'approved';
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
  return {
    // One literal, no spread: a spread plus twenty more keys leaves V8 a slow dictionary object.
    order: {
      id,
      number,
      channel_id: order.channel,
      external_id: order.externalId,
      status,
      placed_at: order.placedAt,
      currency: order.currency,
      customer_name: order.customer.name,
      customer_email: order.customer.email,
      customer_phone: order.customer.phone,
      ship_name: order.shippingAddress.name,
      ship_phone: order.shippingAddress.phone,
      ship_country: order.shippingAddress.country,
      ship_province: order.shippingAddress.province,
      ship_city: order.shippingAddress.city,
      ship_district: order.shippingAddress.district,
      ship_line1: order.shippingAddress.line1,
      ship_line2: order.shippingAddress.line2,
      ship_postal_code: order.shippingAddress.postalCode,
      shipping_fee_minor: order.shippingFeeMinor,
      discount_minor: order.discountMinor,
      total_minor: order.totalMinor,
      payment_status: order.payment.status,
      payment_method: order.payment.method,
      paid_amount_minor: order.payment.paidAmountMinor,
      paid_at: order.payment.paidAt,
      buyer_note: order.buyerNote,
      seller_note: order.sellerNote,
      requested_service: order.requestedService,
      line_count: order.lines.length,
      created_at: at,
      updated_at: at,
      type: classification.type,
      type_reason: classification.reason,
      priority: classification.priority,
      priority_parts: writeJson(classification.priorityParts),
      ship_by: classification.shipBy,
      hold_codes: holdCodes.join(','),
      rule_set_version: ctx.ruleSet.version,
      customer_tier: customerTier,
      risk_score: verdict.riskScore,
      review_stage: holdCodes.includes('HIGH_RISK') ? 'processor' : null,
      hold_until: verdict.holdUntil,
      release_at: verdict.releaseAt,
      team:
        status === 'pending_review'
          ? teamFor(ctx.settings.assignment, { type: classification.type, channel: order.channel, holdCodes })
          : null,
      phone_key: keys.phoneKey,
      address_key: keys.addressKey,
      buyer_key: keys.buyerKey,
      decided_at: status === 'approved' ? at : null,
      touched: 0,
    },
    lines: order.lines.map((line) => ({
      order_id: id,
      line_no: line.lineNo,
      sku: line.sku,
      // Channels often send only the code; the catalog's name keeps pick lists and timelines readable.
      name: line.name ?? ctx.audit.skuStates.get(line.sku)?.name ?? null,
      quantity: line.quantity,
      unit_price_minor: line.unitPriceMinor,
      parcel: 1,
    })),
    holds: holds.map((hold) => ({
      id: uuidv7(now.getTime()),
      order_id: id,
      code: hold.code,
      message: hold.message,
      risk_points: hold.riskPoints,
      created_at: at,
      released_at: null,
      released_by: null,
    })),
    history: [
      {
        id: uuidv7(now.getTime()),
        order_id: id,
        from_status: null,
        to_status: status,
        reason: holds.length > 0 ? `held: ${holdCodes.join(',')}` : 'passed the audit',
        actor_type: actor.type,
        actor_id: actor.id,
        at,
      },
    ],
    events: [
      {
        id: eventIds[0],
        order_id: id,
        type: 'received',
        actor_type: actor.type,
        actor_id: actor.id,
        actor_name: actor.name,
        data: writeJson({
          channel: order.channel,
          externalId: order.externalId,
          lineCount: order.lines.length,
          type: classification.type,
          typeReason: classification.reason,
          ruleSetVersion: ctx.ruleSet.version,
          ...(order.unreadable.length > 0 ? { unreadable: order.unreadable } : {}),
        }),
        at,
      },
      {
        id: eventIds[1],
        order_id: id,
        type: holds.length > 0 ? 'held' : 'approved',
        actor_type: 'system',
        actor_id: null,
        actor_name: 'audit',
        data: writeJson(
          holds.length > 0
            ? { holds, riskScore: verdict.riskScore }
            : { automatic: true, riskScore: verdict.riskScore },
        ),
        at,
      },
    ],
    outbox,
    mergeWith: verdict.mergeWith,
  };
}
