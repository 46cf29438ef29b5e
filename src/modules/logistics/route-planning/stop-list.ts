/**
 * The JSON stop list a dispatcher writes for the shop's own riders (docs/routes.md):
 *
 *   {
 *     "name": "Saturday community run",                        optional
 *     "depot": { "id": "shop", "lat": 30.2741, "lng": 120.1551 },
 *     "vehicles": { "count": 3, "capacity": 40, "shiftMinutes": 240, "speedKmh": 20 },
 *     "stops": [ { "id": "A-1001", "lat": 30.2812, "lng": 120.1633, "demand": 4, "serviceMinutes": 5 } ]
 *   }
 *
 * Every place is either `lat`/`lng` (great-circle km) or `x`/`y` (km on a local map grid), the
 * same kind throughout. `count` left out means as many riders as needed. `shiftMinutes` caps a
 * route's riding time at `speedKmh` plus its stops' `serviceMinutes`, and needs `speedKmh`.
 */
import { z } from 'zod';
import { AppError } from '../../../platform/errors.ts';
import { distanceMatrix, type GeoPoint, gridKm, haversineKm, type PlanePoint } from './distance.ts';
import type { NodeId, RoutingProblem } from './problem.ts';

const place = {
  x: z.number().optional(),
  y: z.number().optional(),
  lat: z.number().min(-90).max(90).optional(),
  lng: z.number().min(-180).max(180).optional(),
};
const nodeId = z.union([z.string().min(1), z.number().int()]);

const stopListSchema = z.object({
  name: z.string().optional(),
  depot: z.object({ id: nodeId.optional(), ...place }),
  vehicles: z.object({
    count: z.number().int().positive().optional(),
    capacity: z.number().positive(),
    shiftMinutes: z.number().positive().optional(),
    speedKmh: z.number().positive().optional(),
  }),
  stops: z
    .array(
      z.object({
        id: nodeId,
        demand: z.number().min(0),
        serviceMinutes: z.number().min(0).optional(),
        ...place,
      }),
    )
    .min(1),
});

export type StopList = z.infer<typeof stopListSchema>;
type Place = { x?: number; y?: number; lat?: number; lng?: number };

export function parseStopList(text: string): RoutingProblem {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new AppError('INVALID_JSON', `not a valid stop list: ${(error as Error).message}`);
  }
  const parsed = stopListSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw stopListError(issue.path.join('.') || '(top level)', issue.message);
  }
  return stopListProblem(parsed.data);
}

export function stopListProblem(list: StopList): RoutingProblem {
  const places = [list.depot, ...list.stops];
  const ids: NodeId[] = [list.depot.id ?? 'depot', ...list.stops.map((stop) => stop.id)];
  assertUniqueIds(ids);
  const { vehicles } = list;
  if (vehicles.shiftMinutes !== undefined && vehicles.speedKmh === undefined)
    throw stopListError('vehicles.speedKmh', 'is needed to turn distances into minutes for shiftMinutes');
  return {
    name: list.name ?? 'stop list',
    nodeIds: ids,
    demands: [0, ...list.stops.map((stop) => stop.demand)],
    capacity: vehicles.capacity,
    vehicleCount: vehicles.count,
    distances: distancesBetween(places),
    shift:
      vehicles.shiftMinutes === undefined
        ? undefined
        : {
            maxDuration: vehicles.shiftMinutes,
            timePerDistance: 60 / vehicles.speedKmh!,
            serviceTimes: [0, ...list.stops.map((stop) => stop.serviceMinutes ?? 0)],
          },
    distanceDecimals: 3,
  };
}

/** Great-circle km when the places are lat/lng, grid km when x/y; mixing the two is an error. */
function distancesBetween(places: readonly Place[]): Float64Array {
  const isGeo = hasLatLng(places[0]);
  for (const [index, point] of places.entries()) {
    const field = index === 0 ? 'depot' : `stops.${index - 1}`;
    if (isGeo ? !hasLatLng(point) : !hasXY(point))
      throw stopListError(
        field,
        isGeo ? 'needs lat and lng like the depot' : 'needs x and y, or lat and lng',
      );
  }
  return isGeo
    ? distanceMatrix(places as GeoPoint[], haversineKm)
    : distanceMatrix(places as PlanePoint[], gridKm);
}

function hasLatLng(point: Place): boolean {
  return point.lat !== undefined && point.lng !== undefined;
}

function hasXY(point: Place): boolean {
  return point.x !== undefined && point.y !== undefined;
}

// Plans are printed by id, so two stops with one id would make a plan ambiguous.
function assertUniqueIds(ids: readonly NodeId[]): void {
  const seen = new Set<string>();
  for (const [index, id] of ids.entries()) {
    if (seen.has(String(id)))
      throw stopListError(index === 0 ? 'depot.id' : `stops.${index - 1}.id`, `"${id}" is used twice`);
    seen.add(String(id));
  }
}

function stopListError(field: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', `not a valid stop list: ${field} ${message}`, { field });
}
