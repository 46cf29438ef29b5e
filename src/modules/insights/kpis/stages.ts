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

/** Percentile by linear interpolation between closest ranks (PostgreSQL's percentile_cont). */
export function percentileCont(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = p * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  const a = sorted[lo]!;
  const b = sorted[hi]!;
  return a + (b - a) * (rank - lo);
}

/** Merges ascending arrays into one ascending array. */
export function mergeSorted(lists: readonly (readonly number[])[]): number[] {
  const all = lists.flat();
  return all.sort((a, b) => a - b);
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
