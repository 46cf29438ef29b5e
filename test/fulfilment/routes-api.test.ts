import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { useTestApp } from '../helpers/app.ts';

describe('route planning over HTTP', () => {
  const t = useTestApp('sqlite');
  const plan = (payload: object, role = 'logistics') =>
    t.current.request({ method: 'POST', url: '/api/v1/routes/plan', payload, role });

  it('plans capacity-respecting routes that visit every stop once', async () => {
    // Two clusters east and west of the depot, 4 units each, vans of 4: one van per cluster.
    const stops = [
      { id: 'E1', x: 10, y: 0, demand: 2 },
      { id: 'E2', x: 11, y: 1, demand: 2 },
      { id: 'W1', x: -10, y: 0, demand: 2 },
      { id: 'W2', x: -11, y: -1, demand: 2 },
    ];
    const response = await plan({
      depot: { id: 'shop', x: 0, y: 0 },
      vehicles: { count: 2, capacity: 4 },
      stops,
    });
    assert.equal(response.statusCode, 200, response.body);
    const body = response.json();
    const routes = body.routes.map((r: { stops: string[] }) => [...r.stops].sort());
    assert.deepEqual(routes.sort(), [
      ['E1', 'E2'],
      ['W1', 'W2'],
    ]);
    assert.ok(body.routes.every((r: { load: number }) => r.load <= 4));
    const sum = body.routes.reduce((total: number, r: { distance: number }) => total + r.distance, 0);
    assert.ok(Math.abs(sum - body.totalDistance) < 0.01, 'the total is the sum of the routes');
  });

  it('refuses a stop list no fleet can serve, naming why', async () => {
    const response = await plan({
      depot: { x: 0, y: 0 },
      vehicles: { count: 1, capacity: 4 },
      stops: [{ id: 'big', x: 1, y: 1, demand: 9 }],
    });
    assert.equal(response.statusCode, 422);
    assert.equal(response.json().error.code, 'UNPLANNABLE');
    const bad = await plan({ depot: { x: 0, y: 0 }, vehicles: { capacity: 4 }, stops: [] });
    assert.equal(bad.statusCode, 400);
    assert.equal((await plan({ depot: { x: 0, y: 0 } }, 'finance')).statusCode, 403);
  });
});
