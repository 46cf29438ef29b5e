import { batchBody } from '../../../contracts/orders.ts';
import { AppError, fromZodIssues } from '../../../platform/errors.ts';

/**
 * The orders of a batch request, from its raw body: parsed where the batch is stored (an intake
 * thread, or the server without threads), so the server's main thread never builds the orders.
 * The same errors as the HTTP layer gives any JSON body: INVALID_JSON, or VALIDATION_FAILED
 * naming `orders`.
 */
export function parseBatch(raw: Uint8Array): unknown[] {
  let body: unknown;
  try {
    body = JSON.parse(Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('utf8'));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppError('INVALID_JSON', `body: not valid JSON (${reason})`, { field: 'body' });
  }
  const parsed = batchBody.safeParse(body);
  if (!parsed.success) throw fromZodIssues(parsed.error.issues);
  return parsed.data.orders;
}
