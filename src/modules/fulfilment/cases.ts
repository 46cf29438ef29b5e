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
import { pageNewestFirst } from '../../platform/pagination.ts';

type CaseKind = (typeof caseKinds)[number];
type DeliveryCase = z.output<typeof deliveryCase>;

/**
 * Opens an exception case on an order (short pick, no scan, late, lost, damaged, failed
 * attempt, returned) unless one of that kind is already open, and tells the customer side
 * through a `shipment.exception` event. Detection jobs run repeatedly; this keeps one case.
 */
export async function openCase(
  tx: Executor,
  now: Date,
  input: { orderId: string; shipmentId: string | null; kind: CaseKind; dueAt: Date; note: string },
): Promise<boolean> {
  const open = await tx
    .selectFrom('delivery_cases')
    .select('id')
    .where('order_id', '=', input.orderId)
    .where('kind', '=', input.kind)
    .where('status', '=', 'open')
    .executeTakeFirst();
  if (open) return false;
  await tx
    .insertInto('delivery_cases')
    .values({
      id: uuidv7(now.getTime()),
      order_id: input.orderId,
      shipment_id: input.shipmentId,
      kind: input.kind,
      status: 'open',
      note: input.note,
      due_at: input.dueAt.toISOString(),
      opened_at: now.toISOString(),
    })
    .execute();
  await publish(tx, now, 'shipment.exception', {
    shipmentId: input.shipmentId,
    orderId: input.orderId,
    kind: input.kind,
  });
  return true;
}

/** Shipments with a case of one of the kinds, open or resolved: what a carrier scorecard counts. */
export async function shipmentsWithCases(
  db: Executor,
  kinds: readonly CaseKind[],
): Promise<{ shipmentId: string; kind: CaseKind }[]> {
  const rows = await db
    .selectFrom('delivery_cases')
    .select(['shipment_id', 'kind'])
    .where('kind', 'in', kinds)
    .where('shipment_id', 'is not', null)
    .execute();
  return rows.map((row) => ({ shipmentId: row.shipment_id as string, kind: row.kind as CaseKind }));
}

export function createCases(deps: { database: Database; clock: Clock }) {
  const { database, clock } = deps;

  function casesQuery() {
    return database.db
      .selectFrom('delivery_cases as c')
      .innerJoin('orders_orders_view as o', 'o.id', 'c.order_id')
      .selectAll('c')
      .select('o.number as order_number');
  }

  function toCase(row: Awaited<ReturnType<ReturnType<typeof casesQuery>['execute']>>[number]): DeliveryCase {
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

  async function listCases(filter: z.output<typeof caseQuery>) {
    let query = casesQuery();
    if (filter.status !== 'all') query = query.where('c.status', '=', filter.status);
    return pageNewestFirst(query, 'c.id', filter, toCase, (r) => r.id);
  }

  async function resolveCase(actor: Actor, id: string, note: string): Promise<DeliveryCase> {
    const now = clock.now();
    await inTransaction(database, async (tx) => {
      const found = await tx.selectFrom('delivery_cases').selectAll().where('id', '=', id).executeTakeFirst();
      if (!found) throw notFound('case', id);
      if (found.status !== 'open')
        throw new AppError('INVALID_TRANSITION', 'the case is already resolved', { status: found.status });
      await tx
        .updateTable('delivery_cases')
        // The reason the case was opened stays; what was done is added to it.
        .set({
          status: 'resolved',
          resolved_at: now.toISOString(),
          note: found.note ? `${found.note} → ${note}` : note,
        })
        .where('id', '=', id)
        .execute();
      await recordAudit(tx, actor, now, {
        action: 'case.resolved',
        targetType: 'case',
        targetId: id,
        details: { note },
      });
    });
    return toCase(await casesQuery().where('c.id', '=', id).executeTakeFirstOrThrow());
  }

  return { listCases, resolveCase };
}
