import { z } from 'zod';
import { listQuery, moneyString, pageOf } from './common.ts';
import { explanation } from './explanations.ts';
import { code, count, quantity } from './inventory-fields.ts';

export * from './inventory-supply.ts';

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time such as "16:00"');
const timeZone = z
  .string()
  .refine((zone) => Intl.supportedValuesOf('timeZone').includes(zone) || zone === 'UTC', 'an IANA time zone');

export const movementKinds = [
  'receipt',
  'reservation',
  'release',
  'issue',
  'adjustment',
  'transfer_out',
  'transfer_in',
  'count_variance',
] as const;
export type MovementKind = (typeof movementKinds)[number];

// ── Warehouses ────────────────────────────────────────────────────────────────
export const warehouseAddress = z.object({
  country: z.string().trim().length(2).default('CN'),
  province: z.string().trim().max(100).default(''),
  city: z.string().trim().max(100).default(''),
  district: z.string().trim().max(100).default(''),
  line1: z.string().trim().max(300).default(''),
  postalCode: z.string().trim().max(20).default(''),
});

const coverage = z
  .array(
    z
      .string()
      .trim()
      .regex(/^[A-Z]{2}(\/[^/]{1,60}){0,2}$/, 'a region such as "CN" or "CN/浙江省"'),
  )
  .max(500)
  .describe('Regions served: "CN", "CN/浙江省" or "CN/浙江省/杭州市"; empty means everywhere');

export const newWarehouseBody = z.object({
  code,
  name: z.string().trim().min(1).max(200),
  address: warehouseAddress.default({
    country: 'CN',
    province: '',
    city: '',
    district: '',
    line1: '',
    postalCode: '',
  }),
  timeZone: timeZone.default('Asia/Shanghai'),
  cutOff: clockTime.default('16:00'),
  coverage: coverage.default([]),
  costPerOrder: moneyString.default('0.00'),
});
export const warehouseChangesBody = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  address: warehouseAddress.optional(),
  timeZone: timeZone.optional(),
  cutOff: clockTime.optional(),
  coverage: coverage.optional(),
  costPerOrder: moneyString.optional(),
  isActive: z.boolean().optional(),
});
export const warehouse = z
  .object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    address: warehouseAddress,
    timeZone: z.string(),
    cutOff: z.string(),
    coverage: z.array(z.string()),
    costPerOrder: z.string(),
    isActive: z.boolean(),
  })
  .meta({ id: 'Warehouse' });
export type Warehouse = z.output<typeof warehouse>;
export const warehouseList = pageOf(warehouse);

// ── Levels, movements, adjustments ───────────────────────────────────────────
export const stockLevel = z
  .object({
    skuId: z.string(),
    sku: z.string(),
    skuName: z.string(),
    warehouseId: z.string(),
    warehouse: z.string(),
    onHand: z.number(),
    reserved: z.number(),
    available: z.number(),
    incoming: z.number(),
    bin: z.string().nullable(),
    warningLine: z.number().nullable(),
    isLow: z.boolean(),
  })
  .meta({ id: 'StockLevel' });
export type StockLevel = z.output<typeof stockLevel>;
export const levelQuery = listQuery.extend({
  sku: z.string().trim().max(64).optional().describe('exact SKU code'),
  warehouse: z.string().trim().max(64).optional().describe('warehouse code'),
  q: z.string().trim().max(100).optional().describe('searches SKU code and name'),
  isLow: z.enum(['true', 'false']).optional(),
});
export const levelPage = pageOf(stockLevel);

export const adjustmentBody = z.object({
  sku: z.string().trim().min(1).max(64),
  warehouse: z.string().trim().min(1).max(64),
  delta: z
    .number()
    .int()
    .min(-10_000_000)
    .max(10_000_000)
    .refine((d) => d !== 0, 'must not be 0'),
  reason: z.string().trim().min(1, 'required').max(300),
  bin: z.string().trim().max(64).optional(),
});
export const transferBody = z.object({
  sku: z.string().trim().min(1).max(64),
  from: z.string().trim().min(1).max(64),
  to: z.string().trim().min(1).max(64),
  quantity,
  reason: z.string().trim().max(300).default('transfer'),
});

export const movement = z
  .object({
    id: z.number(),
    sku: z.string(),
    warehouse: z.string(),
    kind: z.enum(movementKinds),
    onHandDelta: z.number(),
    reservedDelta: z.number(),
    orderId: z.string().nullable(),
    referenceType: z.string().nullable(),
    referenceId: z.string().nullable(),
    reason: z.string().nullable(),
    reasonExplanation: explanation
      .nullable()
      .describe('A reason Ordo wrote, as a key with parameters; null when a person typed it'),
    actorName: z.string(),
    at: z.string(),
  })
  .meta({ id: 'StockMovement' });
export const movementQuery = listQuery.extend({
  sku: z.string().trim().max(64).optional(),
  warehouse: z.string().trim().max(64).optional(),
  kind: z.enum(movementKinds).optional(),
  orderId: z.string().trim().max(64).optional(),
});
export const movementPage = pageOf(movement);

export const ledgerCheck = z.object({
  checked: z.number(),
  mismatches: z.array(
    z.object({
      sku: z.string(),
      warehouse: z.string(),
      field: z.enum(['onHand', 'reserved', 'incoming']),
      stored: z.number(),
      recomputed: z.number(),
    }),
  ),
});
export type LedgerCheck = z.output<typeof ledgerCheck>;

export const allocation = z.object({
  id: z.string(),
  orderLineId: z.string(),
  sku: z.string(),
  warehouse: z.string(),
  quantity: z.number(),
  status: z.enum(['reserved', 'released', 'issued']),
  createdAt: z.string(),
});

// ── Planning: warning lines, forecast, reorder point ─────────────────────────
export const planBody = z.object({
  sku: z.string().trim().min(1).max(64),
  warehouse: z.string().trim().min(1).max(64),
  mode: z.enum(['manual', 'computed', 'off']),
  warningLine: count.optional().nullable(),
  safetyStock: count.optional().nullable(),
});

export const computedPlan = z.object({
  method: z.string(),
  meanDaily: z.number(),
  stdDaily: z.number(),
  leadTimeDays: z.number(),
  serviceLevel: z.number(),
  safetyStock: z.number(),
  reorderPoint: z.number(),
  targetLevel: z.number(),
  formula: z.string().describe('The formulas with their numbers, in English'),
  formulaExplanation: explanation
    .nullable()
    .optional()
    .describe('The same as a key with parameters; absent on plans computed before it was stored'),
  forecast: z.array(z.number()),
  backtest: z
    .object({
      days: z.number(),
      actual: z.array(z.number()),
      predicted: z.array(z.number()),
      mae: z.number(),
      wape: z.number().nullable(),
      naiveWape: z.number().nullable(),
    })
    .nullable(),
});
export type ComputedPlan = z.output<typeof computedPlan>;

export const skuStock = z
  .object({
    sku: z.object({
      id: z.string(),
      code: z.string(),
      name: z.string(),
      category: z.string().nullable(),
      unitCost: z.string().nullable(),
      supplier: z.object({ id: z.string(), code: z.string(), name: z.string() }).nullable(),
      ownerUserId: z.string().nullable(),
    }),
    levels: z.array(
      stockLevel.extend({
        mode: z.enum(['manual', 'computed', 'off']),
        manualWarningLine: z.number().nullable(),
        manualSafetyStock: z.number().nullable(),
        plan: computedPlan.nullable(),
        plannedAt: z.string().nullable(),
      }),
    ),
    demand: z.array(z.object({ date: z.string(), quantity: z.number() })),
  })
  .meta({ id: 'SkuStock' });
export type SkuStock = z.output<typeof skuStock>;

export const skuPlanningBody = z.object({
  category: z.string().trim().max(100).optional().nullable(),
  unitCost: moneyString.optional().nullable(),
  supplier: z.string().trim().max(64).optional().nullable().describe('supplier code'),
  ownerUserId: z.string().trim().max(64).optional().nullable(),
});

export const alert = z
  .object({
    id: z.string(),
    sku: z.string(),
    skuName: z.string(),
    warehouse: z.string(),
    available: z.number(),
    warningLine: z.number(),
    raisedAt: z.string(),
    clearedAt: z.string().nullable(),
  })
  .meta({ id: 'StockAlert' });
export const alertQuery = listQuery.extend({ status: z.enum(['open', 'all']).default('open') });
export const alertPage = pageOf(alert);

// ── Channel stock ─────────────────────────────────────────────────────────────
export const channelRuleBody = z.object({
  channel: z.string().trim().min(1).max(64),
  sku: z.string().trim().max(64).optional().nullable().describe('omit for the channel default'),
  percent: z.number().int().min(0).max(100),
  buffer: count.default(0),
  minimum: count.default(0),
  warehouses: z.array(z.string().trim().max(64)).max(100).optional().nullable(),
});
export const channelRule = z
  .object({
    id: z.string(),
    channel: z.string(),
    sku: z.string().nullable(),
    percent: z.number(),
    buffer: z.number(),
    minimum: z.number(),
    warehouses: z.array(z.string()).nullable(),
  })
  .meta({ id: 'ChannelStockRule' });
export const channelStockQuery = listQuery.extend({
  channel: z.string().trim().min(1).max(64),
  q: z.string().trim().max(100).optional(),
});
export const channelStock = z.object({
  sku: z.string(),
  skuName: z.string(),
  available: z.number(),
  availableToSell: z.number(),
  rule: z.string().describe('The rule applied, in English'),
  ruleExplanation: explanation,
});

// ── Settings ──────────────────────────────────────────────────────────────────
export const inventorySettings = z
  .object({
    allowSplit: z.boolean().describe('split an order across warehouses when none has everything'),
    serviceLevel: z.number().min(0.5).max(0.9999),
    reviewPeriodDays: z.number().int().min(1).max(90),
    defaultLeadTimeDays: z.number().int().min(0).max(365),
    slowMoverDays: z.number().int().min(7).max(730),
    cycleCountDays: z.object({
      A: z.number().int().min(1).max(365),
      B: z.number().int().min(1).max(730),
      C: z.number().int().min(1).max(1460),
    }),
  })
  .meta({ id: 'InventorySettings' });
export type InventorySettings = z.output<typeof inventorySettings>;

// ── Reports ──────────────────────────────────────────────────────────────────
export const reportKinds = ['slow-movers', 'fast-movers', 'abc', 'turnover', 'stockouts'] as const;
export type ReportKind = (typeof reportKinds)[number];
export const reportQuery = z.object({
  days: z.coerce.number().int().min(7).max(730).default(90),
  warehouse: z.string().trim().max(64).optional(),
  groupBy: z.enum(['sku', 'category', 'warehouse']).default('sku'),
  format: z.enum(['json', 'csv', 'xlsx']).default('json'),
});
export const report = z
  .object({
    kind: z.enum(reportKinds),
    days: z.number(),
    columns: z.array(z.object({ key: z.string(), type: z.enum(['text', 'number', 'money', 'percent']) })),
    rows: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.null()]))),
  })
  .meta({ id: 'InventoryReport' });
export type InventoryReport = z.output<typeof report>;
