import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { unknownSku } from './catalog.ts';
import { judge, newContext, newOrder } from './test-support.ts';

describe('UNKNOWN_SKU', () => {
  it('passes when every SKU is in the catalog and active', () => {
    assert.equal(judge(unknownSku, newOrder()), null);
  });

  it('holds unknown and inactive SKUs, naming each line', () => {
    const lines = [
      { sku: 'TEE-RED-M', quantity: 1, unitPrice: '1.00' },
      { sku: 'GONE', quantity: 1, unitPrice: '1.00' },
      { sku: 'OFF', quantity: 1, unitPrice: '1.00' },
    ];
    const skuStates = new Map([
      ['TEE-RED-M', { isActive: true, name: 'Tee' }],
      ['OFF', { isActive: false, name: 'Retired' }],
    ]);
    const finding = judge(unknownSku, newOrder({ lines, total: '13.00' }), newContext({ skuStates }));
    assert.equal(
      finding?.message,
      'Unknown or inactive SKU (line 2: GONE is not in the catalog; line 3: OFF is inactive)',
    );
  });
});
