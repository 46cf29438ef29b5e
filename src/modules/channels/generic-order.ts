import { idText, objectOf, textOf } from './exact-json.ts';
import { type CanonicalOrderInput, type MappedOrder, UnmappablePayload } from './mapped-order.ts';

/**
 * The generic signed webhook carries Ordo's canonical order as is (a shop's own site). The
 * channel is the one the webhook belongs to, whatever the body says.
 */
export function mapCanonicalOrder(channel: string, payload: unknown): MappedOrder {
  const o = objectOf(payload);
  const externalId = idText(o.externalId);
  if (!externalId) throw new UnmappablePayload('externalId: missing');
  if (!Array.isArray(o.lines)) throw new UnmappablePayload('lines: missing');
  return {
    externalId,
    order: { ...(o as unknown as CanonicalOrderInput), channel, externalId },
    isCancelled: textOf(o.status) === 'cancelled',
  };
}
