import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { code128Png } from './barcode.ts';

const pngWidth = (png: Buffer) => png.readUInt32BE(16);

describe('code128Png', () => {
  it('draws the bars with a 10-module quiet zone each side, 3 pixels a module', async () => {
    const png = await code128Png('ABC');
    assert.ok(png);
    assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // Start B 11 + A, B, C 3 × 11 + check 11 + stop 13 = 68 modules; + 2 × 10 quiet = 88; × 3 = 264.
    assert.equal(pngWidth(png), 264);
  });

  it('returns nothing for text Code 128 cannot encode', async () => {
    assert.equal(await code128Png('茶杯-红'), null);
    assert.equal(await code128Png(''), null);
  });
});
