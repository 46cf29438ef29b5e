import assert from 'node:assert/strict';
/** Builders for the audit rules' unit tests: a valid CN order and an empty context, overridden per test. */
import { newOrderInput } from '../../../../../test/helpers/factories.ts';
import { renderExplanation } from '../../../../contracts/explanations.ts';
import { canonicalOrder } from '../../../../contracts/orders.ts';
import { type NormalisedOrder, normaliseOrder } from '../../intake/normalise.ts';
import type { AuditContext, AuditRuleDefinition, Finding, RuleBaseParams } from './rule.ts';

type Overrides = Record<string, unknown> & {
  shippingAddress?: Record<string, unknown>;
  payment?: Record<string, unknown>;
  customer?: Record<string, unknown>;
};

/**
 * The factory's order (CN, +8613800138000, 2 × 59.90 + 10.00 = 129.80, paid), placed at
 * 2026-11-20T08:01:02Z; address, payment and customer overrides merge into the defaults.
 */
export function newOrder(overrides: Overrides = {}): NormalisedOrder {
  const base = newOrderInput() as Record<string, Record<string, unknown>>;
  // The shared factory gives every order its own buyer; these unit tests want one fixed phone.
  base.customer = { ...base.customer, phone: '+8613800138000' };
  base.shippingAddress = { ...base.shippingAddress, phone: '+8613800138000' };
  const { shippingAddress, payment, customer, ...rest } = overrides;
  return normaliseOrder(
    canonicalOrder.parse({
      ...base,
      ...rest,
      shippingAddress: { ...base.shippingAddress, ...shippingAddress },
      payment: { ...base.payment, ...payment },
      customer: { ...base.customer, ...customer },
    }),
  );
}

export function newContext(overrides: Partial<AuditContext> = {}): AuditContext {
  return {
    now: new Date('2026-11-20T09:00:00Z'),
    skuStates: new Map([['TEE-RED-M', { isActive: true, name: 'Tee red M' }]]),
    blocklist: { phones: new Set(), emails: new Set(), names: new Set(), addresses: new Set() },
    recentOrders: { byPhone: new Map(), byAddress: new Map() },
    openOrdersByBuyer: new Map(),
    ...overrides,
  };
}

/** Runs one rule as runAudit would, with its parameters completed from `params`. */
export function judge<P extends RuleBaseParams>(
  rule: AuditRuleDefinition<P>,
  order: NormalisedOrder,
  ctx: AuditContext = newContext(),
  params: Record<string, unknown> = {},
): Omit<Finding, 'explanation'> | null {
  const finding = rule.check(order, ctx, rule.params.parse(params));
  if (finding === null) return null;
  // The message is the explanation in English; tests compare the message, which says the same.
  const { explanation, ...rest } = finding;
  assert.equal(renderExplanation(explanation, 'en'), finding.message);
  return rest;
}
