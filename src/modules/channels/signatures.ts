import { createHmac, timingSafeEqual } from 'node:crypto';

/** Base64 HMAC-SHA256 of the raw body: Shopify's, WooCommerce's and Ordo's own webhook scheme. */
export function signBody(secret: string, rawBody: Buffer | string): string {
  return createHmac('sha256', secret).update(rawBody).digest('base64');
}

/**
 * Checks a base64 signature header against the body in constant time. The comparison is over
 * the decoded digests, so it never leaks how many leading characters matched.
 */
export function isValidBodySignature(
  secret: string | null,
  rawBody: Buffer,
  header: string | undefined,
): boolean {
  if (!secret || !header) return false;
  const given = Buffer.from(header.trim(), 'base64');
  const expected = createHmac('sha256', secret).update(rawBody).digest();
  return given.length === expected.length && timingSafeEqual(given, expected);
}
