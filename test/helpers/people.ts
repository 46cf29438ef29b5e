import assert from 'node:assert/strict';
import type { InjectOptions } from 'fastify';
import type { TestApp } from './app.ts';

/** Creates a user with the role (and optional e-mail) and returns a request function signed in as them. */
export async function signedInAs(t: TestApp, username: string, role: string, email?: string) {
  const password = 'correct horse battery';
  const created = await t.request({
    method: 'POST',
    url: '/api/v1/users',
    payload: { username, password, role, displayName: username, ...(email ? { email } : {}) },
  });
  assert.equal(created.statusCode, 201, created.body);
  const login = await t.server.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password },
  });
  assert.equal(login.statusCode, 200, login.body);
  const cookie = String(login.headers['set-cookie']).split(';')[0];
  const headers = { cookie, 'x-csrf-token': login.json().csrfToken as string };
  return (inject: InjectOptions) => t.server.inject({ ...inject, headers });
}
