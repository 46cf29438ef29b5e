import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderExplanation } from '../../../../contracts/explanations.ts';
import { addressKey } from './keys.ts';
import { amountOverLimit, blocklisted, highRisk, quantityOverLimit, velocity } from './risk.ts';
import type { AuditContext } from './rule.ts';
import { judge, newContext, newOrder } from './test-support.ts';

const blocklist = (entries: Partial<AuditContext['blocklist']>) =>
  newContext({
    blocklist: { phones: new Set(), emails: new Set(), names: new Set(), addresses: new Set(), ...entries },
  });

describe('BLOCKLISTED', () => {
  it('passes an order with nothing on the blocklist', () => {
    assert.equal(judge(blocklisted, newOrder(), blocklist({ phones: new Set(['8613900000000']) })), null);
  });

  it('holds on a phone however typed, stored digits-only or as E.164', () => {
    const typed = newOrder({ shippingAddress: { phone: '138 0013 8000' } });
    const finding = judge(blocklisted, typed, blocklist({ phones: new Set(['8613800138000']) }));
    assert.deepEqual(finding, {
      code: 'BLOCKLISTED',
      message: 'On the blocklist: phone +8613800138000',
      riskPoints: 100,
      isHold: true,
    });
    assert.ok(judge(blocklisted, typed, blocklist({ phones: new Set(['+8613800138000']) })));
  });

  it('holds on the customer name, email and address, naming each match', () => {
    const ctx = blocklist({
      names: new Set(['王芳']),
      emails: new Set(['fang@example.com']),
      addresses: new Set([addressKey(newOrder().shippingAddress)]),
    });
    const finding = judge(blocklisted, newOrder({ customer: { email: 'FANG@example.com' } }), ctx);
    assert.equal(finding?.message, 'On the blocklist: name "王芳", email fang@example.com, shipping address');
  });

  it('holds on the recipient name too, however spaced and cased', () => {
    const order = newOrder({ customer: { name: 'Li Wei' }, shippingAddress: { name: ' Emma  TAYLOR ' } });
    const finding = judge(blocklisted, order, blocklist({ names: new Set(['emma taylor']) }));
    assert.equal(finding?.message, 'On the blocklist: name "Emma  TAYLOR"');
  });

  it('matches only the fields it is told to', () => {
    const ctx = blocklist({ names: new Set(['王芳']) });
    assert.equal(judge(blocklisted, newOrder(), ctx, { matchOn: ['phone', 'email', 'address'] }), null);
  });
});

describe('AMOUNT_OVER_LIMIT', () => {
  const big = newOrder({
    lines: [{ sku: 'TEE-RED-M', quantity: 1, unitPrice: '5990.00' }],
    total: '6000.00',
    payment: { paidAmount: '6000.00' },
  });

  it('passes an order at or below the limit', () => {
    assert.equal(judge(amountOverLimit, newOrder()), null);
    assert.equal(judge(amountOverLimit, big, undefined, { maxTotalMinor: 600_000 }), null);
  });

  it('only scores by default, naming the total and the limit', () => {
    assert.deepEqual(judge(amountOverLimit, big), {
      code: 'AMOUNT_OVER_LIMIT',
      message: 'Total 6000.00 CNY is above the limit of 5000.00',
      riskPoints: 30,
      isHold: false,
    });
  });

  it('holds when its action is hold, and takes a per-currency limit first', () => {
    assert.equal(judge(amountOverLimit, big, undefined, { action: 'hold' })?.isHold, true);
    const byCurrency = { maxTotalMinorByCurrency: { CNY: 10_000 } };
    assert.match(
      judge(amountOverLimit, newOrder(), undefined, byCurrency)?.message ?? '',
      /limit of 100\.00/,
    );
  });
});

describe('QUANTITY_OVER_LIMIT', () => {
  const lines = (...quantities: number[]) =>
    quantities.map((quantity) => ({ sku: 'TEE-RED-M', quantity, unitPrice: '1.00' }));
  const order = (...quantities: number[]) => {
    const total = (quantities.reduce((a, b) => a + b, 0) + 10).toFixed(2);
    return newOrder({ lines: lines(...quantities), total, payment: { paidAmount: total } });
  };

  it('passes quantities at the limits', () => {
    assert.equal(judge(quantityOverLimit, order(50, 50)), null);
  });

  it('scores a line above the line limit and a total above the order limit', () => {
    const finding = judge(quantityOverLimit, order(60, 30, 20));
    assert.equal(
      finding?.message,
      'Quantity above limit: line 1: quantity 60 is above 50; 110 items in total is above 100',
    );
    assert.equal(finding?.isHold, false);
    assert.equal(finding?.riskPoints, 20);
  });
});

describe('VELOCITY', () => {
  // The factory's order is placed at 2026-11-20T08:01:02Z.
  const hoursBefore = (...hours: number[]) =>
    hours.map((h) => new Date(Date.parse('2026-11-20T08:01:02Z') - h * 3_600_000).toISOString());
  const withRecent = (byPhone: string[], byAddress: string[] = []) =>
    newContext({
      recentOrders: {
        byPhone: new Map([['+8613800138000', byPhone]]),
        byAddress: new Map([[addressKey(newOrder().shippingAddress), byAddress]]),
      },
    });

  it('passes up to the allowed number of orders in the window, ignoring older and later ones', () => {
    assert.equal(judge(velocity, newOrder(), withRecent(hoursBefore(1, 2, 3, 25, 30, -1))), null);
  });

  it('holds more orders than allowed from the same phone, naming count and window', () => {
    const finding = judge(velocity, newOrder(), withRecent(hoursBefore(1, 2, 3, 23)));
    assert.equal(
      finding?.message,
      '4 other orders from the same phone (+8613800138000) in the 24 hours before this one (allowed: 3)',
    );
    assert.equal(finding?.riskPoints, 40);
  });

  it('counts the same address too, in the configured window', () => {
    const ctx = withRecent([], hoursBefore(1, 2));
    assert.equal(judge(velocity, newOrder(), ctx), null);
    const finding = judge(velocity, newOrder(), ctx, { maxOrders: 1, windowHours: 2 });
    assert.equal(
      finding?.message,
      '2 other orders from the same address in the 2 hours before this one (allowed: 1)',
    );
  });
});

describe('HIGH_RISK', () => {
  const findings = [
    { code: 'VELOCITY', message: '', explanation: { key: '' }, riskPoints: 40, isHold: true },
    { code: 'AMOUNT_OVER_LIMIT', message: '', explanation: { key: '' }, riskPoints: 30, isHold: false },
    { code: 'BUYER_NOTE', message: '', explanation: { key: '' }, riskPoints: 0, isHold: true },
  ];

  it('passes a score below the threshold', () => {
    assert.equal(highRisk.check(59, findings, highRisk.defaultParams), null);
  });

  it('holds from the threshold on, explaining where the score comes from', () => {
    const finding = highRisk.check(70, findings, highRisk.defaultParams);
    assert.deepEqual(
      { ...finding, explanation: undefined },
      {
        code: 'HIGH_RISK',
        message: 'Risk score 70 reaches the review threshold of 60 (VELOCITY 40, AMOUNT_OVER_LIMIT 30)',
        explanation: undefined,
        riskPoints: 0,
        isHold: true,
      },
    );
    assert.equal(
      renderExplanation(finding?.explanation ?? { key: '' }, 'zh-CN'),
      '风险分 70 达到审核阈值 60（下单频率 40 分，金额超限 30 分）',
    );
    assert.equal(highRisk.check(60, findings, { threshold: 60 })?.code, 'HIGH_RISK');
  });
});
