import type { deliveryServices } from '../../contracts/order-enums.ts';
import { type Destination, quote, type RateCard } from './rate-card.ts';

export const serviceKinds = [
  'express',
  'standard',
  'freight',
  'same_day',
  'crowdsourced',
  'pickup_point',
] as const;
export type ServiceKind = (typeof serviceKinds)[number];

export interface ShipmentFacts {
  weightGrams: number;
  longestSideMm: number;
  volumeCm3: number;
  isUrgent: boolean;
  requestedService: (typeof deliveryServices)[number];
  address: Destination;
}

export interface CandidateService {
  carrierId: string;
  carrierName: string;
  serviceId: string;
  kind: ServiceKind;
  rateCard: RateCard;
  /** null = no limit. */
  maxWeightGrams: number | null;
  maxLongestSideMm: number | null;
  /** Parcels the carrier still takes today; null = no daily cap. */
  capacityLeftToday: number | null;
  /** onTimeRate 0–1; rating on any scale where higher is better (only compared). */
  score: { onTimeRate: number | null; rating: number | null };
}

export interface DeliveryRules {
  /** Strictly over either threshold makes a shipment bulky. */
  bulkyWeightGrams: number;
  bulkyLongestSideMm: number;
  minOnTimeRate: number;
  urgentKinds: ServiceKind[];
}

export const defaultDeliveryRules: DeliveryRules = {
  bulkyWeightGrams: 20000,
  bulkyLongestSideMm: 1200,
  minOnTimeRate: 0.95,
  urgentKinds: ['express', 'same_day'],
};

export interface ConsideredService {
  serviceId: string;
  /** Passed kind, coverage, limits and capacity; only one eligible service is chosen. */
  isEligible: boolean;
  reason: string;
  /** null when the rate card does not cover the address. */
  priceMinor: number | null;
}

export interface ServiceChoice {
  choice: { carrierId: string; serviceId: string; priceMinor: number; kind: ServiceKind } | null;
  explanation: string;
  considered: ConsideredService[];
}

interface Tier {
  label: 'freight' | 'express' | 'standard';
  kinds: readonly ServiceKind[];
  why: string;
}

interface Assessment {
  candidate: CandidateService;
  priceMinor: number | null;
  /** Why the service cannot take this shipment whatever its kind; null = it can. */
  blocker: string | null;
}

const percent = (rate: number) => `${Number((rate * 100).toFixed(1))}%`;

// Bulk decides first: an express network refuses a 30 kg sofa however urgent the order is.
function tierFor(shipment: ShipmentFacts, rules: DeliveryRules): Tier {
  const freight = (why: string): Tier => ({ label: 'freight', kinds: ['freight'], why });
  const urgent = (why: string): Tier => ({ label: 'express', kinds: rules.urgentKinds, why });
  if (shipment.weightGrams > rules.bulkyWeightGrams) {
    return freight(`bulky shipment (${shipment.weightGrams} g over ${rules.bulkyWeightGrams} g)`);
  }
  if (shipment.longestSideMm > rules.bulkyLongestSideMm) {
    return freight(
      `bulky shipment (longest side ${shipment.longestSideMm} mm over ${rules.bulkyLongestSideMm} mm)`,
    );
  }
  if (shipment.requestedService === 'freight') return freight('freight requested');
  if (shipment.isUrgent) return urgent('urgent order');
  if (shipment.requestedService !== 'standard') return urgent(`${shipment.requestedService} requested`);
  return { label: 'standard', kinds: ['standard'], why: 'standard order' };
}

function assess(candidate: CandidateService, shipment: ShipmentFacts): Assessment {
  const { weightGrams, longestSideMm, volumeCm3, address } = shipment;
  const priced = quote(candidate.rateCard, { weightGrams, volumeCm3 }, address);
  const result = (blocker: string | null): Assessment => ({
    candidate,
    priceMinor: priced?.priceMinor ?? null,
    blocker,
  });
  if (priced === null) {
    const place = [address.country, address.province, address.city].filter(Boolean).join('/');
    return result(`does not cover ${place}`);
  }
  const { maxWeightGrams, maxLongestSideMm, capacityLeftToday } = candidate;
  if (maxWeightGrams !== null && weightGrams > maxWeightGrams) {
    return result(`weight ${weightGrams} g over its ${maxWeightGrams} g limit`);
  }
  if (maxLongestSideMm !== null && longestSideMm > maxLongestSideMm) {
    return result(`longest side ${longestSideMm} mm over its ${maxLongestSideMm} mm limit`);
  }
  if (capacityLeftToday !== null && capacityLeftToday <= 0) return result('no capacity left today');
  return result(null);
}

const isReliable = (a: Assessment, rules: DeliveryRules) =>
  a.candidate.score.onTimeRate !== null && a.candidate.score.onTimeRate >= rules.minOnTimeRate;

// Cheapest first; on equal price the better-rated carrier, an unknown rating counting lowest.
// Array.sort is stable, so a full tie keeps the order the services were listed in; `|| 0`
// makes two unknown ratings (-Infinity - -Infinity = NaN) such a tie.
function byPriceThenRating(a: Assessment, b: Assessment): number {
  const byPrice = (a.priceMinor ?? 0) - (b.priceMinor ?? 0);
  if (byPrice !== 0) return byPrice;
  return (b.candidate.score.rating ?? -Infinity) - (a.candidate.score.rating ?? -Infinity) || 0;
}

/** Why an eligible service lost to `chosen`. */
function passedOverReason(a: Assessment, chosen: Assessment, isInPool: boolean, rules: DeliveryRules) {
  const { onTimeRate, rating } = a.candidate.score;
  if (!isInPool) {
    return onTimeRate === null
      ? 'on-time rate unknown'
      : `on-time ${percent(onTimeRate)} below ${percent(rules.minOnTimeRate)}`;
  }
  const winner = chosen.candidate;
  if (a.priceMinor !== chosen.priceMinor) {
    return `costs ${a.priceMinor}, more than ${winner.serviceId} at ${chosen.priceMinor}`;
  }
  if (rating !== winner.score.rating) {
    return `same price as ${winner.serviceId}, rating ${rating ?? 'unknown'} below ${winner.score.rating}`;
  }
  return `same price and rating as ${winner.serviceId}, listed after it`;
}

function selectionNote(ranked: Assessment[], hasReliable: boolean, rules: DeliveryRules): string {
  const base = hasReliable
    ? `cheapest covering carrier with on-time ≥ ${percent(rules.minOnTimeRate)}`
    : `no eligible carrier has on-time ≥ ${percent(rules.minOnTimeRate)}, so the cheapest of all eligible`;
  const [first, second] = ranked;
  if (second === undefined || second.priceMinor !== first.priceMinor) return base;
  return second.candidate.score.rating === first.candidate.score.rating
    ? `${base} (price and rating tie: listed first)`
    : `${base} (price tie broken by rating)`;
}

/**
 * Picks the carrier service for one shipment and says why each candidate was or was not taken:
 * the tier (freight, express or standard) from size and urgency, then coverage, limits and
 * capacity, then on-time reliability, then price and rating.
 */
export function chooseDeliveryService(
  shipment: ShipmentFacts,
  candidates: CandidateService[],
  rules: Partial<DeliveryRules> = {},
): ServiceChoice {
  const policy = { ...defaultDeliveryRules, ...rules };
  const tier = tierFor(shipment, policy);
  const assessed = candidates.map((candidate) => assess(candidate, shipment));
  const eligibleOf = (kinds: readonly ServiceKind[]) =>
    assessed.filter((a) => a.blocker === null && kinds.includes(a.candidate.kind));

  let kinds = tier.kinds;
  let tierNote = `${tier.label}: ${tier.why}`;
  let eligible = eligibleOf(kinds);
  if (tier.label === 'standard' && eligible.length === 0) {
    kinds = [...tier.kinds, 'express'];
    tierNote = `standard → express: ${tier.why}; no standard service can take it`;
    eligible = eligibleOf(kinds);
  }

  const reliable = eligible.filter((a) => isReliable(a, policy));
  const pool = reliable.length > 0 ? reliable : eligible;
  const ranked = [...pool].sort(byPriceThenRating);
  const chosen = ranked[0];

  const considered = assessed.map((a): ConsideredService => {
    const base = { serviceId: a.candidate.serviceId, priceMinor: a.priceMinor };
    if (!kinds.includes(a.candidate.kind)) {
      const reason = `${a.candidate.kind} service; this shipment needs ${kinds.join(' or ')}`;
      return { ...base, isEligible: false, reason };
    }
    if (a.blocker !== null) return { ...base, isEligible: false, reason: a.blocker };
    const reason = a === chosen ? 'chosen' : passedOverReason(a, chosen, pool.includes(a), policy);
    return { ...base, isEligible: true, reason };
  });

  if (chosen === undefined)
    return { choice: null, explanation: `${tierNote}; no eligible service`, considered };
  const { carrierId, serviceId, kind } = chosen.candidate;
  return {
    // An eligible service always has a quote: an uncovered address is a blocker.
    choice: { carrierId, serviceId, priceMinor: chosen.priceMinor as number, kind },
    explanation: `${tierNote}; ${selectionNote(ranked, reliable.length > 0, policy)}`,
    considered,
  };
}
