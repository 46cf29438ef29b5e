import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A random secret for session ids, CSRF tokens and API keys (256 bits, URL-safe). */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/**
 * Secrets are stored only as SHA-256: they are long random strings, so a slow hash adds nothing
 * and a fast one keeps API-key checks off the request's critical path.
 */
export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
