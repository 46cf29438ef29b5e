import { type Explanation, type ExplanationPart, renderExplanation } from '../../contracts/explanations.ts';
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
  /** `explanation` in English, for the API and logs. */
  reason: string;
  explanation: Explanation;
  /** null when the rate card does not cover the address. */
  priceMinor: number | null;
}

export interface ServiceChoice {
  choice: { carrierId: string; serviceId: string; priceMinor: number; kind: ServiceKind } | null;
  /** `decision` in English, for the API and logs. */
  explanation: string;
  decision: Explanation;
  considered: ConsideredService[];
}

interface Tier {
  label: 'freight' | 'express' | 'standard';
  kinds: readonly ServiceKind[];
  why: ExplanationPart;
}

interface Assessment {
  candidate: CandidateService;
  priceMinor: number | null;
  /** Why the service cannot take this shipment whatever its kind; null = it can. */
  blocker: ExplanationPart | null;
}

const percent = (rate: number) => `${Number((rate * 100).toFixed(1))}%`;

// Bulk decides first: an express network refuses a 30 kg sofa however urgent the order is.
function tierFor(shipment: ShipmentFacts, rules: DeliveryRules): Tier {
  const freight = (why: ExplanationPart): Tier => ({ label: 'freight', kinds: ['freight'], why });
  const urgent = (why: ExplanationPart): Tier => ({ label: 'express', kinds: rules.urgentKinds, why });
  const { weightGrams, longestSideMm, requestedService } = shipment;
  if (weightGrams > rules.bulkyWeightGrams) {
    return freight({
      key: 'delivery.tierBulkyWeight',
      params: { weight: weightGrams, limit: rules.bulkyWeightGrams },
    });
  }
  if (longestSideMm > rules.bulkyLongestSideMm) {
    return freight({
      key: 'delivery.tierBulkySide',
      params: { side: longestSideMm, limit: rules.bulkyLongestSideMm },
    });
  }
  if (requestedService === 'freight') return freight({ key: 'delivery.tierFreightRequested' });
  if (shipment.isUrgent) return urgent({ key: 'delivery.tierUrgent' });
  if (requestedService !== 'standard') {
    return urgent({ key: 'delivery.tierRequested', params: { service: requestedService } });
  }
  return { label: 'standard', kinds: ['standard'], why: { key: 'delivery.tierStandard' } };
}

function assess(candidate: CandidateService, shipment: ShipmentFacts): Assessment {
  const { weightGrams, longestSideMm, volumeCm3, address } = shipment;
  const priced = quote(candidate.rateCard, { weightGrams, volumeCm3 }, address);
  const result = (key: string | null, params?: ExplanationPart['params']): Assessment => ({
    candidate,
    priceMinor: priced?.priceMinor ?? null,
    blocker: key === null ? null : { key, params },
  });
  if (priced === null) {
    const place = [address.country, address.province, address.city].filter(Boolean).join('/');
    return result('delivery.notCovered', { place });
  }
  const { maxWeightGrams, maxLongestSideMm, capacityLeftToday } = candidate;
  if (maxWeightGrams !== null && weightGrams > maxWeightGrams) {
    return result('delivery.overWeight', { weight: weightGrams, limit: maxWeightGrams });
  }
  if (maxLongestSideMm !== null && longestSideMm > maxLongestSideMm) {
    return result('delivery.overSide', { side: longestSideMm, limit: maxLongestSideMm });
  }
  if (capacityLeftToday !== null && capacityLeftToday <= 0) return result('delivery.noCapacity');
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
function passedOverReason(
  a: Assessment,
  chosen: Assessment,
  isInPool: boolean,
  rules: DeliveryRules,
): ExplanationPart {
  const { onTimeRate, rating } = a.candidate.score;
  if (!isInPool) {
    return onTimeRate === null
      ? { key: 'delivery.onTimeUnknown' }
      : {
          key: 'delivery.onTimeBelow',
          params: { rate: percent(onTimeRate), minRate: percent(rules.minOnTimeRate) },
        };
  }
  const winner = chosen.candidate;
  if (a.priceMinor !== chosen.priceMinor) {
    return {
      key: 'delivery.costsMore',
      params: { price: a.priceMinor ?? '', winner: winner.serviceId, winnerPrice: chosen.priceMinor ?? '' },
    };
  }
  if (rating !== winner.score.rating) {
    return {
      key: 'delivery.ratingBelow',
      params: {
        winner: winner.serviceId,
        rating: rating ?? 'unknown',
        winnerRating: winner.score.rating ?? '',
      },
    };
  }
  return { key: 'delivery.listedAfter', params: { winner: winner.serviceId } };
}

function selectionNote(ranked: Assessment[], hasReliable: boolean, rules: DeliveryRules): ExplanationPart {
  const key = hasReliable ? 'delivery.cheapestReliable' : 'delivery.cheapestUnreliable';
  const [first, second] = ranked;
  const tie =
    second === undefined || second.priceMinor !== first.priceMinor
      ? 'none'
      : second.candidate.score.rating === first.candidate.score.rating
        ? 'listed'
        : 'rating';
  return { key, params: { minRate: percent(rules.minOnTimeRate), tie } };
}

const inEnglish = (explanation: Explanation) => renderExplanation(explanation, 'en');

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
  let tierNote = tier.why;
  let eligible = eligibleOf(kinds);
  if (tier.label === 'standard' && eligible.length === 0) {
    kinds = [...tier.kinds, 'express'];
    tierNote = { key: 'delivery.tierStandardToExpress' };
    eligible = eligibleOf(kinds);
  }

  const reliable = eligible.filter((a) => isReliable(a, policy));
  const pool = reliable.length > 0 ? reliable : eligible;
  const ranked = [...pool].sort(byPriceThenRating);
  const chosen = ranked[0];

  const considered = assessed.map((a): ConsideredService => {
    const base = { serviceId: a.candidate.serviceId, priceMinor: a.priceMinor };
    const said = (isEligible: boolean, explanation: Explanation): ConsideredService => ({
      ...base,
      isEligible,
      reason: inEnglish(explanation),
      explanation,
    });
    if (!kinds.includes(a.candidate.kind)) {
      return said(false, {
        key: 'delivery.wrongKind',
        params: { kind: a.candidate.kind },
        parts: kinds.map((kind) => ({ key: 'delivery.kind', params: { kind } })),
      });
    }
    if (a.blocker !== null) return said(false, a.blocker);
    if (a === chosen) return said(true, { key: 'delivery.chosen' });
    return said(true, passedOverReason(a, chosen, pool.includes(a), policy));
  });

  if (chosen === undefined) {
    const decision = { key: 'delivery.decision', parts: [tierNote, { key: 'delivery.noEligible' }] };
    return { choice: null, explanation: inEnglish(decision), decision, considered };
  }
  const { carrierId, serviceId, kind } = chosen.candidate;
  const decision = {
    key: 'delivery.decision',
    parts: [tierNote, selectionNote(ranked, reliable.length > 0, policy)],
  };
  return {
    // An eligible service always has a quote: an uncovered address is a blocker.
    choice: { carrierId, serviceId, priceMinor: chosen.priceMinor as number, kind },
    explanation: inEnglish(decision),
    decision,
    considered,
  };
}
