import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { newOrderInput } from '../../../test/helpers/factories.ts';
import { canonicalOrder } from '../../contracts/orders.ts';
import { normaliseOrder } from './intake/normalise.ts';
import {
  type ClassifyInput,
  classifyOrder,
  defaultPolicy,
  type OrderPolicy,
  orderPolicySchema,
  scorePriority,
  slaStatus,
} from './priority.ts';

// Default policy: Asia/Shanghai (UTC+8, no DST), Mon–Sat 09:00–18:00 (9 h days), cut-off 16:00.
// 2026-11-16 is a Monday; 10:00 local = 02:00Z.
const shanghai = (local: string) => new Date(`${local}+08:00`);
const mondayTen = shanghai('2026-11-16T10:00');

/** An order without a channel type hint unless the test gives one; total CNY 99.00 by default. */
const order = (overrides: Record<string, unknown> = {}) =>
  normaliseOrder(
    canonicalOrder.parse(
      newOrderInput({
        type: undefined,
        lines: [{ sku: 'TEE-RED-M', quantity: 1, unitPrice: '89.00' }],
        total: '99.00',
        payment: { status: 'paid', paidAmount: '99.00' },
        ...overrides,
      }),
    ),
  );

const classify = (
  orderOverrides: Record<string, unknown> = {},
  input: Partial<Omit<ClassifyInput, 'order'>> = {},
  policy?: OrderPolicy,
) =>
  classifyOrder(
    { order: order(orderOverrides), receivedAt: mondayTen, skuFlags: new Map(), ...input },
    policy,
  );

const skuFlags = new Map([
  ['PRE-1', { isPresale: true }],
  ['MTO-1', { isMadeToOrder: true }],
]);
const withSku = (sku: string) => ({ lines: [{ sku, quantity: 1, unitPrice: '89.00' }] });

describe('classification', () => {
  it('takes the channel hint over every rule', () => {
    const result = classify({ type: 'replacement', requestedService: 'express' });
    assert.equal(result.type, 'replacement');
    assert.equal(result.reason, 'channel hint');
  });

  it('applies the default rules in order, saying which one matched and why', () => {
    const cases: [string, ReturnType<typeof classify>, string, string][] = [
      [
        'presale SKU',
        classify(withSku('PRE-1'), { skuFlags }),
        'presale',
        'rule 1: SKU PRE-1 is a presale item',
      ],
      [
        'made to order',
        classify(withSku('MTO-1'), { skuFlags }),
        'custom',
        'rule 2: SKU MTO-1 is made to order',
      ],
      ['express', classify({ requestedService: 'express' }), 'urgent', 'rule 3: express delivery requested'],
      [
        'same day',
        classify({ requestedService: 'same_day' }),
        'urgent',
        'rule 3: same_day delivery requested',
      ],
      ['wholesale', classify({}, { customerGroup: 'wholesale' }), 'b2b', 'rule 4: customer group wholesale'],
      [
        '50 units',
        classify({ lines: [{ sku: 'TEE-RED-M', quantity: 50, unitPrice: '1.78' }] }),
        'b2b',
        'rule 5: 50 units ≥ 50',
      ],
      ['nothing', classify({}, { customerGroup: 'retail' }), 'normal', 'no rule matched'],
    ];
    for (const [name, result, type, reason] of cases) {
      assert.equal(result.type, type, name);
      assert.equal(result.reason, reason, name);
    }
  });

  it('puts SKU flags before the requested service: a presale item asked for express stays presale', () => {
    assert.equal(
      classify({ ...withSku('PRE-1'), requestedService: 'express' }, { skuFlags }).type,
      'presale',
    );
  });

  it('needs every condition of a rule to hold', () => {
    const policy: OrderPolicy = {
      ...defaultPolicy,
      classification: [{ when: { channel: ['tmall'], minTotalMinor: 50000 }, type: 'b2b' }],
    };
    // CNY 500.00 = 50000 minor: both conditions hold
    const both = classify({ channel: 'tmall', total: '500.00' }, {}, policy);
    assert.equal(both.type, 'b2b');
    assert.equal(both.reason, 'rule 1: channel tmall and total 50000 ≥ 50000 minor units');
    assert.equal(classify({ channel: 'web', total: '500.00' }, {}, policy).type, 'normal');
    assert.equal(classify({ channel: 'tmall', total: '499.99' }, {}, policy).type, 'normal');
  });
});

describe('ship-by deadline', () => {
  // Received Mon 10:00. Working hours left per day: Mon 8, then 9 a day; Sunday closed.
  const policy: OrderPolicy = {
    ...defaultPolicy,
    slas: [
      { channel: '*', type: '*', shipWithinWorkingHours: 48 },
      { channel: 'tmall', type: 'b2b', shipWithinWorkingHours: 12 },
      { channel: '*', type: 'b2b', shipWithinWorkingHours: 72 },
      { channel: 'tmall', type: '*', shipWithinWorkingHours: 24 },
    ],
  };
  const shipBy = (channel: string, type: string) => classify({ channel, type }, {}, policy).shipBy;

  it('uses the most specific SLA whatever the list order', () => {
    // channel+type, 12 h: Mon 8 + Tue 4 → Tue 13:00 +08 = 05:00Z
    assert.equal(shipBy('tmall', 'b2b'), '2026-11-17T05:00:00.000Z');
    // channel+*, 24 h: Mon 8 + Tue 9 (17) + Wed 7 → Wed 16:00 +08 = 08:00Z
    assert.equal(shipBy('tmall', 'normal'), '2026-11-18T08:00:00.000Z');
    // *+type, 72 h: Mon 8, Tue 17, Wed 26, Thu 35, Fri 44, Sat 53, Sun closed, Mon 62, Tue 71,
    // Wed 11-25 + 1 → 10:00 +08 = 02:00Z
    assert.equal(shipBy('web', 'b2b'), '2026-11-25T02:00:00.000Z');
    // *+*, 48 h: Mon 8, Tue 17, Wed 26, Thu 35, Fri 44, Sat 11-21 + 4 → 13:00 +08 = 05:00Z
    assert.equal(shipBy('web', 'normal'), '2026-11-21T05:00:00.000Z');
  });

  it('counts an order after the cut-off from the next working day', () => {
    // Mon 16:30 is after 16:00: counting starts Tue 09:00; 48 h: Tue 9, Wed 18, Thu 27, Fri 36,
    // Sat 45, Mon 11-23 + 3 → 12:00 +08 = 04:00Z
    const late = classify({}, { receivedAt: shanghai('2026-11-16T16:30') });
    assert.equal(late.shipBy, '2026-11-23T04:00:00.000Z');
  });

  it('gives urgent orders the same day before the cut-off, else the next working day', () => {
    const urgentAt = (local: string) => classify({ type: 'urgent' }, { receivedAt: shanghai(local) }).shipBy;
    assert.equal(urgentAt('2026-11-16T10:00'), '2026-11-16T10:00:00.000Z'); // Mon 18:00 +08
    assert.equal(urgentAt('2026-11-16T07:30'), '2026-11-16T10:00:00.000Z'); // before opening: still Mon 18:00
    assert.equal(urgentAt('2026-11-16T16:30'), '2026-11-17T10:00:00.000Z'); // after cut-off: Tue 18:00
    assert.equal(urgentAt('2026-11-21T17:00'), '2026-11-23T10:00:00.000Z'); // Sat after cut-off, Sun closed: Mon 18:00
  });

  it('sets no deadline for presale orders', () => {
    assert.equal(classify({ type: 'presale' }).shipBy, null);
  });
});

describe('priority score', () => {
  it('adds type, slack, tier and value, and returns the parts', () => {
    // VIP, express (urgent), CNY 999.00, Mon 10:00 → ship-by Mon 18:00, 8 working hours left.
    //   type 400; slack round(300 × 9 / (9 + 8)) = round(158.8) = 159; tier 150;
    //   value round(37.5 × log10(1 + 999)) = round(112.5) = 113  → 822
    const vip = classify(
      { requestedService: 'express', total: '999.00', payment: { status: 'paid', paidAmount: '999.00' } },
      { customerTier: 'vip' },
    );
    assert.deepEqual(vip.priorityParts, { type: 400, slack: 159, tier: 150, value: 113 });
    assert.equal(vip.priority, 822);
    // Regular, standard (normal), CNY 99.00 → ship-by 48 working hours away.
    //   type 150; slack round(300 × 9 / (9 + 48)) = round(47.4) = 47; tier 50;
    //   value round(37.5 × log10(1 + 99)) = 75  → 322
    const regular = classify({}, { customerTier: 'regular' });
    assert.deepEqual(regular.priorityParts, { type: 150, slack: 47, tier: 50, value: 75 });
    assert.equal(regular.priority, 322);
  });

  it('gives no slack points without a deadline and caps the value part', () => {
    // presale: type 50, no ship-by → slack 0; tier unknown → 0;
    // CNY 100,000.00 → 37.5 × log10(100001) ≈ 187.5, capped at 150 → 200
    const presale = classify(
      { type: 'presale', total: '100000.00', payment: { status: 'paid', paidAmount: '100000.00' } },
      {},
    );
    assert.deepEqual(presale.priorityParts, { type: 50, slack: 0, tier: 0, value: 150 });
    assert.equal(presale.priority, 200);
  });

  it('gives the full slack once the deadline has passed, and half with one working day left', () => {
    const facts = {
      type: 'normal' as const,
      shipBy: '2026-11-16T10:00:00.000Z',
      totalMinor: 0,
      currency: 'CNY',
    };
    // Mon 19:00 is past Mon 18:00: h < 0 counts as 0 → 300 × 9 / 9 = 300
    assert.equal(
      scorePriority(facts, shanghai('2026-11-16T19:00'), defaultPolicy.calendar).priorityParts.slack,
      300,
    );
    // Sat 18:00 → Mon 18:00: Mon 9 h left (Sun closed) → 300 × 9 / 18 = 150
    const early = { ...facts, shipBy: '2026-11-23T10:00:00.000Z' };
    assert.equal(
      scorePriority(early, shanghai('2026-11-21T18:00'), defaultPolicy.calendar).priorityParts.slack,
      150,
    );
  });
});

describe('SLA status', () => {
  const shipBy = '2026-11-16T10:00:00.000Z'; // Mon 18:00 +08

  it('is on track, at risk under 4 working hours, breached after the deadline, none without one', () => {
    assert.equal(slaStatus(shipBy, shanghai('2026-11-16T10:00')), 'on_track'); // 8 h left
    assert.equal(slaStatus(shipBy, shanghai('2026-11-16T14:00')), 'on_track'); // exactly 4 h: not under 4
    assert.equal(slaStatus(shipBy, shanghai('2026-11-16T15:00')), 'at_risk'); // 3 h left
    assert.equal(slaStatus(shipBy, shanghai('2026-11-16T18:01')), 'breached');
    assert.equal(slaStatus(null, shanghai('2026-11-16T10:00')), 'none');
  });

  it('measures the risk in working hours, not clock hours', () => {
    // Ship-by Tue 10:00 +08; at Mon 17:00 that is 17 clock hours but Mon 1 h + Tue 1 h = 2 working hours
    assert.equal(slaStatus('2026-11-17T02:00:00.000Z', shanghai('2026-11-16T17:00')), 'at_risk');
  });
});

describe('order policy schema', () => {
  const issuesOf = (change: Record<string, unknown>) => {
    const result = orderPolicySchema.safeParse({ ...defaultPolicy, ...change });
    return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
  };

  it('accepts the default policy and defaults the at-risk threshold to 4 hours', () => {
    assert.deepEqual(issuesOf({}), []);
    const { atRiskWorkingHours: _omitted, ...withoutThreshold } = defaultPolicy;
    assert.equal(orderPolicySchema.parse(withoutThreshold).atRiskWorkingHours, 4);
  });

  it('refuses bad input, naming the field', () => {
    assert.deepEqual(issuesOf({ calendar: { ...defaultPolicy.calendar, timeZone: 'Asia/Nowhere' } }), [
      'calendar.timeZone',
    ]);
    assert.deepEqual(
      issuesOf({
        slas: [{ channel: '*', type: 'urgent', sameDayBeforeCutoff: true, shipWithinWorkingHours: 8 }],
      }),
      ['slas.0.sameDayBeforeCutoff'],
    );
    assert.deepEqual(
      issuesOf({
        slas: [
          { channel: '*', type: '*', shipWithinWorkingHours: 48 },
          { channel: '*', type: '*', shipWithinWorkingHours: 24 },
        ],
      }),
      ['slas.1'],
    );
    assert.deepEqual(issuesOf({ slas: [{ channel: '*', type: 'rush', shipWithinWorkingHours: 8 }] }), [
      'slas.0.type',
    ]);
    assert.deepEqual(issuesOf({ classification: [{ when: { minQty: 50 }, type: 'b2b' }] }), [
      'classification.0.when',
    ]);
    assert.deepEqual(issuesOf({ classification: [{ when: { requestedService: [] }, type: 'urgent' }] }), [
      'classification.0.when.requestedService',
    ]);
    assert.deepEqual(issuesOf({ atRiskWorkingHours: 0 }), ['atRiskWorkingHours']);
  });
});
