import fs from 'node:fs';
import path from 'node:path';
import { mulberry32 } from '../src/cli/demo-data/index.ts';
import {
  parseVrp,
  planRoutes,
  type RoutingProblem,
  stopListProblem,
} from '../src/modules/logistics/route-planning/index.ts';

/**
 * Route planning quality and speed: each standard CVRPLIB instance in test/fixtures/cvrp
 * against its proven optimum (target: within 5%), and a seeded random 200-stop rider day against
 * a 2 s bound. The planner runs with the CLI's default budget, so these are the CLI's plans.
 */
const instancesDir = path.resolve(import.meta.dirname, '../test/fixtures/cvrp');
const RANDOM_STOPS = 200;
const BOUND_SECONDS = 2;

export interface StandardInstance {
  name: string;
  problem: RoutingProblem;
  optimum: number;
}

/** The instances of the README's table (`| name | … | optimum |`) with the optimum it states. */
export function loadStandardInstances(dir = instancesDir): StandardInstance[] {
  const readme = fs.readFileSync(path.join(dir, 'README.md'), 'utf8');
  // The A, E and P optima are proven for exactly the k vehicles of the name, so they are planned
  // with that fleet here; `ordo routes plan` itself takes k as no limit (docs/routes.md).
  return [...readme.matchAll(/^\|\s*([\w-]+)\s*\|.*\|\s*(\d+)\s*\|\s*$/gm)].map(([, name, optimum]) => ({
    name,
    problem: {
      ...parseVrp(fs.readFileSync(path.join(dir, `${name}.vrp`), 'utf8')),
      vehicleCount: Number(/-k(\d+)$/.exec(name)![1]),
    },
    optimum: Number(optimum),
  }));
}

/**
 * A day of community deliveries: stops spread over a 20 × 20 km grid around the shop, 1–10
 * parcels each, riders carrying 100, one rider more than the parcels strictly need.
 */
function randomRiderDay(stopCount: number, seed: number): RoutingProblem {
  const random = mulberry32(seed);
  const stops = Array.from({ length: stopCount }, (_, i) => ({
    id: i + 1,
    x: random() * 20,
    y: random() * 20,
    demand: 1 + Math.floor(random() * 10),
  }));
  const parcels = stops.reduce((sum, stop) => sum + stop.demand, 0);
  return stopListProblem({
    name: `random ${stopCount} stops`,
    depot: { x: 10, y: 10 },
    vehicles: { count: Math.ceil(parcels / 100) + 1, capacity: 100 },
    stops,
  });
}

export async function runRoutesBench(): Promise<string[]> {
  const lines = loadStandardInstances().map(({ name, problem, optimum }) => {
    const { distance, seconds } = timedPlan(problem);
    if (distance === undefined)
      return `routes ${name}: no plan (optimum ${optimum}) in ${seconds.toFixed(2)} s`;
    const gap = ((distance - optimum) / optimum) * 100;
    return `routes ${name}: ${distance} (optimum ${optimum}, gap ${gap.toFixed(1)}%) in ${seconds.toFixed(2)} s`;
  });
  const day = timedPlan(randomRiderDay(RANDOM_STOPS, 20_261_122));
  // CPU time beside wall time: on a shared machine the wall clock also counts other processes.
  lines.push(
    `routes ${RANDOM_STOPS} stops: ${day.distance ?? 'no plan'} km, ${day.routeCount} routes, ${day.cpuSeconds.toFixed(2)} s of CPU, in ${day.seconds.toFixed(2)} s (bound ${BOUND_SECONDS} s)`,
  );
  return lines;
}

function timedPlan(problem: RoutingProblem) {
  const [started, cpuStarted] = [performance.now(), process.cpuUsage()];
  const result = planRoutes(problem);
  const cpu = process.cpuUsage(cpuStarted);
  const seconds = (performance.now() - started) / 1000;
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  return result.kind === 'planned'
    ? { distance: result.plan.totalDistance, routeCount: result.plan.routes.length, seconds, cpuSeconds }
    : { distance: undefined, routeCount: 0, seconds, cpuSeconds };
}

/** `npm run bench -- routes`, once registered in bench/run.ts. */
export async function run(): Promise<void> {
  for (const line of await runRoutesBench()) console.log(line);
}
