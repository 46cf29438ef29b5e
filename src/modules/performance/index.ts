import { maxPeriods } from '../../contracts/performance.ts';
import { auditEntriesBetween } from '../../platform/audit-log.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import { invalidField } from '../../platform/errors.ts';
import type { ComplaintFact } from '../service/index.ts';
import { type DecisionFact, figuresFromFacts, type PersonFigures, type WorkFacts } from './figures.ts';
import { performanceRepository as repo } from './performance.repository.ts';
import { type Grouping, periodsOf, todayIn } from './periods.ts';
import { createShifts } from './shifts.ts';

export type { PersonFigures } from './figures.ts';
export { blank } from './figures.ts';
export type { Shift } from './shifts.ts';

/** Complaints, from the service module (filled in src/app.ts). */
export interface ComplaintsPort {
  resolvedBetween(from: Date, to: Date): Promise<ComplaintFact[]>;
  aboutOrders(orderIds: readonly string[]): Promise<ComplaintFact[]>;
}

const noComplaints: ComplaintsPort = {
  resolvedBetween: async () => [],
  aboutOrders: async () => [],
};

export interface PerformanceDeps {
  database: Database;
  clock: Clock;
  shopTimeZone: () => Promise<string>;
  complaints?: ComplaintsPort;
}

/**
 * Per-person performance from what the work left behind: pick lines (who picked), parcels (who
 * packed), review decisions, hold releases and pack mismatches in the audit log, complaints
 * (who resolved them; which were about whose work) and the shift record (hours worked).
 */
export function createPerformance(deps: PerformanceDeps) {
  const db = deps.database.db;
  const complaints = deps.complaints ?? noComplaints;
  const shifts = createShifts(deps);

  async function decisionsBetween(fromIso: string, toIso: string): Promise<DecisionFact[]> {
    const entries = [
      ...(await auditEntriesBetween(db, 'order.review_', fromIso, toIso)),
      ...(await auditEntriesBetween(db, 'order.holds_released', fromIso, toIso)),
    ];
    return entries.map((e) => ({
      id: e.id,
      person: e.actorName,
      action: e.action,
      orderId: e.targetId ?? '',
      at: e.at,
    }));
  }

  async function factsBetween(from: Date, to: Date): Promise<WorkFacts> {
    const [fromIso, toIso] = [from.toISOString(), to.toISOString()];
    const picks = await repo.picksBetween(db, fromIso, toIso);
    const packs = await repo.packsBetween(db, fromIso, toIso);
    const decisions = await decisionsBetween(fromIso, toIso);
    const decided = [...new Set(decisions.map((d) => d.orderId))];
    const mismatches = await auditEntriesBetween(db, 'order.pack_mismatch', fromIso, toIso);
    const shiftRows = await repo.shiftsStartingBetween(db, fromIso, toIso);
    return {
      picks: picks.map((p) => ({
        id: p.id,
        pickedBy: p.picked_by ?? '',
        pickedQuantity: Number(p.picked_quantity),
        shortQuantity: Number(p.short_quantity),
      })),
      packs: packs.map((p) => ({
        id: p.id,
        orderId: p.order_id,
        packedBy: p.packed_by,
        packedAt: p.packed_at,
      })),
      decisions,
      holds: (await repo.holdsOf(db, decided)).map((h) => ({
        orderId: h.order_id,
        createdAt: h.created_at,
        releasedAt: h.released_at,
      })),
      cancellations: (await repo.cancellationsOf(db, decided)).map((c) => ({
        orderId: c.order_id,
        at: c.at,
      })),
      complaintsAboutOrders: await complaints.aboutOrders([
        ...new Set([...decided, ...packs.map((p) => p.order_id)]),
      ]),
      complaintsResolved: await complaints.resolvedBetween(from, to),
      mismatches: mismatches.map((m) => ({
        id: m.id,
        orderId: m.targetId ?? '',
        pickers: (m.details.pickers as string[] | undefined) ?? [],
      })),
      shifts: shiftRows.map((s) => ({
        id: s.id,
        person: s.person,
        startsAt: s.starts_at,
        endsAt: s.ends_at,
        breakMinutes: Number(s.break_minutes),
      })),
    };
  }

  async function figuresBetween(from: Date, to: Date): Promise<PersonFigures[]> {
    return figuresFromFacts(await factsBetween(from, to));
  }

  /** Everyone's figures per day, week or month of the shop's time zone. */
  async function figuresBy(from: Date, to: Date, by: Grouping) {
    const timeZone = await deps.shopTimeZone();
    const windows = periodsOf(from, to, by, timeZone);
    if (windows.length > maxPeriods) throw invalidField('from', 'windowTooLong', { max: maxPeriods, by });
    const periods = [];
    for (const period of windows) {
      periods.push({
        period: period.period,
        from: period.from.toISOString(),
        to: period.to.toISOString(),
        items: await figuresBetween(period.from, period.to),
      });
    }
    return { timeZone, by, periods };
  }

  /** Today's window in the shop's time zone (the console's "My work" counts from it). */
  async function today() {
    return todayIn(deps.clock.now(), await deps.shopTimeZone());
  }

  return { figuresBetween, figuresBy, today, shifts };
}

export type Performance = ReturnType<typeof createPerformance>;
