import type { EventMap } from '../../../platform/events/event-map.ts';
import type { CustomerMessage } from './notifications.ts';

/**
 * Which customer message an outbox event means, or null for none. Pure, so the mapping is
 * read and tested in one place. Events about one order say so once per order (the message key
 * is the order); a refund or a complaint answer is its own message each time.
 */
export const customerMessageFor = {
  'order.received': (e: EventMap['order.received']): CustomerMessage => ({
    orderId: e.orderId,
    event: e.status === 'pending_review' ? 'held' : 'received',
  }),
  'order.status_changed': (e: EventMap['order.status_changed']): CustomerMessage | null => {
    if (e.to === 'approved') return { orderId: e.orderId, event: 'approved' };
    // Back to review after approval (an edit re-audited): told once, like the hold at intake.
    if (e.to === 'pending_review') return { orderId: e.orderId, event: 'held' };
    if (e.to === 'shipped') return { orderId: e.orderId, event: 'shipped' };
    if (e.to === 'delivered') return { orderId: e.orderId, event: 'delivered' };
    return null;
  },
  'shipment.out_for_delivery': (e: EventMap['shipment.out_for_delivery']): CustomerMessage => ({
    orderId: e.orderId,
    event: 'out_for_delivery',
  }),
  'shipment.exception': (e: EventMap['shipment.exception']): CustomerMessage => ({
    orderId: e.orderId,
    event: 'exception',
    params: { problem: e.kind.replaceAll('_', ' ') },
  }),
  'refund.issued': (e: EventMap['refund.issued']): CustomerMessage => ({
    orderId: e.orderId,
    event: 'refund_issued',
    params: { amount: e.amount, currency: e.currency },
    dedupeKey: e.refundId,
  }),
  // The answer itself goes by mail from the complaint (with its reply token); a second mail here
  // would tell the customer twice. SMS and webhook, when switched on, say an answer is waiting.
  'complaint.answered': (e: EventMap['complaint.answered']): CustomerMessage | null =>
    e.orderId
      ? {
          orderId: e.orderId,
          event: 'complaint_answered',
          params: { complaintId: e.complaintId },
          dedupeKey: e.messageId,
          channels: ['sms', 'webhook'],
        }
      : null,
} as const;
