import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { abcClasses, daysOfCover, inventoryTurnover } from './abc.ts';

const classesOf = (values: Record<string, number>, thresholds?: { a: number; b: number }) =>
  Object.fromEntries(
    abcClasses(
      Object.entries(values).map(([key, value]) => ({ key, value })),
      thresholds,
    ),
  );

describe('abcClasses', () => {
  it('classes by the cumulative share before each item', () => {
    // Total 1000. Shares before: a 0, b 0.5, c 0.8, d 0.9, e 0.96.
    assert.deepEqual(classesOf({ e: 40, c: 100, a: 500, d: 60, b: 300 }), {
      a: 'A',
      b: 'A',
      c: 'B', // 0.8 is not < 0.8
      d: 'B',
      e: 'C', // 0.96 is not < 0.95
    });
  });

  it('gives equal values the same class whatever their order', () => {
    // Total 100. Shares before: x 0, then the two 20s both from 0.6 (the second alone would be 0.8).
    const expected = { x: 'A', y: 'A', z: 'A' };
    assert.deepEqual(classesOf({ x: 60, y: 20, z: 20 }), expected);
    assert.deepEqual(classesOf({ z: 20, y: 20, x: 60 }), expected);
  });

  it('puts items worth nothing in C, even when nothing is worth anything', () => {
    assert.deepEqual(classesOf({ a: 0, b: 0 }), { a: 'C', b: 'C' });
    assert.deepEqual(classesOf({ a: 10, b: 0, c: -5 }), { a: 'A', b: 'C', c: 'C' });
  });

  it('makes a single item with value A', () => {
    assert.deepEqual(classesOf({ only: 1 }), { only: 'A' });
    assert.equal(abcClasses([]).size, 0);
  });

  it('takes other thresholds', () => {
    // Total 100. Shares before: a 0, b 0.5, c 0.75, d 0.9.
    assert.deepEqual(classesOf({ a: 50, b: 25, c: 15, d: 10 }, { a: 0.5, b: 0.8 }), {
      a: 'A',
      b: 'B',
      c: 'B',
      d: 'C',
    });
    assert.throws(() => classesOf({ a: 1 }, { a: 0.9, b: 0.8 }), RangeError);
  });
});

describe('inventoryTurnover', () => {
  it('divides cost of goods sold by average inventory value', () => {
    assert.equal(inventoryTurnover(1_200_000, 300_000), 4);
    assert.equal(inventoryTurnover(150_000, 600_000), 0.25);
  });

  it('is undefined without inventory', () => {
    assert.equal(inventoryTurnover(1_000, 0), null);
  });
});

describe('daysOfCover', () => {
  it('divides available stock by mean daily demand', () => {
    assert.equal(daysOfCover(84, 12), 7);
    assert.equal(daysOfCover(0, 3), 0);
  });

  it('is infinite (null) without demand', () => {
    assert.equal(daysOfCover(50, 0), null);
  });
});
