import type { NormalisedOrder } from './normalise.ts';

/** A reason an order cannot go ahead on its own. */
export interface Hold {
  code: string;
  message: string;
  riskPoints: number;
}

/** What the checks may know besides the order itself; loaded once per intake batch. */
export interface AuditContext {
  now: Date;
  /** Catalog state of every SKU code the batch mentions; absent = not in the catalog. */
  skuStates: ReadonlyMap<string, { isActive: boolean }>;
}

/** One check of the audit chain: pure, returns a hold or null for pass. */
export interface AuditCheck {
  code: string;
  check(order: NormalisedOrder, ctx: AuditContext): Hold | null;
}

export const paymentPending: AuditCheck = {
  code: 'PAYMENT_PENDING',
  check: (order) =>
    order.payment.status === 'pending'
      ? { code: 'PAYMENT_PENDING', message: 'Payment is not complete yet', riskPoints: 0 }
      : null,
};

export const unknownSku: AuditCheck = {
  code: 'UNKNOWN_SKU',
  check: (order, ctx) => {
    const problems = order.lines
      .filter((line) => ctx.skuStates.get(line.sku)?.isActive !== true)
      .map(
        (line) =>
          `line ${line.lineNo}: ${line.sku} is ${ctx.skuStates.has(line.sku) ? 'inactive' : 'not in the catalog'}`,
      );
    return problems.length === 0
      ? null
      : { code: 'UNKNOWN_SKU', message: `Unknown or inactive SKU (${problems.join('; ')})`, riskPoints: 0 };
  },
};

/** The chain intake runs today; configurable rules replace this list, in order. */
export const defaultAuditChain: readonly AuditCheck[] = [paymentPending, unknownSku];

export function auditOrder(
  order: NormalisedOrder,
  ctx: AuditContext,
  chain: readonly AuditCheck[] = defaultAuditChain,
): Hold[] {
  const holds: Hold[] = [];
  for (const rule of chain) {
    const hold = rule.check(order, ctx);
    if (hold) holds.push(hold);
  }
  return holds;
}
