import type { RoutePlan, StopId } from '../../api/fulfilment';

/**
 * The console's reading of a stop list (docs/routes.md), only as far as drawing and printing
 * need: places and demands. The server validates the list in full when it plans.
 */
export type Place = { id: StopId; x: number; y: number; demand: number; serviceMinutes?: number };
export type StopListView = {
  name?: string;
  depot: Place;
  stops: Place[];
  capacity: number | null;
  /** lat/lng (x = lng, y = lat) rather than a local grid in km. */
  isGeo: boolean;
};
/** One rider's route with its stops in riding order, as the sheet prints it. */
export type VehicleRoute = { stops: Place[]; load: number; distance: number; duration?: number };

type RawPlace = {
  id?: StopId;
  x?: number;
  y?: number;
  lat?: number;
  lng?: number;
  demand?: number;
  serviceMinutes?: number;
};

function placeOf(raw: RawPlace, fallbackId: StopId, isGeo: boolean): Place | null {
  const x = isGeo ? raw.lng : raw.x;
  const y = isGeo ? raw.lat : raw.y;
  if (typeof x !== 'number' || typeof y !== 'number') return null;
  return { id: raw.id ?? fallbackId, x, y, demand: raw.demand ?? 0, serviceMinutes: raw.serviceMinutes };
}

/** The stop list for the map, or why it cannot be read (the server says more when planning). */
export function readStopList(text: string): { list: StopListView; json: unknown } | { error: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { error: (error as Error).message };
  }
  const raw = json as {
    name?: string;
    depot?: RawPlace;
    stops?: RawPlace[];
    vehicles?: { capacity?: number };
  };
  if (!raw || typeof raw !== 'object' || !raw.depot || !Array.isArray(raw.stops))
    return { error: 'depot, stops' };
  const isGeo = typeof raw.depot.lat === 'number';
  const depot = placeOf(raw.depot, 'depot', isGeo);
  const stops = raw.stops.map((stop, index) => placeOf(stop, index + 1, isGeo));
  if (!depot || stops.some((stop) => stop === null)) return { error: isGeo ? 'lat, lng' : 'x, y' };
  return {
    json,
    list: { name: raw.name, depot, stops: stops as Place[], capacity: raw.vehicles?.capacity ?? null, isGeo },
  };
}

/** The plan's routes with the places of their stops, in riding order. */
export function vehicleRoutes(plan: RoutePlan, list: StopListView): VehicleRoute[] {
  const byId = new Map(list.stops.map((stop) => [String(stop.id), stop]));
  return plan.routes.map((route) => ({
    ...route,
    stops: route.stops.map(
      (id) => byId.get(String(id)) ?? { id, x: list.depot.x, y: list.depot.y, demand: 0 },
    ),
  }));
}

/** A small Saturday run in Hangzhou: three riders of 40 parcels from the shop. */
export const exampleStopList = {
  name: 'Saturday community run',
  depot: { id: 'shop', lat: 30.2741, lng: 120.1551 },
  vehicles: { count: 3, capacity: 40, shiftMinutes: 240, speedKmh: 20 },
  stops: [
    { id: 'A-1001', lat: 30.2812, lng: 120.1633, demand: 4, serviceMinutes: 5 },
    { id: 'A-1002', lat: 30.2905, lng: 120.1502, demand: 6, serviceMinutes: 5 },
    { id: 'A-1003', lat: 30.2968, lng: 120.1711, demand: 3, serviceMinutes: 4 },
    { id: 'A-1004', lat: 30.2689, lng: 120.1812, demand: 8, serviceMinutes: 6 },
    { id: 'A-1005', lat: 30.2593, lng: 120.1705, demand: 5, serviceMinutes: 5 },
    { id: 'A-1006', lat: 30.2552, lng: 120.1468, demand: 7, serviceMinutes: 5 },
    { id: 'A-1007', lat: 30.2637, lng: 120.1307, demand: 2, serviceMinutes: 3 },
    { id: 'A-1008', lat: 30.2785, lng: 120.1289, demand: 9, serviceMinutes: 6 },
    { id: 'A-1009', lat: 30.2871, lng: 120.1352, demand: 4, serviceMinutes: 4 },
    { id: 'A-1010', lat: 30.3012, lng: 120.1581, demand: 6, serviceMinutes: 5 },
    { id: 'A-1011', lat: 30.2489, lng: 120.1623, demand: 5, serviceMinutes: 5 },
    { id: 'A-1012', lat: 30.2733, lng: 120.1932, demand: 3, serviceMinutes: 4 },
  ],
};
