import { createHmac } from 'node:crypto';
import { safeEqual } from '../../platform/auth/tokens.ts';

/** Hex HMAC-SHA256 of the body exactly as received: re-serialised JSON would not match. */
export function signTrackingBody(secret: string, rawBody: Buffer | string): string {
  return createHmac('sha256', secret).update(rawBody).digest('hex');
}

/** Checks a `sha256=<hex>` header in constant time; a missing or malformed header is invalid. */
export function isValidTrackingSignature(
  secret: string,
  rawBody: Buffer | string,
  header: string | undefined,
): boolean {
  const match = /^sha256=([0-9a-f]{64})$/i.exec(header?.trim() ?? '');
  if (!match) return false;
  // safeEqual compares with timingSafeEqual after an equal-length check.
  return safeEqual(match[1].toLowerCase(), signTrackingBody(secret, rawBody));
}

export const trackingStatuses = [
  'in_transit',
  'out_for_delivery',
  'delivered',
  'failed_attempt',
  'exception',
  'returned_to_sender',
] as const;
export type TrackingStatus = (typeof trackingStatuses)[number];

// Aggregators' English states are compared lower-case without spaces, '_' or '-', so
// 'OutForDelivery', 'out_for_delivery' and 'Out for delivery' are one key. Chinese states are
// Kuaidi100's words and the phrases carriers use in event text. Numeric codes are left out on
// purpose: Kuaidi100's '3' (签收) and 17track's '30' mean different things, so a number alone
// cannot be mapped without knowing the source.
const vocabulary: Record<string, TrackingStatus> = {
  intransit: 'in_transit',
  pickedup: 'in_transit',
  pickup: 'in_transit',
  accepted: 'in_transit',
  在途: 'in_transit',
  揽收: 'in_transit',
  已揽收: 'in_transit',
  运输中: 'in_transit',
  转运中: 'in_transit',
  清关: 'in_transit',
  转投: 'in_transit',
  outfordelivery: 'out_for_delivery',
  // At a locker or pickup point the last leg is the buyer's walk; it is not delivered until
  // they collect it, so it waits as out for delivery.
  availableforpickup: 'out_for_delivery',
  派件: 'out_for_delivery',
  派送中: 'out_for_delivery',
  待取件: 'out_for_delivery',
  delivered: 'delivered',
  签收: 'delivered',
  已签收: 'delivered',
  妥投: 'delivered',
  attemptfail: 'failed_attempt',
  attemptfailed: 'failed_attempt',
  failedattempt: 'failed_attempt',
  deliveryfailure: 'failed_attempt',
  派送失败: 'failed_attempt',
  exception: 'exception',
  // 17track/AfterShip 'Expired': no news from the carrier for weeks, which needs a person.
  expired: 'exception',
  疑难: 'exception',
  问题件: 'exception',
  拒签: 'exception',
  returntosender: 'returned_to_sender',
  returned: 'returned_to_sender',
  退回: 'returned_to_sender',
  退签: 'returned_to_sender',
  已退回: 'returned_to_sender',
};

/**
 * The shipment status an aggregator's state means; null for states that change nothing
 * (InfoReceived, Pending, NotFound) and for words not in the vocabulary.
 */
export function normaliseTrackingStatus(raw: string): TrackingStatus | null {
  const key = raw
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '');
  return Object.hasOwn(vocabulary, key) ? vocabulary[key] : null;
}

const finalStatuses: readonly string[] = ['delivered', 'returned_to_sender'] satisfies TrackingStatus[];

/**
 * The shipment's status after a tracking event. Events arrive out of order, so one older than
 * the last applied event is stored by the caller but does not move the status; and a
 * delivered or returned shipment never moves again (a late "in transit" scan is noise).
 * `current` may be any shipment status, including the ones before the carrier has it.
 */
export function nextShipmentStatus<Current extends string>(
  current: Current,
  incoming: TrackingStatus | null,
  { eventAt, lastEventAt }: { eventAt: Date; lastEventAt: Date | null },
): Current | TrackingStatus {
  if (incoming === null || finalStatuses.includes(current)) return current;
  if (lastEventAt !== null && eventAt.getTime() < lastEventAt.getTime()) return current;
  return incoming;
}
