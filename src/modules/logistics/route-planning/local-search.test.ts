import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mulberry32 } from '../../../cli/demo-data/random.ts';
import { improveRoutes } from './local-search.ts';
import { routeTotals, routingModel, scorePlan } from './routing-model.ts';
import { stopListProblem } from './stop-list.ts';

const strict = { load: 1000, duration: 1000 };

function model(stops: { x: number; y: number; demand?: number }[], capacity = 100, count = 2) {
  return routingModel(
    stopListProblem({
      depot: { x: 0, y: 0 },
      vehicles: { count, capacity },
      stops: stops.map((stop, i) => ({ id: i + 1, demand: 1, ...stop })),
    }),
  );
}

const distanceOf = (m: ReturnType<typeof model>, routes: number[][]) =>
  routes.reduce((sum, stops) => sum + routeTotals(m, stops).distance, 0);

describe('local search', () => {
  it('uncrosses a route (2-opt): the square is driven round its perimeter', () => {
    const square = model([
      { x: 0, y: 10 },
      { x: 10, y: 10 },
      { x: 10, y: 0 },
    ]);
    const crossed = [[2, 1, 3]];
    assert.equal(distanceOf(square, crossed), 14.142 + 10 + 14.142 + 10);
    const improved = improveRoutes(square, strict, crossed, mulberry32(1));
    assert.equal(distanceOf(square, improved), 40);
  });

  it('moves a customer to the route that passes by it (relocate), mending an overload', () => {
    // Two pairs, east and north; a vehicle carries two customers.
    const clusters = model(
      [
        { x: 10, y: 0 },
        { x: 11, y: 0 },
        { x: 0, y: 10 },
        { x: 0, y: 11 },
      ],
      2,
    );
    const improved = improveRoutes(clusters, strict, [[1, 3, 4], [2]], mulberry32(1));
    assert.deepEqual(improved.map((stops) => [...stops].sort()).sort(), [
      [1, 2],
      [3, 4],
    ]);
    assert.equal(distanceOf(clusters, improved), 44);
  });

  it('never pays for a shorter plan with an overload when overloads are dear', () => {
    // Two customers side by side would share a route, but each fills a vehicle.
    const full = model(
      [
        { x: 10, y: 0, demand: 6 },
        { x: 10, y: 1, demand: 6 },
      ],
      10,
    );
    const improved = improveRoutes(full, strict, [[1], [2]], mulberry32(1));
    assert.equal(improved.length, 2);
    for (const stops of improved) assert.ok(routeTotals(full, stops).load <= 10);
  });

  it('only makes moves that lower the penalised cost, shifts and overloads included', () => {
    const random = mulberry32(11);
    const timed = routingModel(
      stopListProblem({
        depot: { x: 5, y: 5 },
        vehicles: { count: 6, capacity: 25, shiftMinutes: 60, speedKmh: 30 },
        stops: Array.from({ length: 40 }, (_, i) => ({
          id: i + 1,
          x: random() * 10,
          y: random() * 10,
          demand: 1 + Math.floor(random() * 5),
          serviceMinutes: 3,
        })),
      }),
    );
    const penalties = { load: 0.5, duration: 0.5 };
    for (let round = 0; round < 20; round++) {
      // Six routes dealt out at random: overloaded and over the shift, far from any optimum.
      const start: number[][] = [[], [], [], [], [], []];
      for (let c = 1; c < timed.size; c++) start[Math.floor(random() * 6)].push(c);
      const improved = improveRoutes(timed, penalties, start, mulberry32(round));
      assert.deepEqual(
        improved.flat().sort((a, b) => a - b),
        start.flat().sort((a, b) => a - b),
      );
      assert.ok(improved.length <= 6);
      assert.ok(scorePlan(timed, penalties, improved).cost < scorePlan(timed, penalties, start).cost);
    }
  });
});
