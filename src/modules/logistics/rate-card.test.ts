import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chargeableWeightGrams, quote, type RateCard, zoneOf } from './rate-card.ts';

const card: RateCard = {
  zones: [
    { id: 'national', regions: ['CN'] },
    { id: 'east', regions: ['CN/浙江省', 'CN/江苏省', 'CN/上海市'] },
    { id: 'local', regions: ['CN/浙江省/杭州市'] },
    // A zone with no rate row: the carrier lists it but does not serve it.
    { id: 'remote', regions: ['CN/新疆维吾尔自治区'] },
  ],
  rates: [
    {
      zoneId: 'national',
      firstWeightGrams: 1000,
      firstPriceMinor: 1200,
      extraWeightStepGrams: 500,
      extraPriceMinor: 400,
    },
    {
      zoneId: 'east',
      firstWeightGrams: 1000,
      firstPriceMinor: 800,
      extraWeightStepGrams: 500,
      extraPriceMinor: 300,
    },
    {
      zoneId: 'local',
      firstWeightGrams: 1000,
      firstPriceMinor: 600,
      extraWeightStepGrams: 1000,
      extraPriceMinor: 200,
    },
  ],
  volumetricDivisor: 6000,
};

const ningbo = { country: 'CN', province: '浙江省', city: '宁波市' };
const hangzhou = { country: 'CN', province: '浙江省', city: '杭州市' };
const beijing = { country: 'CN', province: '北京市', city: '北京市' };

describe('chargeableWeightGrams', () => {
  it('bills the volumetric weight of a big light box', () => {
    // 400 × 300 × 250 mm = 30 000 cm³; / 6000 cm³/kg = 5 kg = 5000 g, over the actual 500 g.
    assert.equal(
      chargeableWeightGrams({ weightGrams: 500, lengthMm: 400, widthMm: 300, heightMm: 250 }, 6000),
      5000,
    );
  });

  it('bills the actual weight of a small heavy box', () => {
    // 100 mm cube = 1000 cm³ → 166.7 g volumetric, under the actual 3000 g.
    assert.equal(
      chargeableWeightGrams({ weightGrams: 3000, lengthMm: 100, widthMm: 100, heightMm: 100 }, 6000),
      3000,
    );
  });

  it('rounds a volumetric weight up to the next gram', () => {
    // 1000 cm³ / 6000 × 1000 = 166.67 g → 167 g.
    assert.equal(
      chargeableWeightGrams({ weightGrams: 100, lengthMm: 100, widthMm: 100, heightMm: 100 }, 6000),
      167,
    );
  });

  it('ignores volume without a divisor or with a side unknown', () => {
    const box = { weightGrams: 500, lengthMm: 400, widthMm: 300, heightMm: 250 };
    assert.equal(chargeableWeightGrams(box, null), 500);
    assert.equal(chargeableWeightGrams({ ...box, heightMm: null }, 6000), 500);
    assert.equal(chargeableWeightGrams({ weightGrams: 500, lengthMm: 400 }, 6000), 500);
  });

  it('uses a given volume when the sides are not known one by one', () => {
    // 12 000 cm³ / 6000 = 2 kg.
    assert.equal(chargeableWeightGrams({ weightGrams: 500, volumeCm3: 12000 }, 6000), 2000);
  });
});

describe('zoneOf', () => {
  it('picks the most specific matching region whatever the zone order', () => {
    assert.equal(zoneOf(card, hangzhou), 'local');
    assert.equal(zoneOf(card, ningbo), 'east');
    assert.equal(zoneOf(card, beijing), 'national');
    const reversed = { ...card, zones: [...card.zones].reverse() };
    assert.equal(zoneOf(reversed, hangzhou), 'local');
    assert.equal(zoneOf(reversed, beijing), 'national');
  });

  it('matches names written without 省/市 and country codes in any case', () => {
    assert.equal(zoneOf(card, { country: 'cn', province: '浙江', city: '杭州' }), 'local');
    assert.equal(zoneOf(card, { country: 'CN', province: '新疆', city: '乌鲁木齐市' }), 'remote');
  });

  it('matches the country alone when the address has no province', () => {
    assert.equal(zoneOf(card, { country: 'CN', province: null, city: '杭州市' }), 'national');
  });

  it('returns null for a country the card does not list', () => {
    assert.equal(zoneOf(card, { country: 'US', province: 'CA', city: 'San Francisco' }), null);
  });
});

describe('quote', () => {
  it('charges the first price up to and including the first weight', () => {
    assert.equal(quote(card, { weightGrams: 800 }, ningbo)?.priceMinor, 800);
    assert.equal(quote(card, { weightGrams: 1000 }, ningbo)?.priceMinor, 800);
  });

  it('charges every started extra step', () => {
    // 1001 g: 1 g over 1000 g → 1 step of 500 g → 800 + 300.
    assert.deepEqual(quote(card, { weightGrams: 1001 }, ningbo), {
      zoneId: 'east',
      chargeableWeightGrams: 1001,
      priceMinor: 1100,
      breakdown:
        'zone east: 1001 g chargeable (actual); first 1000 g 800 + 1 × 500 g at 300 = 300; total 1100',
    });
    // 1500 g: 500 g over → exactly 1 step; 1501 g → 2 steps → 800 + 600.
    assert.equal(quote(card, { weightGrams: 1500 }, ningbo)?.priceMinor, 1100);
    assert.equal(quote(card, { weightGrams: 1501 }, ningbo)?.priceMinor, 1400);
  });

  it('prices a big light box by its volumetric weight', () => {
    // 5000 g chargeable (see above): 4000 g over → 8 steps × 300 = 2400; + 800 = 3200.
    const result = quote(card, { weightGrams: 500, lengthMm: 400, widthMm: 300, heightMm: 250 }, ningbo);
    assert.equal(result?.chargeableWeightGrams, 5000);
    assert.equal(result?.priceMinor, 3200);
    assert.equal(
      result?.breakdown,
      'zone east: 5000 g chargeable (volumetric, actual 500 g); first 1000 g 800 + 8 × 500 g at 300 = 2400; total 3200',
    );
  });

  it('uses the most specific zone’s rate', () => {
    // Hangzhou is local: 2500 g → 1500 g over in 1000 g steps → 2 steps × 200 + 600 = 1000.
    assert.equal(quote(card, { weightGrams: 2500 }, hangzhou)?.priceMinor, 1000);
    // Beijing is national: 2500 g → 3 steps × 400 + 1200 = 2400.
    assert.equal(quote(card, { weightGrams: 2500 }, beijing)?.priceMinor, 2400);
  });

  it('returns null for an address outside every zone or in a zone without a rate', () => {
    assert.equal(
      quote(card, { weightGrams: 500 }, { country: 'US', province: 'CA', city: 'San Jose' }),
      null,
    );
    assert.equal(
      quote(card, { weightGrams: 500 }, { country: 'CN', province: '新疆维吾尔自治区', city: '喀什地区' }),
      null,
    );
  });
});
