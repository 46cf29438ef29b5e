import type { z } from 'zod';
import {
  type decideReturnBody,
  type newReturnBody,
  type publicReturnBody,
  type ReturnSettings,
  type receiveReturnBody,
  type refundBody,
  type returnQuery,
  returnSettings,
} from '../../../contracts/aftersales.ts';
import type { Actor } from '../../../platform/actor.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Database, Executor } from '../../../platform/db/database.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { AppError, invalidField, notFound } from '../../../platform/errors.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { fromMinor, toMinor } from '../../../platform/money.ts';
import { pageNewestFirst } from '../../../platform/pagination.ts';
import { readSetting, writeSetting } from '../../../platform/settings.ts';
import { postAdjustment } from '../../inventory/index.ts';
import {
  deliveredAt,
  findOrderById,
  findOrderByNumber,
  orderLines,
  recordRefund,
  toReturn,
} from './aftersales.repository.ts';
import { isContactOf, noSuchOrder } from './customer-links.ts';

const settingsKey = 'service.returns';
export const defaultReturnSettings: ReturnSettings = {
  autoApproveWithinDays: 7,
  autoApproveBelow: '200.00',
  returnAddress: '',
  instructions: 'Pack the items with the order number inside and send them to the return address.',
};
const dayMs = 24 * 3600 * 1000;

/** Order intake, as the returns desk uses it (filled from the orders module). */
export interface ReturnsDeps {
  database: Database;
  clock: Clock;
  placeOrder: (actor: Actor, input: unknown) => Promise<{ outcome: string; order?: { id: string } }>;
}

type ReturnInput = z.output<typeof newReturnBody> & { source: 'staff' | 'public' | 'refused_delivery' };

/**
 * Whether a return is approved without a person: within N days of delivery and below the amount.
 * Pure: the caller passes the delivery time and `now`.
 */
export function autoApproval(
  settings: ReturnSettings,
  input: { deliveredAt: string | null; amountMinor: number; currency: string; now: Date },
): string | null {
  if (!input.deliveredAt) return null;
  const days = (input.now.getTime() - new Date(input.deliveredAt).getTime()) / dayMs;
  if (days > settings.autoApproveWithinDays) return null;
  if (input.amountMinor >= toMinor(settings.autoApproveBelow, input.currency, 'autoApproveBelow'))
    return null;
  return `auto-approved: delivered ${Math.floor(days)} day(s) ago, below ${settings.autoApproveBelow}`;
}

/** Returns and exchanges: request, approve, receive with inspection, refund; exchanges reorder. */
export function createReturns(deps: ReturnsDeps) {
  const { database, clock } = deps;
  const settings = () => readSetting(database.db, settingsKey, returnSettings, defaultReturnSettings);

  async function saveSettings(actor: Actor, value: ReturnSettings) {
    await inTransaction(database, (tx) => writeSetting(tx, actor, clock.now(), settingsKey, value));
    return settings();
  }

  async function requestReturn(input: ReturnInput) {
    const order = await findOrderByNumber(database.db, input.orderNumber);
    if (!order) throw invalidField('orderNumber', 'noOrder', { number: input.orderNumber });
    return createReturn(order.id, input);
  }

  async function requestFromLookup(input: z.output<typeof publicReturnBody>) {
    const order = await findOrderByNumber(database.db, input.number);
    if (!order || !isContactOf(order, input.contact)) throw noSuchOrder();
    return createReturn(order.id, { ...input, orderNumber: order.number, source: 'public' });
  }

  /** A delivery the customer refused comes back as an approved return of every line. */
  async function returnRefusedDelivery(orderId: string) {
    const order = await findOrderById(database.db, orderId);
    if (!order) throw notFound('order', orderId);
    const lines = await orderLines(database.db, orderId);
    return createReturn(orderId, {
      orderNumber: order.number,
      kind: 'return',
      reason: 'delivery refused',
      source: 'refused_delivery',
      lines: lines.map((l) => ({ sku: l.sku, quantity: l.quantity })),
    });
  }

  async function createReturn(orderId: string, input: ReturnInput) {
    const now = clock.now();
    const rules = await settings();
    const id = await inTransaction(database, async (tx) => {
      const order = (await findOrderById(tx, orderId))!;
      const ordered = await orderLines(tx, orderId);
      const lines = input.lines.map((line, i) => {
        const match = ordered.find((o) => o.sku === line.sku);
        if (!match)
          throw invalidField(`lines.${i}.sku`, 'notOnOrder', { sku: line.sku, order: order.number });
        if (line.quantity > match.quantity) {
          throw invalidField(`lines.${i}.quantity`, 'orderHasOnly', {
            order: order.number,
            quantity: match.quantity,
            sku: line.sku,
          });
        }
        return { ...line, unitPriceMinor: match.unit_price_minor };
      });
      const amountMinor = lines.reduce((sum, l) => sum + l.quantity * l.unitPriceMinor, 0);
      const decision =
        input.source === 'refused_delivery'
          ? 'approved: refused delivery'
          : autoApproval(rules, {
              deliveredAt: await deliveredAt(tx, orderId),
              amountMinor,
              currency: order.currency,
              now,
            });
      const returnId = uuidv7(now.getTime());
      await tx
        .insertInto('service_returns')
        .values({
          id: returnId,
          order_id: orderId,
          order_number: order.number,
          kind: input.kind,
          status: decision ? 'approved' : 'requested',
          reason: input.reason,
          source: input.source,
          customer_email: order.customer_email,
          decision,
          replacement_order_id: null,
          created_at: now.toISOString(),
          updated_at: now.toISOString(),
        })
        .execute();
      await tx
        .insertInto('service_return_lines')
        .values(
          lines.map((l, i) => ({
            return_id: returnId,
            line_no: i + 1,
            sku: l.sku,
            quantity: l.quantity,
            unit_price_minor: l.unitPriceMinor,
          })),
        )
        .execute();
      return returnId;
    });
    return getReturn(id);
  }

  async function decideReturn(actor: Actor, id: string, input: z.output<typeof decideReturnBody>) {
    await inTransaction(database, async (tx) => {
      const row = await returnRow(tx, id);
      if (row.status !== 'requested') throw new AppError('INVALID_TRANSITION', `the return is ${row.status}`);
      const decision = `${input.approve ? 'approved' : 'rejected'} by ${actor.name}${input.note ? `: ${input.note}` : ''}`;
      await tx
        .updateTable('service_returns')
        .set({
          status: input.approve ? 'approved' : 'rejected',
          decision,
          updated_at: clock.now().toISOString(),
        })
        .where('id', '=', id)
        .execute();
    });
    return getReturn(id);
  }

  /**
   * Goods back in the warehouse, inspected per line: restocked lines go through the stock ledger
   * (an adjustment referencing the return); quarantined and scrapped ones never reach available
   * stock. Marking the return received and restocking commit together, and only the call that
   * moves it from approved to received restocks: a retried or concurrent receive changes nothing.
   * An exchange then places its replacement order (intake dedupes it, so a retry completes it).
   */
  async function receiveReturn(actor: Actor, id: string, input: z.output<typeof receiveReturnBody>) {
    const lines = await returnLines(database.db, id);
    input.lines.forEach((l, i) => {
      if (!lines.some((line) => line.line_no === l.lineNo))
        throw invalidField(`lines.${i}.lineNo`, 'noLine', { line: l.lineNo });
    });
    const warehouse = await database.db
      .selectFrom('inventory_warehouses_view')
      .select('code')
      .where('code', '=', input.warehouse)
      .executeTakeFirst();
    if (!warehouse) throw invalidField('warehouse', 'noWarehouse', { warehouse: input.warehouse });
    const now = clock.now();
    const row = await inTransaction(database, async (tx) => {
      const row = await returnRow(tx, id);
      if (row.status === 'received' || row.status === 'refunded') return row;
      if (row.status !== 'approved') throw new AppError('INVALID_TRANSITION', `the return is ${row.status}`);
      // The guarded update is the claim: PostgreSQL makes a concurrent receive wait for this row
      // and then find it no longer approved, so it restocks nothing.
      const claimed = await tx
        .updateTable('service_returns')
        .set({ status: 'received', updated_at: now.toISOString() })
        .where('id', '=', id)
        .where('status', '=', 'approved')
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) === 0) return row;
      for (const inspected of input.lines) {
        const line = lines.find((l) => l.line_no === inspected.lineNo)!;
        await tx
          .updateTable('service_return_lines')
          .set({ outcome: inspected.outcome, warehouse: input.warehouse, inspection_note: inspected.note })
          .where('return_id', '=', id)
          .where('line_no', '=', inspected.lineNo)
          .execute();
        if (inspected.outcome !== 'restock') continue;
        await postAdjustment(tx, actor, now, {
          sku: line.sku,
          warehouse: input.warehouse,
          delta: line.quantity,
          reason: `return ${row.order_number} restocked`,
          referenceType: 'return',
          referenceId: id,
        });
      }
      return row;
    });
    if (row.kind === 'exchange' && row.replacement_order_id === null) {
      const replacementId = await placeReplacement(actor, row.order_id, lines);
      await database.db
        .updateTable('service_returns')
        .set({ replacement_order_id: replacementId })
        .where('id', '=', id)
        .where('replacement_order_id', 'is', null)
        .execute();
    }
    return getReturn(id);
  }

  /** The replacement goes through the orders intake like any order: channel of the original, id suffixed. */
  async function placeReplacement(
    actor: Actor,
    orderId: string,
    lines: Awaited<ReturnType<typeof returnLines>>,
  ) {
    const order = (await findOrderById(database.db, orderId))!;
    const outcome = await deps.placeOrder(actor, {
      channel: order.channel_id,
      externalId: `${order.external_id ?? order.number}-X`,
      placedAt: clock.now().toISOString(),
      currency: order.currency,
      customer: { name: order.customer_name, email: order.customer_email, phone: order.customer_phone },
      shippingAddress: {
        name: order.ship_name,
        phone: order.ship_phone,
        country: order.ship_country,
        province: order.ship_province,
        city: order.ship_city,
        district: order.ship_district,
        line1: order.ship_line1,
        line2: order.ship_line2,
        postalCode: order.ship_postal_code,
      },
      lines: lines.map((l) => ({ sku: l.sku, quantity: l.quantity, unitPrice: '0.00' })),
      shippingFee: '0.00',
      discount: '0.00',
      total: '0.00',
      payment: { status: 'paid', method: 'exchange', paidAmount: '0.00' },
      type: 'replacement',
      sellerNote: `exchange for ${order.number}`,
    });
    if (!outcome.order)
      throw new AppError('VALIDATION_FAILED', 'the replacement order was rejected by intake');
    return outcome.order.id;
  }

  async function refundReturn(_actor: Actor, id: string, input: z.output<typeof refundBody>) {
    const now = clock.now();
    await inTransaction(database, async (tx) => {
      const row = await returnRow(tx, id);
      if (row.status !== 'received' && row.status !== 'approved') {
        throw new AppError('INVALID_TRANSITION', `the return is ${row.status}`);
      }
      const order = (await findOrderById(tx, row.order_id))!;
      const lines = await returnLines(tx, id);
      const returnedMinor = lines.reduce((sum, l) => sum + l.quantity * l.unit_price_minor, 0);
      const amountMinor = input.amount ? toMinor(input.amount, order.currency, 'amount') : returnedMinor;
      if (amountMinor <= 0 || amountMinor > order.total_minor) {
        throw invalidField('amount', 'refundAmount', { total: fromMinor(order.total_minor, order.currency) });
      }
      await recordRefund(tx, now, {
        orderId: row.order_id,
        returnId: id,
        amountMinor,
        currency: order.currency,
        method: input.method,
      });
      await tx
        .updateTable('service_returns')
        .set({ status: 'refunded', updated_at: now.toISOString() })
        .where('id', '=', id)
        .execute();
    });
    return getReturn(id);
  }

  async function getReturn(id: string) {
    const row = await returnRow(database.db, id);
    const lines = await returnLines(database.db, id);
    const refunds = await database.db
      .selectFrom('service_refunds')
      .selectAll()
      .where('return_id', '=', id)
      .orderBy('id')
      .execute();
    const order = await findOrderById(database.db, row.order_id);
    const currency = order?.currency ?? 'CNY';
    const rules = await settings();
    return {
      ...toReturn(row),
      instructions: [rules.instructions, rules.returnAddress].filter(Boolean).join('\n'),
      lines: lines.map((l) => ({
        lineNo: l.line_no,
        sku: l.sku,
        quantity: l.quantity,
        unitPrice: fromMinor(l.unit_price_minor, currency),
        outcome: l.outcome as 'restock' | null,
        warehouse: l.warehouse,
        note: l.inspection_note,
      })),
      refunds: refunds.map((r) => ({
        id: r.id,
        orderId: r.order_id,
        returnId: r.return_id,
        amount: fromMinor(r.amount_minor, r.currency),
        currency: r.currency,
        method: r.method,
        status: 'issued' as const,
        createdAt: r.created_at,
      })),
    };
  }

  function listReturns(query: z.output<typeof returnQuery>) {
    let q = database.db.selectFrom('service_returns').selectAll();
    if (query.status) q = q.where('status', '=', query.status);
    return pageNewestFirst(q, 'id', query, toReturn, (row) => row.id);
  }

  return {
    settings,
    saveSettings,
    requestReturn,
    requestFromLookup,
    returnRefusedDelivery,
    decideReturn,
    receiveReturn,
    refundReturn,
    getReturn,
    listReturns,
  };
}

async function returnRow(db: Executor, id: string) {
  const row = await db.selectFrom('service_returns').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('return', id);
  return row;
}

function returnLines(db: Executor, id: string) {
  return db
    .selectFrom('service_return_lines')
    .selectAll()
    .where('return_id', '=', id)
    .orderBy('line_no')
    .execute();
}

export type Returns = ReturnType<typeof createReturns>;
