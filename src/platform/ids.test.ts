import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { orderNumber, uuidv7 } from './ids.ts';

describe('ids', () => {
  it('mints RFC 9562 version 7 UUIDs that sort by time and never repeat', () => {
    const ids = Array.from({ length: 5000 }, (_, i) => uuidv7(1_700_000_000_000 + i));
    assert.equal(new Set(ids).size, ids.length);
    assert.deepEqual([...ids].sort(), ids);
    assert.match(ids[0], /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.equal(Number.parseInt(ids[0].replace(/-/g, '').slice(0, 12), 16), 1_700_000_000_000);
  });

  it('keeps ids made in the same millisecond in the order they were made', () => {
    const ids = Array.from({ length: 1000 }, () => uuidv7(1_800_000_000_000));
    assert.deepEqual([...ids].sort(), ids);
    assert.equal(new Set(ids).size, ids.length);
  });

  it('makes readable order numbers with the UTC date', () => {
    assert.match(orderNumber(new Date('2026-11-20T23:59:00Z')), /^SO261120[0-9A-HJKMNP-TV-Z]{8}$/);
  });
});
