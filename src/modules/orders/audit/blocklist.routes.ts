import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

import { z } from 'zod';
import { authErrors, errorBody, idParams, listQuery } from '../../../contracts/common.ts';
import { blocklistBody, blocklistEntry, blocklistPage } from '../../../contracts/order-review.ts';
import type { Orders } from '../index.ts';

/** Blocked phones, emails, names and addresses. */
export function blocklistRoutes(orders: Orders): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/blocklist',
      {
        schema: {
          tags: ['rules'],
          summary: 'Blocked phones, emails, names and addresses',
          querystring: listQuery,
          response: { 200: blocklistPage, ...authErrors },
        },
        config: { permission: 'rules:manage' },
      },
      async (request) => orders.blocklist.list(request.query.cursor ?? null, request.query.limit),
    );

    app.post(
      '/blocklist',
      {
        schema: {
          tags: ['rules'],
          summary: 'Block a phone, email, name or address',
          body: blocklistBody,
          response: { 201: blocklistEntry, 400: errorBody, ...authErrors },
        },
        config: { permission: 'rules:manage' },
      },
      async (request, reply) =>
        reply.status(201).send(await orders.blocklist.add(request.principal!.actor, request.body)),
    );

    app.delete(
      '/blocklist/:id',
      {
        schema: {
          tags: ['rules'],
          summary: 'Unblock',
          params: idParams,
          response: { 204: z.null(), 404: errorBody, ...authErrors },
        },
        config: { permission: 'rules:manage' },
      },
      async (request, reply) => {
        await orders.blocklist.remove(request.principal!.actor, request.params.id);
        return reply.status(204).send(null);
      },
    );
  };
}
