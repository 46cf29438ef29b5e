import { sql } from 'kysely';
import { DateTime } from 'luxon';
import type { z } from 'zod';
import type {
  fromSuggestionsBody,
  newPurchaseOrderBody,
  PurchaseOrder,
  purchaseOrderQuery,
  receiveBody,
} from '../../contracts/inventory.ts';
import type { Actor } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit-log.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Executor } from '../../platform/db/database.ts';
import type { Row } from '../../platform/db/schema.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { randomBase32, uuidv7 } from '../../platform/ids.ts';
import { fromMinor, toMinor } from '../../platform/money.ts';
import { decodeCursor, toPage } from '../../platform/pagination.ts';
import { skuByCode } from '../catalog/index.ts';
import { moveStock } from './stock-ledger.ts';
import { supplierByCode } from './suppliers.ts';
import { warehouseByCode } from './warehouses.ts';

const currency = 'CNY';
const dayMs = 24 * 60 * 60 * 1000;

/** The purchase order life cycle as data: who may follow whom. */
const transitions: Record<string, readonly string[]> = {
  draft: ['sent', 'cancelled'],
  sent: ['partly_received', 'received', 'cancelled'],
  partly_received: ['partly_received', 'received', 'cancelled'],
  received: [],
  cancelled: [],
};

function assertPoTransition(po: Row<'purchase_orders'>, to: string): void {
  if (!transitions[po.status]?.includes(to))
    throw new AppError(
      'INVALID_TRANSITION',
      `purchase order ${po.number} is ${po.status}; it cannot become ${to}`,
      {
        from: po.status,
        to,
      },
    );
}

/** Stock on its way: raised when a purchase order is sent, lowered as it arrives or is cancelled. */
async function changeIncoming(tx: Executor, skuId: string, warehouseId: string, delta: number, at: string) {
  await tx
    .insertInto('stock_levels')
    .values({ sku_id: skuId, warehouse_id: warehouseId, updated_at: at })
    .onConflict((oc) => oc.columns(['sku_id', 'warehouse_id']).doNothing())
    .execute();
  await tx
    .updateTable('stock_levels')
    .set({ incoming: sql`incoming + ${delta}`, updated_at: at })
    .where('sku_id', '=', skuId)
    .where('warehouse_id', '=', warehouseId)
    .execute();
}

export function createPurchaseOrders(deps: { database: Database; clock: Clock }) {
  const { database, clock } = deps;

  async function createPurchaseOrder(actor: Actor, input: z.output<typeof newPurchaseOrderBody>) {
    const now = clock.now();
    const id = await inTransaction(database, (tx) => insertPurchaseOrder(tx, actor, now, input));
    return getPurchaseOrder(id);
  }

  async function insertPurchaseOrder(
    tx: Executor,
    actor: Actor,
    now: Date,
    input: z.output<typeof newPurchaseOrderBody>,
  ): Promise<string> {
    const supplier = await supplierByCode(tx, input.supplier);
    const warehouse = await warehouseByCode(tx, input.warehouse);
    const at = now.toISOString();
    const id = uuidv7(now.getTime());
    const lines = [];
    for (const [i, line] of input.lines.entries()) {
      const sku = await skuByCode(tx, line.sku, `lines.${i}.sku`);
      const unitCostMinor = line.unitCost
        ? toMinor(line.unitCost, currency, `lines.${i}.unitCost`)
        : Number(sku.unit_cost_minor ?? 0);
      lines.push({
        id: uuidv7(now.getTime()),
        purchase_order_id: id,
        sku_id: sku.id,
        quantity: line.quantity,
        received_quantity: 0,
        unit_cost_minor: unitCostMinor,
      });
    }
    // A due date is due until the end of that day where the goods arrive.
    const due = input.dueAt
      ? DateTime.fromISO(input.dueAt, { zone: warehouse.time_zone }).endOf('day').toUTC().toISO()
      : new Date(now.getTime() + supplier.lead_time_days * dayMs).toISOString();
    await tx
      .insertInto('purchase_orders')
      .values({
        id,
        number: `PO${at.slice(2, 10).replaceAll('-', '')}${randomBase32(6)}`,
        supplier_id: supplier.id,
        warehouse_id: warehouse.id,
        status: 'draft',
        owner_id: input.ownerId ?? (actor.type === 'user' ? actor.id : null),
        due_at: due,
        note: input.note ?? null,
        created_by: actor.name,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await tx.insertInto('purchase_order_lines').values(lines).execute();
    await recordAudit(tx, actor, now, {
      action: 'purchase_order.created',
      targetType: 'purchase_order',
      targetId: id,
      details: { supplier: supplier.code, lines: input.lines.length },
    });
    return id;
  }

  /** Suggestions → purchase orders in one step: one draft per supplier of the chosen SKUs. */
  async function createFromSuggestions(actor: Actor, input: z.output<typeof fromSuggestionsBody>) {
    const now = clock.now();
    const ids = await inTransaction(database, async (tx) => {
      const bySupplier = new Map<string, { sku: string; quantity: number }[]>();
      for (const [i, item] of input.items.entries()) {
        const sku = await skuByCode(tx, item.sku, `items.${i}.sku`);
        const supplier = sku.supplier_id
          ? await tx
              .selectFrom('suppliers')
              .select('code')
              .where('id', '=', sku.supplier_id)
              .executeTakeFirst()
          : undefined;
        if (!supplier)
          throw new AppError('UNKNOWN_SUPPLIER', `items.${i}.sku: ${item.sku} has no supplier`, {
            field: `items.${i}.sku`,
          });
        bySupplier.set(supplier.code, [...(bySupplier.get(supplier.code) ?? []), item]);
      }
      const created: string[] = [];
      for (const [supplier, lines] of bySupplier)
        created.push(
          await insertPurchaseOrder(tx, actor, now, { supplier, warehouse: input.warehouse, lines }),
        );
      return created;
    });
    return { items: await Promise.all(ids.map((id) => getPurchaseOrder(id))) };
  }

  async function sendPurchaseOrder(actor: Actor, id: string) {
    return changePurchaseOrder(actor, id, 'sent', async (tx, po, lines, at) => {
      for (const line of lines) await changeIncoming(tx, line.sku_id, po.warehouse_id, line.quantity, at);
      return { sent_at: at };
    });
  }

  async function cancelPurchaseOrder(actor: Actor, id: string) {
    return changePurchaseOrder(actor, id, 'cancelled', async (tx, po, lines, at) => {
      if (po.status !== 'draft')
        for (const line of lines) {
          const outstanding = line.quantity - line.received_quantity;
          if (outstanding > 0) await changeIncoming(tx, line.sku_id, po.warehouse_id, -outstanding, at);
        }
      return { closed_at: at };
    });
  }

  /** Goods arrive: stock goes up in the ledger, incoming goes down, backorders get their turn. */
  async function receivePurchaseOrder(actor: Actor, id: string, input: z.output<typeof receiveBody>) {
    const now = clock.now();
    await inTransaction(database, async (tx) => {
      const { po, lines } = await loadForUpdate(tx, id);
      // Only goods that were ordered and are still awaited can arrive.
      if (po.status !== 'sent' && po.status !== 'partly_received')
        throw new AppError(
          'INVALID_TRANSITION',
          `purchase order ${po.number} is ${po.status}; nothing is awaited`,
          {
            from: po.status,
            to: 'received',
          },
        );
      const at = now.toISOString();
      for (const [i, received] of input.lines.entries()) {
        const sku = await skuByCode(tx, received.sku, `lines.${i}.sku`);
        const line =
          lines.find((l) => l.sku_id === sku.id && l.quantity > l.received_quantity) ??
          lines.find((l) => l.sku_id === sku.id);
        if (!line)
          throw new AppError(
            'VALIDATION_FAILED',
            `lines.${i}.sku: ${received.sku} is not on this purchase order`,
            { field: `lines.${i}.sku` },
          );
        const outstanding = line.quantity - line.received_quantity;
        if (received.quantity > outstanding)
          throw new AppError(
            'OVER_RECEIPT',
            `lines.${i}.quantity: only ${outstanding} of ${received.sku} outstanding`,
            { field: `lines.${i}.quantity`, outstanding },
          );
        line.received_quantity += received.quantity;
        await tx
          .updateTable('purchase_order_lines')
          .set({ received_quantity: line.received_quantity })
          .where('id', '=', line.id)
          .execute();
        await changeIncoming(tx, sku.id, po.warehouse_id, -received.quantity, at);
        await moveStock(tx, actor, now, {
          skuId: sku.id,
          warehouseId: po.warehouse_id,
          kind: 'receipt',
          onHandDelta: received.quantity,
          reservedDelta: 0,
          referenceType: 'purchase_order',
          referenceId: po.number,
          reason: input.note ?? null,
        });
      }
      const isComplete = lines.every((l) => l.received_quantity >= l.quantity);
      const to = isComplete ? 'received' : 'partly_received';
      assertPoTransition(po, to);
      await tx
        .updateTable('purchase_orders')
        .set({ status: to, updated_at: at, closed_at: isComplete ? at : null })
        .where('id', '=', id)
        .execute();
      await recordAudit(tx, actor, now, {
        action: 'purchase_order.received',
        targetType: 'purchase_order',
        targetId: id,
        details: input,
      });
    });
    return getPurchaseOrder(id);
  }

  async function changePurchaseOrder(
    actor: Actor,
    id: string,
    to: string,
    apply: (
      tx: Executor,
      po: Row<'purchase_orders'>,
      lines: Row<'purchase_order_lines'>[],
      at: string,
    ) => Promise<Partial<Row<'purchase_orders'>>>,
  ) {
    const now = clock.now();
    await inTransaction(database, async (tx) => {
      const { po, lines } = await loadForUpdate(tx, id);
      assertPoTransition(po, to);
      const at = now.toISOString();
      const set = await apply(tx, po, lines, at);
      await tx
        .updateTable('purchase_orders')
        .set({ ...set, status: to, updated_at: at })
        .where('id', '=', id)
        .execute();
      await recordAudit(tx, actor, now, {
        action: `purchase_order.${to}`,
        targetType: 'purchase_order',
        targetId: id,
      });
    });
    return getPurchaseOrder(id);
  }

  async function loadForUpdate(tx: Executor, id: string) {
    let query = tx.selectFrom('purchase_orders').selectAll().where('id', '=', id);
    if (database.dialect === 'postgres') query = query.forUpdate();
    const po = await query.executeTakeFirst();
    if (!po) throw notFound('purchase order', id);
    const lines = await tx
      .selectFrom('purchase_order_lines')
      .selectAll()
      .where('purchase_order_id', '=', id)
      .orderBy('id')
      .execute();
    return { po, lines };
  }

  async function getPurchaseOrder(id: string): Promise<PurchaseOrder> {
    const rows = await purchaseOrderRows(database.db).where('p.id', '=', id).execute();
    if (rows.length === 0) throw notFound('purchase order', id);
    return (await withLines(rows))[0];
  }

  async function listPurchaseOrders(filter: z.output<typeof purchaseOrderQuery>) {
    let query = purchaseOrderRows(database.db);
    if (filter.status) query = query.where('p.status', '=', filter.status);
    if (filter.supplier) query = query.where('s.code', '=', filter.supplier);
    if (filter.isOverdue === 'true')
      query = query
        .where('p.status', 'in', ['sent', 'partly_received'])
        .where('p.due_at', '<', clock.now().toISOString());
    if (filter.cursor) query = query.where('p.id', '<', String(decodeCursor(filter.cursor, 1)[0]));
    const rows = await query
      .orderBy('p.id', 'desc')
      .limit(filter.limit + 1)
      .execute();
    const page = toPage(
      rows,
      filter.limit,
      (r) => r,
      (r) => [r.id],
    );
    return { items: await withLines(page.items), nextCursor: page.nextCursor };
  }

  function purchaseOrderRows(db: Executor) {
    return db
      .selectFrom('purchase_orders as p')
      .innerJoin('suppliers as s', 's.id', 'p.supplier_id')
      .innerJoin('warehouses as w', 'w.id', 'p.warehouse_id')
      .leftJoin('staff_users_view as u', 'u.id', 'p.owner_id')
      .selectAll('p')
      .select([
        's.code as supplier_code',
        's.name as supplier_name',
        'w.code as warehouse_code',
        'u.display_name as owner_name',
      ]);
  }

  type PoRow = Awaited<ReturnType<ReturnType<typeof purchaseOrderRows>['execute']>>[number];

  async function withLines(rows: PoRow[]): Promise<PurchaseOrder[]> {
    if (rows.length === 0) return [];
    const lines = await database.db
      .selectFrom('purchase_order_lines as l')
      .innerJoin('catalog_skus_view as k', 'k.id', 'l.sku_id')
      .select([
        'l.purchase_order_id',
        'k.code',
        'k.name',
        'l.quantity',
        'l.received_quantity',
        'l.unit_cost_minor',
      ])
      .where(
        'l.purchase_order_id',
        'in',
        rows.map((r) => r.id),
      )
      .orderBy('l.id')
      .execute();
    const now = clock.now().toISOString();
    return rows.map((r) => {
      const own = lines.filter((l) => l.purchase_order_id === r.id);
      const total = own.reduce((sum, l) => sum + l.quantity * Number(l.unit_cost_minor), 0);
      return {
        id: r.id,
        number: r.number,
        supplier: { id: r.supplier_id, code: r.supplier_code, name: r.supplier_name },
        warehouse: r.warehouse_code,
        status: r.status as PurchaseOrder['status'],
        ownerId: r.owner_id,
        ownerName: r.owner_name ?? null,
        dueAt: r.due_at,
        isOverdue: ['sent', 'partly_received'].includes(r.status) && r.due_at !== null && r.due_at < now,
        note: r.note,
        total: fromMinor(total, currency),
        createdAt: r.created_at,
        sentAt: r.sent_at,
        closedAt: r.closed_at,
        lines: own.map((l) => ({
          sku: l.code,
          skuName: l.name,
          quantity: l.quantity,
          receivedQuantity: l.received_quantity,
          unitCost: fromMinor(Number(l.unit_cost_minor), currency),
        })),
      };
    });
  }

  return {
    createPurchaseOrder,
    createFromSuggestions,
    sendPurchaseOrder,
    cancelPurchaseOrder,
    receivePurchaseOrder,
    getPurchaseOrder,
    listPurchaseOrders,
  };
}
