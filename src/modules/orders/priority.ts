import { type Explanation, type ExplanationPart, renderExplanation } from '../../contracts/explanations.ts';
import type { ClassificationRule, OrderPolicy, Sla } from '../../contracts/order-settings.ts';
import {
  addWorkingHours,
  type BusinessCalendar,
  countingStart,
  defaultCalendar,
  endOfWorkingDay,
  workingDayHours,
  workingHoursBetween,
} from '../../platform/business-calendar.ts';
import { currencyDigits } from '../../platform/money.ts';
import type { NormalisedOrder, OrderType } from './intake/normalise.ts';

// The policy's shape and schema are the contract's: the console edits the same document.
export {
  type ClassificationRule,
  type OrderPolicy,
  orderPolicySchema,
  type Sla,
} from '../../contracts/order-settings.ts';

export const defaultPolicy: OrderPolicy = {
  calendar: defaultCalendar,
  slas: [
    { channel: '*', type: '*', shipWithinWorkingHours: 48 },
    { channel: '*', type: 'urgent', sameDayBeforeCutoff: true },
    // Presale: no deadline at intake; it is set from the release date when the presale hold ends.
    { channel: '*', type: 'presale' },
    { channel: '*', type: 'b2b', shipWithinWorkingHours: 72 },
  ],
  classification: [
    // SKU flags come first: an unreleased or made-to-order item cannot ship any faster
    // because the buyer paid for express, so those orders must not get an urgent deadline.
    { when: { skuFlag: 'presale' }, type: 'presale' },
    { when: { skuFlag: 'madeToOrder' }, type: 'custom' },
    { when: { requestedService: ['express', 'same_day'] }, type: 'urgent' },
    { when: { customerGroup: ['wholesale'] }, type: 'b2b' },
    { when: { minQuantity: 50 }, type: 'b2b' },
  ],
  atRiskWorkingHours: 4,
};

export interface ClassifyInput {
  order: NormalisedOrder;
  receivedAt: Date;
  skuFlags: ReadonlyMap<string, { isMadeToOrder?: boolean; isPresale?: boolean }>;
  customerGroup?: string;
  customerTier?: 'vip' | 'regular' | 'new';
}

export type PriorityParts = { type: number; slack: number; tier: number; value: number };

export interface Classification {
  type: OrderType;
  /** Why this type in English: 'channel hint', 'rule 3: express delivery requested', 'no rule matched'. */
  reason: string;
  /** The same as a key with parameters, rendered in the reader's language. */
  reasonExplanation: Explanation;
  /** ISO UTC; null when the SLA sets no deadline. */
  shipBy: string | null;
  priority: number;
  priorityParts: PriorityParts;
}

/** The first line whose SKU carries the flag: naming it tells the operator which item decided. */
function flaggedSku(input: ClassifyInput, flag: 'madeToOrder' | 'presale'): string | undefined {
  const isFlagged = (sku: string) => {
    const flags = input.skuFlags.get(sku);
    return flag === 'presale' ? flags?.isPresale === true : flags?.isMadeToOrder === true;
  };
  return input.order.lines.find((line) => isFlagged(line.sku))?.sku;
}

/**
 * Why every condition in `when` holds, one explanation each; null as soon as one does not
 * (classification runs for every order of a batch, so a failing rule costs no more than its check).
 */
function whyRuleMatches(when: ClassificationRule['when'], input: ClassifyInput): ExplanationPart[] | null {
  const { order, customerGroup } = input;
  const reasons: ExplanationPart[] = [];
  const { requestedService, skuFlag, channel, minTotalMinor, minQuantity } = when;
  if (requestedService) {
    const service = order.requestedService;
    if (!requestedService.includes(service)) return null;
    reasons.push({ key: 'type.service', params: { service } });
  }
  if (skuFlag) {
    const sku = flaggedSku(input, skuFlag);
    if (sku === undefined) return null;
    reasons.push({ key: 'type.skuFlag', params: { sku, flag: skuFlag } });
  }
  if (when.customerGroup) {
    if (customerGroup === undefined || !when.customerGroup.includes(customerGroup)) return null;
    reasons.push({ key: 'type.customerGroup', params: { group: customerGroup } });
  }
  if (channel) {
    if (!channel.includes(order.channel)) return null;
    reasons.push({ key: 'type.channel', params: { channel: order.channel } });
  }
  if (minTotalMinor !== undefined) {
    const total = order.totalMinor;
    if (total < minTotalMinor) return null;
    reasons.push({ key: 'type.minTotal', params: { total, min: minTotalMinor } });
  }
  if (minQuantity !== undefined) {
    const units = order.lines.reduce((sum, line) => sum + line.quantity, 0);
    if (units < minQuantity) return null;
    reasons.push({ key: 'type.minQuantity', params: { units, min: minQuantity } });
  }
  return reasons;
}

function decideType(
  input: ClassifyInput,
  rules: readonly ClassificationRule[],
): { type: OrderType; reason: Explanation } {
  if (input.order.typeHint) return { type: input.order.typeHint, reason: { key: 'type.channelHint' } };
  for (let index = 0; index < rules.length; index++) {
    const parts = whyRuleMatches(rules[index].when, input);
    if (parts) {
      const rule = index + 1;
      const reason =
        parts.length > 0
          ? { key: 'type.rule', params: { rule }, parts }
          : { key: 'type.ruleWithoutConditions', params: { rule } };
      return { type: rules[index].type, reason };
    }
  }
  return { type: 'normal', reason: { key: 'type.noRuleMatched' } };
}

// 2 for an exact channel, 1 for an exact type: channel+type > channel+* > *+type > *+*.
// The channel outranks the type because a marketplace's own ship-by terms carry its penalties.
const specificity = (sla: Sla) => (sla.channel === '*' ? 0 : 2) + (sla.type === '*' ? 0 : 1);

function findSla(slas: readonly Sla[], channel: string, type: OrderType): Sla | undefined {
  let best: Sla | undefined;
  for (const sla of slas) {
    const applies =
      (sla.channel === '*' || sla.channel === channel) && (sla.type === '*' || sla.type === type);
    if (applies && (best === undefined || specificity(sla) > specificity(best))) best = sla;
  }
  return best;
}

function shipByFor(sla: Sla | undefined, receivedAt: Date, calendar: BusinessCalendar): Date | null {
  if (sla?.sameDayBeforeCutoff) return endOfWorkingDay(calendar, receivedAt);
  if (sla?.shipWithinWorkingHours === undefined) return null;
  return addWorkingHours(calendar, countingStart(calendar, receivedAt), sla.shipWithinWorkingHours);
}

// Calendar arithmetic is the costly part of classification, and a batch of orders received
// together asks the same questions: remember answers per calendar (settings are immutable
// objects until they change), bounded so a long-running process does not grow.
const calendarMemo = new WeakMap<BusinessCalendar, Map<string, string | number | null>>();

function remembered<T extends string | number | null>(
  calendar: BusinessCalendar,
  key: string,
  compute: () => T,
): T {
  let memo = calendarMemo.get(calendar);
  if (!memo) {
    memo = new Map();
    calendarMemo.set(calendar, memo);
  }
  if (memo.has(key)) return memo.get(key) as T;
  if (memo.size >= 5000) memo.clear();
  const value = compute();
  memo.set(key, value);
  return value;
}

/*
 * Priority score, 0–1000; higher ships first. It is the sum of four parts, each kept in
 * `priorityParts` so the console can show why one order outranks another:
 *
 *   type   urgent 400, replacement 350, custom 200, normal 150, b2b 150, presale 50.
 *          The largest part: the type already encodes a promise (paid express, a customer
 *          waiting for a replacement); presale cannot ship before its release anyway.
 *   slack  round(300 × D / (D + h)), h = working hours left until ship-by (≤ 0 counts as 0),
 *          D = hours in one working day (9 for 09:00–18:00). A breached or due-now order
 *          gets the full 300, one working day left gets 150, and the curve is steepest
 *          near the deadline, where a few hours matter most. No ship-by → 0.
 *   tier   vip 150, regular 50, new or unknown 0: keeping the best customers' promises.
 *   value  min(150, round(37.5 × log10(1 + total in major units))): 37.5 points per tenfold
 *          of value, full marks from 9,999 (e.g. CNY). The log keeps one big order from
 *          outranking the deadline; amounts are not converted between currencies.
 *
 * At intake `at` is the receipt time; the work queue may re-score at `now` as slack shrinks.
 */
const typeWeight: Record<OrderType, number> = {
  urgent: 400,
  replacement: 350,
  custom: 200,
  normal: 150,
  b2b: 150,
  presale: 50,
};
const tierPoints = { vip: 150, regular: 50, new: 0 } as const;
const SLACK_MAX = 300;
const VALUE_MAX = 150;
const VALUE_PER_TENFOLD = 37.5;

export interface PriorityFacts {
  type: OrderType;
  shipBy: string | null;
  customerTier?: 'vip' | 'regular' | 'new';
  totalMinor: number;
  currency: string;
}

export function scorePriority(
  facts: PriorityFacts,
  at: Date,
  calendar: BusinessCalendar,
): { priority: number; priorityParts: PriorityParts } {
  const dayHours = workingDayHours(calendar);
  const { shipBy } = facts;
  const hoursLeft =
    shipBy === null
      ? null
      : remembered(calendar, `left|${at.getTime()}|${shipBy}`, () =>
          workingHoursBetween(calendar, at, new Date(shipBy)),
        );
  const major = facts.totalMinor / 10 ** currencyDigits(facts.currency);
  const priorityParts: PriorityParts = {
    type: typeWeight[facts.type],
    slack: hoursLeft === null ? 0 : Math.round((SLACK_MAX * dayHours) / (dayHours + Math.max(0, hoursLeft))),
    tier: facts.customerTier ? tierPoints[facts.customerTier] : 0,
    value: Math.min(VALUE_MAX, Math.round(VALUE_PER_TENFOLD * Math.log10(1 + Math.max(0, major)))),
  };
  const { type, slack, tier, value } = priorityParts;
  return { priority: type + slack + tier + value, priorityParts };
}

/** Type, ship-by deadline and priority of an order as it is received. */
export function classifyOrder(input: ClassifyInput, policy: OrderPolicy = defaultPolicy): Classification {
  const { order, receivedAt } = input;
  const { type, reason: reasonExplanation } = decideType(input, policy.classification);
  const reason = renderExplanation(reasonExplanation, 'en');
  const sla = findSla(policy.slas, order.channel, type);
  const shipBy = remembered(
    policy.calendar,
    `shipBy|${sla?.channel}|${sla?.type}|${receivedAt.getTime()}`,
    () => shipByFor(sla, receivedAt, policy.calendar)?.toISOString() ?? null,
  );
  const facts = {
    type,
    shipBy,
    customerTier: input.customerTier,
    totalMinor: order.totalMinor,
    currency: order.currency,
  };
  return { type, reason, reasonExplanation, shipBy, ...scorePriority(facts, receivedAt, policy.calendar) };
}

/** Breached once `now` is past ship-by; at risk when fewer working hours than the policy's limit remain. */
export function slaStatus(
  shipBy: string | null,
  now: Date,
  policy: OrderPolicy = defaultPolicy,
): 'on_track' | 'at_risk' | 'breached' | 'none' {
  if (shipBy === null) return 'none';
  const deadline = new Date(shipBy);
  if (now > deadline) return 'breached';
  // To the minute is precise enough for a status, and lets lists and replies share the answer.
  const minute = Math.floor(now.getTime() / 60_000) * 60_000;
  const hoursLeft = remembered(policy.calendar, `status|${minute}|${shipBy}`, () =>
    workingHoursBetween(policy.calendar, new Date(minute), deadline),
  );
  return hoursLeft < policy.atRiskWorkingHours ? 'at_risk' : 'on_track';
}
