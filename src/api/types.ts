import type { Permission, Principal } from '../modules/staff/index.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The permission a route needs (a list: any one of them); every /api/v1 route names one or
     * is public.
     */
    permission?: Permission | readonly Permission[];
    isPublic?: boolean;
    /** Any signed-in caller may use the route (their own session, for example). */
    isAnySignedIn?: boolean;
  }
  interface FastifyRequest {
    principal?: Principal;
  }
}

export const sessionCookie = 'ordo_session';
