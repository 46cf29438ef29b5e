import { z } from 'zod';
import { randomToken } from '../../../platform/auth/tokens.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Database } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors.ts';
import { settingOnce } from '../../../platform/settings.ts';
import { signLink, verifyLink } from '../../../platform/signed-link.ts';
import { ttlCache } from '../../../platform/ttl-cache.ts';

const linkSecretSchema = z.object({ secret: z.string().min(16) });
const linkLifetimeMs = 30 * 24 * 3600 * 1000;

/** Signed links for the customer (rating a resolution, answering a survey), with the shop's one link secret. */
export function customerLinks(deps: { database: Database; clock: Clock; publicUrl: string }) {
  const secret = ttlCache(60_000, async () => {
    const stored = await settingOnce(
      deps.database.db,
      'security.link_secret',
      linkSecretSchema,
      () => ({ secret: randomToken(32) }),
      deps.clock.now(),
    );
    return stored.secret;
  });
  return {
    async url(path: string, purpose: string, subject: string): Promise<string> {
      const token = signLink(await secret.get(), {
        purpose,
        subject,
        expiresAt: deps.clock.now().getTime() + linkLifetimeMs,
      });
      return `${deps.publicUrl.replace(/\/$/, '')}/${path}/${token}`;
    },
    async subjectOf(token: string, purpose: string): Promise<string> {
      return verifyLink(await secret.get(), token, purpose, deps.clock.now()).subject;
    },
  };
}

const digits = (value: string) => value.replace(/\D/g, '');

/**
 * Whether `contact` is the order's phone or e-mail. Phones compare by their last 11 digits, so
 * "+86 138…" and "138…" match; an e-mail compares case-insensitively.
 */
export function isContactOf(
  order: { customer_email: string | null; customer_phone: string | null; ship_phone: string | null },
  contact: string,
): boolean {
  const given = contact.trim();
  if (given.includes('@'))
    return !!order.customer_email && order.customer_email.toLowerCase() === given.toLowerCase();
  const phone = digits(given).slice(-11);
  if (phone.length < 6) return false;
  return [order.customer_phone, order.ship_phone].some((p) => !!p && digits(p).slice(-11) === phone);
}

/** The one answer to a wrong number or contact, whichever was wrong: reveals nothing. */
export function noSuchOrder(): AppError {
  return new AppError('NOT_FOUND', 'no order matches this number and contact');
}
