import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createApp } from '../../src/app.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { createLogger } from '../../src/platform/logger.ts';
import { adminPassword, createTestApp, useTestApp } from '../helpers/app.ts';
import { createTestDatabase, testDialects } from '../helpers/db.ts';

function cookieOf(setCookie: string | string[] | undefined): string {
  const header = Array.isArray(setCookie) ? setCookie[0] : (setCookie ?? '');
  return header.split(';')[0];
}

for (const dialect of testDialects) {
  describe(`staff and access on ${dialect}`, () => {
    const t = useTestApp(dialect);

    async function login(username: string, password: string) {
      return t.current.server.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username, password },
      });
    }

    it('signs in with an HTTP-only session cookie and a CSRF token, and signs out', async () => {
      const response = await login('admin', adminPassword);
      assert.equal(response.statusCode, 200);
      const setCookie = String(response.headers['set-cookie']);
      assert.match(setCookie, /ordo_session=/);
      assert.match(setCookie, /HttpOnly/);
      assert.match(setCookie, /SameSite=Lax/);
      const { user, csrfToken } = response.json();
      assert.equal(user.role, 'admin');
      assert.ok(user.permissions.includes('users:manage'));
      const cookie = cookieOf(response.headers['set-cookie']);
      const me = await t.current.server.inject({
        method: 'GET',
        url: '/api/v1/auth/me',
        headers: { cookie },
      });
      assert.equal(me.statusCode, 200);
      assert.equal(me.json().csrfToken, csrfToken);
      const out = await t.current.server.inject({
        method: 'POST',
        url: '/api/v1/auth/logout',
        headers: { cookie, 'x-csrf-token': csrfToken },
      });
      assert.equal(out.statusCode, 204);
      const after = await t.current.server.inject({
        method: 'GET',
        url: '/api/v1/auth/me',
        headers: { cookie },
      });
      assert.equal(after.statusCode, 401);
    });

    it('refuses a wrong password with INVALID_CREDENTIALS and no cookie', async () => {
      const response = await login('admin', 'wrong-password');
      assert.equal(response.statusCode, 401);
      assert.equal(response.json().error.code, 'INVALID_CREDENTIALS');
      assert.equal(response.headers['set-cookie'], undefined);
      const unknown = await login('nobody', 'whatever');
      assert.equal(unknown.json().error.code, 'INVALID_CREDENTIALS');
    });

    it('requires the CSRF token for changes made with a session cookie', async () => {
      const response = await login('admin', adminPassword);
      const cookie = cookieOf(response.headers['set-cookie']);
      const payload = { code: 'CSRF-1', name: 'csrf', price: '1.00' };
      const without = await t.current.server.inject({
        method: 'POST',
        url: '/api/v1/skus',
        headers: { cookie },
        payload,
      });
      assert.equal(without.statusCode, 403);
      assert.equal(without.json().error.code, 'CSRF_TOKEN_INVALID');
      const wrong = await t.current.server.inject({
        method: 'POST',
        url: '/api/v1/skus',
        headers: { cookie, 'x-csrf-token': 'nope' },
        payload,
      });
      assert.equal(wrong.statusCode, 403);
      const right = await t.current.server.inject({
        method: 'POST',
        url: '/api/v1/skus',
        headers: { cookie, 'x-csrf-token': response.json().csrfToken },
        payload,
      });
      assert.equal(right.statusCode, 201);
    });

    it('creates the first admin on a database that has staff but nobody who can administer, once', async () => {
      const testDb = await createTestDatabase(dialect);
      const app = await createApp({
        config: loadConfig({}),
        database: testDb.database,
        logger: createLogger('silent'),
      });
      try {
        const system = { type: 'system' as const, id: null, name: 'test' };
        await app.staff.createUser(system, {
          username: 'demo.clerk',
          role: 'order_processor',
          password: 'clerk-pass-1',
        });
        const created = await app.staff.ensureFirstAdmin('fresh-admin-1');
        assert.deepEqual(created, { username: 'admin', password: 'fresh-admin-1' });
        const admin = (await app.staff.listUsers(null, 50)).items.find((u) => u.username === 'admin');
        assert.equal(admin?.role, 'admin');
        assert.equal(await app.staff.ensureFirstAdmin('another-password'), null, 'only once');
      } finally {
        await app.close();
        await testDb.drop();
      }
    });

    it('manages users: create, duplicate name, role change ends sessions, deactivate blocks sign-in', async () => {
      const created = await t.current.request({
        method: 'POST',
        url: '/api/v1/users',
        payload: { username: 'li.na', role: 'order_processor', password: 'processor-1', displayName: '李娜' },
      });
      assert.equal(created.statusCode, 201);
      const user = created.json();
      assert.equal(user.displayName, '李娜');
      assert.equal(
        (
          await t.current.request({
            method: 'POST',
            url: '/api/v1/users',
            payload: { username: 'li.na', role: 'finance', password: 'another-1' },
          })
        ).json().error.code,
        'USERNAME_TAKEN',
      );
      const badRole = await t.current.request({
        method: 'POST',
        url: '/api/v1/users',
        payload: { username: 'x.y', role: 'king', password: 'another-1' },
      });
      assert.equal(badRole.statusCode, 422);
      assert.equal(badRole.json().error.details.field, 'role');
      const shortPassword = await t.current.request({
        method: 'POST',
        url: '/api/v1/users',
        payload: { username: 'x.z', role: 'finance', password: 'short' },
      });
      assert.equal(shortPassword.statusCode, 400);
      assert.equal(shortPassword.json().error.details.field, 'password');

      const session = await login('li.na', 'processor-1');
      const cookie = cookieOf(session.headers['set-cookie']);
      await t.current.request({
        method: 'PATCH',
        url: `/api/v1/users/${user.id}`,
        payload: { role: 'finance' },
      });
      assert.equal(
        (await t.current.server.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } }))
          .statusCode,
        401,
      );
      await t.current.request({
        method: 'PATCH',
        url: `/api/v1/users/${user.id}`,
        payload: { isActive: false },
      });
      assert.equal((await login('li.na', 'processor-1')).statusCode, 401);
      const list = (await t.current.request({ method: 'GET', url: '/api/v1/users' })).json();
      assert.equal(list.items.find((u: { username: string }) => u.username === 'li.na').isActive, false);
      const audit = (
        await t.current.request({ method: 'GET', url: `/api/v1/audit-log?targetId=${user.id}` })
      ).json();
      assert.deepEqual(audit.items.map((e: { action: string }) => e.action).sort(), [
        'session.created',
        'user.created',
        'user.updated',
        'user.updated',
      ]);
    });

    it('shows an API key once, stores only its hash, and revokes it', async () => {
      const created = await t.current.request({
        method: 'POST',
        url: '/api/v1/api-keys',
        payload: { name: 'Tmall connector', role: 'integration' },
      });
      assert.equal(created.statusCode, 201);
      const { key, apiKey } = created.json();
      assert.match(key, /^ordo_/);
      const stored = await t.current.app.database.db
        .selectFrom('api_keys')
        .selectAll()
        .where('id', '=', apiKey.id)
        .executeTakeFirstOrThrow();
      assert.notEqual(stored.key_hash, key);
      assert.ok(!JSON.stringify(stored).includes(key));
      const listed = (await t.current.request({ method: 'GET', url: '/api/v1/api-keys' })).json();
      assert.ok(!JSON.stringify(listed).includes(key));
      const use = await t.current.server.inject({
        method: 'GET',
        url: '/api/v1/orders',
        headers: { authorization: `Bearer ${key}` },
      });
      assert.equal(use.statusCode, 200);
      const revoke = await t.current.request({ method: 'POST', url: `/api/v1/api-keys/${apiKey.id}/revoke` });
      assert.ok(revoke.json().revokedAt);
      const again = await t.current.request({ method: 'POST', url: `/api/v1/api-keys/${apiKey.id}/revoke` });
      assert.equal(again.json().error.code, 'ALREADY_REVOKED');
      const refused = await t.current.server.inject({
        method: 'GET',
        url: '/api/v1/orders',
        headers: { authorization: `Bearer ${key}` },
      });
      assert.equal(refused.statusCode, 401);
    });

    it('lets whoever names people in their work list active users by name, and nobody else', async () => {
      const directory = await t.current.request({
        method: 'GET',
        url: '/api/v1/users/directory',
        role: 'ops_manager',
      });
      assert.equal(directory.statusCode, 200);
      const names = directory.json().items.map((u: { username: string }) => u.username);
      assert.ok(names.includes('admin'));
      assert.ok(!names.includes('li.na'), 'deactivated users are not offered');
      assert.ok(!JSON.stringify(directory.json()).includes('password'));
      // Customer service assigns complaints (service:manage) without editing teams or users.
      const forService = await t.current.request({
        method: 'GET',
        url: '/api/v1/users/directory',
        role: 'customer_service',
      });
      assert.equal(forService.statusCode, 200, forService.body);
      assert.deepEqual(forService.json(), directory.json());
      for (const role of ['warehouse', 'finance', 'integration']) {
        const refused = await t.current.request({ method: 'GET', url: '/api/v1/users/directory', role });
        assert.equal(refused.statusCode, 403, role);
        assert.match(refused.json().error.message, /rules:manage or risk:manage/);
      }
    });

    it('keeps administration to the roles that hold its permission', async () => {
      for (const [role, url] of [
        ['order_processor', '/api/v1/users'],
        ['finance', '/api/v1/api-keys'],
        ['warehouse', '/api/v1/audit-log'],
        ['customer_service', '/api/v1/system/outbox'],
      ]) {
        const response = await t.current.request({ method: 'GET', url, role });
        assert.equal(response.statusCode, 403, `${role} on ${url}`);
        assert.equal(response.json().error.code, 'FORBIDDEN');
      }
      assert.equal(
        (await t.current.request({ method: 'GET', url: '/api/v1/audit-log', role: 'ops_manager' }))
          .statusCode,
        200,
      );
    });
  });
}

describe('login rate limit', () => {
  it('answers 429 RATE_LIMITED after too many attempts from one address', async () => {
    const t = await createTestApp('sqlite', { env: { ORDO_LOGIN_RATE_LIMIT: '3' } });
    try {
      const attempt = () =>
        t.server.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { username: 'admin', password: 'guess' },
        });
      for (let i = 0; i < 3; i += 1) assert.equal((await attempt()).statusCode, 401);
      const limited = await attempt();
      assert.equal(limited.statusCode, 429);
      assert.equal(limited.json().error.code, 'RATE_LIMITED');
      assert.equal((await t.server.inject({ method: 'GET', url: '/healthz' })).statusCode, 200);
    } finally {
      await t.close();
    }
  });
});

describe('session cookie behind an HTTPS reverse proxy', () => {
  for (const [trustProxy, forwarded, isSecure] of [
    ['true', 'https', true],
    ['127.0.0.1', 'https', true],
    ['true', 'http', false],
    ['', 'https', false], // X-Forwarded-Proto is believed only from a trusted proxy
  ] as const) {
    it(`ORDO_TRUST_PROXY=${trustProxy || '(unset)'}, X-Forwarded-Proto: ${forwarded} → Secure ${isSecure}`, async () => {
      const app = await createTestApp('sqlite', { env: { ORDO_TRUST_PROXY: trustProxy } });
      try {
        const response = await app.server.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          headers: { 'x-forwarded-proto': forwarded },
          payload: { username: 'admin', password: adminPassword },
        });
        assert.equal(response.statusCode, 200);
        assert.equal(/;\s*Secure/i.test(String(response.headers['set-cookie'])), isSecure);
      } finally {
        await app.close();
      }
    });
  }

  it('refuses an ORDO_TRUST_PROXY it cannot read, naming it', () => {
    assert.throws(() => loadConfig({ ORDO_TRUST_PROXY: 'the proxy' }), /ORDO_TRUST_PROXY/);
  });
});
