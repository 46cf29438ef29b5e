import type { z } from 'zod';
import type { ComplaintCategory, routingEntry } from '../../../contracts/aftersales.ts';
import { addWorkingHours, type BusinessCalendar } from '../../../platform/business-calendar.ts';

export type RoutingEntry = z.output<typeof routingEntry>;

/** Out of the box: where each kind of complaint goes and how fast it must be answered (working hours). */
export const defaultRouting: readonly RoutingEntry[] = [
  {
    category: 'delivery_delay',
    department: 'logistics',
    team: 'logistics',
    firstResponseHours: 4,
    resolutionHours: 27,
  },
  {
    category: 'damaged',
    department: 'warehouse',
    team: 'warehouse',
    firstResponseHours: 4,
    resolutionHours: 27,
  },
  {
    category: 'wrong_item',
    department: 'warehouse',
    team: 'warehouse',
    firstResponseHours: 4,
    resolutionHours: 27,
  },
  {
    category: 'missing_item',
    department: 'warehouse',
    team: 'warehouse',
    firstResponseHours: 4,
    resolutionHours: 27,
  },
  {
    category: 'quality',
    department: 'customer_service',
    team: 'service',
    firstResponseHours: 4,
    resolutionHours: 45,
  },
  {
    category: 'service',
    department: 'customer_service',
    team: 'service',
    firstResponseHours: 4,
    resolutionHours: 27,
  },
  { category: 'refund', department: 'finance', team: 'finance', firstResponseHours: 4, resolutionHours: 27 },
  {
    category: 'other',
    department: 'customer_service',
    team: 'service',
    firstResponseHours: 9,
    resolutionHours: 45,
  },
];

/** The stored table over the defaults: a category not stored keeps its default route. */
export function mergeRouting(stored: readonly RoutingEntry[]): RoutingEntry[] {
  const byCategory = new Map(stored.map((entry) => [entry.category, entry]));
  return defaultRouting.map((entry) => byCategory.get(entry.category) ?? entry);
}

export function routeFor(table: readonly RoutingEntry[], category: ComplaintCategory): RoutingEntry {
  return (
    table.find((entry) => entry.category === category) ??
    mergeRouting([]).find((e) => e.category === category)!
  );
}

/**
 * SLA deadlines counted in working hours on the shop's calendar: a complaint filed on a Sunday
 * evening is due on Monday's working hours, not overnight.
 */
export function slaDeadlines(calendar: BusinessCalendar, openedAt: Date, route: RoutingEntry) {
  // Working time only; intake's cut-off does not apply to complaints.
  return {
    firstResponseDueAt: addWorkingHours(calendar, openedAt, route.firstResponseHours),
    resolutionDueAt: addWorkingHours(calendar, openedAt, route.resolutionHours),
  };
}

/** Whether an unresolved complaint has missed a deadline at `now`. */
export function isSlaBreached(
  complaint: { firstRespondedAt: string | null; firstResponseDueAt: string; resolutionDueAt: string },
  now: Date,
): boolean {
  const at = now.toISOString();
  return (
    (complaint.firstRespondedAt === null && complaint.firstResponseDueAt < at) ||
    complaint.resolutionDueAt < at
  );
}
