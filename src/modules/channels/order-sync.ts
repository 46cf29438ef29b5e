import type { Actor } from '../../platform/actor.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { AppError } from '../../platform/errors.ts';
import { raiseException } from '../fulfilment/index.ts';
import type { Orders } from '../orders/index.ts';
import { channelsRepository as repo, type StoredChannelOrder } from './channels.repository.ts';
import { type MappedOrder, UnmappablePayload } from './mapped-order.ts';

export type SyncOutcome = 'created' | 'duplicate' | 'updated' | 'cancelled' | 'case_opened';
export interface SyncResult {
  outcome: SyncOutcome;
  orderId: string;
}

type OrderWrites = Pick<Orders, 'intake' | 'edits'>;

const addressKey = (a: MappedOrder['order']['shippingAddress']) =>
  [a?.country, a?.province, a?.city, a?.line1, a?.line2, a?.postalCode, a?.name]
    .map((p) => (p ?? '').trim().toLowerCase())
    .join('|');
const storedAddressKey = (stored: StoredChannelOrder) => {
  const [name, , country, province, city, line1, line2, postalCode] = stored.address.split('|');
  return [country, province, city, line1, line2, postalCode, name]
    .map((p) => p.trim().toLowerCase())
    .join('|');
};
/** Lines as SKU → quantity, so a reordered or split line is not a change. */
function linesKey(lines: readonly { sku?: string; quantity?: unknown }[]): string {
  const totals = new Map<string, number>();
  for (const line of lines) {
    const sku = (line.sku ?? '').trim().toUpperCase();
    totals.set(sku, (totals.get(sku) ?? 0) + Number(line.quantity ?? 0));
  }
  return [...totals.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([sku, q]) => `${sku}×${q}`)
    .join(',');
}
const storedLinesKey = (stored: StoredChannelOrder) =>
  linesKey(
    stored.lines
      .split(',')
      .filter(Boolean)
      .map((l) => {
        const at = l.lastIndexOf('×');
        return { sku: l.slice(0, at), quantity: Number(l.slice(at + 1)) };
      }),
  );

const isTooLate = (error: unknown) => error instanceof AppError && error.code === 'INVALID_TRANSITION';

/**
 * Applies what a channel says about an order to Ordo's order: a new order goes through intake
 * (stored and held, never rejected, if it can be identified); news about a known one becomes
 * the matching change while the order can still change, and an exception (a case in the risk
 * module) once it cannot (allocated, picked, shipped): a channel never silently changes an
 * order in the warehouse.
 */
export function createOrderSync(deps: { database: Database; clock: Clock; orders: OrderWrites }) {
  const { database, clock, orders } = deps;

  async function openChangeCase(orderId: string, note: string): Promise<SyncResult> {
    const now = clock.now();
    await inTransaction(database, (tx) =>
      raiseException(tx, now, {
        orderId,
        shipmentId: null,
        kind: 'channel_change',
        note,
      }),
    );
    return { outcome: 'case_opened', orderId };
  }

  async function cancelStored(actor: Actor, stored: StoredChannelOrder, why: string): Promise<SyncResult> {
    if (stored.status === 'cancelled') return { outcome: 'duplicate', orderId: stored.id };
    try {
      await orders.edits.cancel(actor, stored.id, why);
      return { outcome: 'cancelled', orderId: stored.id };
    } catch (error) {
      if (!isTooLate(error)) throw error;
      return openChangeCase(stored.id, `${why}, but the order is already ${stored.status}`);
    }
  }

  /** The channel's current view of an order: store it if new, else apply what changed. */
  async function applyOrder(actor: Actor, channelId: string, mapped: MappedOrder): Promise<SyncResult> {
    const result = await orders.intake.receive(actor, mapped.order);
    if (result.outcome === 'rejected') throw new UnmappablePayload(result.error.message);
    const stored = await repo.findOrder(database.db, channelId, mapped.externalId);
    if (!stored) throw new UnmappablePayload(`order ${mapped.externalId} was not stored`);
    if (mapped.isCancelled) {
      const cancelled = await cancelStored(actor, stored, 'Cancelled on the sales channel');
      return result.outcome === 'created' ? { ...cancelled, outcome: 'created' } : cancelled;
    }
    if (result.outcome === 'created') return { outcome: 'created', orderId: stored.id };
    return applyChanges(actor, stored, mapped);
  }

  async function applyChanges(
    actor: Actor,
    stored: StoredChannelOrder,
    mapped: MappedOrder,
  ): Promise<SyncResult> {
    if (stored.status === 'cancelled') return { outcome: 'duplicate', orderId: stored.id };
    const changes: string[] = [];
    if (linesKey(mapped.order.lines) !== storedLinesKey(stored)) {
      // Ordo has no line edit yet that keeps stock and audit consistent: a person decides.
      return openChangeCase(stored.id, `Lines changed on the sales channel: ${linesKey(mapped.order.lines)}`);
    }
    const address = mapped.order.shippingAddress;
    if (address && addressKey(address) !== storedAddressKey(stored)) {
      try {
        await orders.edits.correctAddress(
          actor,
          stored.id,
          {
            name: address.name ?? '',
            phone: address.phone ?? '',
            country: address.country ?? '',
            province: address.province,
            city: address.city ?? '',
            line1: address.line1 ?? '',
            line2: address.line2,
            postalCode: address.postalCode,
          },
          'operator',
        );
        changes.push('address');
      } catch (error) {
        if (!isTooLate(error)) throw error;
        return openChangeCase(
          stored.id,
          `Address changed on the sales channel after the order was ${stored.status}`,
        );
      }
    }
    const payment = mapped.order.payment;
    if (payment?.status === 'paid' && stored.paymentStatus !== 'paid') {
      try {
        await orders.edits.updatePayment(actor, stored.id, {
          status: 'paid',
          paidAmount: payment.paidAmount,
          paidAt: payment.paidAt,
          method: payment.method,
        });
        changes.push('payment');
      } catch (error) {
        // Paid news for an order already moving on changes nothing that needs a person.
        if (!isTooLate(error)) throw error;
      }
    }
    return { outcome: changes.length > 0 ? 'updated' : 'duplicate', orderId: stored.id };
  }

  /** The channel cancelled or deleted an order Ordo may have. */
  async function cancelByExternalId(actor: Actor, channelId: string, externalId: string, why: string) {
    const stored = await repo.findOrder(database.db, channelId, externalId);
    if (!stored) return null;
    return cancelStored(actor, stored, why);
  }

  return { applyOrder, cancelByExternalId };
}

export type OrderSync = ReturnType<typeof createOrderSync>;
