import { type Explanation, renderExplanation } from '../../contracts/explanations.ts';

/**
 * Safety stock, reorder point and order quantity for one SKU (pure). The policy is a periodic
 * review order-up-to level: every review the SKU is ordered up to `targetLevel` once its stock
 * position has fallen to `reorderPoint`.
 */

// Acklam's rational approximation of the inverse normal CDF (relative error < 1.15e-9),
// P. J. Acklam, "An algorithm for computing the inverse normal cumulative distribution function".
const CENTRAL_NUMERATOR = [
  -3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1,
  2.506628277459239,
];
const CENTRAL_DENOMINATOR = [
  -5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1,
  1,
];
const TAIL_NUMERATOR = [
  -7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968,
  2.938163982698783,
];
const TAIL_DENOMINATOR = [
  7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416, 1,
];
/** Above this the central rational function loses accuracy and the tail form takes over. */
const UPPER_REGION = 1 - 0.02425;

/** Horner evaluation of a polynomial given highest power first. */
const polynomial = (coefficients: readonly number[], x: number) =>
  coefficients.reduce((sum, coefficient) => sum * x + coefficient, 0);

/** z-score for a one-sided service level (e.g. 0.95 → 1.6449), via Acklam's inverse-normal approximation; throws RangeError outside (0.5, 0.9999]. */
export function serviceLevelZ(level: number): number {
  // Below 0.5 safety stock would be negative; above 0.9999 it grows without a useful bound.
  if (!(level > 0.5 && level <= 0.9999)) throw new RangeError('service level must be in (0.5, 0.9999]');
  if (level <= UPPER_REGION) {
    const q = level - 0.5;
    const r = q * q;
    return (polynomial(CENTRAL_NUMERATOR, r) * q) / polynomial(CENTRAL_DENOMINATOR, r);
  }
  const q = Math.sqrt(-2 * Math.log(1 - level));
  return -polynomial(TAIL_NUMERATOR, q) / polynomial(TAIL_DENOMINATOR, q);
}

export interface ReorderInputs {
  meanDaily: number;
  stdDaily: number;
  leadTimeDays: number;
  serviceLevel: number;
  reviewPeriodDays: number;
  /** Sum of the forecast over the lead time, when a forecast exists; else meanDaily × leadTimeDays. */
  leadTimeDemand?: number;
}

export interface ReorderPlan {
  z: number;
  /** ceil(z × stdDaily × √leadTimeDays) */
  safetyStock: number;
  /** As given, or meanDaily × leadTimeDays; rounded to 2 decimals. */
  leadTimeDemand: number;
  /** ceil(leadTimeDemand + safetyStock) */
  reorderPoint: number;
  /** reorderPoint + ceil(meanDaily × reviewPeriodDays) */
  targetLevel: number;
  /** The formulas with the numbers filled in, for the console to show why. */
  formula: string;
  formulaExplanation: Explanation;
}

export function reorderPlan(inputs: ReorderInputs): ReorderPlan {
  const { meanDaily, stdDaily, leadTimeDays, reviewPeriodDays } = inputs;
  const given = inputs.leadTimeDemand;
  assertNonNegative({ meanDaily, stdDaily, leadTimeDays, reviewPeriodDays, leadTimeDemand: given ?? 0 });
  const z = serviceLevelZ(inputs.serviceLevel);
  // Demand over the lead time is a sum of L daily draws, so its spread grows with √L
  // (independent days; lead time taken as fixed).
  const safetyStock = ceilUnits(z * stdDaily * Math.sqrt(leadTimeDays));
  const leadTimeDemand = roundTo2(given ?? meanDaily * leadTimeDays);
  const reorderPoint = ceilUnits(leadTimeDemand + safetyStock);
  const reviewDemand = ceilUnits(meanDaily * reviewPeriodDays);
  const targetLevel = reorderPoint + reviewDemand;
  const formulaExplanation: Explanation = {
    key: 'reorder.formula',
    parts: [
      {
        key: 'reorder.safetyStock',
        params: { z: z.toFixed(3), std: stdDaily.toFixed(2), leadTime: leadTimeDays, safetyStock },
      },
      {
        key: 'reorder.reorderPoint',
        params: { leadTimeDemand: leadTimeDemand.toFixed(2), safetyStock, reorderPoint },
      },
      {
        key: 'reorder.target',
        params: {
          reorderPoint,
          mean: meanDaily.toFixed(2),
          reviewPeriod: reviewPeriodDays,
          target: targetLevel,
        },
      },
    ],
  };
  const formula = renderExplanation(formulaExplanation, 'en');
  return { z, safetyStock, leadTimeDemand, reorderPoint, targetLevel, formula, formulaExplanation };
}

function assertNonNegative(values: Record<string, number>): void {
  for (const [name, value] of Object.entries(values))
    if (!(Number.isFinite(value) && value >= 0)) throw new RangeError(`${name} must be a finite number ≥ 0`);
}

const roundTo2 = (value: number) => Math.round(value * 100) / 100;

/** Whole units ≥ 0, rounded up; float noise (0.1 × 30 = 3.0000000000000004) must not add a unit. */
const ceilUnits = (value: number) => Math.max(0, Math.ceil(value - 1e-9));

export interface SuggestionInputs {
  targetLevel: number;
  onHand: number;
  reserved: number;
  incoming: number;
  backorderedQuantity: number;
  minOrderQty: number;
  packSize: number;
  maxOrderQty: number | null;
}

/** Quantity to order so that available + incoming reaches the target (backorders count as demand already due): need = target − (onHand − reserved + incoming − backorderedQuantity); 0 when need ≤ 0; else max(need, minOrderQty) rounded UP to a multiple of packSize, then capped at maxOrderQty rounded DOWN to a multiple of packSize. */
export function suggestOrderQuantity(inputs: SuggestionInputs): {
  quantity: number;
  need: number;
  isCapped: boolean;
} {
  const { targetLevel, onHand, reserved, incoming, backorderedQuantity, minOrderQty, packSize } = inputs;
  if (!(Number.isInteger(packSize) && packSize >= 1)) throw new RangeError('packSize must be an integer ≥ 1');
  const need = targetLevel - (onHand - reserved + incoming - backorderedQuantity);
  if (need <= 0) return { quantity: 0, need, isCapped: false };
  const wanted = Math.ceil(Math.max(need, minOrderQty) / packSize) * packSize;
  if (inputs.maxOrderQty === null) return { quantity: wanted, need, isCapped: false };
  // The cap wins over the minimum: more than the cap cannot be placed or shelved, while an order
  // under the minimum is flagged by isCapped for a person to settle with the supplier.
  const cap = Math.floor(inputs.maxOrderQty / packSize) * packSize;
  return wanted > cap ? { quantity: cap, need, isCapped: true } : { quantity: wanted, need, isCapped: false };
}
