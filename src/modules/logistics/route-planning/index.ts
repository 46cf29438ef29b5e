/**
 * Route planning for the shop's own riders (same-day and community deliveries): read a stop
 * list or a CVRPLIB instance, plan capacitated routes for a fixed fleet; or, without coordinates,
 * runs by zone and street from the orders' addresses. Pure; callers read files and orders.
 */
import { extname } from 'node:path';
import type { RoutingProblem } from './problem.ts';
import { parseStopList } from './stop-list.ts';
import { parseVrp } from './vrp-format.ts';

export type { NodeId, RoutingProblem } from './problem.ts';
export {
  type PlannedRoute,
  type PlanOptions,
  planRoutes,
  type RoutePlan,
  type RoutePlanResult,
} from './solver.ts';
export { type StopList, stopListProblem } from './stop-list.ts';
export {
  type ParcelAddress,
  planZoneRuns,
  stopsByAddress,
  type ZoneRun,
  type ZoneStop,
} from './zone-runs.ts';
export { parseStopList, parseVrp };

/** A `.vrp` instance or a JSON stop list, told apart by extension, else by a leading `{`. */
export function parseRoutingProblem(text: string, fileName: string): RoutingProblem {
  const extension = extname(fileName).toLowerCase();
  if (extension === '.vrp') return parseVrp(text);
  if (extension === '.json' || text.trimStart().startsWith('{')) return parseStopList(text);
  return parseVrp(text);
}
