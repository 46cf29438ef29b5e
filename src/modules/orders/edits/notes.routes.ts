import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

import { z } from 'zod';
import { authErrors, errorBody, idParams } from '../../../contracts/common.ts';
import { note, noteBody, orderConflictErrors } from '../../../contracts/order-review.ts';
import type { Orders } from '../index.ts';

/** An order's conversation: internal notes and messages to and from the customer. */
export function notesRoutes(orders: Orders): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/orders/:id/notes',
      {
        schema: {
          tags: ['orders'],
          summary: 'The order conversation (custom orders)',
          params: idParams,
          response: { 200: z.object({ items: z.array(note) }), ...authErrors },
        },
        config: { permission: 'orders:read' },
      },
      async (request) => ({ items: await orders.edits.listNotes(request.params.id) }),
    );

    app.post(
      '/orders/:id/notes',
      {
        schema: {
          tags: ['orders'],
          summary: 'Add an internal note or a message to the customer (mailed)',
          params: idParams,
          body: noteBody,
          response: { 201: note, 400: errorBody, ...orderConflictErrors },
        },
        config: { permission: 'orders:write' },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await orders.edits.addNote(request.principal!.actor, request.params.id, request.body)),
    );
  };
}
