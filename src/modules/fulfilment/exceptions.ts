import type { exceptionKinds } from '../../contracts/fulfilment.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Executor } from '../../platform/db/database.ts';
import { publish } from '../../platform/events/outbox.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { exceptionsRepository } from './exceptions.repository.ts';

type ExceptionKind = (typeof exceptionKinds)[number];

/**
 * Records what a detector saw on an order (short pick, no scan, late, lost, damaged, failed
 * attempt, returned, channel change) and publishes `shipment.exception`; the risk module opens
 * the case on it (owner, deadline, steps: docs/risk.md). Detection jobs run repeatedly: while an
 * exception of the kind is active on the order (its case not yet closed) nothing new is raised.
 * Returns whether it raised one.
 */
export async function raiseException(
  tx: Executor,
  now: Date,
  input: { orderId: string; shipmentId: string | null; kind: ExceptionKind; note: string },
): Promise<boolean> {
  if (await exceptionsRepository.findActive(tx, input.orderId, input.kind)) return false;
  await exceptionsRepository.insert(tx, {
    id: uuidv7(now.getTime()),
    order_id: input.orderId,
    shipment_id: input.shipmentId,
    kind: input.kind,
    note: input.note,
    detected_at: now.toISOString(),
    released_at: null,
  });
  await publish(tx, now, 'shipment.exception', {
    shipmentId: input.shipmentId,
    orderId: input.orderId,
    kind: input.kind,
  });
  return true;
}

/** Shipments with an exception of one of the kinds, active or released: what a carrier scorecard counts. */
export const shipmentsWithExceptions = exceptionsRepository.onShipments;

export function createExceptions(deps: { database: Database; clock: Clock }) {
  /**
   * `risk_case.closed`: the order's exceptions of the closed case's kinds, seen before it closed,
   * are released, so the next detection of the same kind opens a new case. Idempotent, and a
   * late redelivery does not release an exception raised after the close.
   */
  async function release(payload: {
    orderId: string | null;
    exceptionKinds: string[];
    closedAt: string;
  }): Promise<void> {
    if (!payload.orderId) return;
    await exceptionsRepository.release(deps.database.db, {
      orderId: payload.orderId,
      kinds: payload.exceptionKinds,
      upTo: payload.closedAt,
      at: deps.clock.now().toISOString(),
    });
  }

  return { release };
}
