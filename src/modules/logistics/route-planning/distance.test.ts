import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { distanceMatrix, gridKm, haversineKm, roundDistance, tsplibEuclidean } from './distance.ts';

describe('distances', () => {
  it('rounds TSPLIB EUC_2D edges to the nearest integer', () => {
    assert.equal(tsplibEuclidean({ x: 0, y: 0 }, { x: 3, y: 4 }), 5);
    assert.equal(tsplibEuclidean({ x: 0, y: 0 }, { x: 1, y: 1 }), 1); // 1.414…
    assert.equal(tsplibEuclidean({ x: 0, y: 0 }, { x: 1, y: 2 }), 2); // 2.236…
    assert.equal(tsplibEuclidean({ x: 0, y: 0 }, { x: 2, y: 3 }), 4); // 3.606…
  });

  it('measures grid kilometres to the metre', () => {
    assert.equal(gridKm({ x: 0, y: 0 }, { x: 1, y: 2 }), 2.236); // √5
    assert.equal(gridKm({ x: 2, y: 2 }, { x: 2, y: 2 }), 0);
  });

  it('measures great-circle kilometres: one degree of latitude is about 111.2 km', () => {
    assert.equal(haversineKm({ lat: 30, lng: 120 }, { lat: 31, lng: 120 }), 111.195);
    // West Lake (Hangzhou) to People's Square (Shanghai): about 165 km as the crow flies.
    const km = haversineKm({ lat: 30.2431, lng: 120.1503 }, { lat: 31.2304, lng: 121.4737 });
    assert.ok(km > 160 && km < 170, `${km}`);
  });

  it('builds a symmetric row-major matrix', () => {
    const points = [
      { x: 0, y: 0 },
      { x: 3, y: 4 },
      { x: 6, y: 0 },
    ];
    const matrix = distanceMatrix(points, tsplibEuclidean);
    assert.deepEqual([...matrix], [0, 5, 6, 5, 0, 5, 6, 5, 0]);
  });

  it('reports a sum of metre-rounded legs without floating-point dust', () => {
    assert.equal(0.1 + 0.2, 0.30000000000000004);
    assert.equal(roundDistance(0.1 + 0.2, 3), 0.3);
    assert.equal(roundDistance(784, 0), 784);
  });
});
