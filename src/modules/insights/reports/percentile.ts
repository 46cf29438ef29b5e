/**
 * Percentile by linear interpolation between the two nearest ranks: PostgreSQL's
 * `percentile_cont(p) within group (order by x)`. For n sorted values the rank is p·(n−1);
 * between ranks i and i+1 the value is v[i] + (rank − i)·(v[i+1] − v[i]).
 */
export function percentileCont(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = p * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low]! + (rank - low) * (sorted[high]! - sorted[low]!);
}

/** Figures are reported to six decimals: enough for hours and rates, free of float noise. */
export const round6 = (value: number) => Math.round(value * 1e6) / 1e6;
