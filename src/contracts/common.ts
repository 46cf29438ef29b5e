import { z } from 'zod';

export const errorBody = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z.record(z.string(), z.unknown()).optional(),
    }),
  })
  .meta({ id: 'Error' });

export const listQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().min(1).optional(),
});

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

export const moneyString = z
  .string()
  .regex(/^-?\d{1,15}(\.\d+)?$/, 'a decimal amount such as "59.90"')
  .describe('Decimal amount in the order currency, e.g. "59.90"');

export const isoDateTime = z.iso
  .datetime({ offset: true })
  .describe('ISO-8601 date-time, e.g. 2026-11-20T08:01:02Z');

export const idParams = z.object({ id: z.string().min(1).max(100) });

/** Responses every authenticated route may give. */
export const authErrors = { 401: errorBody, 403: errorBody } as const;

/** Responses a route that changes something may give, besides its success. */
export const writeErrors = {
  400: errorBody,
  404: errorBody,
  409: errorBody,
  422: errorBody,
  ...authErrors,
} as const;

/** A CSV upload's body (text/csv), parsed as text by the server. */
export const csvText = z.string().describe('CSV text with a header row');

/** A PDF response body. */
export const pdfFile = z
  .custom<Uint8Array<ArrayBufferLike>>((value) => value instanceof Uint8Array)
  .describe('a PDF document (application/pdf)');

/** A path segment naming a record by its code (SKU, warehouse). */
export const codeParams = z.object({ code: z.string().min(1).max(64) });

/** Route configs: the permission each route needs (granted by roles in the staff module). */
export const access = {
  inventoryRead: { permission: 'inventory:read' },
  inventoryWrite: { permission: 'inventory:write' },
  inventoryManage: { permission: 'inventory:manage' },
  fulfilmentRead: { permission: 'fulfilment:read' },
  fulfilmentWrite: { permission: 'fulfilment:write' },
  logisticsManage: { permission: 'logistics:manage' },
  serviceRead: { permission: 'service:read' },
  serviceManage: { permission: 'service:manage' },
} as const;
