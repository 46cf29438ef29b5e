import { z } from 'zod';

/** Field shapes both halves of the inventory contract (inventory.ts, inventory-supply.ts) use. */
export const code = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._\-/]{0,63}$/, 'letters, digits and . _ - /, at most 64');
export const quantity = z.number().int().min(1).max(10_000_000);
export const count = z.number().int().min(0).max(10_000_000);
export const note = z.string().trim().max(1000);
