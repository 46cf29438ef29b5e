/**
 * `planRoutes`: the route plan for a routing problem, in the input's own node ids. Pure and
 * deterministic: the same problem, seed and iteration budget give the same plan.
 */
import { mulberry32 } from '../../../cli/demo-data/random.ts';
import { roundDistance } from './distance.ts';
import { type NodeId, type RoutingProblem, unplannableReason } from './problem.ts';
import { type RoutingModel, routeDuration, routeTotals, routingModel } from './routing-model.ts';
import { searchRoutes } from './search.ts';

export interface PlanOptions {
  /** Ruin-and-recreate steps; by default about a second's work whatever the number of stops. */
  iterations?: number;
  seed?: number;
}

export interface PlannedRoute {
  stops: NodeId[];
  load: number;
  distance: number;
  /** Riding plus service time, when the problem limits shifts. */
  duration?: number;
}

export interface RoutePlan {
  routes: PlannedRoute[];
  totalDistance: number;
  /** The ruin-and-recreate steps the plan took (the budget spent). */
  iterations: number;
}

export type RoutePlanResult = { kind: 'planned'; plan: RoutePlan } | { kind: 'unplannable'; reason: string };

const defaultSeed = 20_261_122;

/**
 * Work per step grows with the stops a recreate scans, so the default budget shrinks as stops
 * grow: 25,000 steps up to 60 stops, 7,500 at 200, 1,500 at 1,000 — each well under a second
 * of CPU on the development machine, leaving room for a busy one within the 2 s target.
 */
function defaultIterations(stopCount: number): number {
  return Math.round(Math.min(25_000, 1_500_000 / Math.max(1, stopCount)));
}

export function planRoutes(problem: RoutingProblem, options: PlanOptions = {}): RoutePlanResult {
  const reason = unplannableReason(problem);
  if (reason) return { kind: 'unplannable', reason };
  const model = routingModel(problem);
  const iterations = options.iterations ?? defaultIterations(model.size - 1);
  const routes = searchRoutes(model, mulberry32(options.seed ?? defaultSeed), iterations);
  if (!routes)
    return {
      kind: 'unplannable',
      reason: `found no plan that fits ${model.maxRoutes} vehicles of capacity ${model.capacity}${problem.shift ? ' within the shift' : ''}`,
    };
  return { kind: 'planned', plan: describePlan(problem, model, routes, iterations) };
}

function describePlan(
  problem: RoutingProblem,
  model: RoutingModel,
  routes: number[][],
  iterations: number,
): RoutePlan {
  const planned = routes.map((stops): PlannedRoute => {
    const totals = routeTotals(model, stops);
    return {
      stops: stops.map((stop) => problem.nodeIds[stop]),
      load: totals.load,
      distance: roundDistance(totals.distance, problem.distanceDecimals),
      duration: problem.shift ? routeDuration(model, totals.distance, totals.service) : undefined,
    };
  });
  const total = routes.reduce((sum, stops) => sum + routeTotals(model, stops).distance, 0);
  return { routes: planned, totalDistance: roundDistance(total, problem.distanceDecimals), iterations };
}
