import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mulberry32 } from '../../../cli/demo-data/random.ts';
import { routeTotals, routingModel } from './routing-model.ts';
import { recreate, ruinStrings, sisrSettings } from './ruin-recreate.ts';
import { stopListProblem } from './stop-list.ts';

const random = mulberry32(7);
const stops = Array.from({ length: 40 }, (_, i) => ({
  id: i + 1,
  x: random() * 10,
  y: random() * 10,
  demand: 1 + Math.floor(random() * 5),
}));
const model = routingModel(
  stopListProblem({ depot: { x: 5, y: 5 }, vehicles: { count: 6, capacity: 30 }, stops }),
);
const customers = stops.map((_, i) => i + 1);
// A feasible start: customers in index order, cut whenever the next would overload the vehicle.
const start = customers.reduce<number[][]>((routes, c) => {
  const last = routes[routes.length - 1];
  if (last && routeTotals(model, [...last, c]).load <= 30) last.push(c);
  else routes.push([c]);
  return routes;
}, []);

describe('ruin and recreate (SISR)', () => {
  it('removes strings of customers and puts every one back exactly once, within capacity and fleet', () => {
    const rng = mulberry32(1);
    for (let round = 0; round < 200; round++) {
      const routes = start.map((route) => [...route]);
      const removed = ruinStrings(model, routes, rng, sisrSettings);
      assert.ok(removed.length > 0);
      assert.deepEqual(
        [...removed, ...routes.flat()].sort((a, b) => a - b),
        customers,
      );
      recreate(model, { load: 100, duration: 100 }, routes, removed, rng, sisrSettings);
      const used = routes.filter((route) => route.length > 0);
      assert.deepEqual(
        used.flat().sort((a, b) => a - b),
        customers,
      );
      assert.ok(used.length <= 6);
      for (const route of used) assert.ok(routeTotals(model, route).load <= 30);
    }
  });
});
