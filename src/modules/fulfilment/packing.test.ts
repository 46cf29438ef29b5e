import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareScans } from './packing.ts';

const items = [
  { sku: 'TEA-1', name: 'Tea', barcode: '6901234567892', quantity: 2 },
  { sku: 'CUP-1', name: 'Cup', barcode: null, quantity: 1 },
];

describe('packing scan check', () => {
  it('accepts codes and barcodes that add up to the order', () => {
    assert.deepEqual(compareScans(items, ['6901234567892', 'CUP-1', 'TEA-1']), { missing: [], extra: [] });
  });

  it('names a wrong item and what is still missing', () => {
    assert.deepEqual(compareScans(items, ['TEA-1', 'MUG-9', 'CUP-1']), {
      missing: [{ sku: 'TEA-1', quantity: 1 }],
      extra: [{ scan: 'MUG-9', quantity: 1 }],
    });
  });

  it('counts one unit too many of a right item as extra', () => {
    assert.deepEqual(compareScans(items, ['TEA-1', 'TEA-1', 'TEA-1', 'CUP-1']).extra, [
      { scan: 'TEA-1', quantity: 1 },
    ]);
  });
});
