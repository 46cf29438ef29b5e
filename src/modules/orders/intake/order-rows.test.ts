import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { systemActor } from '../../../platform/actor.ts';
import { newContext, newOrder } from '../audit/audit-checks/test-support.ts';
import { holdRows, lineRows, type OrderDecision, orderRow, timelineRows } from './order-rows.ts';

const now = new Date('2026-11-20T09:00:00Z');
const at = now.toISOString();

function decision(overrides: Partial<OrderDecision> = {}): OrderDecision {
  return {
    id: 'order-1',
    number: 'SO-1',
    at,
    status: 'approved',
    holdCodes: [],
    classification: {
      type: 'normal',
      reason: 'no rule matched',
      reasonExplanation: { key: 'type.noRuleMatched' },
      shipBy: null,
      priority: 40,
      priorityParts: { type: 10, slack: 20, tier: 0, value: 10 },
    },
    keys: { phoneKey: '8613800138000', addressKey: 'cn|addr', buyerKey: 'buyer' },
    customerTier: 'new',
    riskScore: 0,
    ruleSetVersion: 3,
    holdUntil: null,
    releaseAt: null,
    team: null,
    ...overrides,
  };
}

describe('order rows', () => {
  it('an approved order is decided at intake and waits for no review stage', () => {
    const order = newOrder();
    const row = orderRow(order, decision());
    assert.equal(row.status, 'approved');
    assert.equal(row.decided_at, at);
    assert.equal(row.review_stage, null);
    assert.equal(row.hold_codes, '');
    assert.equal(row.line_count, order.lines.length);
    assert.equal(row.total_minor, order.totalMinor);
    assert.equal(row.rule_set_version, 3);
  });

  it('a held order names its holds; HIGH_RISK starts at the processor stage', () => {
    const row = orderRow(
      newOrder(),
      decision({ status: 'pending_review', holdCodes: ['PAYMENT_PENDING', 'HIGH_RISK'], team: 'risk' }),
    );
    assert.equal(row.hold_codes, 'PAYMENT_PENDING,HIGH_RISK');
    assert.equal(row.review_stage, 'processor');
    assert.equal(row.decided_at, null);
    assert.equal(row.team, 'risk');
  });

  it('a line without a name takes the catalog name, in parcel 1', () => {
    const order = newOrder({ lines: [{ sku: 'TEE-RED-M', quantity: 2, unitPrice: '59.90' }] });
    const [line] = lineRows(
      { ...order, lines: [{ ...order.lines[0], name: null }] },
      'order-1',
      newContext().skuStates,
    );
    assert.deepEqual(
      { name: line.name, parcel: line.parcel, quantity: line.quantity },
      { name: 'Tee red M', parcel: 1, quantity: 2 },
    );
  });

  it('hold rows are open, with ascending ids in the order found', () => {
    const rows = holdRows(
      [
        {
          code: 'PAYMENT_PENDING',
          message: 'not paid',
          explanation: { key: 'hold.paymentStatus' },
          riskPoints: 0,
        },
        { code: 'HIGH_RISK', message: 'score 80', explanation: { key: 'hold.highRisk' }, riskPoints: 0 },
      ],
      'order-1',
      now,
    );
    assert.deepEqual(
      rows.map((r) => [r.code, r.released_at, r.created_at]),
      [
        ['PAYMENT_PENDING', null, at],
        ['HIGH_RISK', null, at],
      ],
    );
    assert.ok(String(rows[0].id) < String(rows[1].id));
  });

  it('the timeline says received, then the verdict; history says why', () => {
    const holds = [
      {
        code: 'PAYMENT_PENDING',
        message: 'not paid',
        explanation: { key: 'hold.paymentStatus' },
        riskPoints: 0,
      },
    ];
    const held = timelineRows(
      newOrder(),
      decision({ status: 'pending_review', holdCodes: ['PAYMENT_PENDING'] }),
      holds,
      systemActor,
      now,
      ['e1', 'e2'],
    );
    assert.deepEqual(
      held.events.map((e) => [e.id, e.type]),
      [
        ['e1', 'received'],
        ['e2', 'held'],
      ],
    );
    assert.equal(held.history[0].reason, 'held: PAYMENT_PENDING');
    const approved = timelineRows(newOrder(), decision(), [], systemActor, now, ['e1', 'e2']);
    assert.equal(approved.events[1].type, 'approved');
    assert.equal(approved.history[0].reason, 'passed the audit');
    assert.deepEqual(JSON.parse(String(approved.events[1].data)), { automatic: true, riskScore: 0 });
  });
});
