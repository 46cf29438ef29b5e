import type { Permission, Principal } from '../modules/staff/index.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The permission a route needs; every /api/v1 route names one or is public. */
    permission?: Permission;
    isPublic?: boolean;
    /** Any signed-in caller may use the route (their own session, for example). */
    isAnySignedIn?: boolean;
  }
  interface FastifyRequest {
    principal?: Principal;
  }
}

export const sessionCookie = 'ordo_session';
