import { createHmac } from 'node:crypto';
import { safeEqual } from './auth/tokens.ts';
import { AppError } from './errors.ts';

export interface LinkClaims {
  /** What the link may do, e.g. `address-fix`; a link for one purpose is refused for another. */
  purpose: string;
  subject: string;
  expiresAt: number;
}

function signature(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url');
}

/** A link token customers can use without an account: claims + HMAC-SHA256 over them. */
export function signLink(secret: string, claims: LinkClaims): string {
  const payload = Buffer.from(
    JSON.stringify([claims.purpose, claims.subject, Math.floor(claims.expiresAt / 1000)]),
  ).toString('base64url');
  return `${payload}.${signature(secret, payload)}`;
}

export function verifyLink(secret: string, token: string, purpose: string, now: Date): LinkClaims {
  const [payload, mac] = token.split('.');
  if (!payload || !mac || !safeEqual(mac, signature(secret, payload))) {
    throw new AppError('INVALID_LINK', 'this link is not valid; use the link from your latest email');
  }
  const [linkPurpose, subject, expiresAtSeconds] = JSON.parse(
    Buffer.from(payload, 'base64url').toString('utf8'),
  ) as [string, string, number];
  if (linkPurpose !== purpose) throw new AppError('INVALID_LINK', 'this link is not for this page');
  if (expiresAtSeconds * 1000 <= now.getTime())
    throw new AppError('LINK_EXPIRED', 'this link has expired; contact us for a new one');
  return { purpose: linkPurpose, subject, expiresAt: expiresAtSeconds * 1000 };
}
