import type { exceptionKinds } from '../../contracts/fulfilment.ts';
import type { Executor } from '../../platform/db/database.ts';
import type { NewRow } from '../../platform/db/schema.ts';

type ExceptionKind = (typeof exceptionKinds)[number];

/** The SQL of the detectors' exceptions. */
export const exceptionsRepository = {
  /** The exception of this kind on the order still waiting on its risk case, if any. */
  findActive(db: Executor, orderId: string, kind: ExceptionKind) {
    return db
      .selectFrom('shipment_exceptions')
      .select('id')
      .where('order_id', '=', orderId)
      .where('kind', '=', kind)
      .where('released_at', 'is', null)
      .executeTakeFirst();
  },

  async insert(db: Executor, row: NewRow<'shipment_exceptions'>): Promise<void> {
    await db.insertInto('shipment_exceptions').values(row).execute();
  },

  /** Releases the order's active exceptions of these kinds seen up to `upTo`. */
  async release(
    db: Executor,
    input: { orderId: string; kinds: readonly string[]; upTo: string; at: string },
  ): Promise<void> {
    if (input.kinds.length === 0) return;
    await db
      .updateTable('shipment_exceptions')
      .set({ released_at: input.at })
      .where('order_id', '=', input.orderId)
      .where('kind', 'in', input.kinds)
      .where('released_at', 'is', null)
      .where('detected_at', '<=', input.upTo)
      .execute();
  },

  /** Shipments with an exception of one of the kinds, active or released. */
  async onShipments(db: Executor, kinds: readonly ExceptionKind[]) {
    const rows = await db
      .selectFrom('shipment_exceptions')
      .select(['shipment_id', 'kind'])
      .where('kind', 'in', kinds)
      .where('shipment_id', 'is not', null)
      .execute();
    return rows.map((row) => ({ shipmentId: row.shipment_id as string, kind: row.kind as ExceptionKind }));
  },
};
