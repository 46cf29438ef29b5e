import type { Clock } from '../../../platform/clock.ts';
import type { Database } from '../../../platform/db/database.ts';
import { openStatuses } from '../order-status.ts';
import { ordersRepository } from '../orders.repository.ts';
import { type OrderPolicy, slaStatus } from '../priority.ts';

export interface EfficiencyMetrics {
  days: number;
  decided: number;
  touchFree: number;
  /** Share of decided orders approved with no human action (0–1). */
  touchFreeRate: number | null;
  reviewed: number;
  /** Minutes from intake to decision for orders that waited in review. */
  reviewMinutes: { median: number | null; p90: number | null };
  sla: { onTrack: number; atRisk: number; breached: number };
  holdsByCode: Record<string, number>;
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/**
 * How much of the audit runs without people (R1.1, R1.2): touch-free rate, time spent in
 * review, deadlines at risk, and what holds orders, over the last `days` days.
 */
export function createEfficiency(deps: {
  database: Database;
  clock: Clock;
  policy: () => Promise<OrderPolicy>;
}) {
  const { database, clock } = deps;

  async function efficiency(days = 7): Promise<EfficiencyMetrics> {
    const now = clock.now();
    const since = new Date(now.getTime() - days * 86_400_000).toISOString();
    const decided = await ordersRepository.decidedSince(database.db, since);
    const touchFree = decided.filter((o) => o.touched !== 1 && o.status !== 'cancelled').length;
    const reviewDurations = decided
      .filter((o) => o.decided_at !== null && o.decided_at > o.created_at)
      .map((o) => (Date.parse(o.decided_at as string) - Date.parse(o.created_at)) / 60_000)
      .sort((a, b) => a - b);
    return {
      days,
      decided: decided.length,
      touchFree,
      touchFreeRate: decided.length === 0 ? null : touchFree / decided.length,
      reviewed: reviewDurations.length,
      reviewMinutes: { median: percentile(reviewDurations, 50), p90: percentile(reviewDurations, 90) },
      sla: await slaCounts(now, since),
      holdsByCode: await ordersRepository.countOpenHoldsByCode(database.db),
    };
  }

  /** Deadlines of the period's open orders (older backlogs would drown this week's picture). */
  async function slaCounts(now: Date, since: string) {
    const policy = await deps.policy();
    const rows = await ordersRepository.deadlinesPlacedSince(database.db, openStatuses, since);
    const counts = { onTrack: 0, atRisk: 0, breached: 0 };
    for (const row of rows) {
      const status = slaStatus(row.ship_by, now, policy);
      if (status === 'on_track') counts.onTrack += 1;
      else if (status === 'at_risk') counts.atRisk += 1;
      else if (status === 'breached') counts.breached += 1;
    }
    return counts;
  }

  return { efficiency };
}
