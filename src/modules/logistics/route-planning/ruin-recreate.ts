/**
 * Ruin and recreate after SISR, "Slack Induction by String Removals" (Christiaens & Vanden
 * Berghe, Transportation Science 2020): remove a few strings of consecutive customers from
 * routes near a random seed customer, then put them back one by one at their cheapest place,
 * skipping ("blinking" over) each place with a small probability. Removing strings rather than
 * scattered customers opens room in neighbouring routes at once, which is what lets a full
 * fleet reorganise.
 */
import { type Rng, shuffled } from '../../../cli/demo-data/random.ts';
import {
  distanceBetween,
  durationExcess,
  loadExcess,
  type Penalties,
  type RouteTotals,
  type RoutingModel,
  routeTotals,
} from './routing-model.ts';

export interface RuinSettings {
  /** Mean number of customers removed per ruin (c̄ in the paper). */
  averageRemoved: number;
  /** Longest string removed from one route (L^max). */
  longestString: number;
  /** Chance to remove a split string: a string with a kept stretch in its middle. */
  splitRate: number;
  /** Chance to stop growing the kept stretch of a split string at each step. */
  splitDepth: number;
  /** Chance to skip each insertion place. */
  blinkRate: number;
}

export const sisrSettings: RuinSettings = {
  averageRemoved: 10,
  longestString: 10,
  splitRate: 0.5,
  splitDepth: 0.01,
  blinkRate: 0.01,
};

/** Removes strings of customers from `routes` in place; returns the removed customers. */
export function ruinStrings(
  model: RoutingModel,
  routes: number[][],
  rng: Rng,
  settings: RuinSettings,
): number[] {
  const routeOf = new Int32Array(model.size).fill(-1);
  for (const [r, stops] of routes.entries()) for (const stop of stops) routeOf[stop] = r;
  const customers = model.size - 1;
  const usedRoutes = routes.filter((stops) => stops.length > 0).length;
  const longest = Math.min(settings.longestString, customers / usedRoutes);
  const maxStrings = (4 * settings.averageRemoved) / (1 + longest) - 1;
  const stringCount = Math.floor(rng() * maxStrings) + 1;
  const seed = 1 + Math.floor(rng() * customers);
  const removed: number[] = [];
  const ruined = new Set<number>();
  for (const customer of [seed, ...model.neighbours[seed]]) {
    if (ruined.size >= stringCount) break;
    const r = routeOf[customer];
    if (r < 0 || ruined.has(r)) continue;
    const stops = routes[r];
    const length = Math.floor(rng() * Math.min(stops.length, longest)) + 1;
    const taken =
      length < stops.length && rng() < settings.splitRate
        ? removeSplitString(stops, customer, length, rng, settings.splitDepth)
        : removeString(stops, customer, length, rng);
    for (const stop of taken) routeOf[stop] = -1;
    removed.push(...taken);
    ruined.add(r);
  }
  return removed;
}

function removeString(stops: number[], customer: number, length: number, rng: Rng): number[] {
  return stops.splice(windowStart(stops, customer, length, rng), length);
}

/**
 * A string of `length` customers removed from a window of `length + kept` around `customer`,
 * the window's middle stretch of `kept` staying: the removed pieces on either side open slack
 * at two places of the route at once.
 */
function removeSplitString(
  stops: number[],
  customer: number,
  length: number,
  rng: Rng,
  depth: number,
): number[] {
  let kept = 1;
  while (length + kept < stops.length && rng() > depth) kept++;
  const start = windowStart(stops, customer, length + kept, rng);
  const keptFrom = start + Math.floor(rng() * (length + 1));
  const removed = [...stops.slice(start, keptFrom), ...stops.slice(keptFrom + kept, start + length + kept)];
  stops.splice(start, length + kept, ...stops.slice(keptFrom, keptFrom + kept));
  return removed;
}

/** A random start of a window of `size` consecutive stops that contains `customer`. */
function windowStart(stops: number[], customer: number, size: number, rng: Rng): number {
  const position = stops.indexOf(customer);
  const first = Math.max(0, position - size + 1);
  const last = Math.min(position, stops.length - size);
  return first + Math.floor(rng() * (last - first + 1));
}

/**
 * Puts every removed customer back at its cheapest feasible place (a spare vehicle included while
 * the fleet has one); where none is feasible, at the place of least penalised cost.
 */
export function recreate(
  model: RoutingModel,
  penalties: Penalties,
  routes: number[][],
  removed: number[],
  rng: Rng,
  settings: RuinSettings,
): void {
  const totals = routes.map((stops) => routeTotals(model, stops));
  for (const customer of insertionOrder(model, removed, rng)) {
    // Blinking can, rarely, skip every place; then the customer takes the cheapest without blinks.
    const place =
      cheapestPlace(model, penalties, routes, totals, customer, rng, settings.blinkRate) ??
      cheapestPlace(model, penalties, routes, totals, customer, rng, 0)!;
    if (place.route === routes.length) {
      routes.push([]);
      totals.push({ distance: 0, load: 0, service: 0 });
    }
    routes[place.route].splice(place.position, 0, customer);
    totals[place.route] = place.totals;
  }
}

/** SISR's orders and their weights: random 4, largest demand 4, farthest 2, closest 1. */
function insertionOrder(model: RoutingModel, customers: number[], rng: Rng): number[] {
  const pick = rng() * 11;
  const fromDepot = (c: number) => distanceBetween(model, 0, c);
  if (pick < 4) return shuffled(rng, customers);
  if (pick < 8) return [...customers].sort((a, b) => model.demands[b] - model.demands[a] || a - b);
  if (pick < 10) return [...customers].sort((a, b) => fromDepot(b) - fromDepot(a) || a - b);
  return [...customers].sort((a, b) => fromDepot(a) - fromDepot(b) || a - b);
}

interface Place {
  route: number;
  position: number;
  totals: RouteTotals;
}

/**
 * The cheapest feasible place for `customer` by added distance, else the one of least added
 * penalised cost; undefined only when blinking skipped every place. This loop is most of the
 * solver's time, hence the flat arithmetic and no allocation per place.
 */
function cheapestPlace(
  model: RoutingModel,
  penalties: Penalties,
  routes: number[][],
  totals: RouteTotals[],
  customer: number,
  rng: Rng,
  blinkRate: number,
): Place | undefined {
  const { distances, size } = model;
  const row = customer * size;
  const hasShift = model.maxDuration < Number.POSITIVE_INFINITY;
  let [feasibleRoute, feasiblePosition, feasibleCost] = [-1, 0, Number.POSITIVE_INFINITY];
  let [penalisedRoute, penalisedPosition, penalisedCost] = [-1, 0, Number.POSITIVE_INFINITY];
  let used = 0;
  let spare = -1;
  for (let r = 0; r < routes.length; r++) {
    const stops = routes[r];
    if (stops.length === 0) {
      spare = r;
      continue;
    }
    used++;
    const old = totals[r];
    const load = old.load + model.demands[customer];
    const service = old.service + model.serviceTimes[customer];
    const fitsLoad = loadExcess(model, load) === 0;
    const loadCost = penalties.load * (loadExcess(model, load) - loadExcess(model, old.load));
    const oldShiftCost = hasShift ? penalties.duration * durationExcess(model, old.distance, old.service) : 0;
    for (let position = 0; position <= stops.length; position++) {
      if (blinkRate > 0 && rng() < blinkRate) continue;
      const before = position > 0 ? stops[position - 1] : 0;
      const after = position < stops.length ? stops[position] : 0;
      const added = distances[row + before] + distances[row + after] - distances[before * size + after];
      const overShift = hasShift ? durationExcess(model, old.distance + added, service) : 0;
      if (fitsLoad && overShift === 0 && added < feasibleCost)
        [feasibleRoute, feasiblePosition, feasibleCost] = [r, position, added];
      const cost = added + loadCost + penalties.duration * overShift - oldShiftCost;
      if (cost < penalisedCost) [penalisedRoute, penalisedPosition, penalisedCost] = [r, position, cost];
    }
  }
  // A spare vehicle: the unplannable check ensured any one customer fits a route of its own.
  const roundTrip = distances[customer] + distances[row];
  if (used < model.maxRoutes && roundTrip < feasibleCost)
    [feasibleRoute, feasiblePosition] = [spare >= 0 ? spare : routes.length, 0];
  const [route, position] =
    feasibleRoute >= 0 ? [feasibleRoute, feasiblePosition] : [penalisedRoute, penalisedPosition];
  if (route < 0) return undefined;
  const stops = routes[route] ?? [];
  return {
    route,
    position,
    totals: routeTotals(model, [...stops.slice(0, position), customer, ...stops.slice(position)]),
  };
}
