import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { App } from '../app.ts';
import {
  parseRoutingProblem,
  planRoutes,
  type RoutePlan,
  type RoutingProblem,
} from '../modules/logistics/route-planning/index.ts';
import { AppError } from '../platform/errors.ts';

/** `ordo routes plan`: from a file, or from the same-day orders waiting (docs/routes.md). */
export function routesCommand(program: Command, quietApp: () => Promise<App>): void {
  program
    .command('routes')
    .description("delivery routes for the shop's own riders")
    .command('plan [file]')
    .description(
      'plan capacitated routes for a JSON stop list, a TSPLIB/CVRPLIB .vrp instance, or --from-orders',
    )
    .option('--json', 'print {"routes": [[stop ids…], …], "totalDistance": N} only (--from-orders: the runs)')
    .option('--vehicles <n>', 'most routes the fleet may drive (default: the file’s, else as many as needed)')
    .option('--from-orders', 'the same-day orders packed and waiting, by district and street')
    .option('--capacity <n>', 'with --from-orders: parcels one rider carries', '20')
    .action(async (file: string | undefined, opts) => {
      const options = {
        isJson: Boolean(opts.json),
        vehicles: opts.vehicles === undefined ? undefined : String(opts.vehicles),
      };
      if (!opts.fromOrders) return planRoutesFile(requiredFile(file), options);
      const app = await quietApp();
      try {
        await planSameDayRuns(app, { ...options, capacity: String(opts.capacity) });
      } finally {
        await app.close();
      }
    });
}

/**
 * `ordo routes plan FILE [--json]`: plans the riders' routes for a stop list or a `.vrp`
 * instance. The human output ends with `total distance: N`; `--json` prints only
 * `{"routes": [[ids…], …], "totalDistance": N}`, ids as the file numbers them, depot left out.
 */
async function planRoutesFile(file: string, options: { isJson: boolean; vehicles?: string }): Promise<void> {
  const problem = withFleet(await readProblem(file), options.vehicles);
  const result = planRoutes(problem);
  if (result.kind === 'unplannable') throw new AppError('VALIDATION_FAILED', `${file}: ${result.reason}`);
  const { plan } = result;
  const lines = options.isJson
    ? [JSON.stringify({ routes: plan.routes.map((route) => route.stops), totalDistance: plan.totalDistance })]
    : planLines(problem, plan);
  for (const line of lines) console.log(line);
}

/** The stop list's file, unless the plan is `--from-orders`. */
function requiredFile(file: string | undefined): string {
  if (file === undefined)
    throw new AppError('VALIDATION_FAILED', 'name a stop list or .vrp file, or plan --from-orders', {
      field: 'file',
    });
  return file;
}

/**
 * `ordo routes plan --from-orders [--capacity N] [--vehicles N] [--json]`: the riders' runs for
 * the same-day orders packed and waiting, one line per rider, its doors in riding order.
 */
async function planSameDayRuns(
  app: App,
  options: { isJson: boolean; vehicles?: string; capacity: string },
): Promise<void> {
  const plan = await app.logistics.routes.planSameDay({
    capacity: wholeNumber('capacity', options.capacity),
    riders: options.vehicles === undefined ? undefined : wholeNumber('vehicles', options.vehicles),
  });
  if (options.isJson) {
    console.log(JSON.stringify(plan));
    return;
  }
  console.log(
    `same-day parcels: ${plan.orderCount} orders to ${plan.stopCount} doors, ${plan.runs.length} riders of capacity ${plan.capacity}`,
  );
  for (const [index, run] of plan.runs.entries()) {
    const doors = run.stops.map((stop) => `${stop.street} (${stop.orders.join(', ')})`).join(' · ');
    console.log(`rider ${index + 1} (load ${run.load}/${plan.capacity}) ${run.zones.join(' + ')}: ${doors}`);
  }
}

function wholeNumber(field: string, value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1)
    throw new AppError(
      'VALIDATION_FAILED',
      `--${field} must be a whole number of at least 1, not "${value}"`,
      {
        field,
      },
    );
  return Number(value);
}

/** `--vehicles N` overrides the file's fleet; without it the file decides (none: as many as needed). */
function withFleet(problem: RoutingProblem, vehicles: string | undefined): RoutingProblem {
  if (vehicles === undefined) return problem;
  return { ...problem, vehicleCount: wholeNumber('vehicles', vehicles) };
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
