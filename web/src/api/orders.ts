// Orders: the list, one order, intake from the console, cancel, merge and split, order settings.
import type { z } from 'zod';
import {
  deliveryServices,
  orderStatuses,
  orderTypes,
  paymentStatuses,
  type reviewStages,
  type slaStatuses,
} from '../../../src/contracts/order-enums.ts';
import type { efficiency, mergeResponse } from '../../../src/contracts/order-review.ts';
import type { OrderSettings, orderSettingsSchema } from '../../../src/contracts/order-settings.ts';
import { canTransition, type OrderStatus } from '../../../src/contracts/order-transitions.ts';
import type {
  canonicalOrder,
  holdDetail,
  Order,
  orderEvent,
  orderSummary,
  ordersOverview,
} from '../../../src/contracts/orders.ts';
import { get, id, type Page, type PageParams, patch, post, send } from './client';

export type { AssignmentRule, ClassificationRule, Sla } from '../../../src/contracts/order-settings.ts';
export type { Order, OrderSettings, OrderStatus };
export { canTransition, deliveryServices as requestedServices, orderStatuses, orderTypes, paymentStatuses };

export type OrderType = (typeof orderTypes)[number];
export type PaymentStatus = (typeof paymentStatuses)[number];
export type RequestedService = (typeof deliveryServices)[number];
export type ReviewStage = (typeof reviewStages)[number];
export type SlaStatus = (typeof slaStatuses)[number];
/** Suggestions for the payment method field; the server takes any short text. */
export const paymentMethods = [
  'alipay',
  'wechat_pay',
  'card',
  'bank_transfer',
  'cash',
  'cod',
  'other',
] as const;

export type OrderListItem = z.output<typeof orderSummary>;
export type Address = Order['shippingAddress'];
export type OrderEvent = z.output<typeof orderEvent>;
export type Actor = OrderEvent['actor'];
export type HoldDetail = z.output<typeof holdDetail>;
/** The canonical order a channel (or the console's new-order form) submits; see CONTRACT.md. */
export type OrderInput = z.input<typeof canonicalOrder>;
export type OrdersOverview = z.output<typeof ordersOverview>;
export type Efficiency = z.output<typeof efficiency>;
// The policy schema is typed by its output; the rest of what the console sends is the schema's input.
export type OrderSettingsInput = Omit<z.input<typeof orderSettingsSchema>, 'policy'> & {
  policy: OrderSettings['policy'];
};

export const ordersApi = {
  list: (params: PageParams & { status?: string; channel?: string; q?: string }) =>
    get<Page<OrderListItem>>('/orders', params),
  get: (orderId: string) => get<Order>(`/orders/${id(orderId)}`),
  /** `isNew` is false when the channel had already sent this externalId: the stored order comes back. */
  create: async (input: OrderInput) => {
    const { status, body } = await send<Order>('POST', '/orders', { json: input });
    return { order: body, isNew: status === 201 };
  },
  cancel: (orderId: string, reason: string) => post<Order>(`/orders/${id(orderId)}/cancel`, { reason }),
  summary: () => get<OrdersOverview>('/orders/summary'),
  efficiency: (days = 7) => get<Efficiency>('/orders/efficiency', { days }),
  merge: (orderIds: string[]) => post<z.output<typeof mergeResponse>>('/orders/merge', { orderIds }),
  unmerge: (orderId: string) => post<Order>(`/orders/${id(orderId)}/unmerge`),
  mergeCandidates: (orderId: string) =>
    get<{ items: OrderListItem[] }>(`/orders/${id(orderId)}/merge-candidates`).then((page) => page.items),
  /** One list of line numbers per parcel; a single list undoes the split. */
  split: (orderId: string, parcels: number[][]) => post<Order>(`/orders/${id(orderId)}/split`, { parcels }),
  settings: {
    get: () => get<OrderSettings>('/settings/orders'),
    update: (changes: Partial<OrderSettingsInput>) => patch<OrderSettings>('/settings/orders', changes),
  },
};
