/**
 * The solver's view of a problem: flat typed arrays indexed by node (0 the depot), each
 * customer's neighbours nearest first, and what a route costs — its distance plus penalties
 * for load over capacity and time over the shift, so the search may pass through overloaded
 * plans on its way to better feasible ones.
 */
import type { RoutingProblem } from './problem.ts';

export interface RoutingModel {
  size: number;
  distances: Float64Array;
  demands: Float64Array;
  capacity: number;
  maxRoutes: number;
  serviceTimes: Float64Array;
  /** Infinity when routes have no time limit. */
  maxDuration: number;
  timePerDistance: number;
  /** Per node, the customers nearest first (the node itself left out). */
  neighbours: Int32Array[];
  /** Mean depot-to-customer distance: the instance's own unit for temperatures and penalties. */
  typicalDistance: number;
}

/** Prices of one unit over capacity and one time unit over the shift, in distance units. */
export interface Penalties {
  load: number;
  duration: number;
}

export interface RouteTotals {
  distance: number;
  load: number;
  service: number;
}

// Loads and times may be fractional; a hair over the limit from float sums is not an overload.
const tolerance = 1e-9;

export function routingModel(problem: RoutingProblem): RoutingModel {
  const size = problem.nodeIds.length;
  const distances = problem.distances;
  const customers = Array.from({ length: size - 1 }, (_, i) => i + 1);
  const neighbours = Array.from({ length: size }, (_, node) =>
    Int32Array.from(
      customers
        .filter((c) => c !== node)
        .sort((a, b) => distances[node * size + a] - distances[node * size + b] || a - b),
    ),
  );
  const depotDistances = customers.map((c) => distances[c]);
  return {
    size,
    distances,
    demands: Float64Array.from(problem.demands),
    capacity: problem.capacity,
    maxRoutes: problem.vehicleCount ?? size - 1,
    serviceTimes: Float64Array.from(problem.shift?.serviceTimes ?? new Array(size).fill(0)),
    maxDuration: problem.shift?.maxDuration ?? Number.POSITIVE_INFINITY,
    timePerDistance: problem.shift?.timePerDistance ?? 0,
    neighbours,
    typicalDistance: Math.max(1e-9, depotDistances.reduce((a, b) => a + b, 0) / depotDistances.length),
  };
}

export function distanceBetween(model: RoutingModel, a: number, b: number): number {
  return model.distances[a * model.size + b];
}

export function routeTotals(model: RoutingModel, stops: readonly number[]): RouteTotals {
  let distance = 0;
  let load = 0;
  let service = 0;
  let previous = 0;
  for (const stop of stops) {
    distance += model.distances[previous * model.size + stop];
    load += model.demands[stop];
    service += model.serviceTimes[stop];
    previous = stop;
  }
  return { distance: distance + model.distances[previous * model.size], load, service };
}

export function routeDuration(model: RoutingModel, distance: number, service: number): number {
  return distance * model.timePerDistance + service;
}

export function loadExcess(model: RoutingModel, load: number): number {
  return Math.max(0, load - model.capacity - tolerance);
}

export function durationExcess(model: RoutingModel, distance: number, service: number): number {
  return Math.max(0, routeDuration(model, distance, service) - model.maxDuration - tolerance);
}

/** Distance plus the penalties for whatever the route carries or takes beyond its limits. */
export function penalisedCost(
  model: RoutingModel,
  penalties: Penalties,
  distance: number,
  load: number,
  service: number,
): number {
  return (
    distance +
    penalties.load * loadExcess(model, load) +
    penalties.duration * durationExcess(model, distance, service)
  );
}

export function isRouteFeasible(model: RoutingModel, totals: RouteTotals): boolean {
  return loadExcess(model, totals.load) === 0 && durationExcess(model, totals.distance, totals.service) === 0;
}

export interface PlanScore {
  distance: number;
  cost: number;
  loadExcess: number;
  durationExcess: number;
  isFeasible: boolean;
}

/** Total distance, penalised cost and feasibility of a whole plan (fleet size included). */
export function scorePlan(model: RoutingModel, penalties: Penalties, routes: readonly number[][]): PlanScore {
  const score = { distance: 0, cost: 0, loadExcess: 0, durationExcess: 0, isFeasible: true };
  let used = 0;
  for (const stops of routes) {
    if (stops.length === 0) continue;
    used++;
    const totals = routeTotals(model, stops);
    score.distance += totals.distance;
    score.cost += penalisedCost(model, penalties, totals.distance, totals.load, totals.service);
    score.loadExcess += loadExcess(model, totals.load);
    score.durationExcess += durationExcess(model, totals.distance, totals.service);
  }
  score.isFeasible = score.loadExcess === 0 && score.durationExcess === 0 && used <= model.maxRoutes;
  return score;
}
