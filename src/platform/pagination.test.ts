import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeCursor, encodeCursor, toPage } from './pagination.ts';

describe('keyset pagination', () => {
  it('round-trips cursors and refuses foreign ones', () => {
    const cursor = encodeCursor(['2026-11-20T08:01:02.000Z', 'abc']);
    assert.deepEqual(decodeCursor(cursor, 2), ['2026-11-20T08:01:02.000Z', 'abc']);
    assert.throws(() => decodeCursor(cursor, 1), /cursor/);
    assert.throws(() => decodeCursor('not-base64-json', 2), /cursor/);
  });

  it('uses the extra row only to tell that another page exists', () => {
    const page = toPage(
      [1, 2, 3],
      2,
      (n) => n * 10,
      (n) => [n],
    );
    assert.deepEqual(page.items, [10, 20]);
    assert.deepEqual(decodeCursor(page.nextCursor!, 1), [2]);
    assert.equal(
      toPage(
        [1, 2],
        2,
        (n) => n,
        (n) => [n],
      ).nextCursor,
      null,
    );
  });
});
