import { z } from 'zod';

/** One SKU of the order as the packing station checks it off (by SKU code or barcode). */
export const packingItem = z.object({
  sku: z.string(),
  name: z.string(),
  barcode: z.string().nullable(),
  quantity: z.number(),
});
export type PackingItem = z.output<typeof packingItem>;

/** What the packing station shows for an order scanned at the bench. */
export const packingView = z.object({
  orderId: z.string(),
  number: z.string(),
  status: z.string(),
  customerName: z.string(),
  city: z.string(),
  buyerNote: z.string().nullable(),
  items: z.array(packingItem),
});
export type PackingView = z.output<typeof packingView>;
