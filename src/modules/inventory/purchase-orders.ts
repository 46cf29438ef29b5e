import { DateTime } from 'luxon';
import type { z } from 'zod';
import type {
  draftLinesBody,
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
import { AppError, invalidField, notFound } from '../../platform/errors.ts';
import { randomBase32, uuidv7 } from '../../platform/ids.ts';
import { fromMinor, toMinor } from '../../platform/money.ts';
import { pageNewestFirst } from '../../platform/pagination.ts';
import { skuByCode } from '../catalog/index.ts';
import { levelsRepository } from './levels.repository.ts';
import { type PurchaseOrderRow, purchaseOrdersRepository } from './purchase-orders.repository.ts';
import { moveStock } from './stock-ledger.ts';
import { suppliersRepository } from './suppliers.repository.ts';
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
  await levelsRepository.ensure(tx, skuId, warehouseId, at);
  await levelsRepository.changeIncoming(tx, skuId, warehouseId, delta, at);
}

/** Order lines as stored: each SKU by code, its cost as given or the SKU's own unit cost. */
async function lineRows(
  tx: Executor,
  now: Date,
  purchaseOrderId: string,
  lines: z.output<typeof newPurchaseOrderBody>['lines'],
) {
  const rows = [];
  for (const [i, line] of lines.entries()) {
    const sku = await skuByCode(tx, line.sku, `lines.${i}.sku`);
    const unitCostMinor = line.unitCost
      ? toMinor(line.unitCost, currency, `lines.${i}.unitCost`)
      : Number(sku.unit_cost_minor ?? 0);
    rows.push({
      id: uuidv7(now.getTime()),
      purchase_order_id: purchaseOrderId,
      sku_id: sku.id,
      quantity: line.quantity,
      received_quantity: 0,
      unit_cost_minor: unitCostMinor,
    });
  }
  return rows;
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
    const lines = await lineRows(tx, now, id, input.lines);
    // A due date is due until the end of that day where the goods arrive.
    const due = input.dueAt
      ? DateTime.fromISO(input.dueAt, { zone: warehouse.time_zone }).endOf('day').toUTC().toISO()
      : new Date(now.getTime() + supplier.lead_time_days * dayMs).toISOString();
    await purchaseOrdersRepository.insert(
      tx,
      {
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
      },
      lines,
    );
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
          ? await suppliersRepository.findById(tx, sku.supplier_id)
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

  /** A draft's lines as the buyer left them, line by line: quantities, costs, lines added or removed. */
  async function editDraftLines(actor: Actor, id: string, input: z.output<typeof draftLinesBody>) {
    const now = clock.now();
    await inTransaction(database, async (tx) => {
      const { po } = await loadForUpdate(tx, id);
      if (po.status !== 'draft')
        throw new AppError(
          'INVALID_TRANSITION',
          `purchase order ${po.number} is ${po.status}; only a draft can be edited`,
          {
            from: po.status,
            to: 'draft',
          },
        );
      const lines = await lineRows(tx, now, id, input.lines);
      await purchaseOrdersRepository.replaceLines(tx, id, lines);
      await purchaseOrdersRepository.update(tx, id, { updated_at: now.toISOString() });
      await recordAudit(tx, actor, now, {
        action: 'purchase_order.edited',
        targetType: 'purchase_order',
        targetId: id,
        details: { lines: input.lines },
      });
    });
    return getPurchaseOrder(id);
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
        if (!line) throw invalidField(`lines.${i}.sku`, 'notOnPurchaseOrder', { sku: received.sku });
        const outstanding = line.quantity - line.received_quantity;
        if (received.quantity > outstanding)
          throw new AppError(
            'OVER_RECEIPT',
            `lines.${i}.quantity: only ${outstanding} of ${received.sku} outstanding`,
            { field: `lines.${i}.quantity`, outstanding },
          );
        line.received_quantity += received.quantity;
        await purchaseOrdersRepository.setReceived(tx, line.id, line.received_quantity);
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
      await purchaseOrdersRepository.update(tx, id, {
        status: to,
        updated_at: at,
        closed_at: isComplete ? at : null,
      });
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
      await purchaseOrdersRepository.update(tx, id, { ...set, status: to, updated_at: at });
      await recordAudit(tx, actor, now, {
        action: `purchase_order.${to}`,
        targetType: 'purchase_order',
        targetId: id,
      });
    });
    return getPurchaseOrder(id);
  }

  async function loadForUpdate(tx: Executor, id: string) {
    const found = await purchaseOrdersRepository.findForUpdate(tx, database.dialect, id);
    if (!found) throw notFound('purchase order', id);
    return found;
  }

  async function getPurchaseOrder(id: string): Promise<PurchaseOrder> {
    const rows = await purchaseOrdersRepository.rows(database.db).where('p.id', '=', id).execute();
    if (rows.length === 0) throw notFound('purchase order', id);
    return (await withLines(rows))[0];
  }

  async function listPurchaseOrders(filter: z.output<typeof purchaseOrderQuery>) {
    const query = purchaseOrdersRepository.query(database.db, {
      status: filter.status,
      supplier: filter.supplier,
      overdueAt: filter.isOverdue === 'true' ? clock.now().toISOString() : undefined,
    });
    const page = await pageNewestFirst(
      query,
      'p.id',
      filter,
      (r) => r,
      (r) => r.id,
    );
    return { items: await withLines(page.items), nextCursor: page.nextCursor };
  }

  async function withLines(rows: PurchaseOrderRow[]): Promise<PurchaseOrder[]> {
    if (rows.length === 0) return [];
    const lines = await purchaseOrdersRepository.linesOf(
      database.db,
      rows.map((r) => r.id),
    );
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
    editDraftLines,
    sendPurchaseOrder,
    cancelPurchaseOrder,
    receivePurchaseOrder,
    getPurchaseOrder,
    listPurchaseOrders,
  };
}
