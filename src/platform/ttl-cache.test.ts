import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ttlCache } from './ttl-cache.ts';

describe('ttlCache', () => {
  it('loads once per period, shares a pending load, and reloads after invalidate', async () => {
    let loads = 0;
    let clock = 0;
    const cache = ttlCache(
      1000,
      async () => ++loads,
      () => clock,
    );
    assert.deepEqual(await Promise.all([cache.get(), cache.get()]), [1, 1]);
    clock = 999;
    assert.equal(await cache.get(), 1);
    clock = 1000;
    assert.equal(await cache.get(), 2);
    cache.invalidate();
    assert.equal(await cache.get(), 3);
  });
});
