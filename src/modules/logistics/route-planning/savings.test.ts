import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { routingModel } from './routing-model.ts';
import { savingsRoutes } from './savings.ts';
import { stopListProblem } from './stop-list.ts';

// Depot at the origin; A and B 1 km apart to the east, C to the north. Savings:
// A–B 10 + 11 − 1 = 20, B–C 11 + 10 − 14.866 = 6.134, A–C 10 + 10 − 14.142 = 5.858.
function threeStops(capacity: number) {
  return routingModel(
    stopListProblem({
      depot: { x: 0, y: 0 },
      vehicles: { capacity },
      stops: [
        { id: 'A', x: 10, y: 0, demand: 4 },
        { id: 'B', x: 11, y: 0, demand: 4 },
        { id: 'C', x: 0, y: 10, demand: 4 },
      ],
    }),
  );
}

const asSets = (routes: number[][]) => routes.map((stops) => [...stops].sort()).sort();

describe('Clarke-Wright savings', () => {
  it('joins the pair with the largest saving first and stops where the capacity would be exceeded', () => {
    assert.deepEqual(asSets(savingsRoutes(threeStops(10))), [[1, 2], [3]]);
  });

  it('goes on joining at route ends while the vehicle has room', () => {
    const [route, ...others] = savingsRoutes(threeStops(12));
    assert.equal(others.length, 0);
    // C joins at B's end (B–C saves more than A–C): C is next to B, never between A and B.
    assert.ok(
      JSON.stringify(route) === '[1,2,3]' || JSON.stringify(route) === '[3,2,1]',
      JSON.stringify(route),
    );
  });
});
