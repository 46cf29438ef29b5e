import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

import { z } from 'zod';
import { authErrors, errorBody, idParams } from '../../../contracts/common.ts';
import { team, teamBody } from '../../../contracts/order-review.ts';
import type { Orders } from '../index.ts';

/** Queue teams and their members. */
export function teamsRoutes(orders: Orders): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/teams',
      {
        schema: {
          tags: ['queue'],
          summary: 'Queue teams and members',
          response: { 200: z.object({ items: z.array(team) }), ...authErrors },
        },
        config: { permission: 'orders:read' },
      },
      async () => ({ items: await orders.teams.list() }),
    );

    app.put(
      '/teams/:id',
      {
        schema: {
          tags: ['queue'],
          summary: 'Create or replace a team',
          params: idParams,
          body: teamBody.omit({ id: true }),
          response: { 200: team, 400: errorBody, ...authErrors },
        },
        config: { permission: 'rules:manage' },
      },
      async (request) =>
        orders.teams.save(request.principal!.actor, { id: request.params.id, ...request.body }),
    );
  };
}
