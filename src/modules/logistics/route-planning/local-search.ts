/**
 * Local search to a local optimum of the penalised cost, over four neighbourhoods, each tried
 * only towards a customer's nearest neighbours (granular search, Toth & Vigo 2003: good moves
 * almost always join nearby customers, and it keeps a pass linear in the number of stops):
 *   relocate / or-opt  move a string of 1–3 customers, possibly reversed, next to a neighbour
 *                      (in any route, or onto a spare vehicle)
 *   swap               exchange two customers of different routes
 *   2-opt              reverse a stretch of one route
 *   2-opt*             exchange the tails (or head and reversed tail) of two routes
 * Each customer takes the best improving move of a neighbourhood; passes repeat until none improves.
 */
import { type Rng, shuffled } from '../../../cli/demo-data/random.ts';
import {
  costChanged,
  costOf,
  costOfRoute,
  distanceFrom,
  distanceUpTo,
  keepOneSpareRoute,
  loadUpTo,
  nodeAfter,
  nodeBefore,
  type RouteState,
  refreshRoute,
  routeState,
  serviceUpTo,
  spareRoute,
} from './route-state.ts';
import { distanceBetween, type Penalties, type RoutingModel } from './routing-model.ts';

const neighbourhoodSize = 20;
const longestMovedString = 3;
// Below this a "gain" is float noise, and chasing it could cycle.
const minimumGain = 1e-7;

interface Move {
  gain: number;
  apply: () => void;
}

export function improveRoutes(
  model: RoutingModel,
  penalties: Penalties,
  routes: readonly number[][],
  rng: Rng,
): number[][] {
  const state = routeState(model, penalties, routes);
  const order = shuffled(
    rng,
    Array.from({ length: model.size - 1 }, (_, i) => i + 1),
  );
  let isImproving = true;
  while (isImproving) {
    isImproving = false;
    for (const u of order) {
      const move =
        bestRelocation(state, u) ?? bestSwap(state, u) ?? bestTwoOpt(state, u) ?? bestTwoOptStar(state, u);
      if (move) {
        move.apply();
        keepOneSpareRoute(state);
        isImproving = true;
      }
    }
  }
  return state.routes.filter((stops) => stops.length > 0);
}

function candidatesOf(state: RouteState, u: number): Int32Array {
  return state.model.neighbours[u].subarray(0, neighbourhoodSize);
}

// Moves are built only when they beat the best so far: most evaluations gain nothing.
function isBetter(best: Move | undefined, gain: number): boolean {
  return gain > minimumGain && gain > (best?.gain ?? 0);
}

/** A string of customers taken out of its route, with what removing it changes there. */
interface MovedString {
  r: number;
  i: number;
  stops: number[];
  /** The distance driven within the string: it leaves one route and joins the other. */
  innerDistance: number;
  distanceChange: number;
  load: number;
  service: number;
}

/** The string of 1–3 customers starting at u, moved next to one of u's neighbours. */
function bestRelocation(state: RouteState, u: number): Move | undefined {
  let best: Move | undefined;
  const spare = spareRoute(state);
  for (let length = 1; length <= longestMovedString; length++) {
    const moved = stringAt(state, state.routeOf[u], state.positionOf[u], length);
    if (!moved) break;
    if (spare >= 0) best = bestInsertion(state, moved, spare, 0, 0, best);
    for (const v of candidatesOf(state, u)) {
      const [rv, j] = [state.routeOf[v], state.positionOf[v]];
      if (rv === moved.r && moved.stops.includes(v)) continue;
      best = bestInsertion(state, moved, rv, v, nodeAfter(state, rv, j), best);
      best = bestInsertion(state, moved, rv, nodeBefore(state, rv, j), v, best);
    }
  }
  return best;
}

function stringAt(state: RouteState, r: number, i: number, length: number): MovedString | undefined {
  const stops = state.routes[r].slice(i, i + length);
  if (stops.length < length) return undefined;
  const { model } = state;
  const [p, q] = [nodeBefore(state, r, i), nodeAfter(state, r, i + length - 1)];
  const innerDistance = distanceUpTo(state, r, i + length - 1) - distanceUpTo(state, r, i);
  return {
    r,
    i,
    stops,
    innerDistance,
    distanceChange:
      distanceBetween(model, p, q) -
      distanceBetween(model, p, stops[0]) -
      distanceBetween(model, stops[length - 1], q) -
      innerDistance,
    load: loadUpTo(state, r, i + length - 1) - loadUpTo(state, r, i - 1),
    service: serviceUpTo(state, r, i + length - 1) - serviceUpTo(state, r, i - 1),
  };
}

/** The string moved between a and b of route rv, either way round. */
function bestInsertion(
  state: RouteState,
  moved: MovedString,
  rv: number,
  a: number,
  b: number,
  best: Move | undefined,
): Move | undefined {
  const { r, stops } = moved;
  if (rv === r && (stops.includes(a) || stops.includes(b))) return best;
  const { model } = state;
  const [first, last] = [stops[0], stops[stops.length - 1]];
  for (const isReversed of stops.length > 1 ? [false, true] : [false]) {
    const [enter, leave] = isReversed ? [last, first] : [first, last];
    const added =
      distanceBetween(model, a, enter) +
      moved.innerDistance +
      distanceBetween(model, leave, b) -
      distanceBetween(model, a, b);
    const gain =
      rv === r
        ? costOfRoute(state, r) - costChanged(state, r, moved.distanceChange + added, 0, 0)
        : costOfRoute(state, r) +
          costOfRoute(state, rv) -
          costChanged(state, r, moved.distanceChange, -moved.load, -moved.service) -
          costChanged(state, rv, added, moved.load, moved.service);
    if (isBetter(best, gain)) best = { gain, apply: () => moveString(state, moved, rv, a, isReversed) };
  }
  return best;
}

function moveString(
  state: RouteState,
  moved: MovedString,
  rv: number,
  after: number,
  isReversed: boolean,
): void {
  const { r, i } = moved;
  const segment = state.routes[r].splice(i, moved.stops.length);
  if (isReversed) segment.reverse();
  const target = state.routes[rv];
  target.splice(after === 0 ? 0 : target.indexOf(after) + 1, 0, ...segment);
  refreshRoute(state, r);
  if (rv !== r) refreshRoute(state, rv);
}

/** u and a neighbour v of another route trade places. */
function bestSwap(state: RouteState, u: number): Move | undefined {
  const { model } = state;
  const [ru, i] = [state.routeOf[u], state.positionOf[u]];
  const [pu, nu] = [nodeBefore(state, ru, i), nodeAfter(state, ru, i)];
  let best: Move | undefined;
  for (const v of candidatesOf(state, u)) {
    const [rv, j] = [state.routeOf[v], state.positionOf[v]];
    if (rv === ru) continue;
    const [pv, nv] = [nodeBefore(state, rv, j), nodeAfter(state, rv, j)];
    const load = model.demands[v] - model.demands[u];
    const service = model.serviceTimes[v] - model.serviceTimes[u];
    const intoU = around(model, pu, v, nu) - around(model, pu, u, nu);
    const intoV = around(model, pv, u, nv) - around(model, pv, v, nv);
    const gain =
      costOfRoute(state, ru) +
      costOfRoute(state, rv) -
      costChanged(state, ru, intoU, load, service) -
      costChanged(state, rv, intoV, -load, -service);
    if (isBetter(best, gain))
      best = {
        gain,
        apply: () => {
          state.routes[ru][i] = v;
          state.routes[rv][j] = u;
          refreshRoute(state, ru);
          refreshRoute(state, rv);
        },
      };
  }
  return best;
}

/** d(before, node) + d(node, after). */
function around(model: RoutingModel, before: number, node: number, after: number): number {
  return distanceBetween(model, before, node) + distanceBetween(model, node, after);
}

/** Reverses the stretch between u and a neighbour v of the same route, making them adjacent. */
function bestTwoOpt(state: RouteState, u: number): Move | undefined {
  const { model } = state;
  const r = state.routeOf[u];
  const stops = state.routes[r];
  let best: Move | undefined;
  for (const v of candidatesOf(state, u)) {
    if (state.routeOf[v] !== r) continue;
    const [from, to] = [state.positionOf[u], state.positionOf[v]].sort((a, b) => a - b);
    if (to - from < 2) continue;
    const [x, y, afterY] = [stops[from], stops[to], nodeAfter(state, r, to)];
    const change =
      distanceBetween(model, x, y) +
      distanceBetween(model, stops[from + 1], afterY) -
      distanceBetween(model, x, stops[from + 1]) -
      distanceBetween(model, y, afterY);
    const gain = costOfRoute(state, r) - costChanged(state, r, change, 0, 0);
    if (isBetter(best, gain))
      best = {
        gain,
        apply: () => {
          const reversed = stops.slice(from + 1, to + 1).reverse();
          stops.splice(from + 1, reversed.length, ...reversed);
          refreshRoute(state, r);
        },
      };
  }
  return best;
}

/**
 * With u in route A and a neighbour v in route B, either A's head up to u continues with B's
 * tail from v (and B's head takes A's tail), or A's head continues into B's head backwards
 * (and A's tail, backwards, leads into B's tail). Both make u and v adjacent.
 */
function bestTwoOptStar(state: RouteState, u: number): Move | undefined {
  const [ra, i] = [state.routeOf[u], state.positionOf[u]];
  let best: Move | undefined;
  for (const v of candidatesOf(state, u)) {
    const [rb, j] = [state.routeOf[v], state.positionOf[v]];
    if (rb === ra) continue;
    const before = costOfRoute(state, ra) + costOfRoute(state, rb);
    const [tailCost, headCost] = tailExchangeCosts(state, ra, i, rb, j);
    const tailGain = before - tailCost;
    if (isBetter(best, tailGain))
      best = {
        gain: tailGain,
        apply: () =>
          replaceRoutes(state, ra, rb, [
            [...state.routes[ra].slice(0, i + 1), ...state.routes[rb].slice(j)],
            [...state.routes[rb].slice(0, j), ...state.routes[ra].slice(i + 1)],
          ]),
      };
    const headGain = before - headCost;
    if (isBetter(best, headGain))
      best = {
        gain: headGain,
        apply: () =>
          replaceRoutes(state, ra, rb, [
            [...state.routes[ra].slice(0, i + 1), ...state.routes[rb].slice(0, j + 1).reverse()],
            [...state.routes[ra].slice(i + 1).reverse(), ...state.routes[rb].slice(j + 1)],
          ]),
      };
  }
  return best;
}

/** Costs of the two new route pairs of bestTwoOptStar, from prefix sums in O(1). */
function tailExchangeCosts(
  state: RouteState,
  ra: number,
  i: number,
  rb: number,
  j: number,
): [number, number] {
  const { model } = state;
  const [a, b] = [state.totals[ra], state.totals[rb]];
  const [u, v] = [state.routes[ra][i], state.routes[rb][j]];
  const [nu, pv, nv] = [nodeAfter(state, ra, i), nodeBefore(state, rb, j), nodeAfter(state, rb, j)];
  const [headA, headB, headBToV] = [
    distanceUpTo(state, ra, i),
    distanceUpTo(state, rb, j - 1),
    distanceUpTo(state, rb, j),
  ];
  const [loadA, loadB, loadBToV] = [
    loadUpTo(state, ra, i),
    loadUpTo(state, rb, j - 1),
    loadUpTo(state, rb, j),
  ];
  const [timeA, timeB, timeBToV] = [
    serviceUpTo(state, ra, i),
    serviceUpTo(state, rb, j - 1),
    serviceUpTo(state, rb, j),
  ];
  const uToV = distanceBetween(model, u, v);
  const tailA = distanceFrom(state, ra, i + 1);
  const headToTail =
    costOf(
      state,
      headA + uToV + distanceFrom(state, rb, j),
      loadA + b.load - loadB,
      timeA + b.service - timeB,
    ) +
    costOf(
      state,
      headB + distanceBetween(model, pv, nu) + tailA,
      loadB + a.load - loadA,
      timeB + a.service - timeA,
    );
  const headToHead =
    costOf(state, headA + uToV + headBToV, loadA + loadBToV, timeA + timeBToV) +
    costOf(
      state,
      tailA + distanceBetween(model, nu, nv) + distanceFrom(state, rb, j + 1),
      a.load - loadA + b.load - loadBToV,
      a.service - timeA + b.service - timeBToV,
    );
  return [headToTail, headToHead];
}

function replaceRoutes(state: RouteState, ra: number, rb: number, [newA, newB]: number[][]): void {
  state.routes[ra] = newA;
  state.routes[rb] = newB;
  refreshRoute(state, ra);
  refreshRoute(state, rb);
}
