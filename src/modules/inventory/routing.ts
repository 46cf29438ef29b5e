/**
 * Warehouse routing (pure): which warehouses serve an order's lines. Only warehouses whose
 * coverage includes the address are considered; one that holds everything wins, cheapest first
 * (one parcel). Otherwise, when splitting is allowed, the order is filled greedily from the
 * warehouse that can ship the most of what is still missing, so it travels in as few parcels
 * as possible. What cannot be filled is reported as shortages; the caller reserves nothing then.
 */

export interface RoutingWarehouse {
  id: string;
  code: string;
  coverage: readonly string[];
  costPerOrderMinor: number;
}

export interface RoutingLine {
  lineId: string;
  skuId: string;
  quantity: number;
}

export interface RoutingAddress {
  country: string;
  province: string;
  city: string;
}

export interface PlannedPick {
  lineId: string;
  skuId: string;
  warehouseId: string;
  quantity: number;
}

export type RoutingPlan =
  | { outcome: 'routed'; picks: PlannedPick[]; warehouseIds: string[] }
  | { outcome: 'short'; shortages: { skuId: string; needed: number; available: number }[] };

/** "CN" covers every Chinese address, "CN/浙江省" one province, "CN/浙江省/杭州市" one city. */
export function covers(coverage: readonly string[], address: RoutingAddress): boolean {
  if (coverage.length === 0) return true;
  const region = [address.country, address.province, address.city];
  return coverage.some((entry) => {
    const parts = entry.split('/');
    return parts.every((part, i) => region[i] === part);
  });
}

/** Available units per `warehouseId\u0000skuId`. */
export type Availability = ReadonlyMap<string, number>;
export const availabilityKey = (warehouseId: string, skuId: string) => `${warehouseId}\u0000${skuId}`;

export function routeOrder(
  lines: readonly RoutingLine[],
  address: RoutingAddress,
  warehouses: readonly RoutingWarehouse[],
  available: Availability,
  options: { allowSplit: boolean },
): RoutingPlan {
  const serving = warehouses
    .filter((w) => covers(w.coverage, address))
    .sort((a, b) => a.costPerOrderMinor - b.costPerOrderMinor || a.code.localeCompare(b.code));
  const needs = totalsBySku(lines);
  const whole = serving.find((w) =>
    [...needs].every(([skuId, needed]) => (available.get(availabilityKey(w.id, skuId)) ?? 0) >= needed),
  );
  if (whole) {
    return {
      outcome: 'routed',
      picks: lines.map((l) => ({ ...l, warehouseId: whole.id })),
      warehouseIds: [whole.id],
    };
  }
  if (options.allowSplit) {
    const split = splitAcross(lines, serving, available);
    if (split) return split;
  }
  // Short: per SKU, what the order could get (all serving warehouses when splitting, else the best one).
  const reachable = (skuId: string) => {
    const amounts = serving.map((w) => available.get(availabilityKey(w.id, skuId)) ?? 0);
    return options.allowSplit ? amounts.reduce((a, b) => a + b, 0) : Math.max(0, ...amounts);
  };
  const shortages = [...needs].map(([skuId, needed]) => ({ skuId, needed, available: reachable(skuId) }));
  const short = shortages.filter((s) => s.available < s.needed);
  // Every SKU is there somewhere, just not together: all of them are what is missing.
  return { outcome: 'short', shortages: short.length > 0 ? short : shortages };
}

function totalsBySku(lines: readonly RoutingLine[]): Map<string, number> {
  const needs = new Map<string, number>();
  for (const line of lines) needs.set(line.skuId, (needs.get(line.skuId) ?? 0) + line.quantity);
  return needs;
}

function splitAcross(
  lines: readonly RoutingLine[],
  serving: readonly RoutingWarehouse[],
  available: Availability,
): RoutingPlan | null {
  const left = new Map(available);
  const missing = lines.map((l) => ({ ...l }));
  const picks: PlannedPick[] = [];
  const used: string[] = [];
  const remaining = () => missing.reduce((sum, l) => sum + l.quantity, 0);
  while (remaining() > 0) {
    const best = bestContributor(missing, serving, left, used);
    if (!best) return null;
    used.push(best.id);
    for (const line of missing) {
      const key = availabilityKey(best.id, line.skuId);
      const take = Math.min(line.quantity, left.get(key) ?? 0);
      if (take === 0) continue;
      picks.push({ lineId: line.lineId, skuId: line.skuId, warehouseId: best.id, quantity: take });
      left.set(key, (left.get(key) ?? 0) - take);
      line.quantity -= take;
    }
  }
  return { outcome: 'routed', picks, warehouseIds: used };
}

/** The unused warehouse that can ship the most missing units (cheapest on a tie). */
function bestContributor(
  missing: readonly RoutingLine[],
  serving: readonly RoutingWarehouse[],
  left: Availability,
  used: readonly string[],
): RoutingWarehouse | null {
  let best: RoutingWarehouse | null = null;
  let bestUnits = 0;
  for (const w of serving) {
    if (used.includes(w.id)) continue;
    const units = missing.reduce(
      (sum, l) => sum + Math.min(l.quantity, left.get(availabilityKey(w.id, l.skuId)) ?? 0),
      0,
    );
    if (units > bestUnits) {
      best = w;
      bestUnits = units;
    }
  }
  return best;
}
