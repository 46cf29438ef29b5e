/**
 * The routing problem every input format is turned into: one depot, customers with a demand,
 * a fleet of identical vehicles and a distance matrix. Index 0 is always the depot; the ids
 * the input file used are kept beside, so plans are reported in the file's own numbering.
 */
export type NodeId = number | string;

/** A limit on how long one route may take: travel time plus the time spent at each stop. */
export interface ShiftLimit {
  maxDuration: number;
  /** Time units per distance unit (minutes per km for stop lists, 1 for TSPLIB `DISTANCE`). */
  timePerDistance: number;
  /** Per node, index 0 the depot (always 0). */
  serviceTimes: readonly number[];
}

export interface RoutingProblem {
  name: string;
  /** Node ids as the input numbers them; index 0 is the depot. */
  nodeIds: readonly NodeId[];
  /** Per node, index 0 the depot (always 0). */
  demands: readonly number[];
  capacity: number;
  /** Most routes the fleet can drive; undefined when there are as many vehicles as needed. */
  vehicleCount?: number;
  /** Row-major node × node distances, already rounded the way the input format defines. */
  distances: Float64Array;
  shift?: ShiftLimit;
  /** Decimals a distance is reported with: 0 for TSPLIB's integers, 3 for kilometres to the metre. */
  distanceDecimals: number;
}

/**
 * Why no plan can exist, before any search: a stop no vehicle can carry or reach within a shift,
 * or more demand than the whole fleet carries. Undefined when the problem may be plannable.
 */
export function unplannableReason(problem: RoutingProblem): string | undefined {
  const { demands, capacity, nodeIds, vehicleCount } = problem;
  if (vehicleCount !== undefined && vehicleCount < 1) return 'the fleet has no vehicles';
  for (let node = 1; node < nodeIds.length; node++) {
    if (demands[node] > capacity)
      return `stop ${nodeIds[node]} needs ${demands[node]}, more than a vehicle's capacity of ${capacity}`;
    if (!isReachableInOneShift(problem, node))
      return `stop ${nodeIds[node]} cannot be served within one shift even on a route of its own`;
  }
  const totalDemand = demands.reduce((sum, demand) => sum + demand, 0);
  if (vehicleCount !== undefined && totalDemand > vehicleCount * capacity)
    return `the stops need ${totalDemand} in all, more than ${vehicleCount} vehicles of capacity ${capacity} carry`;
  return undefined;
}

function isReachableInOneShift(problem: RoutingProblem, node: number): boolean {
  if (!problem.shift) return true;
  const { maxDuration, timePerDistance, serviceTimes } = problem.shift;
  const n = problem.nodeIds.length;
  const roundTrip = problem.distances[node] + problem.distances[node * n];
  return roundTrip * timePerDistance + serviceTimes[node] <= maxDuration;
}
