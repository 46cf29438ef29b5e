import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authErrors, errorBody, idParams, listQuery } from '../../contracts/common.ts';
import {
  apiKey,
  apiKeyPage,
  auditPage,
  auditQuery,
  loginBody,
  newApiKeyBody,
  newApiKeyResponse,
  newUserBody,
  roleList,
  sessionResponse,
  user,
  userChangesBody,
  userDirectory,
  userPage,
} from '../../contracts/staff.ts';
import type { Principal } from './access.ts';
import type { Staff } from './index.ts';
import { permissionsOf, rolePermissions, roles } from './roles.ts';

const sessionCookie = 'ordo_session';

/** Whoever names people in their work: team members, case and incident owners, SKU owners,
 * meeting action owners, complaint assignees, evaluations. */
const directoryReaders = [
  'rules:manage',
  'risk:manage',
  'inventory:manage',
  'review:manage',
  'service:manage',
  'staff:manage',
  'users:manage',
] as const;

function sessionBody(
  principal: Principal,
  profile: { id: string; username: string; displayName: string; role: string },
) {
  return {
    user: { ...profile, permissions: [...principal.permissions] },
    csrfToken: principal.csrfToken ?? '',
  };
}

export function staffRoutes(
  staff: Staff,
  options: { loginRateLimitPerMinute: number; secureCookies: boolean },
): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/auth/login',
      {
        schema: {
          tags: ['session'],
          summary: 'Sign in; sets the session cookie',
          body: loginBody,
          response: { 200: sessionResponse, 401: errorBody, 429: errorBody },
        },
        config: {
          isPublic: true,
          rateLimit: { max: options.loginRateLimitPerMinute, timeWindow: '1 minute' },
        },
      },
      async (request, reply) => {
        const session = await staff.login(request.body.username, request.body.password);
        reply.setCookie(sessionCookie, session.sessionToken, {
          httpOnly: true,
          sameSite: 'lax',
          // Behind a TLS-terminating proxy the protocol comes from X-Forwarded-Proto, which
          // Fastify believes only with ORDO_TRUST_PROXY set (docs/operations.md).
          secure: options.secureCookies || request.protocol === 'https',
          path: '/',
          expires: session.expiresAt,
        });
        const { id, username, displayName, role } = session.user;
        return {
          user: { id, username, displayName, role, permissions: [...permissionsOf(role)] },
          csrfToken: session.csrfToken,
        };
      },
    );

    app.post(
      '/auth/logout',
      {
        schema: { tags: ['session'], summary: 'Sign out', response: { 204: z.null(), ...authErrors } },
        config: { isAnySignedIn: true },
      },
      async (request, reply) => {
        await staff.logout(request.principal!);
        reply.clearCookie(sessionCookie, { path: '/' });
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/auth/me',
      {
        schema: {
          tags: ['session'],
          summary: 'The signed-in user and the CSRF token',
          response: { 200: sessionResponse, ...authErrors },
        },
        config: { isAnySignedIn: true },
      },
      async (request) => {
        const principal = request.principal!;
        const profile = await staff.userOf(principal);
        return sessionBody(
          principal,
          profile ?? {
            id: principal.actor.id ?? '',
            username: principal.actor.name,
            displayName: principal.actor.name,
            role: principal.role,
          },
        );
      },
    );

    app.get(
      '/roles',
      {
        schema: {
          tags: ['users'],
          summary: 'Roles and their permissions',
          response: { 200: roleList, ...authErrors },
        },
        config: { isAnySignedIn: true },
      },
      async () => ({ items: roles.map((id) => ({ id, permissions: [...rolePermissions[id]] })) }),
    );

    app.get(
      '/users/directory',
      {
        schema: {
          tags: ['users'],
          summary:
            'Active users by name, for choosing team members, owners and assignees (no account details)',
          response: { 200: userDirectory, ...authErrors },
        },
        config: { permission: directoryReaders },
      },
      async () => ({ items: await staff.userDirectory() }),
    );

    app.get(
      '/users',
      {
        schema: {
          tags: ['users'],
          summary: 'List users',
          querystring: listQuery,
          response: { 200: userPage, ...authErrors },
        },
        config: { permission: 'users:manage' },
      },
      async (request) => staff.listUsers(request.query.cursor ?? null, request.query.limit),
    );

    app.post(
      '/users',
      {
        schema: {
          tags: ['users'],
          summary: 'Create a user',
          body: newUserBody,
          response: { 201: user, 400: errorBody, 409: errorBody, 422: errorBody, ...authErrors },
        },
        config: { permission: 'users:manage' },
      },
      async (request, reply) =>
        reply.status(201).send(await staff.createUser(request.principal!.actor, request.body)),
    );

    app.patch(
      '/users/:id',
      {
        schema: {
          tags: ['users'],
          summary: 'Change a user (name, role, active, password)',
          params: idParams,
          body: userChangesBody,
          response: { 200: user, 404: errorBody, 409: errorBody, ...authErrors },
        },
        config: { permission: 'users:manage' },
      },
      async (request) => staff.updateUser(request.principal!.actor, request.params.id, request.body),
    );

    app.get(
      '/api-keys',
      {
        schema: {
          tags: ['api keys'],
          summary: 'List API keys (never the keys themselves)',
          querystring: listQuery,
          response: { 200: apiKeyPage, ...authErrors },
        },
        config: { permission: 'apikeys:manage' },
      },
      async (request) => staff.listApiKeys(request.query.cursor ?? null, request.query.limit),
    );

    app.post(
      '/api-keys',
      {
        schema: {
          tags: ['api keys'],
          summary: 'Create an API key; the key is in this response only',
          body: newApiKeyBody,
          response: { 201: newApiKeyResponse, 422: errorBody, ...authErrors },
        },
        config: { permission: 'apikeys:manage' },
      },
      async (request, reply) =>
        reply.status(201).send(await staff.createApiKey(request.principal!.actor, request.body)),
    );

    app.post(
      '/api-keys/:id/revoke',
      {
        schema: {
          tags: ['api keys'],
          summary: 'Revoke an API key',
          params: idParams,
          response: { 200: apiKey, 404: errorBody, 409: errorBody, ...authErrors },
        },
        config: { permission: 'apikeys:manage' },
      },
      async (request) => staff.revokeApiKey(request.principal!.actor, request.params.id),
    );

    app.get(
      '/audit-log',
      {
        schema: {
          tags: ['audit log'],
          summary: 'Who changed what, newest first',
          querystring: auditQuery,
          response: { 200: auditPage, ...authErrors },
        },
        config: { permission: 'audit:read' },
      },
      async (request) => {
        const { action, targetId, cursor, limit } = request.query;
        return staff.listAudit({ action, targetId }, cursor ?? null, limit);
      },
    );
  };
}
