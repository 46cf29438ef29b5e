/** What an order costs: price lists, free-shipping thresholds, coupons and the promotion. */
import { chance, type Rng } from './random.ts';

export interface PricedLine {
  quantity: number;
  unitPriceMinor: number;
}

/** International price list: CNY at ~7.1 per USD, rounded to a whole dollar less a cent. */
export function usdPriceMinor(cnyMinor: number): number {
  return Math.max(1, Math.round(cnyMinor / 710)) * 100 - 1;
}

export interface PricingTerms {
  channel: string;
  currency: string;
  isDomestic: boolean;
  isPromotionDay: boolean;
}

/** In integer minor units throughout, so total = lines + shipping − discount holds exactly. */
export function orderAmounts(rng: Rng, lines: readonly PricedLine[], terms: PricingTerms) {
  const subtotalMinor = lines.reduce((sum, line) => sum + line.quantity * line.unitPriceMinor, 0);
  const shippingFeeMinor = shippingFeeFor(subtotalMinor, terms);
  const discountMinor = discountFor(rng, subtotalMinor, terms);
  return { shippingFeeMinor, discountMinor, totalMinor: subtotalMinor + shippingFeeMinor - discountMinor };
}

/** Free-shipping thresholds as Chinese shops set them: Tmall ships free above ¥49, the web shop above ¥99. */
function shippingFeeFor(subtotalMinor: number, { channel, currency, isDomestic }: PricingTerms): number {
  if (currency === 'USD') return subtotalMinor >= 9900 ? 0 : 1500;
  if (!isDomestic) return subtotalMinor >= 99_900 ? 0 : 12_000;
  if (channel === 'tmall') return subtotalMinor >= 4900 ? 0 : 800;
  return subtotalMinor >= 9900 ? 0 : 1000;
}

/** The promotion is "每满 199 减 30" (¥30 off per full ¥199); other days one order in seven has a coupon. */
function discountFor(rng: Rng, subtotalMinor: number, { currency, isPromotionDay }: PricingTerms): number {
  if (isPromotionDay) {
    return currency === 'USD' ? Math.round(subtotalMinor / 10) : Math.floor(subtotalMinor / 19_900) * 3000;
  }
  if (!chance(rng, 0.15)) return 0;
  if (currency === 'USD') return subtotalMinor >= 3000 ? 500 : 0;
  if (subtotalMinor >= 9900) return 1000;
  return subtotalMinor >= 4900 ? 500 : 0;
}
