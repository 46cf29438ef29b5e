import { z } from 'zod';
import { listQuery, moneyString, pageOf } from './common.ts';

const dimension = z.number().int().min(0).max(100_000_000);

export const skuFields = {
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._\-/]{0,63}$/, 'letters, digits and . _ - /, at most 64'),
  name: z.string().trim().min(1, 'required').max(300),
  price: moneyString,
  barcode: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z-]{4,64}$/, 'digits or letters, 4–64')
    .optional()
    .nullable(),
  weightGrams: dimension.optional().nullable(),
  lengthMm: dimension.optional().nullable(),
  widthMm: dimension.optional().nullable(),
  heightMm: dimension.optional().nullable(),
  isMadeToOrder: z.boolean().optional(),
  presaleReleaseAt: z.iso.datetime({ offset: true }).optional().nullable(),
};

export const newSkuBody = z.object({
  ...skuFields,
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .optional(),
});
export type NewSku = z.output<typeof newSkuBody>;

export const skuChangesBody = z.object({
  name: skuFields.name.optional(),
  price: skuFields.price.optional(),
  barcode: skuFields.barcode,
  weightGrams: skuFields.weightGrams,
  lengthMm: skuFields.lengthMm,
  widthMm: skuFields.widthMm,
  heightMm: skuFields.heightMm,
  isMadeToOrder: skuFields.isMadeToOrder,
  presaleReleaseAt: skuFields.presaleReleaseAt,
  isActive: z.boolean().optional(),
});
export type SkuChanges = z.output<typeof skuChangesBody>;

export const sku = z
  .object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    barcode: z.string().nullable(),
    weightGrams: z.number().nullable(),
    lengthMm: z.number().nullable(),
    widthMm: z.number().nullable(),
    heightMm: z.number().nullable(),
    isMadeToOrder: z.boolean(),
    presaleReleaseAt: z.string().nullable(),
    price: z.string(),
    currency: z.string(),
    isActive: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Sku' });
export type Sku = z.output<typeof sku>;

export const skuQuery = listQuery.extend({ q: z.string().trim().max(100).optional() });
export const skuPage = pageOf(sku);

export const skuImportResult = z.object({
  created: z.number(),
  updated: z.number(),
  rejected: z.array(z.object({ line: z.number(), code: z.string().optional(), message: z.string() })),
});

export const channel = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.string(),
    isActive: z.boolean(),
    createdAt: z.string(),
  })
  .meta({ id: 'Channel' });
export const newChannelBody = z.object({
  id: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'lower-case letters, digits, - and _'),
  name: z.string().trim().min(1).max(100),
  kind: z.enum(['web', 'marketplace', 'pos', 'phone', 'b2b', 'other']).default('other'),
});
export const channelChangesBody = z.object({
  name: z.string().trim().min(1).max(100).optional(),
  isActive: z.boolean().optional(),
});
export const channelList = z.object({ items: z.array(channel), nextCursor: z.string().nullable() });
export { listQuery };
