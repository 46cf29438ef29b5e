/**
 * Riders' runs from addresses alone (docs/routes.md "From the day's orders"). Orders carry no
 * coordinates and Ordo geocodes nothing, so distance is not known: the district is the zone, a
 * rider rides whole zones where they fit, and within a zone the stops go in street order, the
 * order a rider who knows the district would sort the parcels on the bench. Pure.
 */

/** One parcel waiting at the shop, with the address it goes to. */
export interface ParcelAddress {
  orderNumber: string;
  province: string | null;
  city: string;
  district: string | null;
  street: string;
}

/** One door: the orders that go to the same street address, one parcel each. */
export interface ZoneStop {
  /** The stop's first order number, so a sheet's line can be found on the shelf. */
  id: string;
  zone: string;
  street: string;
  orders: string[];
  demand: number;
}

export interface ZoneRun {
  zones: string[];
  stops: ZoneStop[];
  load: number;
}

export type ZoneRunsResult = { kind: 'planned'; runs: ZoneRun[] } | { kind: 'unplannable'; reason: string };

// Numeric collation puts 文三路 9 号 before 文三路 100 号, as the house numbers run.
const collator = new Intl.Collator('zh-CN', { numeric: true, sensitivity: 'base' });

/** "浙江省 杭州市 西湖区"; without a district the city is the zone. */
function zoneOf(parcel: ParcelAddress): string {
  return [parcel.province, parcel.city, parcel.district]
    .map((part) => part?.trim())
    .filter(Boolean)
    .join(' ');
}

// "文三路 100 号" and "文三路100号" are one door: spacing and letter case do not tell addresses apart.
const streetKey = (street: string) => street.replace(/\s+/g, '').toLowerCase();

/** The parcels grouped by door, zones in name order and each zone's doors in street order. */
export function stopsByAddress(parcels: readonly ParcelAddress[]): ZoneStop[] {
  const byDoor = new Map<string, ZoneStop>();
  // In order-number order, so a door's street is spelt as its first order spells it.
  const byNumber = [...parcels].sort((a, b) => collator.compare(a.orderNumber, b.orderNumber));
  for (const parcel of byNumber) {
    const zone = zoneOf(parcel);
    const key = `${zone}\n${streetKey(parcel.street)}`;
    const stop = byDoor.get(key);
    if (stop) {
      stop.orders.push(parcel.orderNumber);
      stop.demand += 1;
    } else {
      const street = parcel.street.trim().replace(/\s+/g, ' ');
      byDoor.set(key, { id: '', zone, street, orders: [parcel.orderNumber], demand: 1 });
    }
  }
  const stops = [...byDoor.values()].map((stop) => ({ ...stop, id: stop.orders[0] }));
  return stops.sort((a, b) => collator.compare(a.zone, b.zone) || collator.compare(a.street, b.street));
}

/**
 * Riders of `capacity` parcels each for the stops (in `stopsByAddress` order). A zone larger
 * than a rider is cut in street order; the zone pieces are then packed first-fit, largest first,
 * so a rider rides as few zones as the loads allow. `riders` caps the fleet.
 */
export function planZoneRuns(
  stops: readonly ZoneStop[],
  fleet: { capacity: number; riders?: number },
): ZoneRunsResult {
  const { capacity, riders } = fleet;
  const tooBig = stops.find((stop) => stop.demand > capacity);
  if (tooBig)
    return {
      kind: 'unplannable',
      reason: `stop ${tooBig.id} has ${tooBig.demand} parcels, more than a rider's capacity of ${capacity}`,
    };
  const total = stops.reduce((sum, stop) => sum + stop.demand, 0);
  if (riders !== undefined && total > riders * capacity)
    return {
      kind: 'unplannable',
      reason: `the stops have ${total} parcels in all, more than ${riders} riders of capacity ${capacity} carry`,
    };
  const runs = packPieces(zonePieces(stops, capacity), capacity);
  if (riders !== undefined && runs.length > riders)
    return {
      kind: 'unplannable',
      reason: `keeping zones together the stops need ${runs.length} riders of capacity ${capacity}; ${riders} are available`,
    };
  return { kind: 'planned', runs };
}

interface Piece {
  order: number;
  stops: ZoneStop[];
  load: number;
}

/** Each zone's stops in street order, cut where the next stop would overload a rider. */
function zonePieces(stops: readonly ZoneStop[], capacity: number): Piece[] {
  const pieces: Piece[] = [];
  let current: Piece | undefined;
  for (const stop of stops) {
    const isSameZone = current !== undefined && current.stops[0].zone === stop.zone;
    if (!current || !isSameZone || current.load + stop.demand > capacity) {
      current = { order: pieces.length, stops: [], load: 0 };
      pieces.push(current);
    }
    current.stops.push(stop);
    current.load += stop.demand;
  }
  return pieces;
}

/** First-fit decreasing; each run then rides its pieces in zone and street order. */
function packPieces(pieces: readonly Piece[], capacity: number): ZoneRun[] {
  const bins: Piece[][] = [];
  const loads: number[] = [];
  const largestFirst = [...pieces].sort((a, b) => b.load - a.load || a.order - b.order);
  for (const piece of largestFirst) {
    let bin = loads.findIndex((load) => load + piece.load <= capacity);
    if (bin < 0) {
      bin = bins.length;
      bins.push([]);
      loads.push(0);
    }
    bins[bin].push(piece);
    loads[bin] += piece.load;
  }
  return bins
    .map((bin) => bin.sort((a, b) => a.order - b.order))
    .sort((a, b) => a[0].order - b[0].order)
    .map((bin) => {
      const stops = bin.flatMap((piece) => piece.stops);
      return {
        zones: [...new Set(stops.map((stop) => stop.zone))],
        stops,
        load: stops.reduce((sum, stop) => sum + stop.demand, 0),
      };
    });
}
