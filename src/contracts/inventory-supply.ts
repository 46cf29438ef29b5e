import { z } from 'zod';
import { listQuery, moneyString, pageOf } from './common.ts';
import { code, count, note, quantity } from './inventory-fields.ts';

// Suppliers, purchase orders and stocktakes: the supply side of the inventory contract
// (re-exported by inventory.ts).

// ── Suppliers and purchase orders ────────────────────────────────────────────
const supplierFields = {
  name: z.string().trim().min(1).max(200),
  contactName: z.string().trim().max(100).optional().nullable(),
  email: z.email().optional().nullable(),
  phone: z.string().trim().max(40).optional().nullable(),
  leadTimeDays: z.number().int().min(0).max(365),
  minOrderQty: quantity,
  packSize: quantity,
  maxOrderQty: quantity.optional().nullable(),
  notes: note.optional().nullable(),
};
export const newSupplierBody = z.object({
  code,
  ...supplierFields,
  minOrderQty: quantity.default(1),
  packSize: quantity.default(1),
});
// Written out rather than derived with .partial(): a partial keeps the defaults, and a change
// of the name alone would reset the minimum order and pack size to 1.
export const supplierChangesBody = z
  .object(supplierFields)
  .partial()
  .extend({ isActive: z.boolean().optional() });
export const supplier = z
  .object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    contactName: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    leadTimeDays: z.number(),
    minOrderQty: z.number(),
    packSize: z.number(),
    maxOrderQty: z.number().nullable(),
    notes: z.string().nullable(),
    isActive: z.boolean(),
  })
  .meta({ id: 'Supplier' });
export type Supplier = z.output<typeof supplier>;
export const supplierPage = pageOf(supplier);

export const suggestion = z
  .object({
    sku: z.string(),
    skuName: z.string(),
    warehouse: z.string(),
    supplier: z.string().nullable(),
    onHand: z.number(),
    reserved: z.number(),
    incoming: z.number(),
    backordered: z.number(),
    reorderPoint: z.number(),
    targetLevel: z.number(),
    need: z.number(),
    quantity: z.number(),
    isCapped: z.boolean(),
    unitCost: z.string().nullable(),
    leadTimeDays: z.number(),
    arrivesBy: z.string(),
  })
  .meta({ id: 'ReplenishmentSuggestion' });
export const suggestionQuery = z.object({
  warehouse: z.string().trim().max(64).optional(),
  supplier: z.string().trim().max(64).optional(),
});
export const suggestionList = z.object({ items: z.array(suggestion) });

export const purchaseOrderStatuses = ['draft', 'sent', 'partly_received', 'received', 'cancelled'] as const;
export const purchaseOrderLineBody = z.object({
  sku: z.string().trim().min(1).max(64),
  quantity,
  unitCost: moneyString.optional(),
});
export const newPurchaseOrderBody = z.object({
  supplier: z.string().trim().min(1).max(64),
  warehouse: z.string().trim().min(1).max(64),
  ownerId: z.string().trim().max(64).optional().nullable(),
  dueAt: z.iso
    .date()
    .optional()
    .nullable()
    .describe('expected arrival, YYYY-MM-DD; default today + lead time'),
  note: note.optional().nullable(),
  lines: z.array(purchaseOrderLineBody).min(1).max(500),
});
/** A draft's lines, replaced as a whole (the console edits them line by line, then saves). */
export const draftLinesBody = z.object({ lines: z.array(purchaseOrderLineBody).min(1).max(500) });
export const fromSuggestionsBody = z.object({
  warehouse: z.string().trim().min(1).max(64),
  items: z
    .array(z.object({ sku: z.string().trim().min(1).max(64), quantity }))
    .min(1)
    .max(1000),
});
export const receiveBody = z.object({
  lines: z
    .array(z.object({ sku: z.string().trim().min(1).max(64), quantity }))
    .min(1)
    .max(500),
  note: note.optional(),
});
export const purchaseOrder = z
  .object({
    id: z.string(),
    number: z.string(),
    supplier: z.object({ id: z.string(), code: z.string(), name: z.string() }),
    warehouse: z.string(),
    status: z.enum(purchaseOrderStatuses),
    ownerId: z.string().nullable(),
    ownerName: z.string().nullable(),
    dueAt: z.string().nullable(),
    isOverdue: z.boolean(),
    note: z.string().nullable(),
    total: z.string(),
    createdAt: z.string(),
    sentAt: z.string().nullable(),
    closedAt: z.string().nullable(),
    lines: z.array(
      z.object({
        sku: z.string(),
        skuName: z.string(),
        quantity: z.number(),
        receivedQuantity: z.number(),
        unitCost: z.string(),
      }),
    ),
  })
  .meta({ id: 'PurchaseOrder' });
export type PurchaseOrder = z.output<typeof purchaseOrder>;
export const purchaseOrderQuery = listQuery.extend({
  status: z.enum(purchaseOrderStatuses).optional(),
  supplier: z.string().trim().max(64).optional(),
  isOverdue: z.enum(['true', 'false']).optional(),
});
export const purchaseOrderPage = pageOf(purchaseOrder);

// ── Stocktakes ───────────────────────────────────────────────────────────────
export const stocktakeStatuses = ['counting', 'review', 'approved', 'cancelled'] as const;
export const newStocktakeBody = z.object({
  warehouse: z.string().trim().min(1).max(64),
  kind: z.enum(['full', 'cycle']),
  classes: z
    .array(z.enum(['A', 'B', 'C']))
    .min(1)
    .optional()
    .describe('cycle counts: only SKUs of these ABC classes'),
  note: note.optional().nullable(),
});
export const countsBody = z.object({
  counts: z
    .array(z.object({ sku: z.string().trim().min(1).max(64), counted: count, note: note.optional() }))
    .min(1)
    .max(10_000),
});
export const lineNoteBody = z.object({ note });
export const stocktakeLine = z.object({
  sku: z.string(),
  skuName: z.string(),
  bin: z.string().nullable(),
  counted: z.number().nullable(),
  countedAt: z.string().nullable(),
  note: z.string().nullable(),
  /** Only once the count is submitted: counters never see the book figure. */
  expected: z.number().nullable(),
  variance: z.number().nullable(),
  varianceValue: z.string().nullable(),
});
export const stocktake = z
  .object({
    id: z.string(),
    number: z.string(),
    warehouse: z.string(),
    kind: z.enum(['full', 'cycle']),
    classes: z.array(z.string()).nullable(),
    status: z.enum(stocktakeStatuses),
    note: z.string().nullable(),
    createdAt: z.string(),
    closedAt: z.string().nullable(),
    lineCount: z.number(),
    countedCount: z.number(),
    varianceValue: z.string().nullable(),
  })
  .meta({ id: 'Stocktake' });
export const stocktakeDetail = stocktake
  .extend({ lines: z.array(stocktakeLine) })
  .meta({ id: 'StocktakeDetail' });
export type StocktakeDetail = z.output<typeof stocktakeDetail>;
export const stocktakeQuery = listQuery.extend({ status: z.enum(stocktakeStatuses).optional() });
export const stocktakePage = pageOf(stocktake);
export const countImportResult = z.object({
  counted: z.number(),
  rejected: z.array(z.object({ line: z.number(), sku: z.string().optional(), message: z.string() })),
});
