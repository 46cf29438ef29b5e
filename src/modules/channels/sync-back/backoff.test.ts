import assert from 'node:assert/strict';
import { test } from 'node:test';
import { retryAfterMs } from './platform-push.ts';
import { maxAttempts, nextDelayMs } from './sync-back.ts';

test('Retry-After is read in seconds or as an HTTP date', () => {
  const now = Date.parse('2026-11-24T02:00:00Z');
  assert.equal(retryAfterMs('2', now), 2000);
  assert.equal(retryAfterMs('0', now), 0);
  assert.equal(retryAfterMs('Tue, 24 Nov 2026 02:00:30 GMT', now), 30_000);
  assert.equal(retryAfterMs('Tue, 24 Nov 2026 01:00:00 GMT', now), 0, 'a date passed means now');
  assert.equal(retryAfterMs(null, now), null);
  assert.equal(retryAfterMs('soon', now), null);
});

test('backoff follows Retry-After first, else doubles from 5 s up to 15 minutes', () => {
  assert.equal(nextDelayMs(1, 2000), 2000);
  assert.equal(nextDelayMs(1, 3_600_000), 15 * 60 * 1000, 'an hour asked is capped');
  assert.deepEqual(
    [1, 2, 3, 4].map((attempt) => nextDelayMs(attempt, null)),
    [5000, 10_000, 20_000, 40_000],
  );
  assert.equal(nextDelayMs(maxAttempts, null), 640_000);
  assert.equal(nextDelayMs(20, null), 15 * 60 * 1000);
});
