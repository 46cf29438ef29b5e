/** How an order is paid: status, method and when the money arrived. */
import type { DemoCustomer } from './customers.ts';
import { chance, pickWeighted, type Rng, randomInt } from './random.ts';
import { isoSeconds } from './rhythm.ts';
import type { PaymentInput } from './types.ts';

export type PaymentStatus = PaymentInput['status'];

export const paymentStatusShares = [
  ['paid', 89],
  ['pending', 8],
  ['cod', 3],
] as const satisfies readonly (readonly [PaymentStatus, number])[];

interface PaymentFacts {
  status: PaymentStatus;
  channel: string;
  customer: DemoCustomer;
  placedAtMs: number;
  total: string;
  nowMs: number;
}

export function buildPayment(rng: Rng, facts: PaymentFacts): PaymentInput {
  if (facts.status === 'cod') return { status: 'cod' };
  const method = paymentMethod(rng, facts.channel, facts.customer.isDomestic);
  if (facts.status === 'pending') return { status: 'pending', method };
  // Most buyers pay within a minute and a half; some leave the cashier page and come back.
  const delaySeconds = chance(rng, 0.8) ? randomInt(rng, 5, 90) : randomInt(rng, 91, 900);
  const paidAtMs = Math.min(facts.placedAtMs + delaySeconds * 1000, facts.nowMs);
  return { status: 'paid', method, paidAmount: facts.total, paidAt: isoSeconds(paidAtMs) };
}

const internationalPaymentMethods = [
  ['card', 70],
  ['paypal', 30],
] as const;
const chinesePaymentMethods = [
  ['alipay', 55],
  ['wechat_pay', 45],
] as const;

function paymentMethod(rng: Rng, channel: string, isDomestic: boolean): string {
  if (channel === 'tmall') return 'alipay';
  return pickWeighted(rng, isDomestic ? chinesePaymentMethods : internationalPaymentMethods);
}
