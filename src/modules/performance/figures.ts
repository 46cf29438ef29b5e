import type { ComplaintFact } from '../service/index.ts';

export type { ComplaintFact };

/**
 * Per-person figures from the facts the work left behind. Pure: the use-case reads the facts
 * (docs/staff.md says where each comes from) and this file counts them.
 */

export interface PickFact {
  id: string;
  pickedBy: string;
  pickedQuantity: number;
  shortQuantity: number;
}
export interface PackFact {
  id: string;
  orderId: string;
  packedBy: string;
  packedAt: string;
}
/** A review decision or hold release from the audit log. */
export interface DecisionFact {
  id: string;
  person: string;
  action: string;
  orderId: string;
  at: string;
}
export interface HoldFact {
  orderId: string;
  createdAt: string;
  releasedAt: string | null;
}
/** A mismatch found at packing, with the pickers it was traced to. */
export interface MismatchFact {
  id: string;
  orderId: string;
  pickers: string[];
}
export interface ShiftFact {
  id: string;
  person: string;
  startsAt: string;
  endsAt: string;
  breakMinutes: number;
}

export interface WorkFacts {
  picks: PickFact[];
  packs: PackFact[];
  decisions: DecisionFact[];
  /** Every hold of the decided orders, whenever placed. */
  holds: HoldFact[];
  /** When decided orders were cancelled. */
  cancellations: { orderId: string; at: string }[];
  /** Every complaint about the decided and the packed orders. */
  complaintsAboutOrders: ComplaintFact[];
  complaintsResolved: ComplaintFact[];
  mismatches: MismatchFact[];
  shifts: ShiftFact[];
}

export interface PersonFigures {
  person: string;
  pickLines: number;
  pickedUnits: number;
  shortUnits: number;
  parcelsPacked: number;
  ordersReviewed: number;
  /** Mean minutes from when the order was held to the decision; null without a timed decision. */
  reviewMinutes: number | null;
  holdsReleasedWrongly: number;
  pickErrors: number;
  packErrors: number;
  complaintsHandled: number;
  complaintsWithinSla: number;
  /** Mean customer rating (1–5) of the complaints handled that were rated; null if none. */
  averageRating: number | null;
  /** Hours on the shift record (minus breaks); null when no shift was recorded. */
  hoursWorked: number | null;
  picksPerHour: number | null;
  packsPerHour: number | null;
  reviewsPerHour: number | null;
  /** The records behind the figures. */
  sources: {
    pickLines: string[];
    parcels: string[];
    reviews: string[];
    wrongReleases: string[];
    pickErrors: string[];
    packErrors: string[];
    complaints: string[];
    shifts: string[];
  };
}

export function blank(person: string): PersonFigures {
  return {
    person,
    pickLines: 0,
    pickedUnits: 0,
    shortUnits: 0,
    parcelsPacked: 0,
    ordersReviewed: 0,
    reviewMinutes: null,
    holdsReleasedWrongly: 0,
    pickErrors: 0,
    packErrors: 0,
    complaintsHandled: 0,
    complaintsWithinSla: 0,
    averageRating: null,
    hoursWorked: null,
    picksPerHour: null,
    packsPerHour: null,
    reviewsPerHour: null,
    sources: {
      pickLines: [],
      parcels: [],
      reviews: [],
      wrongReleases: [],
      pickErrors: [],
      packErrors: [],
      complaints: [],
      shifts: [],
    },
  };
}

/** Decisions that let an order go on (a rejection cancels it, so it cannot be released wrongly). */
const releasingActions = new Set(['order.holds_released', 'order.review_approved']);
/**
 * Complaints traced to another step than the review — the carrier (late, damaged), picking and
 * packing (wrong, missing item) or the product (quality) — never count against a release.
 */
const tracedElsewhere = new Set(['delivery_delay', 'damaged', 'wrong_item', 'missing_item', 'quality']);
/** Complaints that trace to the packer. */
const packingCategories = new Set(['wrong_item', 'missing_item']);

const minutesBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 60_000;
const round2 = (value: number) => Math.round(value * 100) / 100;
const mean = (values: number[]) =>
  values.length === 0 ? null : round2(values.reduce((a, b) => a + b, 0) / values.length);

/** When the order became held for this decision: its earliest hold still open at the decision. */
export function heldSince(holds: readonly HoldFact[], orderId: string, at: string): string | null {
  const open = holds.filter(
    (h) => h.orderId === orderId && h.createdAt <= at && (h.releasedAt === null || h.releasedAt >= at),
  );
  return open.map((h) => h.createdAt).sort()[0] ?? null;
}

/** A release was wrong when the order was held again, cancelled, or complained about afterwards. */
export function isReleasedWrongly(facts: WorkFacts, decision: DecisionFact): boolean {
  if (!releasingActions.has(decision.action)) return false;
  const { orderId, at } = decision;
  return (
    facts.holds.some((h) => h.orderId === orderId && h.createdAt > at) ||
    facts.cancellations.some((c) => c.orderId === orderId && c.at > at) ||
    facts.complaintsAboutOrders.some(
      (c) => c.orderId === orderId && c.createdAt > at && !tracedElsewhere.has(c.category),
    )
  );
}

function countDecisions(facts: WorkFacts, of: (person: string) => PersonFigures) {
  const minutes = new Map<string, number[]>();
  for (const decision of facts.decisions) {
    const figures = of(decision.person);
    figures.ordersReviewed += 1;
    figures.sources.reviews.push(decision.id);
    const since = heldSince(facts.holds, decision.orderId, decision.at);
    if (since !== null)
      minutes.set(decision.person, [
        ...(minutes.get(decision.person) ?? []),
        minutesBetween(since, decision.at),
      ]);
    if (isReleasedWrongly(facts, decision)) {
      figures.holdsReleasedWrongly += 1;
      figures.sources.wrongReleases.push(decision.id);
    }
  }
  for (const [person, values] of minutes) of(person).reviewMinutes = mean(values);
}

function countPicking(facts: WorkFacts, of: (person: string) => PersonFigures) {
  for (const pick of facts.picks) {
    const figures = of(pick.pickedBy);
    figures.pickLines += 1;
    figures.pickedUnits += pick.pickedQuantity;
    figures.shortUnits += pick.shortQuantity;
    figures.sources.pickLines.push(pick.id);
  }
  // One error per order and picker, however many times the packer scanned it wrong.
  const seen = new Set<string>();
  for (const mismatch of facts.mismatches) {
    for (const picker of mismatch.pickers) {
      const key = `${mismatch.orderId} ${picker}`;
      if (seen.has(key)) continue;
      seen.add(key);
      of(picker).pickErrors += 1;
      of(picker).sources.pickErrors.push(mismatch.id);
    }
  }
}

function countPacking(facts: WorkFacts, of: (person: string) => PersonFigures) {
  for (const pack of facts.packs) {
    const figures = of(pack.packedBy);
    figures.parcelsPacked += 1;
    figures.sources.parcels.push(pack.id);
    const traced = facts.complaintsAboutOrders.filter(
      (c) => c.orderId === pack.orderId && c.createdAt > pack.packedAt && packingCategories.has(c.category),
    );
    for (const complaint of traced) {
      figures.packErrors += 1;
      figures.sources.packErrors.push(complaint.id);
    }
  }
}

function countComplaints(facts: WorkFacts, of: (person: string) => PersonFigures) {
  const ratings = new Map<string, number[]>();
  for (const complaint of facts.complaintsResolved) {
    if (!complaint.resolvedBy) continue;
    const figures = of(complaint.resolvedBy);
    figures.complaintsHandled += 1;
    figures.sources.complaints.push(complaint.id);
    if (complaint.breachedAt === null && complaint.resolvedAt! <= complaint.resolutionDueAt)
      figures.complaintsWithinSla += 1;
    if (complaint.rating !== null)
      ratings.set(complaint.resolvedBy, [...(ratings.get(complaint.resolvedBy) ?? []), complaint.rating]);
  }
  for (const [person, values] of ratings) of(person).averageRating = mean(values);
}

/** Hours worked from the shift record, and the rates per hour; none without a shift. */
function normaliseByShifts(
  facts: WorkFacts,
  of: (person: string) => PersonFigures,
  people: Iterable<string>,
) {
  const hours = new Map<string, number>();
  for (const shift of facts.shifts) {
    of(shift.person).sources.shifts.push(shift.id);
    const worked = (minutesBetween(shift.startsAt, shift.endsAt) - shift.breakMinutes) / 60;
    hours.set(shift.person, (hours.get(shift.person) ?? 0) + worked);
  }
  for (const person of people) {
    const worked = hours.get(person);
    if (worked === undefined || worked <= 0) continue;
    const figures = of(person);
    figures.hoursWorked = round2(worked);
    figures.picksPerHour = round2(figures.pickLines / worked);
    figures.packsPerHour = round2(figures.parcelsPacked / worked);
    figures.reviewsPerHour = round2(figures.ordersReviewed / worked);
  }
}

/** Everyone's figures from one window's facts, sorted by person. */
export function figuresFromFacts(facts: WorkFacts): PersonFigures[] {
  const people = new Map<string, PersonFigures>();
  const of = (person: string) => {
    let figures = people.get(person);
    if (!figures) {
      figures = blank(person);
      people.set(person, figures);
    }
    return figures;
  };
  countPicking(facts, of);
  countPacking(facts, of);
  countDecisions(facts, of);
  countComplaints(facts, of);
  normaliseByShifts(facts, of, [...people.keys(), ...facts.shifts.map((s) => s.person)]);
  return [...people.values()].sort((a, b) => a.person.localeCompare(b.person));
}
