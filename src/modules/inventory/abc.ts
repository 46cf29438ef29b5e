/** ABC classes, turnover and cover: the inventory KPIs (pure). */

export type AbcClass = 'A' | 'B' | 'C';

/** Pareto classes by value: sorted by value descending, an item is A while the cumulative share BEFORE it is < a (default 0.8), B while < b (default 0.95), else C; items with value 0 are C. */
export function abcClasses<K>(
  items: readonly { key: K; value: number }[],
  thresholds: { a: number; b: number } = { a: 0.8, b: 0.95 },
): Map<K, AbcClass> {
  const { a, b } = thresholds;
  if (!(a > 0 && a <= b && b <= 1)) throw new RangeError('thresholds need 0 < a ≤ b ≤ 1');
  // Negative values (net returns) carry no share of the value, like zero.
  const worth = (item: { value: number }) => Math.max(0, item.value);
  const total = items.reduce((sum, item) => sum + worth(item), 0);
  const sorted = [...items].sort((left, right) => worth(right) - worth(left));
  const classes = new Map<K, AbcClass>();
  let cumulative = 0;
  let shareBefore = 0;
  let previous = Number.NaN;
  for (const item of sorted) {
    const value = worth(item);
    // Equal values share the class of the first of them, so the result does not depend on
    // the order the items came in.
    if (value !== previous) shareBefore = cumulative / total;
    classes.set(item.key, value === 0 ? 'C' : shareBefore < a ? 'A' : shareBefore < b ? 'B' : 'C');
    cumulative += value;
    previous = value;
  }
  return classes;
}

/** Inventory turnover = cost of goods sold / average inventory value; null when the average is 0. */
export function inventoryTurnover(cogsMinor: number, averageInventoryMinor: number): number | null {
  return averageInventoryMinor === 0 ? null : cogsMinor / averageInventoryMinor;
}

/** Days of cover = available / mean daily demand; null when demand is 0 (infinite cover). */
export function daysOfCover(available: number, meanDaily: number): number | null {
  return meanDaily === 0 ? null : available / meanDaily;
}
