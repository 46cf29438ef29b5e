/** One shipment as a carrier scorecard sees it; the caller picks the carrier and period. */
export interface ShipmentOutcome {
  shippedAt: Date;
  promisedBy: Date | null;
  deliveredAt: Date | null;
  /** null while no delivery was attempted, or when the carrier does not report attempts. */
  firstAttemptOk: boolean | null;
  isLost: boolean;
  isDamaged: boolean;
  costMinor: number;
  /** Complaints about this parcel; null where complaints are not recorded (no data, not zero). */
  complaints: number | null;
}

/** Rates are 0–1; null when nothing in the period could measure them. */
export interface Scorecard {
  parcels: number;
  delivered: number;
  onTimeRate: number | null;
  firstAttemptRate: number | null;
  lossRate: number | null;
  damageRate: number | null;
  averageTransitHours: number | null;
  costPerParcelMinor: number | null;
  complaintsPer100: number | null;
}

const HOUR_MS = 3_600_000;

const ratio = (part: number, whole: number) => (whole === 0 ? null : part / whole);

/**
 * On-time = delivered by the promise / parcels whose promise can be judged. A parcel still not
 * delivered after its promise (lost ones included) is already late: leaving it out would
 * reward a carrier for not delivering at all. One whose promise is still ahead is not judged.
 */
function onTimeRate(facts: ShipmentOutcome[], now: Date): number | null {
  let judged = 0;
  let onTime = 0;
  for (const { promisedBy, deliveredAt } of facts) {
    if (promisedBy === null) continue;
    if (deliveredAt !== null) {
      judged += 1;
      if (deliveredAt.getTime() <= promisedBy.getTime()) onTime += 1;
    } else if (promisedBy.getTime() < now.getTime()) {
      judged += 1;
    }
  }
  return ratio(onTime, judged);
}

export function scorecard(facts: ShipmentOutcome[], { now }: { now: Date }): Scorecard {
  const parcels = facts.length;
  const delivered = facts.filter((f) => f.deliveredAt !== null);
  const attempted = facts.filter((f) => f.firstAttemptOk !== null);
  const transitHours = delivered.reduce(
    (sum, f) => sum + ((f.deliveredAt as Date).getTime() - f.shippedAt.getTime()) / HOUR_MS,
    0,
  );
  const totalCost = facts.reduce((sum, f) => sum + f.costMinor, 0);
  // Only parcels whose complaints are recorded say anything about complaints.
  const withComplaintData = facts.filter((f) => f.complaints !== null);
  const complaints = withComplaintData.reduce((sum, f) => sum + (f.complaints ?? 0), 0);
  return {
    parcels,
    delivered: delivered.length,
    onTimeRate: onTimeRate(facts, now),
    firstAttemptRate: ratio(attempted.filter((f) => f.firstAttemptOk).length, attempted.length),
    lossRate: ratio(facts.filter((f) => f.isLost).length, parcels),
    damageRate: ratio(facts.filter((f) => f.isDamaged).length, parcels),
    averageTransitHours: ratio(transitHours, delivered.length),
    costPerParcelMinor: parcels === 0 ? null : Math.round(totalCost / parcels),
    complaintsPer100: ratio(complaints * 100, withComplaintData.length),
  };
}

/** Relative importance of each part of the rating; only their ratios matter. */
export interface ScoreWeights {
  onTime: number;
  firstAttempt: number;
  lossDamage: number;
  cost: number;
  complaints: number;
}

// On-time matters most to buyers; first-attempt failures cost a second trip and a complaint;
// loss and damage are rare but expensive; cost and complaints separate otherwise equal carriers.
export const defaultScoreWeights: ScoreWeights = {
  onTime: 40,
  firstAttempt: 20,
  lossDamage: 20,
  cost: 10,
  complaints: 10,
};

/**
 * Loss plus damage of 5% of parcels, or 10 complaints per 100 parcels, scores zero on that
 * part. A straight 1 − rate would score 1% loss as 0.99, hiding a serious problem.
 */
const LOSS_DAMAGE_RATE_SCORING_ZERO = 0.05;
const COMPLAINTS_PER_100_SCORING_ZERO = 10;

export interface CarrierRating {
  carrierId: string;
  /** 0–100, one decimal; null when the carrier has nothing to rate. */
  rating: number | null;
  /** Each part's 0–1 score, null when unmeasured; a null part's weight goes to the others. */
  parts: Record<keyof ScoreWeights, number | null>;
}

const falling = (value: number, zeroAt: number) => Math.max(0, 1 - value / zeroAt);

// A zero cost means the carrier's bill has not arrived yet, not a free carrier.
const knownCost = (card: Scorecard) =>
  card.costPerParcelMinor !== null && card.costPerParcelMinor > 0 ? card.costPerParcelMinor : null;

// Four decimals: enough to rank, and the console shows 0.6 rather than 0.6000000000000001.
const round4 = (value: number | null) => (value === null ? null : Math.round(value * 10_000) / 10_000);

function partsOf(card: Scorecard, cheapestMinor: number): CarrierRating['parts'] {
  const { lossRate, damageRate, complaintsPer100 } = card;
  const cost = knownCost(card);
  return {
    onTime: round4(card.onTimeRate),
    firstAttempt: round4(card.firstAttemptRate),
    lossDamage:
      lossRate === null || damageRate === null
        ? null
        : round4(falling(lossRate + damageRate, LOSS_DAMAGE_RATE_SCORING_ZERO)),
    // The cheapest carrier in the comparison scores 1; one costing twice as much scores 0.5.
    cost: cost === null ? null : round4(cheapestMinor / cost),
    complaints:
      complaintsPer100 === null ? null : round4(falling(complaintsPer100, COMPLAINTS_PER_100_SCORING_ZERO)),
  };
}

function weightedRating(parts: CarrierRating['parts'], weights: ScoreWeights): number | null {
  let total = 0;
  let weightUsed = 0;
  for (const key of Object.keys(weights) as (keyof ScoreWeights)[]) {
    const part = parts[key];
    if (part === null) continue;
    total += weights[key] * part;
    weightUsed += weights[key];
  }
  return weightUsed === 0 ? null : Math.round((total / weightUsed) * 1000) / 10;
}

/** Rates carriers against each other (cost is relative), best first; unrated ones last. */
export function rateCarriers(
  cards: Map<string, Scorecard>,
  weights: ScoreWeights = defaultScoreWeights,
): CarrierRating[] {
  const costs = [...cards.values()].map(knownCost).filter((c) => c !== null);
  const cheapestMinor = Math.min(...costs);
  const ratings = [...cards].map(([carrierId, card]) => {
    const parts = partsOf(card, cheapestMinor);
    return { carrierId, rating: weightedRating(parts, weights), parts };
  });
  return ratings.sort((a, b) => (b.rating ?? -1) - (a.rating ?? -1));
}
