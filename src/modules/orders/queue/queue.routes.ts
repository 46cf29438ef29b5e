import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

import { z } from 'zod';
import { authErrors, idParams } from '../../../contracts/common.ts';
import {
  claimBody,
  orderConflictErrors,
  queueItem,
  queuePage,
  queueQuery,
} from '../../../contracts/order-review.ts';
import type { Orders } from '../index.ts';

/** The review queue and claims on its orders (R1.3). */
export function queueRoutes(orders: Orders): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/queue',
      {
        schema: {
          tags: ['queue'],
          summary: 'Held orders by priority, then deadline',
          querystring: queueQuery,
          response: { 200: queuePage, ...authErrors },
        },
        config: { permission: 'orders:read' },
      },
      async (request) => {
        const { team: teamId, mine, stage, cursor, limit } = request.query;
        const filter = {
          team: teamId,
          reviewStage: stage,
          claimedBy: mine === 'true' ? request.principal!.actor.name : undefined,
        };
        return orders.queue.list(filter, cursor ?? null, limit);
      },
    );

    app.post(
      '/queue/claim',
      {
        schema: {
          tags: ['queue'],
          summary: 'Claim the next order of the queue',
          body: claimBody,
          response: { 200: queueItem, ...orderConflictErrors },
        },
        config: { permission: 'orders:read' },
      },
      async (request) =>
        orders.queue.claimNext(request.principal!.actor, {
          team: request.body.team,
          reviewStage: request.body.stage,
        }),
    );

    app.post(
      '/orders/:id/claim',
      {
        schema: {
          tags: ['queue'],
          summary: 'Claim one order',
          params: idParams,
          response: { 200: queueItem, ...orderConflictErrors },
        },
        config: { permission: 'orders:read' },
      },
      async (request) => orders.queue.claim(request.principal!.actor, request.params.id),
    );

    app.post(
      '/orders/:id/unclaim',
      {
        schema: {
          tags: ['queue'],
          summary: 'Give a claimed order back to the queue',
          params: idParams,
          response: { 204: z.null(), ...authErrors },
        },
        config: { permission: 'orders:read' },
      },
      async (request, reply) => {
        await orders.queue.unclaim(request.principal!.actor, request.params.id);
        return reply.status(204).send(null);
      },
    );
  };
}
