import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Staff } from '../modules/staff/index.ts';
import { safeEqual } from '../platform/auth/tokens.ts';
import { AppError } from '../platform/errors.ts';
import { sessionCookie } from './types.ts';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

async function resolvePrincipal(staff: Staff, request: FastifyRequest) {
  const authorization = request.headers.authorization;
  if (authorization) {
    const [scheme, key] = authorization.split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !key) {
      throw new AppError('INVALID_API_KEY', 'Authorization: expected "Bearer <api key>"', {
        field: 'authorization',
      });
    }
    const principal = await staff.authenticateApiKey(key);
    if (!principal)
      throw new AppError('INVALID_API_KEY', 'the API key is unknown or revoked', { field: 'authorization' });
    return principal;
  }
  const token = request.cookies[sessionCookie];
  return token ? staff.authenticateSession(token) : null;
}

/**
 * Every /api/v1 route is closed unless it says otherwise: the caller is resolved from a bearer
 * API key or the session cookie, must hold the route's permission, and a cookie session must echo
 * its CSRF token on every change (a bearer key cannot be sent by another site's page, a cookie can).
 */
export function registerAuth(server: FastifyInstance, staff: Staff): void {
  server.addHook('onRequest', async (request) => {
    const config = request.routeOptions.config;
    if (!request.url.startsWith('/api/') || config.isPublic || request.is404) return;
    const principal = await resolvePrincipal(staff, request);
    if (!principal) throw new AppError('UNAUTHENTICATED', 'sign in or send an API key');
    if (principal.via === 'session' && !safeMethods.has(request.method)) {
      const token = request.headers['x-csrf-token'];
      if (typeof token !== 'string' || !safeEqual(token, principal.csrfToken ?? '')) {
        throw new AppError('CSRF_TOKEN_INVALID', 'X-CSRF-Token: missing or wrong', { field: 'x-csrf-token' });
      }
    }
    request.principal = principal;
    if (config.isAnySignedIn) return;
    const accepted = config.permission === undefined ? [] : [config.permission].flat();
    // A route without a permission (and not public) is a programming error: refuse, never allow.
    if (!accepted.some((p) => principal.permissions.includes(p))) {
      const permission = accepted.length === 0 ? undefined : accepted.join(' or ');
      throw new AppError(
        'FORBIDDEN',
        `your role (${principal.role}) lacks the permission ${permission ?? '(undeclared)'}`,
        { permission },
      );
    }
  });
}
