import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computePlan, seriesDays, warningLineOf } from './planning.ts';
import { defaultInventorySettings } from './warehouses.ts';

describe('stock planning', () => {
  it('plans from the first day a SKU sold, not from days before it existed', () => {
    const history = [...new Array(60).fill(0), ...new Array(30).fill(5)];
    const plan = computePlan(history, 7, defaultInventorySettings);
    // Constant demand of 5 a day: no variability, so no safety stock; 7 days of lead time.
    assert.equal(plan.meanDaily, 5);
    assert.equal(plan.safetyStock, 0);
    assert.equal(plan.reorderPoint, 35);
    assert.equal(plan.targetLevel, 35 + 5 * defaultInventorySettings.reviewPeriodDays);
    assert.match(plan.formula, /35/);
  });

  it('puts the hand-set line, the reorder point or nothing on the level', () => {
    const plan = computePlan(new Array(30).fill(2), 7, defaultInventorySettings);
    assert.equal(warningLineOf('manual', { warningLine: 9, safetyStock: 4 }, plan), 9);
    assert.equal(warningLineOf('manual', { warningLine: null, safetyStock: 4 }, plan), 4);
    assert.equal(warningLineOf('computed', { warningLine: 9, safetyStock: null }, plan), plan.reorderPoint);
    assert.equal(warningLineOf('off', { warningLine: 9, safetyStock: null }, plan), null);
  });

  it('numbers the days of a series so that the last is yesterday (UTC)', () => {
    assert.deepEqual(seriesDays(new Date('2026-11-22T10:00:00Z'), 3), [
      '2026-11-19',
      '2026-11-20',
      '2026-11-21',
    ]);
  });
});
