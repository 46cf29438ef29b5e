import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rateCarriers, type Scorecard, type ShipmentOutcome, scorecard } from './scorecard.ts';

const t0 = Date.parse('2026-11-02T00:00:00Z');
const at = (hours: number) => new Date(t0 + hours * 3_600_000);
const now = at(100);

const outcome = (overrides: Partial<ShipmentOutcome>): ShipmentOutcome => ({
  shippedAt: at(0),
  promisedBy: at(48),
  deliveredAt: null,
  firstAttemptOk: null,
  isLost: false,
  isDamaged: false,
  costMinor: 1000,
  complaints: 0,
  ...overrides,
});

describe('scorecard', () => {
  it('computes each measure from the period’s shipments', () => {
    const facts = [
      // On time, 24 h in transit.
      outcome({ deliveredAt: at(24), firstAttemptOk: true }),
      // Late, 72 h in transit, damaged, one complaint.
      outcome({
        deliveredAt: at(72),
        firstAttemptOk: false,
        isDamaged: true,
        costMinor: 1200,
        complaints: 1,
      }),
      // Lost: never delivered and its promise (48 h) is before now (100 h), so it counts as late.
      outcome({ isLost: true, costMinor: 800, complaints: 2 }),
      // Shipped at 90 h, promised at 138 h: still ahead of now, so not judged yet.
      outcome({ shippedAt: at(90), promisedBy: at(138) }),
      // Delivered exactly at the promise (on time), 48 h; the carrier did not report attempts.
      outcome({ deliveredAt: at(48) }),
    ];
    assert.deepEqual(scorecard(facts, { now }), {
      parcels: 5,
      delivered: 3,
      onTimeRate: 0.5, // judged: 24 h, 72 h, lost, 48 h → on time: 24 h, 48 h → 2 / 4
      firstAttemptRate: 0.5, // reported: true, false → 1 / 2
      lossRate: 0.2, // 1 / 5
      damageRate: 0.2, // 1 / 5
      averageTransitHours: 48, // (24 + 72 + 48) / 3
      costPerParcelMinor: 1000, // (1000 + 1200 + 800 + 1000 + 1000) / 5
      complaintsPer100: 60, // 3 complaints / 5 parcels × 100
    });
  });

  it('leaves shipments without a promise out of the on-time rate', () => {
    const facts = [
      outcome({ promisedBy: null, deliveredAt: at(200) }),
      outcome({ deliveredAt: at(30) }),
      outcome({ deliveredAt: at(50) }),
    ];
    assert.equal(scorecard(facts, { now: at(300) }).onTimeRate, 0.5);
  });

  it('rounds the cost per parcel to a whole minor unit', () => {
    const facts = [outcome({ costMinor: 1000 }), outcome({ costMinor: 1000 }), outcome({ costMinor: 1001 })];
    assert.equal(scorecard(facts, { now }).costPerParcelMinor, 1000); // 3001 / 3 = 1000.33
  });

  it('reports no complaint data (null, not zero) when no parcel has complaints recorded', () => {
    const delivered = { deliveredAt: at(24), firstAttemptOk: true, complaints: null };
    const card = scorecard([outcome(delivered), outcome(delivered)], { now });
    assert.equal(card.complaintsPer100, null);
    const [rating] = rateCarriers(new Map([['c', card]]));
    assert.equal(rating.parts.complaints, null);
    // Every measured part scores 1, so the rating is 100 without any weight on complaints.
    assert.equal(rating.rating, 100);
  });

  it('counts complaints over the parcels that have them recorded', () => {
    const card = scorecard([outcome({ complaints: 1 }), outcome({ complaints: null })], { now });
    assert.equal(card.complaintsPer100, 100);
  });

  it('has nothing to measure for a period without shipments', () => {
    assert.deepEqual(scorecard([], { now }), {
      parcels: 0,
      delivered: 0,
      onTimeRate: null,
      firstAttemptRate: null,
      lossRate: null,
      damageRate: null,
      averageTransitHours: null,
      costPerParcelMinor: null,
      complaintsPer100: null,
    });
  });
});

const card = (overrides: Partial<Scorecard>): Scorecard => ({
  parcels: 1000,
  delivered: 990,
  onTimeRate: 0.9,
  firstAttemptRate: 0.95,
  lossRate: 0.01,
  damageRate: 0.01,
  averageTransitHours: 40,
  costPerParcelMinor: 800,
  complaintsPer100: 2,
  ...overrides,
});

describe('rateCarriers', () => {
  const a = card({});
  const b = card({
    onTimeRate: 0.98,
    firstAttemptRate: 0.9,
    lossRate: 0,
    damageRate: 0.005,
    costPerParcelMinor: 1000,
    complaintsPer100: 1,
  });

  it('weights the parts 40/20/20/10/10 with cost relative to the cheapest carrier', () => {
    // A: on-time .9, first attempt .95, loss+damage 2% of the 5% that scores 0 → .6,
    //    cost 800 = cheapest → 1, complaints 2 of the 10 that score 0 → .8
    //    = 36 + 19 + 12 + 10 + 8 = 85
    // B: .98, .9, 0.5% → .9, 800 / 1000 → .8, 1 → .9
    //    = 39.2 + 18 + 18 + 8 + 9 = 92.2
    assert.deepEqual(
      rateCarriers(
        new Map([
          ['a', a],
          ['b', b],
        ]),
      ),
      [
        {
          carrierId: 'b',
          rating: 92.2,
          parts: { onTime: 0.98, firstAttempt: 0.9, lossDamage: 0.9, cost: 0.8, complaints: 0.9 },
        },
        {
          carrierId: 'a',
          rating: 85,
          parts: { onTime: 0.9, firstAttempt: 0.95, lossDamage: 0.6, cost: 1, complaints: 0.8 },
        },
      ],
    );
  });

  it('gives an unmeasured part’s weight to the others and puts unrated carriers last', () => {
    const noPromises = card({ onTimeRate: null });
    const ratings = rateCarriers(
      new Map([
        ['empty', scorecard([], { now })],
        ['c', noPromises],
        ['a', a],
      ]),
    );
    // C without on-time: (19 + 12 + 10 + 8) / 60 = 81.67 → 81.7.
    assert.deepEqual(
      ratings.map((r) => [r.carrierId, r.rating]),
      [
        ['a', 85],
        ['c', 81.7],
        ['empty', null],
      ],
    );
  });

  it('does not treat a carrier with no cost yet as the cheapest', () => {
    const unbilled = card({ costPerParcelMinor: 0 });
    const [rated] = rateCarriers(
      new Map([
        ['b', b],
        ['unbilled', unbilled],
      ]),
    ).filter((r) => r.carrierId === 'b');
    assert.equal(rated.parts.cost, 1);
    const unbilledRating = rateCarriers(new Map([['unbilled', unbilled]]))[0];
    assert.equal(unbilledRating.parts.cost, null);
  });

  it('takes custom weights', () => {
    const [rated] = rateCarriers(new Map([['a', a]]), {
      onTime: 1,
      firstAttempt: 0,
      lossDamage: 0,
      cost: 0,
      complaints: 0,
    });
    assert.equal(rated.rating, 90);
  });
});
