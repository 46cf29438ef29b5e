/** Milestones of an order's flow, in order; each comes from the order's timeline. */
export const milestones = [
  'received',
  'approved',
  'allocated',
  'picking',
  'packed',
  'shipped',
  'delivered',
] as const;
export type Milestone = (typeof milestones)[number];

/** Timeline event types that mark each milestone (the first one counts). */
export const milestoneEvents: Record<string, Milestone> = {
  received: 'received',
  approved: 'approved',
  allocated: 'allocated',
  wave: 'picking',
  picking: 'picking',
  packed: 'packed',
  shipped: 'shipped',
  delivered: 'delivered',
};

/** Stages between consecutive milestones, then the end-to-end spans. */
export const stages = [
  'receivedToApproved',
  'approvedToAllocated',
  'allocatedToPicking',
  'pickingToPacked',
  'packedToShipped',
  'shippedToDelivered',
  'receivedToShipped',
  'receivedToDelivered',
] as const;
export type Stage = (typeof stages)[number];

export const stageSpans: Record<Stage, [Milestone, Milestone]> = {
  receivedToApproved: ['received', 'approved'],
  approvedToAllocated: ['approved', 'allocated'],
  allocatedToPicking: ['allocated', 'picking'],
  pickingToPacked: ['picking', 'packed'],
  packedToShipped: ['packed', 'shipped'],
  shippedToDelivered: ['shipped', 'delivered'],
  receivedToShipped: ['received', 'shipped'],
  receivedToDelivered: ['received', 'delivered'],
};

/** The consecutive stages: the ones a bottleneck can be in. */
export const flowStages: readonly Stage[] = stages.slice(0, 6);

// Percentiles are the reports' own (PostgreSQL's percentile_cont), one definition for both.
export { percentileCont } from '../reports/percentile.ts';

/** Merges ascending arrays into one ascending array (pairwise, each pass linear). */
export function mergeSorted(lists: readonly (readonly number[])[]): number[] {
  let runs = lists.map((l) => l as readonly number[]);
  if (runs.length === 0) return [];
  while (runs.length > 1) {
    const next: (readonly number[])[] = [];
    for (let i = 0; i < runs.length; i += 2)
      next.push(i + 1 < runs.length ? mergeTwo(runs[i]!, runs[i + 1]!) : runs[i]!);
    runs = next;
  }
  return [...runs[0]!];
}

function mergeTwo(a: readonly number[], b: readonly number[]): number[] {
  const out = new Array<number>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = a[i]! <= b[j]! ? a[i++]! : b[j++]!;
  while (i < a.length) out[k++] = a[i++]!;
  while (j < b.length) out[k++] = b[j++]!;
  return out;
}

export const hourMs = 3_600_000;
export const dayMs = 86_400_000;

/** `YYYY-MM-DD` (UTC) of an ISO timestamp. */
export function dayOfIso(iso: string): string {
  return new Date(iso).toISOString().slice(0, 10);
}

export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * dayMs).toISOString().slice(0, 10);
}

/** Days from `from` (inclusive) to `to` (exclusive). */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = from; d < to; d = addDays(d, 1)) days.push(d);
  return days;
}

/** Relative accuracy of the sketches: a bucket spans values within a factor of gamma. */
const gamma = 1.02;
const logGamma = Math.log(gamma);
/** Below this many hours (3.6 s) a duration counts as zero. */
const zeroHours = 0.001;

/** The sketch bucket of a value: 0 for about zero, ±i for |v| in (gamma^(i-1), gamma^i] × zeroHours. */
export function sketchBucket(value: number): number {
  const a = Math.abs(value);
  if (a < zeroHours) return 0;
  const i = Math.max(1, Math.ceil(Math.log(a / zeroHours) / logGamma));
  return value < 0 ? -i : i;
}

function bucketValue(bucket: number): number {
  if (bucket === 0) return 0;
  const i = Math.abs(bucket);
  const v = (zeroHours * 2 * gamma ** i) / (gamma + 1);
  return bucket < 0 ? -v : v;
}

/** Counts per bucket of a list of values. */
export function sketchOf(values: readonly number[]): Record<string, number> {
  const sketch: Record<string, number> = {};
  for (const v of values) {
    const b = sketchBucket(v);
    sketch[b] = (sketch[b] ?? 0) + 1;
  }
  return sketch;
}

/** A percentile from merged sketches, interpolated like percentile_cont between bucket values. */
export function sketchPercentile(sketches: readonly Record<string, number>[], p: number): number | null {
  const counts = new Map<number, number>();
  for (const s of sketches)
    for (const [b, n] of Object.entries(s)) counts.set(Number(b), (counts.get(Number(b)) ?? 0) + n);
  const buckets = [...counts.keys()].sort((a, b) => a - b);
  const total = buckets.reduce((n, b) => n + counts.get(b)!, 0);
  if (total === 0) return null;
  const rank = p * (total - 1);
  const at = (r: number) => {
    let seen = 0;
    for (const b of buckets) {
      seen += counts.get(b)!;
      if (r < seen) return bucketValue(b);
    }
    return bucketValue(buckets[buckets.length - 1]!);
  };
  const lo = Math.floor(rank);
  const a = at(lo);
  const b = at(Math.ceil(rank));
  return a + (b - a) * (rank - lo);
}
