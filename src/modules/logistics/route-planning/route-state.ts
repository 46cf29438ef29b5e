/**
 * Routes being improved in place, with what moves need in O(1): each customer's route and
 * position, each route's totals and prefix sums (distance, load and service from the depot up
 * to each position). Empty routes are spare vehicles; at most one is kept, and only while the
 * fleet has a vehicle to spare.
 */
import {
  distanceBetween,
  type Penalties,
  penalisedCost,
  type RouteTotals,
  type RoutingModel,
  routeTotals,
} from './routing-model.ts';

interface Prefix {
  distance: Float64Array;
  load: Float64Array;
  service: Float64Array;
}

export interface RouteState {
  model: RoutingModel;
  penalties: Penalties;
  routes: number[][];
  totals: RouteTotals[];
  prefix: Prefix[];
  routeOf: Int32Array;
  positionOf: Int32Array;
}

export function routeState(
  model: RoutingModel,
  penalties: Penalties,
  routes: readonly number[][],
): RouteState {
  const state: RouteState = {
    model,
    penalties,
    routes: routes.filter((stops) => stops.length > 0).map((stops) => [...stops]),
    totals: [],
    prefix: [],
    routeOf: new Int32Array(model.size).fill(-1),
    positionOf: new Int32Array(model.size).fill(-1),
  };
  for (let r = 0; r < state.routes.length; r++) refreshRoute(state, r);
  keepOneSpareRoute(state);
  return state;
}

/** Recomputes a changed route's totals, prefix sums and its customers' positions. */
export function refreshRoute(state: RouteState, r: number): void {
  const { model } = state;
  const stops = state.routes[r];
  state.totals[r] = routeTotals(model, stops);
  const prefix: Prefix = {
    distance: new Float64Array(stops.length),
    load: new Float64Array(stops.length),
    service: new Float64Array(stops.length),
  };
  let previous = 0;
  for (const [position, stop] of stops.entries()) {
    const before = position > 0 ? position - 1 : -1;
    prefix.distance[position] =
      (before < 0 ? 0 : prefix.distance[before]) + distanceBetween(model, previous, stop);
    prefix.load[position] = (before < 0 ? 0 : prefix.load[before]) + model.demands[stop];
    prefix.service[position] = (before < 0 ? 0 : prefix.service[before]) + model.serviceTimes[stop];
    state.routeOf[stop] = r;
    state.positionOf[stop] = position;
    previous = stop;
  }
  state.prefix[r] = prefix;
}

/** One empty route while fewer vehicles are in use than the fleet has; none otherwise. */
export function keepOneSpareRoute(state: RouteState): void {
  const empty = state.routes.flatMap((stops, r) => (stops.length === 0 ? [r] : []));
  const used = state.routes.length - empty.length;
  const wanted = used < state.model.maxRoutes ? 1 : 0;
  if (empty.length === wanted) return;
  state.routes = state.routes.filter((stops) => stops.length > 0);
  if (wanted === 1) state.routes.push([]);
  state.totals = [];
  state.prefix = [];
  for (let r = 0; r < state.routes.length; r++) refreshRoute(state, r);
}

export function nodeBefore(state: RouteState, r: number, position: number): number {
  return position > 0 ? state.routes[r][position - 1] : 0;
}

export function nodeAfter(state: RouteState, r: number, position: number): number {
  const stops = state.routes[r];
  return position + 1 < stops.length ? stops[position + 1] : 0;
}

/** Distance from the depot through position `position` (0 before the first stop). */
export function distanceUpTo(state: RouteState, r: number, position: number): number {
  return position < 0 ? 0 : state.prefix[r].distance[position];
}

/** Distance from position `position` on to the depot (0 past the last stop). */
export function distanceFrom(state: RouteState, r: number, position: number): number {
  return position < state.routes[r].length
    ? state.totals[r].distance - state.prefix[r].distance[position]
    : 0;
}

export function loadUpTo(state: RouteState, r: number, position: number): number {
  return position < 0 ? 0 : state.prefix[r].load[position];
}

export function serviceUpTo(state: RouteState, r: number, position: number): number {
  return position < 0 ? 0 : state.prefix[r].service[position];
}

export function costOfRoute(state: RouteState, r: number): number {
  const { distance, load, service } = state.totals[r];
  return penalisedCost(state.model, state.penalties, distance, load, service);
}

export function costOf(state: RouteState, distance: number, load: number, service: number): number {
  return penalisedCost(state.model, state.penalties, distance, load, service);
}

/** The cost of route r were its distance, load and service time to change by these amounts. */
export function costChanged(
  state: RouteState,
  r: number,
  distance: number,
  load: number,
  service: number,
): number {
  const totals = state.totals[r];
  return costOf(state, totals.distance + distance, totals.load + load, totals.service + service);
}

export function spareRoute(state: RouteState): number {
  return state.routes.findIndex((stops) => stops.length === 0);
}
