import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderExplanation } from '../../contracts/explanations.ts';
import {
  type ReorderInputs,
  reorderPlan,
  type SuggestionInputs,
  serviceLevelZ,
  suggestOrderQuantity,
} from './reorder.ts';

describe('serviceLevelZ', () => {
  // Reference values: the standard normal quantiles (e.g. Python's statistics.NormalDist().inv_cdf).
  const quantiles: [number, number][] = [
    [0.9, 1.2815515655446008],
    [0.95, 1.6448536269514715],
    [0.975, 1.9599639845400536], // just above the switch to the tail formula at 0.97575
    [0.98, 2.053748910631822],
    [0.99, 2.3263478740408408],
    [0.9999, 3.7190164854557084],
  ];
  for (const [level, z] of quantiles)
    it(`gives ${z.toFixed(4)} for ${level}`, () => {
      assert.ok(Math.abs(serviceLevelZ(level) - z) < 1e-8, `${serviceLevelZ(level)}`);
    });

  it('rejects levels outside (0.5, 0.9999]', () => {
    for (const level of [0.5, 0.4, 0.99995, 1, Number.NaN])
      assert.throws(() => serviceLevelZ(level), RangeError, String(level));
  });
});

describe('reorderPlan', () => {
  const inputs: ReorderInputs = {
    meanDaily: 10,
    stdDaily: 3.2,
    leadTimeDays: 7,
    serviceLevel: 0.95,
    reviewPeriodDays: 7,
  };

  it('works the textbook example through with the numbers in the formula', () => {
    // z·σ·√L = 1.64485 × 3.2 × 2.64575 = 13.93 → 14; 70 + 14 = 84; 84 + 10 × 7 = 154.
    const plan = reorderPlan(inputs);
    assert.ok(Math.abs(plan.z - 1.6449) < 1e-4);
    assert.deepEqual(
      { ...plan, z: undefined, formulaExplanation: undefined },
      {
        z: undefined,
        formulaExplanation: undefined,
        safetyStock: 14,
        leadTimeDemand: 70,
        reorderPoint: 84,
        targetLevel: 154,
        formula:
          'safety stock = z·σ·√L = 1.645 × 3.20 × √7 = 14; ' +
          'reorder point = lead-time demand + safety stock = 70.00 + 14 = 84; ' +
          'target = reorder point + mean × review period = 84 + 10.00 × 7 = 154',
      },
    );
    assert.equal(
      renderExplanation(plan.formulaExplanation, 'zh-CN'),
      '安全库存 = z·σ·√L = 1.645 × 3.20 × √7 = 14；' +
        '再订货点 = 提前期需求 + 安全库存 = 70.00 + 14 = 84；' +
        '目标库存 = 再订货点 + 日均需求 × 检查周期 = 84 + 10.00 × 7 = 154',
    );
  });

  it('uses the forecast lead-time demand when given, rounded to 2 decimals', () => {
    const plan = reorderPlan({ ...inputs, leadTimeDemand: 72.456 });
    assert.equal(plan.leadTimeDemand, 72.46);
    assert.equal(plan.reorderPoint, 87); // ceil(72.46 + 14)
    assert.equal(plan.targetLevel, 157); // 87 + ceil(10 × 7)
  });

  it('needs no safety stock when demand does not vary', () => {
    const plan = reorderPlan({ ...inputs, stdDaily: 0 });
    assert.equal(plan.safetyStock, 0);
    assert.equal(plan.reorderPoint, 70);
  });

  it('does not round float noise up to an extra unit', () => {
    // 0.1 × 30 is 3.0000000000000004 in floating point.
    const plan = reorderPlan({
      ...inputs,
      meanDaily: 0.1,
      stdDaily: 0,
      leadTimeDays: 30,
      reviewPeriodDays: 30,
    });
    assert.equal(plan.leadTimeDemand, 3);
    assert.equal(plan.reorderPoint, 3);
    assert.equal(plan.targetLevel, 6);
  });

  it('rejects negative or non-finite inputs and a bad service level', () => {
    assert.throws(() => reorderPlan({ ...inputs, stdDaily: -1 }), RangeError);
    assert.throws(() => reorderPlan({ ...inputs, leadTimeDays: Number.NaN }), RangeError);
    assert.throws(() => reorderPlan({ ...inputs, leadTimeDemand: -5 }), RangeError);
    assert.throws(() => reorderPlan({ ...inputs, serviceLevel: 0.3 }), RangeError);
  });
});

describe('suggestOrderQuantity', () => {
  // Stock position = 60 on hand − 10 reserved + 20 incoming − 5 backordered = 65; need = 154 − 65 = 89.
  const stock: SuggestionInputs = {
    targetLevel: 154,
    onHand: 60,
    reserved: 10,
    incoming: 20,
    backorderedQuantity: 5,
    minOrderQty: 0,
    packSize: 1,
    maxOrderQty: null,
  };

  it('orders exactly the need with no constraints', () => {
    assert.deepEqual(suggestOrderQuantity(stock), { quantity: 89, need: 89, isCapped: false });
  });

  it('raises the quantity to the minimum order', () => {
    assert.deepEqual(suggestOrderQuantity({ ...stock, minOrderQty: 100 }), {
      quantity: 100,
      need: 89,
      isCapped: false,
    });
  });

  it('rounds up to whole packs, after applying the minimum', () => {
    assert.equal(suggestOrderQuantity({ ...stock, packSize: 12 }).quantity, 96); // 89 → 8 packs
    assert.equal(suggestOrderQuantity({ ...stock, packSize: 12, minOrderQty: 100 }).quantity, 108); // 9 packs
  });

  it('caps at the maximum rounded down to whole packs', () => {
    assert.deepEqual(suggestOrderQuantity({ ...stock, packSize: 12, maxOrderQty: 50 }), {
      quantity: 48,
      need: 89,
      isCapped: true,
    });
    assert.deepEqual(suggestOrderQuantity({ ...stock, maxOrderQty: 89 }), {
      quantity: 89,
      need: 89,
      isCapped: false,
    });
  });

  it('lets the cap win over the minimum order', () => {
    assert.deepEqual(suggestOrderQuantity({ ...stock, minOrderQty: 100, maxOrderQty: 95 }), {
      quantity: 95,
      need: 89,
      isCapped: true,
    });
  });

  it('orders nothing when the stock position already reaches the target', () => {
    assert.deepEqual(suggestOrderQuantity({ ...stock, onHand: 160, minOrderQty: 50 }), {
      quantity: 0,
      need: -11, // 154 − (160 − 10 + 20 − 5)
      isCapped: false,
    });
    assert.equal(suggestOrderQuantity({ ...stock, onHand: 149 }).quantity, 0); // need exactly 0
  });

  it('counts backorders as demand already due', () => {
    assert.equal(suggestOrderQuantity({ ...stock, backorderedQuantity: 30 }).need, 114);
  });

  it('rejects a pack size that is not a positive integer', () => {
    assert.throws(() => suggestOrderQuantity({ ...stock, packSize: 0 }), RangeError);
    assert.throws(() => suggestOrderQuantity({ ...stock, packSize: 2.5 }), RangeError);
  });
});
