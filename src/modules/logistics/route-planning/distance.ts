/** Distances between stops, as each input format defines them. */

export interface PlanePoint {
  x: number;
  y: number;
}

export interface GeoPoint {
  lat: number;
  lng: number;
}

/** Mean Earth radius (IUGG), the usual constant for great-circle distances. */
const earthRadiusKm = 6371.0088;

/** TSPLIB `EUC_2D`: the Euclidean distance rounded to the nearest integer (`nint`), per edge. */
export function tsplibEuclidean(a: PlanePoint, b: PlanePoint): number {
  return Math.round(Math.sqrt((a.x - b.x) ** 2 + (a.y - b.y) ** 2));
}

/** Straight-line kilometres on a local map grid, rounded to the metre. */
export function gridKm(a: PlanePoint, b: PlanePoint): number {
  return roundToMetre(Math.sqrt((a.x - b.x) ** 2 + (a.y - b.y) ** 2));
}

/** Great-circle (haversine) kilometres between two lat/lng points, rounded to the metre. */
export function haversineKm(a: GeoPoint, b: GeoPoint): number {
  const toRadians = Math.PI / 180;
  const dLat = (b.lat - a.lat) * toRadians;
  const dLng = (b.lng - a.lng) * toRadians;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.lat * toRadians) * Math.cos(b.lat * toRadians) * Math.sin(dLng / 2) ** 2;
  return roundToMetre(2 * earthRadiusKm * Math.asin(Math.min(1, Math.sqrt(h))));
}

// Rounding each edge (as TSPLIB does with integers) makes a plan's total a plain sum of the
// edges a rider sees, so anyone can recompute it from the printed legs.
function roundToMetre(km: number): number {
  return Math.round(km * 1000) / 1000;
}

/** The row-major matrix of `metric` between every pair of points. */
export function distanceMatrix<P>(points: readonly P[], metric: (a: P, b: P) => number): Float64Array {
  const n = points.length;
  const matrix = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const d = metric(points[i], points[j]);
      matrix[i * n + j] = d;
      matrix[j * n + i] = d;
    }
  return matrix;
}

/** A sum of rounded distances, with the floating-point dust of the additions removed. */
export function roundDistance(distance: number, decimals: number): number {
  return Number(distance.toFixed(decimals));
}
