import type { z } from 'zod';
import type { caseKinds, caseQuery, deliveryCase } from '../../contracts/fulfilment.ts';
import type { Actor } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit-log.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Executor } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { publish } from '../../platform/events/outbox.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { type CaseRow, casesRepository } from './cases.repository.ts';

type CaseKind = (typeof caseKinds)[number];
type DeliveryCase = z.output<typeof deliveryCase>;

/**
 * Opens an exception case on an order (short pick, no scan, late, lost, damaged, failed
 * attempt, returned) unless one of that kind is already open, and publishes a
 * `shipment.exception` event (nothing mails the customer on it yet). Detection jobs run
 * repeatedly; this keeps one case.
 */
export async function openCase(
  tx: Executor,
  now: Date,
  input: { orderId: string; shipmentId: string | null; kind: CaseKind; dueAt: Date; note: string },
): Promise<boolean> {
  if (await casesRepository.findOpen(tx, input.orderId, input.kind)) return false;
  await casesRepository.insert(tx, {
    id: uuidv7(now.getTime()),
    order_id: input.orderId,
    shipment_id: input.shipmentId,
    kind: input.kind,
    status: 'open',
    note: input.note,
    due_at: input.dueAt.toISOString(),
    opened_at: now.toISOString(),
  });
  await publish(tx, now, 'shipment.exception', {
    shipmentId: input.shipmentId,
    orderId: input.orderId,
    kind: input.kind,
  });
  return true;
}

/** Shipments with a case of one of the kinds, open or resolved: what a carrier scorecard counts. */
export const shipmentsWithCases = casesRepository.onShipments;

function toCase(row: CaseRow): DeliveryCase {
  return {
    id: row.id,
    orderId: row.order_id,
    orderNumber: row.order_number,
    shipmentId: row.shipment_id,
    kind: row.kind as CaseKind,
    status: row.status as DeliveryCase['status'],
    note: row.note,
    dueAt: row.due_at,
    openedAt: row.opened_at,
    resolvedAt: row.resolved_at,
  };
}

export function createCases(deps: { database: Database; clock: Clock }) {
  const { database, clock } = deps;

  function listCases(filter: z.output<typeof caseQuery>) {
    return casesRepository.page(database.db, filter, toCase);
  }

  async function resolveCase(actor: Actor, id: string, note: string): Promise<DeliveryCase> {
    const now = clock.now();
    await inTransaction(database, async (tx) => {
      const found = await casesRepository.findById(tx, id);
      if (!found) throw notFound('case', id);
      if (found.status !== 'open')
        throw new AppError('INVALID_TRANSITION', 'the case is already resolved', { status: found.status });
      // The reason the case was opened stays; what was done is added to it.
      await casesRepository.resolve(tx, id, {
        note: found.note ? `${found.note} → ${note}` : note,
        resolvedAt: now.toISOString(),
      });
      await recordAudit(tx, actor, now, {
        action: 'case.resolved',
        targetType: 'case',
        targetId: id,
        details: { note },
      });
    });
    const resolved = await casesRepository.findWithOrder(database.db, id);
    if (!resolved) throw notFound('case', id);
    return toCase(resolved);
  }

  return { listCases, resolveCase };
}
