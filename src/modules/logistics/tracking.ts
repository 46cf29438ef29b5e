import { trackingPush } from '../../contracts/fulfilment.ts';
import { systemActor } from '../../platform/actor.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Executor } from '../../platform/db/database.ts';
import type { Row } from '../../platform/db/schema.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { AppError, fromZodIssues } from '../../platform/errors.ts';
import { publish } from '../../platform/events/outbox.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { raiseException } from '../fulfilment/index.ts';
import { changeOrderStatus } from '../orders/index.ts';
import type { CarrierEvent, TrackingPoller } from './carrier-adapters.ts';
import { carrierByIdOrCode } from './carriers.ts';
import { shipmentsRepository } from './shipments.repository.ts';
import {
  isValidTrackingSignature,
  nextShipmentStatus,
  normaliseTrackingStatus,
  type TrackingStatus,
} from './tracking-signature.ts';

const hourMs = 60 * 60 * 1000;
const exceptionFor: Partial<Record<TrackingStatus, 'failed_attempt' | 'lost' | 'returned'>> = {
  failed_attempt: 'failed_attempt',
  returned_to_sender: 'returned',
};

/**
 * Tracking pushes from carriers and aggregators: verified by HMAC over the raw body before
 * anything is read, each event stored once (a replay is a duplicate, not a second event), the
 * shipment's status moved only by newer events, delivered orders closed, and a failed attempt,
 * an exception or a return raising an exception (the risk module opens a case for staff).
 */
export function createTracking(deps: { database: Database; clock: Clock }) {
  const { database, clock } = deps;

  async function receiveTrackingPush(carrierRef: string, rawBody: Buffer, signature: string | undefined) {
    const carrier = await carrierByIdOrCode(database.db, carrierRef);
    // Same answer for an unknown carrier and a bad signature: nothing to learn by probing.
    if (!carrier || !isValidTrackingSignature(carrier.tracking_secret, rawBody, signature))
      throw new AppError('INVALID_SIGNATURE', 'the X-Ordo-Signature header does not match the body');
    let json: unknown;
    try {
      json = JSON.parse(rawBody.toString('utf8'));
    } catch {
      throw new AppError('INVALID_JSON', 'body: not valid JSON', { field: 'body' });
    }
    const parsed = trackingPush.safeParse(json);
    if (!parsed.success) throw fromZodIssues(parsed.error.issues);
    return recordTrackingEvents(carrier, parsed.data.events);
  }

  /** Stores a carrier's events (pushed or polled) once each and moves their shipments on. */
  async function recordTrackingEvents(carrier: Row<'carriers'>, incoming: readonly CarrierEvent[]) {
    const now = clock.now();
    return inTransaction(database, async (tx) => {
      const result = { accepted: 0, duplicates: 0, unknown: [] as string[] };
      // Oldest first, so the shipment walks through its states in order.
      const events = [...incoming].sort((a, b) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt));
      for (const event of events) {
        const shipment = await shipmentsRepository.findByTracking(tx, carrier.id, event.trackingNumber);
        if (!shipment) {
          result.unknown.push(event.trackingNumber);
          continue;
        }
        const status = normaliseTrackingStatus(event.status);
        const isNew = await shipmentsRepository.insertEvent(tx, {
          id: uuidv7(now.getTime()),
          shipment_id: shipment.id,
          carrier_id: carrier.id,
          external_id: event.eventId,
          status: status ?? shipment.status,
          raw_status: event.status,
          description: event.description ?? null,
          location: event.location ?? null,
          event_at: new Date(event.occurredAt).toISOString(),
          received_at: now.toISOString(),
        });
        if (!isNew) {
          result.duplicates++;
          continue;
        }
        result.accepted++;
        await applyEvent(tx, now, shipment, status, new Date(event.occurredAt));
      }
      return { ...result, unknown: [...new Set(result.unknown)] };
    });
  }

  async function applyEvent(
    tx: Executor,
    now: Date,
    shipment: Row<'shipments'>,
    incoming: TrackingStatus | null,
    eventAt: Date,
  ) {
    const lastEventAt = shipment.last_event_at ? new Date(shipment.last_event_at) : null;
    const next = nextShipmentStatus(shipment.status, incoming, { eventAt, lastEventAt });
    const latest = lastEventAt && lastEventAt > eventAt ? lastEventAt : eventAt;
    const isDelivered = next === 'delivered' && shipment.status !== 'delivered';
    const hasFailedBefore = await shipmentsRepository.hasFailedAttempt(tx, shipment.id);
    await shipmentsRepository.update(tx, shipment.id, {
      status: next,
      last_event_at: latest.toISOString(),
      ...(isDelivered
        ? { delivered_at: eventAt.toISOString(), first_attempt_ok: hasFailedBefore ? 0 : 1 }
        : {}),
    });
    // The customer is told the day the parcel is on the van (service module).
    if (next === 'out_for_delivery' && shipment.status !== 'out_for_delivery')
      await publish(tx, now, 'shipment.out_for_delivery', {
        shipmentId: shipment.id,
        orderId: shipment.order_id,
      });
    Object.assign(shipment, { status: next, last_event_at: latest.toISOString() });
    if (isDelivered) {
      const order = await shipmentsRepository.order(tx, shipment.order_id);
      if (order?.status === 'shipped')
        await changeOrderStatus(tx, systemActor, now, shipment.order_id, {
          to: 'delivered',
          reason: 'the carrier reports delivery',
          event: { type: 'delivered', data: { shipmentId: shipment.id, at: eventAt.toISOString() } },
        });
    }
    const kind = incoming === 'exception' ? 'damaged' : incoming ? exceptionFor[incoming] : undefined;
    if (kind && next === incoming)
      await raiseException(tx, now, {
        orderId: shipment.order_id,
        shipmentId: shipment.id,
        kind,
        note: `carrier reports ${incoming}`,
      });
  }

  /**
   * Detection, run by the worker: shipments with no scan for too long, past their promised
   * date, or silent long enough to count as lost each raise one exception per kind (the risk
   * module opens its case; another is raised only once that case has closed).
   */
  async function detectDeliveryProblems(rules: { noScanHours: number; lostAfterDays: number }) {
    const now = clock.now();
    return inTransaction(database, async (tx) => {
      const shipments = await shipmentsRepository.open(tx);
      let opened = 0;
      for (const s of shipments) {
        const lastScan = Date.parse(s.last_event_at ?? s.shipped_at);
        const base = { orderId: s.order_id, shipmentId: s.id };
        if (now.getTime() - lastScan > rules.lostAfterDays * 24 * hourMs)
          opened += Number(
            await raiseException(tx, now, {
              ...base,
              kind: 'lost',
              note: `no scan for ${rules.lostAfterDays} days`,
            }),
          );
        else if (now.getTime() - lastScan > rules.noScanHours * hourMs)
          opened += Number(
            await raiseException(tx, now, {
              ...base,
              kind: 'no_scan',
              note: `no scan for ${rules.noScanHours} hours`,
            }),
          );
        if (s.promised_by && Date.parse(s.promised_by) < now.getTime())
          opened += Number(
            await raiseException(tx, now, { ...base, kind: 'late', note: `promised by ${s.promised_by}` }),
          );
      }
      return { checked: shipments.length, opened };
    });
  }

  /**
   * For carriers that do not push: each poller is asked for the events of its carrier's open
   * shipments, which then go the same way as pushed ones (stored once, status forward only).
   */
  async function pollTracking(pollers: readonly TrackingPoller[]) {
    const totals = { accepted: 0, duplicates: 0 };
    for (const poller of pollers) {
      const carrier = await carrierByIdOrCode(database.db, poller.carrierCode);
      if (!carrier) continue;
      const open = await shipmentsRepository.open(database.db, carrier.id);
      if (open.length === 0) continue;
      const events = await poller.poll(open.map((s) => s.tracking_number));
      const result = await recordTrackingEvents(carrier, events);
      totals.accepted += result.accepted;
      totals.duplicates += result.duplicates;
    }
    return totals;
  }

  return { receiveTrackingPush, pollTracking, detectDeliveryProblems };
}
