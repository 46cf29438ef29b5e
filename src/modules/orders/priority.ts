import type { NormalisedOrder, OrderType } from './normalise.ts';

export interface Classification {
  type: OrderType;
  priority: number;
  shipBy: string | null;
}

// Base priority per type: urgent and replacement orders (a customer already waiting) go first,
// presale orders last because they cannot ship before their release date anyway.
const basePriority: Record<OrderType, number> = {
  urgent: 80,
  replacement: 70,
  custom: 40,
  normal: 30,
  b2b: 30,
  presale: 10,
};

/**
 * Type and priority of a new order. The channel's type hint wins; an express or same-day
 * request makes an otherwise normal order urgent. Ship-by deadlines need the business calendar
 * and channel SLAs, which are configured later; until then `shipBy` stays empty.
 */
export function classifyOrder(order: NormalisedOrder): Classification {
  const isRushed = order.requestedService === 'express' || order.requestedService === 'same_day';
  const type: OrderType = order.typeHint ?? (isRushed ? 'urgent' : 'normal');
  return { type, priority: basePriority[type], shipBy: null };
}
