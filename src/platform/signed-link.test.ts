import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { signLink, verifyLink } from './signed-link.ts';

describe('signed links', () => {
  const now = new Date('2026-11-20T08:00:00Z');
  const token = signLink('secret-1', {
    purpose: 'address-fix',
    subject: 'order-1',
    expiresAt: now.getTime() + 3600_000,
  });

  it('verifies its own token and returns the claims', () => {
    assert.equal(verifyLink('secret-1', token, 'address-fix', now).subject, 'order-1');
  });

  it('refuses a tampered token, another secret, another purpose and an expired link', () => {
    const [payload, mac] = token.split('.');
    const forged = Buffer.from(JSON.stringify(['address-fix', 'order-2', 9_999_999_999])).toString(
      'base64url',
    );
    assert.throws(() => verifyLink('secret-1', `${forged}.${mac}`, 'address-fix', now), {
      code: 'INVALID_LINK',
    });
    assert.throws(() => verifyLink('secret-1', `${payload}.x${mac.slice(1)}`, 'address-fix', now), {
      code: 'INVALID_LINK',
    });
    assert.throws(() => verifyLink('secret-2', token, 'address-fix', now), { code: 'INVALID_LINK' });
    assert.throws(() => verifyLink('secret-1', token, 'other', now), { code: 'INVALID_LINK' });
    assert.throws(() => verifyLink('secret-1', token, 'address-fix', new Date(now.getTime() + 3600_000)), {
      code: 'LINK_EXPIRED',
    });
    assert.throws(() => verifyLink('secret-1', 'garbage', 'address-fix', now), { code: 'INVALID_LINK' });
  });
});
