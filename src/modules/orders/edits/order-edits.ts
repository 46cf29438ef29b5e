import { z } from 'zod';
import { moneyString } from '../../../contracts/common.ts';
import type { noteDirections } from '../../../contracts/order-enums.ts';
import { type deliveryAddress as addressSchema, paymentStatuses } from '../../../contracts/orders.ts';
import type { Actor } from '../../../platform/actor.ts';
import { recordAudit } from '../../../platform/audit-log.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Database, Executor } from '../../../platform/db/database.ts';
import type { Row } from '../../../platform/db/schema.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import { publish } from '../../../platform/events/outbox.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { toMinor } from '../../../platform/money.ts';
import { keysOf } from '../audit/audit-context.ts';
import type { AutoRelease } from '../audit/auto-release.ts';
import type { RuleSets } from '../audit/rule-sets.ts';
import { toNormalised } from '../intake/stored-order.ts';
import { ordersRepository } from '../orders.repository.ts';
import type { OrderQueries } from '../queries/order-queries.ts';
import { addTimelineEvent } from '../review/order-review.ts';

export const paymentUpdate = z.object({
  status: z.enum(paymentStatuses),
  paidAmount: moneyString.optional(),
  paidAt: z.iso.datetime({ offset: true }).optional(),
  method: z.string().trim().max(40).optional(),
});
export type PaymentUpdate = z.output<typeof paymentUpdate>;
export type AddressInput = z.output<typeof addressSchema>;

/** Statuses in which what will be shipped can still change. */
const editableStatuses = ['pending_review', 'approved'];

async function loadEditable(tx: Executor, orderId: string): Promise<Row<'orders'>> {
  const order = await ordersRepository.findById(tx, orderId);
  if (!order) throw notFound('order', orderId);
  if (!editableStatuses.includes(order.status)) {
    throw new AppError(
      'INVALID_TRANSITION',
      `order ${order.number} is ${order.status}; it can no longer be changed`,
      { status: order.status },
    );
  }
  return order;
}

/**
 * Changes to an order's data after intake — payment news from the channel, an address fixed by
 * an operator or by the customer — each recorded on the timeline, each followed by a re-audit
 * that releases the holds it cleared.
 */
export function createOrderChanges(deps: {
  database: Database;
  clock: Clock;
  autoRelease: AutoRelease;
  queries: OrderQueries;
  ruleSets: Pick<RuleSets, 'activeRuleSet'>;
}) {
  const { database, clock, autoRelease, queries } = deps;

  async function updatePayment(actor: Actor, orderId: string, input: PaymentUpdate) {
    const now = clock.now();
    const ruleSet = await deps.ruleSets.activeRuleSet();
    return inTransaction(database, async (tx) => {
      const order = await loadEditable(tx, orderId);
      const paidAmountMinor =
        input.paidAmount === undefined
          ? order.paid_amount_minor
          : toMinor(input.paidAmount, order.currency, 'paidAmount');
      await ordersRepository.update(tx, orderId, {
        payment_status: input.status,
        paid_amount_minor: paidAmountMinor,
        paid_at: input.paidAt ? new Date(input.paidAt).toISOString() : order.paid_at,
        payment_method: input.method ?? order.payment_method,
        updated_at: now.toISOString(),
      });
      await addTimelineEvent(tx, actor, now, orderId, 'payment_updated', {
        from: order.payment_status,
        to: input.status,
        paidAmount: input.paidAmount ?? null,
      });
      await autoRelease.reaudit(tx, actor, now, orderId, ruleSet);
      return queries.getOrder(orderId, tx);
    });
  }

  async function correctAddress(
    actor: Actor,
    orderId: string,
    address: AddressInput,
    by: 'operator' | 'customer',
  ) {
    const now = clock.now();
    const ruleSet = await deps.ruleSets.activeRuleSet();
    return inTransaction(database, async (tx) => {
      const order = await loadEditable(tx, orderId);
      const lines = await ordersRepository.linesOf(tx, orderId);
      const next = {
        ...toNormalised(order, lines),
        shippingAddress: {
          ...address,
          province: address.province || null,
          district: address.district || null,
          line2: address.line2 || null,
          postalCode: address.postalCode || null,
        },
      };
      const keys = keysOf(next);
      await ordersRepository.update(tx, orderId, {
        ship_name: address.name,
        ship_phone: address.phone,
        ship_country: address.country,
        ship_province: address.province || null,
        ship_city: address.city,
        ship_district: address.district || null,
        ship_line1: address.line1,
        ship_line2: address.line2 || null,
        ship_postal_code: address.postalCode || null,
        phone_key: keys.phoneKey,
        address_key: keys.addressKey,
        buyer_key: keys.buyerKey,
        updated_at: now.toISOString(),
      });
      const before = [
        order.ship_country,
        order.ship_province,
        order.ship_city,
        order.ship_district,
        order.ship_line1,
      ]
        .filter(Boolean)
        .join(' ');
      await addTimelineEvent(tx, actor, now, orderId, 'address_corrected', {
        by,
        before,
        after: [address.country, address.province, address.city, address.district, address.line1]
          .filter(Boolean)
          .join(' '),
      });
      if (by === 'operator')
        await recordAudit(tx, actor, now, {
          action: 'order.address_corrected',
          targetType: 'order',
          targetId: orderId,
        });
      await autoRelease.reaudit(tx, actor, now, orderId, ruleSet);
      return queries.getOrder(orderId, tx);
    });
  }

  /** A note on the order's conversation; notes to the customer are mailed by the worker. */
  async function addNote(
    actor: Actor,
    orderId: string,
    input: { direction: 'internal' | 'to_customer' | 'from_customer'; body: string },
  ) {
    const now = clock.now();
    return inTransaction(database, async (tx) => {
      const order = await ordersRepository.findById(tx, orderId);
      if (!order) throw notFound('order', orderId);
      const note = {
        id: uuidv7(now.getTime()),
        order_id: orderId,
        direction: input.direction,
        author: actor.name,
        body: input.body,
        at: now.toISOString(),
      };
      await ordersRepository.insertNote(tx, note);
      await addTimelineEvent(tx, actor, now, orderId, 'note', {
        direction: input.direction,
        body: input.body,
        noteId: note.id,
      });
      if (input.direction === 'to_customer')
        await publish(tx, now, 'order.customer_message', { orderId, noteId: note.id });
      return { id: note.id, direction: input.direction, author: note.author, body: note.body, at: note.at };
    });
  }

  async function listNotes(orderId: string) {
    const rows = await ordersRepository.notesOf(database.db, orderId);
    return rows.map((r) => ({
      id: r.id,
      direction: r.direction as (typeof noteDirections)[number],
      author: r.author,
      body: r.body,
      at: r.at,
    }));
  }

  return { updatePayment, correctAddress, addNote, listNotes };
}

export type OrderChanges = ReturnType<typeof createOrderChanges>;
