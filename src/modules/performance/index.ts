import { auditEntriesBetween } from '../../platform/audit-log.ts';
import type { Database } from '../../platform/db/database.ts';
import { performanceRepository as repo } from './performance.repository.ts';

/** One person's figures over a window, each traced to the records behind it. */
export interface PersonFigures {
  person: string;
  pickLines: number;
  pickedUnits: number;
  shortUnits: number;
  parcelsPacked: number;
  ordersReviewed: number;
  /** The records behind the figures: pick line ids, parcel ids, audit entry ids. */
  sources: { pickLines: string[]; parcels: string[]; reviews: string[] };
}

/** A person with nothing recorded in the window. */
export function blank(person: string): PersonFigures {
  return {
    person,
    pickLines: 0,
    pickedUnits: 0,
    shortUnits: 0,
    parcelsPacked: 0,
    ordersReviewed: 0,
    sources: { pickLines: [], parcels: [], reviews: [] },
  };
}

/**
 * Per-person performance from what the work left behind: pick lines (who picked), parcels (who
 * packed) and order review decisions and hold releases in the audit log (who decided).
 */
export function createPerformance(deps: { database: Database }) {
  const db = deps.database.db;

  async function figuresBetween(from: Date, to: Date): Promise<PersonFigures[]> {
    const fromIso = from.toISOString();
    const toIso = to.toISOString();
    const people = new Map<string, PersonFigures>();
    const of = (person: string) => {
      let figures = people.get(person);
      if (!figures) {
        figures = blank(person);
        people.set(person, figures);
      }
      return figures;
    };
    for (const pick of await repo.picksBetween(db, fromIso, toIso)) {
      const figures = of(pick.picked_by ?? '');
      figures.pickLines += 1;
      figures.pickedUnits += Number(pick.picked_quantity);
      figures.shortUnits += Number(pick.short_quantity);
      figures.sources.pickLines.push(pick.id);
    }
    for (const pack of await repo.packsBetween(db, fromIso, toIso)) {
      const figures = of(pack.packed_by);
      figures.parcelsPacked += 1;
      figures.sources.parcels.push(pack.id);
    }
    const decisions = [
      ...(await auditEntriesBetween(db, 'order.review_', fromIso, toIso)),
      ...(await auditEntriesBetween(db, 'order.holds_released', fromIso, toIso)),
    ];
    for (const entry of decisions) {
      const figures = of(entry.actorName);
      figures.ordersReviewed += 1;
      figures.sources.reviews.push(entry.id);
    }
    return [...people.values()].sort((a, b) => a.person.localeCompare(b.person));
  }

  return { figuresBetween };
}

export type Performance = ReturnType<typeof createPerformance>;
