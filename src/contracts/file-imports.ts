import { z } from 'zod';
import { paymentStatuses } from './order-enums.ts';

/**
 * Marketplace file imports (docs/imports.md): a column mapping per channel turns a CSV or XLSX
 * order export, one row per line item, into canonical orders.
 */

/** Canonical fields a file column can fill. `address` is one whole-address cell, split on import. */
export const mappedFields = [
  'externalId',
  'placedAt',
  'currency',
  'total',
  'shippingFee',
  'discount',
  'sku',
  'quantity',
  'unitPrice',
  'lineName',
  'customerName',
  'customerEmail',
  'customerPhone',
  'shipName',
  'shipPhone',
  'country',
  'province',
  'city',
  'district',
  'line1',
  'line2',
  'postalCode',
  'address',
  'buyerNote',
  'sellerNote',
  'paymentStatus',
  'paymentMethod',
  'paidAmount',
  'paidAt',
] as const;
export type MappedField = (typeof mappedFields)[number];

/** Fields without which no order can be made from a row. */
export const requiredMappedFields = ['externalId', 'sku', 'quantity'] as const;

const columnName = z.string().trim().min(1, 'a column name').max(200);

const optionalColumns = Object.fromEntries(
  mappedFields
    .filter((f) => !(requiredMappedFields as readonly string[]).includes(f))
    .map((f) => [f, columnName.optional()]),
) as Record<Exclude<MappedField, (typeof requiredMappedFields)[number]>, z.ZodOptional<typeof columnName>>;

/** Day, month and year order of dates written without ISO form (`20/11/2026` is `dmy`). */
export const dateOrders = ['ymd', 'dmy', 'mdy'] as const;

export const columnMapping = z
  .strictObject({
    columns: z.strictObject({
      externalId: columnName,
      sku: columnName,
      quantity: columnName,
      ...optionalColumns,
    }),
    dateOrder: z.enum(dateOrders).default('ymd'),
    decimalComma: z.boolean().default(false).describe('"1.234,56" means 1234.56'),
    defaultCurrency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as "CNY"')
      .optional()
      .describe('currency of orders whose row names none'),
    defaultCountry: z
      .string()
      .regex(/^[A-Z]{2}$/, 'an ISO 3166 code such as "CN"')
      .optional(),
    defaultPaymentStatus: z.enum(paymentStatuses).optional(),
    paymentStatusValues: z
      .record(z.string().min(1), z.enum(paymentStatuses))
      .default({})
      .describe('the export\'s payment or order status → Ordo payment status, e.g. {"processing": "paid"}'),
  })
  .meta({ id: 'ColumnMapping' });
export type ColumnMapping = z.output<typeof columnMapping>;

export const mappingName = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, 'letters, digits, "-", "_" or "." (up to 64)');

export const savedMapping = z
  .object({
    channel: z.string(),
    name: z.string(),
    isPreset: z.boolean(),
    mapping: columnMapping,
    updatedAt: z.string().nullable(),
  })
  .meta({ id: 'SavedColumnMapping' });
export type SavedMapping = z.output<typeof savedMapping>;

export const mappingList = z.object({ items: z.array(savedMapping) });

export const channelParams = z.object({ channelId: z.string().min(1).max(100) });
export const mappingParams = channelParams.extend({ name: mappingName });

/**
 * A mapping chosen for preview or import: a saved or preset one by name, or one given whole
 * (a ColumnMapping, checked by the use-case so that an error names the field inside it).
 */
export const mappingChoice = z
  .union([mappingName, z.record(z.string(), z.unknown())])
  .describe('the name of a saved or preset mapping, or a ColumnMapping object');

export const uploadQuery = z.object({
  channel: z.string().min(1).max(100),
  fileName: z.string().trim().min(1).max(255),
});

export const uploadedFile = z
  .object({
    id: z.string(),
    channel: z.string(),
    fileName: z.string(),
    columns: z.array(z.string()),
    rowCount: z.number().int(),
    /** The saved or preset mapping whose columns the file has, if any. */
    suggestedMapping: z.string().nullable(),
  })
  .meta({ id: 'UploadedOrderFile' });

export const previewBody = z.object({
  mapping: mappingChoice,
  limit: z.number().int().min(1).max(200).default(20),
});

export const rowProblem = z.object({
  field: z.string(),
  message: z.string(),
  /** `error`: the row's order cannot be made; `warning`: it is stored and held for it. */
  severity: z.enum(['error', 'warning']),
});
export type RowProblem = z.output<typeof rowProblem>;

export const previewRow = z.object({
  line: z.number().int(),
  externalId: z.string().nullable(),
  sku: z.string().nullable(),
  quantity: z.string().nullable(),
  unitPrice: z.string().nullable(),
  placedAt: z.string().nullable(),
  total: z.string().nullable(),
  currency: z.string().nullable(),
  customerName: z.string().nullable(),
  problems: z.array(rowProblem),
});

export const preview = z
  .object({
    columns: z.array(z.string()),
    rows: z.array(previewRow),
    /** Orders the previewed rows make. */
    orders: z.number().int(),
  })
  .meta({ id: 'OrderFilePreview' });

export const startImportBody = z.object({ mapping: mappingChoice });

export const importStatuses = ['uploaded', 'running', 'finished', 'failed'] as const;

export const importJob = z
  .object({
    id: z.string(),
    channel: z.string(),
    fileName: z.string(),
    status: z.enum(importStatuses),
    rowCount: z.number().int(),
    rowsDone: z.number().int(),
    /** 0…1 */
    progress: z.number(),
    created: z.number().int(),
    duplicate: z.number().int(),
    failed: z.number().int(),
    error: z.string().nullable(),
    hasResultFile: z.boolean(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .meta({ id: 'OrderFileImport' });
export type ImportJob = z.output<typeof importJob>;
