/**
 * The metaheuristic: Clarke-Wright savings for a start, local search, then simulated annealing
 * over SISR ruin-and-recreate steps, and local search again on the best plan found. (Polishing
 * every new best on the way was measured too: no better plans, for two to three times the time.)
 * Overloaded and over-shift plans are allowed on the way at a price that adapts, so the search
 * can cross infeasible ground on tight fleets; only feasible plans are ever kept as the best.
 */
import type { Rng } from '../../../cli/demo-data/random.ts';
import { improveRoutes } from './local-search.ts';
import { type Penalties, type PlanScore, type RoutingModel, scorePlan } from './routing-model.ts';
import { recreate, ruinStrings, sisrSettings } from './ruin-recreate.ts';
import { savingsRoutes } from './savings.ts';

/** Start and end temperatures, in typical depot distances (SISR's 100 → 1 on its 0–1000 grids). */
const hotTemperature = 0.3;
const coldTemperature = 0.003;
const penaltyReviewEvery = 100;
const targetFeasibleShare = 0.5;

interface Candidate {
  routes: number[][];
  score: PlanScore;
}

/** The best feasible plan found in `iterations` steps, or undefined when none was feasible. */
export function searchRoutes(model: RoutingModel, rng: Rng, iterations: number): number[][] | undefined {
  const penalties = initialPenalties(model);
  const start = improveRoutes(model, penalties, fitToFleet(model, penalties, savingsRoutes(model), rng), rng);
  let current: Candidate = { routes: start, score: scorePlan(model, penalties, start) };
  let best: Candidate | undefined = current.score.isFeasible ? current : undefined;
  const feasibleShare = { load: 0, duration: 0 };
  for (let iteration = 0; iteration < iterations; iteration++) {
    const temperature = temperatureAt(model, iteration / iterations);
    const candidate = ruinAndRecreate(model, penalties, current.routes, rng);
    if (candidate.score.isFeasible && candidate.score.distance < (best?.score.distance ?? Infinity)) {
      best = candidate;
      current = candidate;
    } else if (candidate.score.cost < current.score.cost - temperature * Math.log(rng())) {
      current = candidate;
    }
    feasibleShare.load += candidate.score.loadExcess === 0 ? 1 : 0;
    feasibleShare.duration += candidate.score.durationExcess === 0 ? 1 : 0;
    if ((iteration + 1) % penaltyReviewEvery === 0) {
      adaptPenalties(model, penalties, feasibleShare);
      current = { routes: current.routes, score: scorePlan(model, penalties, current.routes) };
    }
  }
  return best && polished(model, strictPenalties(model), best, rng).routes;
}

function ruinAndRecreate(
  model: RoutingModel,
  penalties: Penalties,
  routes: readonly number[][],
  rng: Rng,
): Candidate {
  const next = routes.map((stops) => [...stops]);
  recreate(model, penalties, next, ruinStrings(model, next, rng, sisrSettings), rng, sisrSettings);
  const nonEmpty = next.filter((stops) => stops.length > 0);
  return { routes: nonEmpty, score: scorePlan(model, penalties, nonEmpty) };
}

/** The candidate after local search, if that keeps it feasible and shortens it. */
function polished(model: RoutingModel, penalties: Penalties, candidate: Candidate, rng: Rng): Candidate {
  const routes = improveRoutes(model, penalties, candidate.routes, rng);
  const score = scorePlan(model, penalties, routes);
  return score.isFeasible && score.distance < candidate.score.distance ? { routes, score } : candidate;
}

function temperatureAt(model: RoutingModel, progress: number): number {
  return model.typicalDistance * hotTemperature * (coldTemperature / hotTemperature) ** progress;
}

/**
 * Savings may need more routes than the fleet has; the smallest extra routes are dissolved and
 * their customers put where they cost least, overloading if need be for the search to repair.
 */
function fitToFleet(model: RoutingModel, penalties: Penalties, routes: number[][], rng: Rng): number[][] {
  if (routes.length <= model.maxRoutes) return routes;
  const byLoad = [...routes].sort((a, b) => loadOf(model, a) - loadOf(model, b));
  const dissolved = byLoad.slice(0, routes.length - model.maxRoutes).flat();
  const kept = byLoad.slice(routes.length - model.maxRoutes);
  recreate(model, penalties, kept, dissolved, rng, { ...sisrSettings, blinkRate: 0 });
  return kept;
}

function loadOf(model: RoutingModel, stops: readonly number[]): number {
  return stops.reduce((load, stop) => load + model.demands[stop], 0);
}

/**
 * Starting prices: an overload by a typical stop's demand costs about a typical depot distance,
 * and so does running over the shift by the time a typical trip out takes.
 */
function initialPenalties(model: RoutingModel): Penalties {
  const meanDemand = model.demands.reduce((a, b) => a + b, 0) / (model.size - 1) || 1;
  const meanService = model.serviceTimes.reduce((a, b) => a + b, 0) / (model.size - 1);
  const meanTravel = model.typicalDistance * model.timePerDistance + meanService;
  return {
    load: model.typicalDistance / meanDemand,
    duration: meanTravel > 0 ? model.typicalDistance / meanTravel : 1,
  };
}

/** Penalties so high that no gain in distance pays for an overload: for the final polish. */
function strictPenalties(model: RoutingModel): Penalties {
  const base = initialPenalties(model);
  return { load: base.load * 1e6, duration: base.duration * 1e6 };
}

/**
 * Keeps about half the candidates within each limit: a price too low lets the search settle in
 * overloaded plans, one too high walls it into the first feasible region it found.
 */
function adaptPenalties(model: RoutingModel, penalties: Penalties, feasibleShare: Penalties): void {
  const base = initialPenalties(model);
  for (const limit of ['load', 'duration'] as const) {
    const share = feasibleShare[limit] / penaltyReviewEvery;
    const factor = share < targetFeasibleShare ? 1.5 : 0.85;
    penalties[limit] = Math.min(base[limit] * 1e4, Math.max(base[limit] * 0.1, penalties[limit] * factor));
    feasibleShare[limit] = 0;
  }
}
