import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AppError } from '../../../platform/errors.ts';
import type { NormalisedOrder } from '../intake/normalise.ts';
import { newContext, newOrder } from './audit-checks/test-support.ts';
import {
  type AuditContext,
  auditOrder,
  auditRules,
  buyerKey,
  defaultAuditChain,
  defaultRuleSet,
  type RuleSet,
  runAudit,
  validateRuleSet,
} from './audit-rules.ts';

const codes = (items: readonly { code: string }[]) => items.map((item) => item.code);
const big = () =>
  newOrder({
    lines: [{ sku: 'TEE-RED-M', quantity: 60, unitPrice: '99.50' }],
    total: '5980.00',
    payment: { paidAmount: '5980.00' },
  });
/** The default rule set with some rules' configs changed. */
function ruleSetWith(
  changes: Record<string, { enabled?: boolean; params?: Record<string, unknown> }>,
): RuleSet {
  const ruleSet = defaultRuleSet();
  for (const rule of ruleSet.rules) {
    const change = changes[rule.code];
    if (change)
      Object.assign(rule, {
        enabled: change.enabled ?? rule.enabled,
        params: { ...rule.params, ...change.params },
      });
  }
  return ruleSet;
}

/** Parameters a rule needs besides its defaults to find anything at all. */
const findingParams: Record<string, object> = { CHANNEL_PAUSED: { channels: ['web'] } };

/** For every order rule, an order and context that make it find something. */
const findingCases: Record<string, () => { order: NormalisedOrder; ctx: AuditContext }> = {
  PAYMENT_PENDING: () => ({ order: newOrder({ payment: { status: 'pending' } }), ctx: newContext() }),
  AMOUNT_MISMATCH: () => ({ order: newOrder({ payment: { paidAmount: '100.00' } }), ctx: newContext() }),
  TOTAL_MISMATCH: () => ({
    order: newOrder({ total: '130.00', payment: { paidAmount: '130.00' } }),
    ctx: newContext(),
  }),
  UNKNOWN_SKU: () => ({ order: newOrder(), ctx: newContext({ skuStates: new Map() }) }),
  ADDRESS_INCOMPLETE: () => ({ order: newOrder({ shippingAddress: { district: '' } }), ctx: newContext() }),
  PHONE_INVALID: () => ({
    order: newOrder({ shippingAddress: { phone: '12800138000' } }),
    ctx: newContext(),
  }),
  CONTACT_MISSING: () => ({
    order: newOrder({ customer: { email: '', phone: '' }, shippingAddress: { phone: '' } }),
    ctx: newContext(),
  }),
  ADDRESS_UNSERVED: () => ({ order: newOrder({ shippingAddress: { country: 'BR' } }), ctx: newContext() }),
  CHANNEL_PAUSED: () => ({ order: newOrder(), ctx: newContext() }),
  BLOCKLISTED: () => ({
    order: newOrder(),
    ctx: newContext({
      blocklist: {
        phones: new Set(),
        emails: new Set(['fang@example.com']),
        names: new Set(),
        addresses: new Set(),
      },
    }),
  }),
  AMOUNT_OVER_LIMIT: () => ({ order: big(), ctx: newContext() }),
  QUANTITY_OVER_LIMIT: () => ({ order: big(), ctx: newContext() }),
  VELOCITY: () => ({
    order: newOrder(),
    ctx: newContext({
      recentOrders: {
        byPhone: new Map([['+8613800138000', Array(4).fill('2026-11-20T08:00:00Z')]]),
        byAddress: new Map(),
      },
    }),
  }),
  MERGE_CANDIDATE: () => {
    const order = newOrder();
    return { order, ctx: newContext({ openOrdersByBuyer: new Map([[buyerKey(order), ['SO-1']]]) }) };
  },
  BUYER_NOTE: () => ({ order: newOrder({ buyerNote: '周末不在家' }), ctx: newContext() }),
  SELLER_NOTE: () => ({ order: newOrder({ sellerNote: '送赠品' }), ctx: newContext() }),
};

describe('the rule registry and the default rule set', () => {
  it('describes every rule in both languages and has defaults its own schema accepts', () => {
    for (const rule of Object.values(auditRules)) {
      for (const text of [rule.title, rule.description]) assert.ok(text.en && text['zh-CN'], rule.code);
      assert.deepEqual(rule.params.parse({}), rule.defaultParams, rule.code);
    }
  });

  it('enables every rule, with HIGH_RISK last, at these actions and risk points', () => {
    const ruleSet = defaultRuleSet();
    assert.equal(ruleSet.version, 0);
    assert.ok(ruleSet.rules.every((rule) => rule.enabled));
    const summary = ruleSet.rules.map(({ code, params }) =>
      code === 'HIGH_RISK'
        ? `${code} threshold ${params.threshold}`
        : `${code} ${params.action} ${params.riskPoints}`,
    );
    assert.deepEqual(summary, [
      'PAYMENT_PENDING hold 0',
      'AMOUNT_MISMATCH hold 20',
      'TOTAL_MISMATCH hold 10',
      'UNKNOWN_SKU hold 0',
      'ADDRESS_INCOMPLETE hold 0',
      'PHONE_INVALID hold 10',
      'CONTACT_MISSING hold 0',
      'ADDRESS_UNSERVED hold 20',
      'BLOCKLISTED hold 100',
      'AMOUNT_OVER_LIMIT score 30',
      'QUANTITY_OVER_LIMIT score 20',
      'VELOCITY hold 40',
      'MERGE_CANDIDATE hold 0',
      'BUYER_NOTE hold 0',
      'SELLER_NOTE hold 0',
      'CHANNEL_PAUSED hold 0',
      'HIGH_RISK threshold 60',
    ]);
  });
});

describe('runAudit', () => {
  it('passes the factory order with nothing found', () => {
    assert.deepEqual(runAudit(newOrder(), newContext(), defaultRuleSet()), {
      holds: [],
      findings: [],
      riskScore: 0,
    });
  });

  it('lets every order rule hold with action hold and only score with action score', () => {
    const orderRules = Object.values(auditRules).filter((rule) => rule.kind === 'order');
    assert.deepEqual(codes(orderRules).sort(), Object.keys(findingCases).sort(), 'a finding case per rule');
    for (const rule of orderRules) {
      const { order, ctx } = findingCases[rule.code]();
      const only = (action: string): RuleSet => ({
        version: 1,
        rules: [
          { code: rule.code, enabled: true, params: { ...findingParams[rule.code], action, riskPoints: 7 } },
        ],
      });
      const held = runAudit(order, ctx, only('hold'));
      assert.deepEqual([codes(held.holds), held.riskScore], [[rule.code], 7], rule.code);
      const scored = runAudit(order, ctx, only('score'));
      assert.deepEqual(
        [codes(scored.holds), codes(scored.findings), scored.riskScore],
        [[], [rule.code], 7],
        rule.code,
      );
    }
  });

  it('returns holds in the order of the rule set', () => {
    const order = newOrder({ payment: { status: 'pending' }, buyerNote: '周末不在家' });
    const ctx = newContext({ skuStates: new Map() });
    const expected = ['PAYMENT_PENDING', 'UNKNOWN_SKU', 'BUYER_NOTE'];
    assert.deepEqual(codes(runAudit(order, ctx, defaultRuleSet()).holds), expected);
    const reversed = { version: 1, rules: defaultRuleSet().rules.reverse() };
    assert.deepEqual(codes(runAudit(order, ctx, reversed).holds), [...expected].reverse());
  });

  it('skips disabled rules and ignores codes it does not know', () => {
    const order = newOrder({ payment: { status: 'pending' } });
    const disabled = ruleSetWith({ PAYMENT_PENDING: { enabled: false } });
    assert.deepEqual(runAudit(order, newContext(), disabled).findings, []);
    const unknown = defaultRuleSet();
    unknown.rules.unshift(
      { code: 'RETIRED_RULE', enabled: true, params: {} },
      { code: 'constructor', enabled: true, params: {} },
    );
    assert.deepEqual(codes(runAudit(order, newContext(), unknown).holds), ['PAYMENT_PENDING']);
  });

  it('holds HIGH_RISK from the threshold on, over holds and score-only findings alike', () => {
    const { order, ctx } = findingCases.BLOCKLISTED();
    const blocked = runAudit(order, ctx, defaultRuleSet());
    assert.deepEqual([codes(blocked.holds), blocked.riskScore], [['BLOCKLISTED', 'HIGH_RISK'], 100]);
    assert.match(
      blocked.holds[1].message,
      /Risk score 100 reaches the review threshold of 60 \(BLOCKLISTED 100\)/,
    );

    const scoredOnly = runAudit(big(), newContext(), defaultRuleSet());
    assert.deepEqual(
      [codes(scoredOnly.holds), codes(scoredOnly.findings), scoredOnly.riskScore],
      [[], ['AMOUNT_OVER_LIMIT', 'QUANTITY_OVER_LIMIT'], 50],
    );
    const lower = ruleSetWith({ HIGH_RISK: { params: { threshold: 50 } } });
    assert.deepEqual(codes(runAudit(big(), newContext(), lower).holds), ['HIGH_RISK']);
  });

  it('judges HIGH_RISK after every other rule wherever it stands, and not when disabled', () => {
    const { order, ctx } = findingCases.BLOCKLISTED();
    const first = defaultRuleSet();
    first.rules.unshift(first.rules.pop()!);
    assert.deepEqual(codes(runAudit(order, ctx, first).holds), ['BLOCKLISTED', 'HIGH_RISK']);
    const off = ruleSetWith({ HIGH_RISK: { enabled: false } });
    assert.deepEqual(codes(runAudit(order, ctx, off).holds), ['BLOCKLISTED']);
  });

  it('refuses parameters that were never validated, naming the field', () => {
    const bad = ruleSetWith({ VELOCITY: { params: { maxOrders: -1 } } });
    assert.throws(
      () => runAudit(newOrder(), newContext(), bad),
      (error: AppError) =>
        error.code === 'VALIDATION_FAILED' && error.details?.field === 'rules.11.params.maxOrders',
    );
  });
});

describe('validateRuleSet', () => {
  const refusal = (input: unknown) => {
    const result = validateRuleSet(input);
    return result.ok ? 'accepted' : result.error.details?.field;
  };

  it('accepts the default rules, bare or as { rules }, and completes parameters with defaults', () => {
    assert.deepEqual(validateRuleSet(defaultRuleSet().rules), { ok: true, rules: defaultRuleSet().rules });
    const result = validateRuleSet({ rules: [{ code: 'VELOCITY', params: { maxOrders: 5 } }] });
    assert.deepEqual(result, {
      ok: true,
      rules: [
        {
          code: 'VELOCITY',
          enabled: true,
          params: { action: 'hold', riskPoints: 40, maxOrders: 5, windowHours: 24 },
        },
      ],
    });
  });

  it('refuses unknown and repeated codes, naming the field', () => {
    const refusedWith = (input: unknown) => {
      const result = validateRuleSet(input);
      return result.ok ? 'accepted' : { message: result.error.message, details: result.error.details };
    };
    assert.deepEqual(refusedWith([{ code: 'PAYMENT_PENDING' }, { code: 'NO_SUCH_RULE' }]), {
      message: 'rules.1.code: unknown rule "NO_SUCH_RULE"',
      details: { field: 'rules.1.code', reason: 'unknownRule', params: { code: 'NO_SUCH_RULE' } },
    });
    const repeated = [{ code: 'VELOCITY' }, { code: 'BUYER_NOTE' }, { code: 'VELOCITY' }];
    assert.deepEqual(refusedWith(repeated), {
      message: 'rules.2.code: VELOCITY is already rules.0',
      details: { field: 'rules.2.code', reason: 'ruleRepeated', params: { code: 'VELOCITY', earlier: 0 } },
    });
  });

  it('refuses bad parameters, naming the parameter', () => {
    const rules = defaultRuleSet().rules.slice(0, 3);
    rules.push({ code: 'AMOUNT_OVER_LIMIT', enabled: true, params: { maxTotalMinor: -5 } });
    assert.equal(refusal(rules), 'rules.3.params.maxTotalMinor');
    assert.equal(
      refusal([{ code: 'AMOUNT_OVER_LIMIT', params: { maxAmount: 5 } }]),
      'rules.0.params.maxAmount',
    );
    assert.equal(refusal([{ code: 'VELOCITY', params: { action: 'block' } }]), 'rules.0.params.action');
    assert.equal(
      refusal([{ code: 'ADDRESS_INCOMPLETE', params: { postcodePatterns: { CN: '(' } } }]),
      'rules.0.params.postcodePatterns.CN',
    );
    assert.equal(
      refusal([{ code: 'ADDRESS_UNSERVED', params: { excludedRegions: ['Tibet'] } }]),
      'rules.0.params.excludedRegions.0',
    );
    assert.equal(refusal([{ code: 'HIGH_RISK', params: { threshold: 0 } }]), 'rules.0.params.threshold');
  });

  it('refuses a malformed list, naming where', () => {
    assert.equal(refusal('all of them'), 'rules');
    assert.equal(refusal([{ enabled: true }]), 'rules.0.code');
    assert.equal(refusal([{ code: 'VELOCITY', enabled: 'yes' }]), 'rules.0.enabled');
  });
});

describe('auditOrder (until intake runs runAudit with the loaded context)', () => {
  it('runs the default rules, taking what the context lacks as nothing known', () => {
    const ctx = {
      now: new Date('2026-11-20T09:00:00Z'),
      skuStates: new Map([['TEE-RED-M', { isActive: true, name: 'Tee' }]]),
    };
    assert.deepEqual(auditOrder(newOrder(), ctx), []);
    const holds = auditOrder(
      newOrder({ payment: { status: 'pending' } }),
      { ...ctx, skuStates: new Map() },
      defaultAuditChain,
    );
    assert.deepEqual(codes(holds), ['PAYMENT_PENDING', 'UNKNOWN_SKU']);
    assert.deepEqual(Object.keys(holds[0]), ['code', 'message', 'explanation', 'riskPoints']);
  });
});
