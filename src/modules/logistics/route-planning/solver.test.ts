import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { loadStandardInstances } from '../../../../bench/routes.ts';
import { mulberry32 } from '../../../cli/demo-data/random.ts';
import type { NodeId, RoutingProblem } from './problem.ts';
import { planRoutes, type RoutePlan } from './solver.ts';
import { type StopList, stopListProblem } from './stop-list.ts';

const standardInstancesDir = path.resolve(import.meta.dirname, '../../../../test/fixtures/cvrp');

function planned(problem: RoutingProblem, options = {}): RoutePlan {
  const result = planRoutes(problem, options);
  assert.equal(result.kind, 'planned', result.kind === 'unplannable' ? result.reason : '');
  return (result as { plan: RoutePlan }).plan;
}

function unplannable(problem: RoutingProblem, options = {}): string {
  const result = planRoutes(problem, options);
  assert.equal(result.kind, 'unplannable');
  return (result as { reason: string }).reason;
}

/**
 * Checks a plan against the problem alone: every customer on exactly one route, no route over
 * capacity, no more routes than vehicles, and the total re-summed edge by edge.
 */
function assertFeasible(problem: RoutingProblem, plan: RoutePlan): void {
  const indexOf = new Map<NodeId, number>(problem.nodeIds.map((id, index) => [id, index]));
  const visited = plan.routes.flatMap((route) => route.stops.map((id) => indexOf.get(id)!));
  assert.deepEqual(
    [...visited].sort((a, b) => a - b),
    problem.nodeIds.slice(1).map((_, i) => i + 1),
  );
  if (problem.vehicleCount !== undefined) assert.ok(plan.routes.length <= problem.vehicleCount);
  const n = problem.nodeIds.length;
  let total = 0;
  for (const route of plan.routes) {
    const nodes = [0, ...route.stops.map((id) => indexOf.get(id)!), 0];
    const load = nodes.reduce((sum, node) => sum + problem.demands[node], 0);
    assert.ok(load <= problem.capacity, `load ${load} over ${problem.capacity}`);
    for (let k = 1; k < nodes.length; k++) total += problem.distances[nodes[k - 1] * n + nodes[k]];
  }
  assert.equal(plan.totalDistance, Number(total.toFixed(problem.distanceDecimals)));
}

function riders(list: Partial<StopList> & Pick<StopList, 'stops'>): RoutingProblem {
  return stopListProblem({ depot: { x: 0, y: 0 }, vehicles: { count: 2, capacity: 3 }, ...list });
}

function randomStops(count: number, seed: number) {
  const random = mulberry32(seed);
  return Array.from({ length: count }, (_, i) => ({
    id: `S${i + 1}`,
    x: random() * 10,
    y: random() * 10,
    demand: 1 + Math.floor(random() * 9),
    serviceMinutes: 3,
  }));
}

describe('route planner', () => {
  it('finds the obvious plan: one route round each of two clusters on either side of the shop', () => {
    const problem = riders({
      stops: [
        { id: 'E1', x: 10, y: -1, demand: 1 },
        { id: 'W1', x: -10, y: -1, demand: 1 },
        { id: 'E2', x: 12, y: 0, demand: 1 },
        { id: 'W2', x: -12, y: 0, demand: 1 },
        { id: 'E3', x: 10, y: 1, demand: 1 },
        { id: 'W3', x: -10, y: 1, demand: 1 },
      ],
    });
    const plan = planned(problem);
    assert.deepEqual(plan.routes.map((route) => [...route.stops].sort()).sort(), [
      ['E1', 'E2', 'E3'],
      ['W1', 'W2', 'W3'],
    ]);
    // Each route: √101 = 10.050 km out, √5 = 2.236 twice, 10.050 back.
    assert.equal(plan.totalDistance, 49.144); // 2 × (10.050 + 2.236 + 2.236 + 10.050)
    assert.deepEqual(
      plan.routes.map((route) => route.load),
      [3, 3],
    );
  });

  it('visits every stop once, within capacity and fleet, on a larger random day', () => {
    const problem = riders({ vehicles: { count: 8, capacity: 40 }, stops: randomStops(60, 3) });
    assertFeasible(problem, planned(problem, { iterations: 2000 }));
  });

  it('keeps every route within the shift, even when capacity alone would allow longer ones', () => {
    const problem = riders({
      vehicles: { count: 10, capacity: 1000, shiftMinutes: 60, speedKmh: 30 },
      stops: randomStops(30, 5),
    });
    const plan = planned(problem, { iterations: 2000 });
    assertFeasible(problem, plan);
    assert.ok(plan.routes.length > 1);
    for (const route of plan.routes) assert.ok(route.duration! <= 60, `${route.duration} min`);
  });

  it('gives the same plan for the same input and seed', () => {
    const problem = riders({ vehicles: { count: 8, capacity: 40 }, stops: randomStops(50, 9) });
    assert.deepEqual(
      planned(problem, { iterations: 1000, seed: 4 }),
      planned(problem, { iterations: 1000, seed: 4 }),
    );
  });

  it('says why a problem cannot be planned instead of printing an infeasible plan', () => {
    const stop = (id: string, demand: number) => ({ id, x: 1, y: 1, demand });
    assert.match(
      unplannable(riders({ stops: [stop('big', 4)] })),
      /stop big needs 4, more than a vehicle's capacity of 3/,
    );
    assert.match(
      unplannable(riders({ stops: [stop('a', 3), stop('b', 3), stop('c', 1)] })),
      /the stops need 7 in all, more than 2 vehicles of capacity 3 carry/,
    );
    assert.match(
      unplannable(
        riders({
          vehicles: { capacity: 3, shiftMinutes: 10, speedKmh: 6 },
          stops: [{ ...stop('far', 1), x: 5 }],
        }),
      ),
      /stop far cannot be served within one shift/,
    );
    // Three stops of 2 fit two vehicles of 3 by the total (6), but no two of them share a vehicle.
    assert.match(
      unplannable(riders({ stops: [stop('a', 2), stop('b', 2), stop('c', 2)] }), { iterations: 200 }),
      /found no plan that fits 2 vehicles of capacity 3/,
    );
  });

  it('plans the standard CVRPLIB instances within 5% of their proven optima', () => {
    const instances = loadStandardInstances(standardInstancesDir);
    assert.deepEqual(
      instances.map((instance) => instance.name),
      ['P-n16-k8', 'A-n32-k5', 'E-n51-k5', 'A-n80-k10'],
    );
    for (const { name, problem, optimum } of instances) {
      // The CLI's own default budget: these are the plans `ordo routes plan` prints.
      const plan = planned(problem);
      assertFeasible(problem, plan);
      const gap = (plan.totalDistance - optimum) / optimum;
      assert.ok(gap >= 0, `${name}: ${plan.totalDistance} is below the proven optimum ${optimum}`);
      assert.ok(gap <= 0.05, `${name}: ${plan.totalDistance} is ${(gap * 100).toFixed(1)}% over ${optimum}`);
    }
  });
});
