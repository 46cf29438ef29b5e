import type { z } from 'zod';
import type { complaintSummary, returnRequest } from '../../../contracts/aftersales.ts';
import type { Executor } from '../../../platform/db/database.ts';
import { isAnyOf } from '../../../platform/db/dialect.ts';
import type { Row } from '../../../platform/db/schema.ts';
import { notFound } from '../../../platform/errors.ts';
import { publish } from '../../../platform/events/outbox.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { fromMinor } from '../../../platform/money.ts';

export type ComplaintSummary = z.output<typeof complaintSummary>;
export type ReturnSummary = Omit<z.output<typeof returnRequest>, 'lines' | 'refunds' | 'instructions'>;

export function toComplaint(row: Row<'service_complaints'>, currency = 'CNY'): ComplaintSummary {
  return {
    id: row.id,
    orderId: row.order_id,
    orderNumber: row.order_number,
    carrierId: row.carrier_id,
    sku: row.sku,
    category: row.category as ComplaintSummary['category'],
    department: row.department as ComplaintSummary['department'],
    team: row.team,
    status: row.status as ComplaintSummary['status'],
    source: row.source as ComplaintSummary['source'],
    subject: row.subject,
    customerName: row.customer_name,
    customerEmail: row.customer_email,
    firstResponseDueAt: row.first_response_due_at,
    resolutionDueAt: row.resolution_due_at,
    firstRespondedAt: row.first_responded_at,
    resolvedAt: row.resolved_at,
    breachedAt: row.breached_at,
    isBreached: row.breached_at !== null,
    resolution: row.resolution_kind
      ? {
          kind: row.resolution_kind as 'refund',
          cost: fromMinor(row.resolution_cost_minor ?? 0, currency),
          note: row.resolution_note ?? '',
        }
      : null,
    rating: row.rating,
    createdAt: row.created_at,
  };
}

export function toReturn(row: Row<'service_returns'>): ReturnSummary {
  return {
    id: row.id,
    orderId: row.order_id,
    orderNumber: row.order_number,
    kind: row.kind as ReturnSummary['kind'],
    status: row.status as ReturnSummary['status'],
    reason: row.reason,
    source: row.source as ReturnSummary['source'],
    decision: row.decision,
    replacementOrderId: row.replacement_order_id,
    createdAt: row.created_at,
  };
}

/** Orders as service reads them (orders' read view): by Ordo number or the channel's order id. */
export function findOrderByNumber(db: Executor, number: string) {
  return db
    .selectFrom('orders_orders_view')
    .selectAll()
    .where((eb) => eb.or([eb('number', '=', number), eb('external_id', '=', number)]))
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
}

export function findOrderById(db: Executor, id: string) {
  return db.selectFrom('orders_orders_view').selectAll().where('id', '=', id).executeTakeFirst();
}

export function orderLines(db: Executor, orderId: string) {
  return db
    .selectFrom('orders_order_lines_view')
    .selectAll()
    .where('order_id', '=', orderId)
    .orderBy('line_no')
    .execute();
}

/** The order's latest shipment (logistics' read view), for the carrier a complaint or survey is about. */
export function latestShipment(db: Executor, orderId: string) {
  return db
    .selectFrom('logistics_shipments_view')
    .selectAll()
    .where('order_id', '=', orderId)
    .orderBy('shipped_at', 'desc')
    .executeTakeFirst();
}

/** When the order last became delivered, from orders' status history. */
export async function deliveredAt(db: Executor, orderId: string): Promise<string | null> {
  const row = await db
    .selectFrom('orders_status_history_view')
    .select('at')
    .where('order_id', '=', orderId)
    .where('to_status', '=', 'delivered')
    .orderBy('at', 'desc')
    .executeTakeFirst();
  return row?.at ?? null;
}

export async function complaintRow(db: Executor, id: string) {
  const row = await db.selectFrom('service_complaints').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('complaint', id);
  return row;
}

export function complaintMessages(db: Executor, complaintId: string) {
  return db
    .selectFrom('service_complaint_messages')
    .selectAll()
    .where('complaint_id', '=', complaintId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** When the customer was mailed about a complaint message; undefined when there is no such message. */
export async function messageMailedAt(db: Executor, messageId: string): Promise<string | null | undefined> {
  const row = await db
    .selectFrom('service_complaint_messages')
    .select('mailed_at')
    .where('id', '=', messageId)
    .executeTakeFirst();
  return row ? row.mailed_at : undefined;
}

export async function markMessageMailed(db: Executor, messageId: string, at: Date): Promise<void> {
  await db
    .updateTable('service_complaint_messages')
    .set({ mailed_at: at.toISOString() })
    .where('id', '=', messageId)
    .execute();
}

/** Orders among `orderIds` with a complaint or a return still open. */
export async function ordersWithOpenCases(db: Executor, orderIds: readonly string[]): Promise<Set<string>> {
  if (orderIds.length === 0) return new Set();
  const complaints = await db
    .selectFrom('service_complaints')
    .select('order_id')
    .where(isAnyOf(db, 'order_id', orderIds))
    .where('status', '!=', 'resolved')
    .execute();
  const returns = await db
    .selectFrom('service_returns')
    .select('order_id')
    .where(isAnyOf(db, 'order_id', orderIds))
    .where('status', 'in', ['requested', 'approved', 'received'])
    .execute();
  return new Set([...complaints, ...returns].map((row) => row.order_id!).filter(Boolean));
}

/** A refund issued (method `original` unless said) and its `refund.issued` event, in the caller's transaction. */
export async function recordRefund(
  tx: Executor,
  now: Date,
  refund: {
    orderId: string;
    returnId?: string;
    complaintId?: string;
    amountMinor: number;
    currency: string;
    method?: string;
  },
): Promise<string> {
  const id = uuidv7(now.getTime());
  await tx
    .insertInto('service_refunds')
    .values({
      id,
      order_id: refund.orderId,
      return_id: refund.returnId ?? null,
      complaint_id: refund.complaintId ?? null,
      amount_minor: refund.amountMinor,
      currency: refund.currency,
      method: refund.method ?? 'original',
      status: 'issued',
      created_at: now.toISOString(),
    })
    .execute();
  await publish(tx, now, 'refund.issued', {
    orderId: refund.orderId,
    refundId: id,
    amount: fromMinor(refund.amountMinor, refund.currency),
    currency: refund.currency,
  });
  return id;
}

/** Refunds issued in [from, to), per sales channel and currency: how many and how much. */
export function refundsByChannel(db: Executor, from: string, to: string) {
  return db
    .selectFrom('service_refunds as r')
    .innerJoin('orders_orders_view as o', 'o.id', 'r.order_id')
    .select((eb) => [
      'o.channel_id as channelId',
      'r.currency as currency',
      eb.fn.countAll<number | string>().as('refunds'),
      eb.fn.sum<number | string>('r.amount_minor').as('amountMinor'),
    ])
    .where('r.created_at', '>=', from)
    .where('r.created_at', '<', to)
    .groupBy(['o.channel_id', 'r.currency'])
    .orderBy('o.channel_id')
    .execute();
}

/** A complaint as per-person performance reads it. `resolvedBy` is the author of the resolving note. */
export interface ComplaintFact {
  id: string;
  orderId: string | null;
  category: string;
  createdAt: string;
  resolvedAt: string | null;
  resolutionDueAt: string;
  breachedAt: string | null;
  rating: number | null;
  resolvedBy: string | null;
}

function complaintFacts(db: Executor) {
  // The resolving note is written in the same transaction as resolved_at, with the same time.
  return db
    .selectFrom('service_complaints as c')
    .leftJoin('service_complaint_messages as m', (join) =>
      join
        .onRef('m.complaint_id', '=', 'c.id')
        .on('m.kind', '=', 'note')
        .onRef('m.created_at', '=', 'c.resolved_at'),
    )
    .select([
      'c.id',
      'c.order_id as orderId',
      'c.category',
      'c.created_at as createdAt',
      'c.resolved_at as resolvedAt',
      'c.resolution_due_at as resolutionDueAt',
      'c.breached_at as breachedAt',
      'c.rating',
      'm.author as resolvedBy',
    ]);
}

/** Complaints resolved in [from, to), with who resolved them (per-person performance). */
export function complaintsResolvedBetween(db: Executor, from: string, to: string): Promise<ComplaintFact[]> {
  return complaintFacts(db)
    .where('c.resolved_at', '>=', from)
    .where('c.resolved_at', '<', to)
    .orderBy('c.resolved_at')
    .execute();
}

/** Every complaint about these orders (per-person performance: errors traced to the work). */
export function complaintsAboutOrders(db: Executor, orderIds: readonly string[]): Promise<ComplaintFact[]> {
  if (orderIds.length === 0) return Promise.resolve([]);
  return complaintFacts(db)
    .where('c.order_id', 'in', [...orderIds])
    .orderBy('c.created_at')
    .execute();
}
