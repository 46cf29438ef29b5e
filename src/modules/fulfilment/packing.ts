import type { z } from 'zod';
import type { packBody } from '../../contracts/fulfilment.ts';
import type { PackingItem, PackingView } from '../../contracts/packing.ts';
import type { Actor } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit-log.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Executor } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { changeOrderStatus } from '../orders/index.ts';
import { parcelsRepository } from './parcels.repository.ts';

/**
 * What the scans say against what the order holds: units missing and units that are not in
 * the order (a wrong or an extra item). Both must be empty for the parcel to close. Pure.
 */
export function compareScans(
  expected: readonly PackingItem[],
  scans: readonly string[],
): { missing: { sku: string; quantity: number }[]; extra: { scan: string; quantity: number }[] } {
  const left = new Map(expected.map((item) => [item.sku, item.quantity]));
  const byScan = new Map<string, string>();
  for (const item of expected) {
    byScan.set(item.sku, item.sku);
    if (item.barcode) byScan.set(item.barcode, item.sku);
  }
  const extra = new Map<string, number>();
  for (const scan of scans) {
    const sku = byScan.get(scan);
    const remaining = sku === undefined ? 0 : (left.get(sku) ?? 0);
    if (sku === undefined || remaining === 0) extra.set(scan, (extra.get(scan) ?? 0) + 1);
    else left.set(sku, remaining - 1);
  }
  return {
    missing: [...left].filter(([, quantity]) => quantity > 0).map(([sku, quantity]) => ({ sku, quantity })),
    extra: [...extra].map(([scan, quantity]) => ({ scan, quantity })),
  };
}

/** The packing station: find the order by number (scanned from the tote or slip), verify, pack. */
export function createPacking(deps: { database: Database; clock: Clock }) {
  const { database, clock } = deps;

  async function findForPacking(db: Executor, reference: string) {
    const order = await parcelsRepository.orderToPack(db, reference);
    if (!order) throw notFound('order', reference);
    const lines = await parcelsRepository.itemsToPack(db, order.id);
    const items: PackingItem[] = lines.map((l) => ({
      sku: l.sku,
      name: l.sku_name ?? l.name ?? l.sku,
      barcode: l.barcode,
      quantity: Number(l.quantity),
    }));
    return { order, items };
  }

  async function packingView(reference: string): Promise<PackingView> {
    const { order, items } = await findForPacking(database.db, reference);
    return {
      orderId: order.id,
      number: order.number,
      status: order.status,
      customerName: order.customer_name,
      city: order.ship_city,
      buyerNote: order.buyer_note,
      items,
    };
  }

  /**
   * A mismatch found at packing is a pick error: it is written to the audit log (outside the
   * packing transaction, which rolls back) with the pickers it traces to — those of the missing
   * SKUs, or every picker of the order when an item that is not in the order was scanned.
   */
  async function recordMismatch(actor: Actor, now: Date, mismatch: AppError): Promise<void> {
    const found = mismatch.details as {
      orderId: string;
      number: string;
      missing: { sku: string }[];
      extra: unknown[];
    };
    const lines = await parcelsRepository.pickersOfOrder(database.db, found.orderId);
    const missingSkus = new Set(found.missing.map((m) => m.sku));
    const traced = lines.filter((l) => found.extra.length > 0 || missingSkus.has(l.sku));
    const pickers = [...new Set(traced.map((l) => l.picked_by!))].sort();
    await recordAudit(database.db, actor, now, {
      action: 'order.pack_mismatch',
      targetType: 'order',
      targetId: found.orderId,
      details: { number: found.number, missing: found.missing, extra: found.extra, pickers },
    });
  }

  /** Closes the parcel when the scans match the order exactly; a wrong or extra item blocks it. */
  async function packOrder(actor: Actor, orderId: string, input: z.output<typeof packBody>) {
    const now = clock.now();
    try {
      await inTransaction(database, async (tx) => {
        const { order, items } = await findForPacking(tx, orderId);
        if (order.status !== 'picking')
          throw new AppError(
            'INVALID_TRANSITION',
            `order ${order.number} is ${order.status}, not being picked`,
            {
              from: order.status,
              to: 'packed',
            },
          );
        const { missing, extra } = compareScans(items, input.scans);
        if (missing.length > 0 || extra.length > 0)
          throw new AppError(
            'PACK_MISMATCH',
            extra.length > 0
              ? `scans: ${extra.map((e) => e.scan).join(', ')} not in order ${order.number}`
              : `scans: ${missing.map((m) => `${m.quantity} × ${m.sku}`).join(', ')} still missing`,
            { field: 'scans', missing, extra, orderId: order.id, number: order.number },
          );
        await parcelsRepository.insert(tx, {
          id: uuidv7(now.getTime()),
          order_id: order.id,
          weight_grams: input.weightGrams,
          length_mm: input.lengthMm ?? null,
          width_mm: input.widthMm ?? null,
          height_mm: input.heightMm ?? null,
          packed_by: actor.name,
          packed_at: now.toISOString(),
        });
        await changeOrderStatus(tx, actor, now, order.id, {
          to: 'packed',
          reason: `packed, ${input.weightGrams} g`,
          event: { type: 'packed', data: { weightGrams: input.weightGrams, units: input.scans.length } },
        });
      });
    } catch (error) {
      if (error instanceof AppError && error.code === 'PACK_MISMATCH')
        await recordMismatch(actor, now, error);
      throw error;
    }
    return packingView(orderId);
  }

  return { packingView, packOrder };
}
