import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderExplanation } from '../../contracts/explanations.ts';
import {
  type CandidateService,
  chooseDeliveryService,
  type ServiceKind,
  type ShipmentFacts,
} from './delivery-rules.ts';
import type { RateCard } from './rate-card.ts';

/** First 1000 g at `firstPriceMinor`, then 100 per started 1000 g, in the given regions. */
const card = (firstPriceMinor: number, regions = ['CN']): RateCard => ({
  zones: [{ id: 'z', regions }],
  rates: [
    {
      zoneId: 'z',
      firstWeightGrams: 1000,
      firstPriceMinor,
      extraWeightStepGrams: 1000,
      extraPriceMinor: 100,
    },
  ],
  volumetricDivisor: null,
});

const service = (
  serviceId: string,
  kind: ServiceKind,
  rateCard: RateCard,
  overrides: Partial<CandidateService> = {},
): CandidateService => ({
  carrierId: serviceId.split('-')[0],
  carrierName: serviceId.split('-')[0].toUpperCase(),
  serviceId,
  kind,
  rateCard,
  maxWeightGrams: null,
  maxLongestSideMm: null,
  capacityLeftToday: null,
  score: { onTimeRate: 0.97, rating: 4.5 },
  ...overrides,
});

const freightCard: RateCard = {
  zones: [{ id: 'z', regions: ['CN'] }],
  rates: [
    {
      zoneId: 'z',
      firstWeightGrams: 30000,
      firstPriceMinor: 5000,
      extraWeightStepGrams: 10000,
      extraPriceMinor: 1000,
    },
  ],
  volumetricDivisor: null,
};

// Prices for an 800 g parcel (first weight only): pickup 300, yto 450, sto 500, jd 1100, sf 1200,
// dada 1500 (Hangzhou only), deppon 5000 (first 30 kg).
const services = {
  sto: service('sto-standard', 'standard', card(500)),
  yto: service('yto-standard', 'standard', card(450), { score: { onTimeRate: 0.9, rating: 4.8 } }),
  sf: service('sf-express', 'express', card(1200), { score: { onTimeRate: 0.99, rating: 4.9 } }),
  jd: service('jd-express', 'express', card(1100), { score: { onTimeRate: 0.96, rating: 4.0 } }),
  dada: service('dada-same-day', 'same_day', card(1500, ['CN/浙江省/杭州市'])),
  deppon: service('deppon-freight', 'freight', freightCard),
  cainiao: service('cainiao-pickup', 'pickup_point', card(300)),
};
const all = Object.values(services);

const shipment = (overrides: Partial<ShipmentFacts> = {}): ShipmentFacts => ({
  weightGrams: 800,
  longestSideMm: 300,
  volumeCm3: 6000,
  isUrgent: false,
  requestedService: 'standard',
  address: { country: 'CN', province: '浙江省', city: '杭州市' },
  ...overrides,
});

/** What each service was told in English, without the explanation it was rendered from. */
const english = (result: ReturnType<typeof chooseDeliveryService>) =>
  result.considered.map(({ explanation: _explanation, ...rest }) => rest);

const reasons = (result: ReturnType<typeof chooseDeliveryService>) =>
  Object.fromEntries(result.considered.map((c) => [c.serviceId, c.reason]));

describe('standard shipments', () => {
  it('takes the cheapest standard service that is on time often enough', () => {
    const result = chooseDeliveryService(shipment(), all);
    assert.deepEqual(result.choice, {
      carrierId: 'sto',
      serviceId: 'sto-standard',
      priceMinor: 500,
      kind: 'standard',
    });
    assert.equal(
      result.explanation,
      'standard: standard order; cheapest covering carrier with on-time ≥ 95%',
    );
    assert.deepEqual(english(result), [
      { serviceId: 'sto-standard', isEligible: true, reason: 'chosen', priceMinor: 500 },
      { serviceId: 'yto-standard', isEligible: true, reason: 'on-time 90% below 95%', priceMinor: 450 },
      {
        serviceId: 'sf-express',
        isEligible: false,
        reason: 'express service; this shipment needs standard',
        priceMinor: 1200,
      },
      {
        serviceId: 'jd-express',
        isEligible: false,
        reason: 'express service; this shipment needs standard',
        priceMinor: 1100,
      },
      {
        serviceId: 'dada-same-day',
        isEligible: false,
        reason: 'same_day service; this shipment needs standard',
        priceMinor: 1500,
      },
      {
        serviceId: 'deppon-freight',
        isEligible: false,
        reason: 'freight service; this shipment needs standard',
        priceMinor: 5000,
      },
      {
        serviceId: 'cainiao-pickup',
        isEligible: false,
        reason: 'pickup_point service; this shipment needs standard',
        priceMinor: 300,
      },
    ]);
  });

  it('says so when no eligible service is on time often enough and takes the cheapest', () => {
    const sto = { ...services.sto, score: { onTimeRate: 0.93, rating: 4.5 } };
    const result = chooseDeliveryService(shipment(), [sto, services.yto]);
    assert.equal(result.choice?.serviceId, 'yto-standard');
    assert.equal(result.choice?.priceMinor, 450);
    assert.equal(
      result.explanation,
      'standard: standard order; no eligible carrier has on-time ≥ 95%, so the cheapest of all eligible',
    );
    assert.equal(reasons(result)['sto-standard'], 'costs 500, more than yto-standard at 450');
  });

  it('falls back to express when no standard service can take the parcel', () => {
    const sto = { ...services.sto, capacityLeftToday: 0 };
    const yto = { ...services.yto, maxWeightGrams: 500 };
    const result = chooseDeliveryService(shipment(), [sto, yto, services.sf, services.jd, services.dada]);
    assert.equal(result.choice?.serviceId, 'jd-express');
    assert.equal(result.choice?.priceMinor, 1100);
    assert.equal(
      result.explanation,
      'standard → express: standard order; no standard service can take it; ' +
        'cheapest covering carrier with on-time ≥ 95%',
    );
    assert.deepEqual(reasons(result), {
      'sto-standard': 'no capacity left today',
      'yto-standard': 'weight 800 g over its 500 g limit',
      'sf-express': 'costs 1200, more than jd-express at 1100',
      'jd-express': 'chosen',
      'dada-same-day': 'same_day service; this shipment needs standard or express',
    });
  });

  it('follows custom rules for the on-time bar', () => {
    const result = chooseDeliveryService(shipment(), all, { minOnTimeRate: 0.9 });
    assert.equal(result.choice?.serviceId, 'yto-standard');
    assert.equal(
      result.explanation,
      'standard: standard order; cheapest covering carrier with on-time ≥ 90%',
    );
  });

  it('treats an unknown on-time rate as not proven', () => {
    const yto = { ...services.yto, score: { onTimeRate: null, rating: 4.8 } };
    const result = chooseDeliveryService(shipment(), [services.sto, yto]);
    assert.equal(result.choice?.serviceId, 'sto-standard');
    assert.equal(reasons(result)['yto-standard'], 'on-time rate unknown');
  });
});

describe('urgent shipments', () => {
  it('uses express and same-day services for an urgent order', () => {
    const result = chooseDeliveryService(shipment({ isUrgent: true }), all);
    assert.deepEqual(result.choice, {
      carrierId: 'jd',
      serviceId: 'jd-express',
      priceMinor: 1100,
      kind: 'express',
    });
    assert.equal(result.explanation, 'express: urgent order; cheapest covering carrier with on-time ≥ 95%');
    assert.deepEqual(reasons(result), {
      'sto-standard': 'standard service; this shipment needs express or same_day',
      'yto-standard': 'standard service; this shipment needs express or same_day',
      'sf-express': 'costs 1200, more than jd-express at 1100',
      'jd-express': 'chosen',
      'dada-same-day': 'costs 1500, more than jd-express at 1100',
      'deppon-freight': 'freight service; this shipment needs express or same_day',
      'cainiao-pickup': 'pickup_point service; this shipment needs express or same_day',
    });
  });

  it('uses the urgent kinds when the buyer asked for same-day, excluding what does not cover', () => {
    const ningbo = { country: 'CN', province: '浙江省', city: '宁波市' };
    const result = chooseDeliveryService(shipment({ requestedService: 'same_day', address: ningbo }), all);
    assert.equal(result.choice?.serviceId, 'jd-express');
    assert.equal(
      result.explanation,
      'express: same_day requested; cheapest covering carrier with on-time ≥ 95%',
    );
    const dada = english(result).find((c) => c.serviceId === 'dada-same-day');
    assert.deepEqual(dada, {
      serviceId: 'dada-same-day',
      isEligible: false,
      reason: 'does not cover CN/浙江省/宁波市',
      priceMinor: null,
    });
  });

  it('names each limit that rules a service out, and chooses nothing when all are out', () => {
    // 6000 g: 5 extra steps of 100 → sf 1700, jd 1600, dada 2000.
    const sf = { ...services.sf, maxWeightGrams: 5000 };
    const jd = { ...services.jd, maxLongestSideMm: 400 };
    const dada = { ...services.dada, capacityLeftToday: 0 };
    const result = chooseDeliveryService(
      shipment({ isUrgent: true, weightGrams: 6000, longestSideMm: 500 }),
      [sf, jd, dada],
    );
    assert.equal(result.choice, null);
    assert.equal(result.explanation, 'express: urgent order; no eligible service');
    assert.deepEqual(english(result), [
      {
        serviceId: 'sf-express',
        isEligible: false,
        reason: 'weight 6000 g over its 5000 g limit',
        priceMinor: 1700,
      },
      {
        serviceId: 'jd-express',
        isEligible: false,
        reason: 'longest side 500 mm over its 400 mm limit',
        priceMinor: 1600,
      },
      { serviceId: 'dada-same-day', isEligible: false, reason: 'no capacity left today', priceMinor: 2000 },
    ]);
  });

  it('follows custom urgent kinds', () => {
    const flash = service('flash-rider', 'crowdsourced', card(900));
    const result = chooseDeliveryService(shipment({ isUrgent: true }), [services.jd, flash], {
      urgentKinds: ['express', 'crowdsourced'],
    });
    assert.equal(result.choice?.serviceId, 'flash-rider');
    assert.equal(result.choice?.kind, 'crowdsourced');
  });
});

describe('bulky shipments', () => {
  it('sends a parcel over the weight threshold by freight, even when urgent', () => {
    const result = chooseDeliveryService(shipment({ weightGrams: 25000, isUrgent: true }), all);
    assert.deepEqual(result.choice, {
      carrierId: 'deppon',
      serviceId: 'deppon-freight',
      priceMinor: 5000,
      kind: 'freight',
    });
    assert.equal(
      result.explanation,
      'freight: bulky shipment (25000 g over 20000 g); cheapest covering carrier with on-time ≥ 95%',
    );
    // 25 000 g at sto: 500 + 24 started kilos × 100 = 2900, shown though sto is not a freight service.
    assert.deepEqual(english(result)[0], {
      serviceId: 'sto-standard',
      isEligible: false,
      reason: 'standard service; this shipment needs freight',
      priceMinor: 2900,
    });
  });

  it('sends a parcel over the length threshold by freight', () => {
    const result = chooseDeliveryService(shipment({ longestSideMm: 1300 }), all);
    assert.equal(result.choice?.serviceId, 'deppon-freight');
    assert.equal(
      result.explanation,
      'freight: bulky shipment (longest side 1300 mm over 1200 mm); cheapest covering carrier with on-time ≥ 95%',
    );
  });

  it('does not call a parcel exactly at the thresholds bulky', () => {
    const result = chooseDeliveryService(shipment({ weightGrams: 20000, longestSideMm: 1200 }), all);
    assert.equal(result.choice?.serviceId, 'sto-standard');
  });

  it('uses freight when the buyer asked for it', () => {
    const result = chooseDeliveryService(shipment({ requestedService: 'freight' }), all);
    assert.equal(result.choice?.serviceId, 'deppon-freight');
    assert.match(result.explanation, /^freight: freight requested; /);
  });
});

describe('ties', () => {
  const jdA = service('jd-a', 'express', card(1100), { score: { onTimeRate: 0.96, rating: 4.0 } });
  const jdB = service('jd-b', 'express', card(1100), { score: { onTimeRate: 0.97, rating: 4.6 } });
  const jdC = service('jd-c', 'express', card(1100), { score: { onTimeRate: 0.97, rating: null } });
  const urgent = shipment({ isUrgent: true });

  it('breaks a price tie by the higher rating, an unknown rating counting lowest', () => {
    const result = chooseDeliveryService(urgent, [jdC, jdA, jdB]);
    assert.equal(result.choice?.serviceId, 'jd-b');
    assert.equal(
      result.explanation,
      'express: urgent order; cheapest covering carrier with on-time ≥ 95% (price tie broken by rating)',
    );
    assert.deepEqual(reasons(result), {
      'jd-c': 'same price as jd-b, rating unknown below 4.6',
      'jd-a': 'same price as jd-b, rating 4 below 4.6',
      'jd-b': 'chosen',
    });
  });

  it('keeps the listed order when price and rating are equal', () => {
    const twin = { ...jdB, serviceId: 'jd-b2' };
    const result = chooseDeliveryService(urgent, [twin, jdB]);
    assert.equal(result.choice?.serviceId, 'jd-b2');
    assert.match(result.explanation, /\(price and rating tie: listed first\)$/);
    assert.equal(reasons(result)['jd-b'], 'same price and rating as jd-b2, listed after it');
  });
});

describe('explanations of the choice', () => {
  it('gives every reason as a key with parameters that reads in Chinese without English words', () => {
    const cases = [
      chooseDeliveryService(shipment(), all),
      chooseDeliveryService(shipment({ isUrgent: true }), all),
      chooseDeliveryService(shipment({ weightGrams: 25000 }), all),
      chooseDeliveryService(shipment({ longestSideMm: 1300 }), all),
      chooseDeliveryService(
        shipment({
          requestedService: 'same_day',
          address: { country: 'CN', province: '浙江省', city: '宁波市' },
        }),
        all,
      ),
      chooseDeliveryService(shipment(), [services.sf, services.jd], { minOnTimeRate: 0.999 }),
      chooseDeliveryService(shipment(), []),
    ];
    for (const result of cases) {
      assert.equal(renderExplanation(result.decision, 'en'), result.explanation);
      const texts = [result.decision, ...result.considered.map((c) => c.explanation)];
      for (const [i, explanation] of texts.entries()) {
        if (i > 0) assert.equal(renderExplanation(explanation, 'en'), result.considered[i - 1].reason);
        const zh = renderExplanation(explanation, 'zh-CN');
        assert.doesNotMatch(zh, /\{|\}|delivery\./, zh);
        // Service ids, codes and places stay as sent; words do not.
        const words = zh.replace(/[\w-]+-[\w-]+|\b[A-Z0-9_/-]+\b/g, '').match(/[a-z]{3,}/gi);
        assert.equal(words, null, zh);
      }
    }
    assert.equal(
      renderExplanation(cases[0].decision, 'zh-CN'),
      '标准：普通订单；覆盖该地址且准时率 ≥ 95% 的最便宜承运商',
    );
  });
});
