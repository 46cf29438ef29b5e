import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { groupCommit } from './group-commit.ts';

describe('groupCommit', () => {
  it('runs calls made together as one batch and gives each its own result', async () => {
    const batches: number[][] = [];
    const double = groupCommit(async (items: readonly number[]) => {
      batches.push([...items]);
      return items.map((n) => n * 2);
    });
    assert.deepEqual(await Promise.all([1, 2, 3].map(double)), [2, 4, 6]);
    assert.deepEqual(batches, [[1, 2, 3]]);
  });

  it('retries a failed batch item by item so only the bad item fails', async () => {
    const process = groupCommit(async (items: readonly number[]) => {
      if (items.includes(13)) throw new Error('unlucky');
      return [...items];
    });
    const results = await Promise.allSettled([1, 13, 2].map(process));
    assert.deepEqual(
      results.map((r) => r.status),
      ['fulfilled', 'rejected', 'fulfilled'],
    );
  });

  it('caps the batch size and keeps calls made while a batch runs for the next one', async () => {
    const sizes: number[] = [];
    const echo = groupCommit(async (items: readonly number[]) => {
      sizes.push(items.length);
      await new Promise((resolve) => setTimeout(resolve, 5));
      return [...items];
    }, 2);
    assert.deepEqual(await Promise.all([1, 2, 3, 4, 5].map(echo)), [1, 2, 3, 4, 5]);
    assert.deepEqual(sizes, [2, 2, 1]);
  });
});
