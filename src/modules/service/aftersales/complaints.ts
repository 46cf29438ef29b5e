import type { z } from 'zod';
import type {
  complaintMessageBody,
  inboundMailBody,
  newComplaintBody,
  publicComplaintBody,
  resolveComplaintBody,
} from '../../../contracts/aftersales.ts';
import type { Actor } from '../../../platform/actor.ts';
import { randomToken } from '../../../platform/auth/tokens.ts';
import type { BusinessCalendar } from '../../../platform/business-calendar.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Database, Executor } from '../../../platform/db/database.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { AppError, invalidField, notFound } from '../../../platform/errors.ts';
import { publish } from '../../../platform/events/outbox.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import type { Mailer } from '../../../platform/mail.ts';
import { toMinor } from '../../../platform/money.ts';
import type { NotificationTemplates } from '../notifications/template-store.ts';
import {
  complaintRow,
  findOrderById,
  findOrderByNumber,
  latestShipment,
  recordRefund,
} from './aftersales.repository.ts';
import { complaintMails, lookupSubject } from './complaint-mails.ts';
import { complaintReads } from './complaint-reads.ts';
import { customerLinks, isContactOf, noSuchOrder } from './customer-links.ts';
import { routeFor, slaDeadlines } from './routing.ts';

type NewComplaint = z.output<typeof newComplaintBody> & { source: 'staff' | 'public' | 'email' | 'survey' };

const ratingPurpose = 'complaint-rating';
/**
 * The reply token travels in the address as its plus tag (the reply mailbox's
 * service+TOKEN@…, or complaint+TOKEN@…) or in the subject ([#TOKEN]).
 */
const tokenInAddress = /\+([A-Za-z0-9_-]{8,64})@/;
const tokenInSubject = /\[#([A-Za-z0-9_-]{8,64})\]/;

export interface ComplaintsDeps {
  database: Database;
  clock: Clock;
  mailer: Mailer;
  publicUrl: string;
  calendar: () => Promise<BusinessCalendar>;
  /** The notification templates the complaint mails are written from. */
  templates: Pick<NotificationTemplates, 'forSending'>;
  /** The reply mailbox complaint mails carry as Reply-To, plus-addressed; null for none. */
  replyAddress: () => Promise<string | null>;
}

/** Complaints: opened by staff, the customer or their mail; routed, answered, resolved, rated. */
export function createComplaints(deps: ComplaintsDeps) {
  const { database, clock } = deps;
  const links = customerLinks(deps);
  const mails = complaintMails(deps);
  const reads = complaintReads(deps);
  const { routingTable, getComplaint } = reads;

  async function openComplaint(actor: Actor, input: NewComplaint) {
    const now = clock.now();
    const calendar = await deps.calendar();
    const id = await inTransaction(database, async (tx) => {
      const order = input.orderNumber ? await findOrderByNumber(tx, input.orderNumber) : undefined;
      if (input.orderNumber && !order)
        throw invalidField('orderNumber', 'noOrder', { number: input.orderNumber });
      const shipment = order ? await latestShipment(tx, order.id) : undefined;
      const route = routeFor(await routingTable(tx), input.category);
      const due = slaDeadlines(calendar, now, route);
      const complaintId = uuidv7(now.getTime());
      const customerEmail = input.customerEmail ?? order?.customer_email ?? null;
      await tx
        .insertInto('service_complaints')
        .values({
          id: complaintId,
          order_id: order?.id ?? null,
          order_number: order?.number ?? null,
          shipment_id: shipment?.id ?? null,
          carrier_id: shipment?.carrier_id ?? null,
          sku: input.sku ?? null,
          category: input.category,
          department: route.department,
          team: route.team,
          status: 'open',
          source: input.source,
          subject: input.subject,
          customer_name: input.customerName ?? order?.customer_name ?? null,
          customer_email: customerEmail,
          customer_phone: input.customerPhone ?? order?.customer_phone ?? null,
          reply_token: randomToken(12),
          first_response_due_at: due.firstResponseDueAt.toISOString(),
          resolution_due_at: due.resolutionDueAt.toISOString(),
          created_at: now.toISOString(),
          updated_at: now.toISOString(),
        })
        .execute();
      const messageId = await addMessageRow(
        tx,
        complaintId,
        'customer',
        input.source === 'staff' ? actor.name : 'customer',
        input.message,
        now,
      );
      // The customer learns the complaint is recorded, and gets the token their replies carry. A
      // survey's follow-up is the shop's own case (its text is internal): the first reply tells them.
      if (input.source !== 'survey' && customerEmail)
        await publish(tx, now, 'complaint.mail_due', {
          complaintId,
          messageId,
          mail: 'complaint_opened',
          params: { message: input.message },
        });
      return complaintId;
    });
    return getComplaint(id);
  }

  /** From the public lookup: the same number + contact proof; any mismatch is the lookup's 404. */
  async function openFromLookup(input: z.output<typeof publicComplaintBody>) {
    const order = await findOrderByNumber(database.db, input.number);
    if (!order || !isContactOf(order, input.contact)) throw noSuchOrder();
    return openComplaint(
      { type: 'system', id: null, name: 'customer' },
      {
        source: 'public',
        category: input.category,
        subject: lookupSubject(order.number, input.category, 'en'),
        message: input.message,
        orderNumber: order.number,
        sku: input.sku,
      },
    );
  }

  /**
   * A customer's mail reply: the token in the address or subject names the complaint. The
   * address wins; the subject's token still counts when the address's names no complaint (a
   * mailbox that changed the tag's case, another plus tag of the shop's).
   */
  async function receiveMail(input: z.output<typeof inboundMailBody>) {
    const tokens = [tokenInAddress.exec(input.to)?.[1], tokenInSubject.exec(input.subject)?.[1]].filter(
      (token): token is string => token !== undefined,
    );
    if (tokens.length === 0) throw invalidField('to', 'noReplyToken');
    const now = clock.now();
    const id = await inTransaction(database, async (tx) => {
      const found = await tx
        .selectFrom('service_complaints')
        .select(['id', 'status', 'reply_token'])
        .where('reply_token', 'in', tokens)
        .execute();
      const row = tokens.map((token) => found.find((c) => c.reply_token === token)).find(Boolean);
      if (!row) throw notFound('complaint', tokens[0]!);
      await addMessageRow(tx, row.id, 'customer', input.from, input.text, now);
      // The customer wrote again: the complaint is back in the queue until answered.
      await tx
        .updateTable('service_complaints')
        .set({ status: row.status === 'resolved' ? 'resolved' : 'open', updated_at: now.toISOString() })
        .where('id', '=', row.id)
        .execute();
      return row.id;
    });
    return getComplaint(id);
  }

  async function addMessage(actor: Actor, id: string, input: z.output<typeof complaintMessageBody>) {
    const now = clock.now();
    const messageId = await inTransaction(database, async (tx) => {
      const row = await complaintRow(tx, id);
      const messageId = await addMessageRow(tx, id, input.kind, actor.name, input.body, now);
      if (input.kind === 'reply') {
        if (!row.customer_email) throw invalidField('kind', 'noCustomerEmail');
        await tx
          .updateTable('service_complaints')
          .set({
            status: row.status === 'resolved' ? 'resolved' : 'answered',
            first_responded_at: row.first_responded_at ?? now.toISOString(),
            updated_at: now.toISOString(),
          })
          .where('id', '=', id)
          .execute();
        await publish(tx, now, 'complaint.answered', { complaintId: id, orderId: row.order_id, messageId });
        await publish(tx, now, 'complaint.mail_due', {
          complaintId: id,
          messageId,
          mail: 'complaint_answered',
          params: { reply: input.body },
        });
      }
      return messageId;
    });
    return { messageId, complaint: await getComplaint(id) };
  }

  async function resolveComplaint(actor: Actor, id: string, input: z.output<typeof resolveComplaintBody>) {
    const now = clock.now();
    // Signed before the transaction: the link secret is read (or made once) outside it.
    const rateUrl = await links.url('rate', ratingPurpose, id);
    await inTransaction(database, async (tx) => {
      const row = await complaintRow(tx, id);
      if (row.status === 'resolved')
        throw new AppError('INVALID_TRANSITION', 'the complaint is already resolved');
      const order = row.order_id ? await findOrderById(tx, row.order_id) : undefined;
      const currency = order?.currency ?? 'CNY';
      const costMinor = toMinor(input.cost, currency, 'cost');
      if (costMinor < 0) throw invalidField('cost', 'notNegative');
      await tx
        .updateTable('service_complaints')
        .set({
          status: 'resolved',
          resolved_at: now.toISOString(),
          first_responded_at: row.first_responded_at ?? now.toISOString(),
          resolution_kind: input.kind,
          resolution_cost_minor: costMinor,
          resolution_note: input.note,
          updated_at: now.toISOString(),
        })
        .where('id', '=', id)
        .execute();
      const noteId = await addMessageRow(
        tx,
        id,
        'note',
        actor.name,
        `Resolved (${input.kind}): ${input.note}`,
        now,
      );
      // A refund as the resolution is a refund like a return's: recorded, and announced.
      if (input.kind === 'refund' && costMinor > 0 && order) {
        await recordRefund(tx, now, { orderId: order.id, complaintId: id, amountMinor: costMinor, currency });
      }
      if (row.customer_email)
        await publish(tx, now, 'complaint.mail_due', {
          complaintId: id,
          messageId: noteId,
          mail: 'complaint_resolved',
          params: { resolution: input.note, rateUrl },
        });
    });
    return getComplaint(id);
  }

  async function rateResolution(token: string, rating: number) {
    const id = await links.subjectOf(token, ratingPurpose);
    await inTransaction(database, async (tx) => {
      const row = await complaintRow(tx, id);
      if (row.status !== 'resolved')
        throw new AppError('INVALID_TRANSITION', 'the complaint is not resolved');
      await tx
        .updateTable('service_complaints')
        .set({ rating, updated_at: clock.now().toISOString() })
        .where('id', '=', id)
        .execute();
    });
    return { rating };
  }

  return {
    routingTable: () => routingTable(),
    countsByShipment: reads.countsByShipment,
    saveRouting: reads.saveRouting,
    openComplaint,
    openFromLookup,
    receiveMail,
    addMessage,
    /** Outbox handler of `complaint.mail_due`. */
    mailDue: mails.mailDue,
    resolveComplaint,
    rateResolution,
    flagSlaBreaches: reads.flagSlaBreaches,
    getComplaint,
    listComplaints: reads.listComplaints,
    countsByCarrier: reads.countsByCarrier,
  };
}

async function addMessageRow(
  db: Executor,
  complaintId: string,
  kind: string,
  author: string,
  body: string,
  now: Date,
) {
  const id = uuidv7(now.getTime());
  await db
    .insertInto('service_complaint_messages')
    .values({ id, complaint_id: complaintId, kind, author, body, created_at: now.toISOString() })
    .execute();
  return id;
}

export type Complaints = ReturnType<typeof createComplaints>;
