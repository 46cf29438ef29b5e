import { readFile } from 'node:fs/promises';
import {
  parseRoutingProblem,
  planRoutes,
  type RoutePlan,
  type RoutingProblem,
} from '../modules/logistics/route-planning/index.ts';
import { AppError } from '../platform/errors.ts';

/**
 * `ordo routes plan FILE [--json]`: plans the riders' routes for a stop list or a `.vrp`
 * instance. The human output ends with `total distance: N`; `--json` prints only
 * `{"routes": [[ids…], …], "totalDistance": N}`, ids as the file numbers them, depot left out.
 */
export async function planRoutesFile(
  file: string,
  options: { isJson: boolean; vehicles?: string },
): Promise<void> {
  const problem = withFleet(await readProblem(file), options.vehicles);
  const result = planRoutes(problem);
  if (result.kind === 'unplannable') throw new AppError('VALIDATION_FAILED', `${file}: ${result.reason}`);
  const { plan } = result;
  const lines = options.isJson
    ? [JSON.stringify({ routes: plan.routes.map((route) => route.stops), totalDistance: plan.totalDistance })]
    : planLines(problem, plan);
  for (const line of lines) console.log(line);
}

/** `--vehicles N` overrides the file's fleet; without it the file decides (none: as many as needed). */
function withFleet(problem: RoutingProblem, vehicles: string | undefined): RoutingProblem {
  if (vehicles === undefined) return problem;
  const count = Number(vehicles);
  if (!/^\d+$/.test(vehicles) || count < 1)
    throw new AppError(
      'VALIDATION_FAILED',
      `--vehicles must be a whole number of at least 1, not "${vehicles}"`,
      {
        field: 'vehicles',
      },
    );
  return { ...problem, vehicleCount: count };
}

async function readProblem(file: string): Promise<RoutingProblem> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new AppError(
      'FILE_NOT_FOUND',
      `${file}: ${code === 'ENOENT' ? 'no such file' : `cannot read (${code})`}`,
    );
  }
  try {
    return parseRoutingProblem(text, file);
  } catch (error) {
    // The reason names the file, so a script running several plans can tell which one failed.
    if (error instanceof AppError) throw new AppError(error.code, `${file}: ${error.message}`, error.details);
    throw error;
  }
}

/** `route 1: 12 5 29 (load 94/100, distance 180)` per route, then the total on the last line. */
function planLines(problem: RoutingProblem, plan: RoutePlan): string[] {
  const fleet =
    problem.vehicleCount === undefined ? 'as many vehicles as needed' : `${problem.vehicleCount} vehicles`;
  const header = `${problem.name}: ${problem.nodeIds.length - 1} stops, ${plan.routes.length} routes (${fleet} of capacity ${problem.capacity})`;
  const routes = plan.routes.map((route, index) => {
    const shift = problem.shift
      ? `, time ${Math.round(route.duration ?? 0)}/${problem.shift.maxDuration}`
      : '';
    return `route ${index + 1}: ${route.stops.join(' ')} (load ${route.load}/${problem.capacity}, distance ${route.distance}${shift})`;
  });
  return [header, ...routes, `total distance: ${plan.totalDistance}`];
}
