import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

import { z } from 'zod';
import { authErrors, errorBody, idParams } from '../../../contracts/common.ts';
import { mergeBody, mergeResponse, orderConflictErrors, splitBody } from '../../../contracts/order-review.ts';
import { order, orderSummary } from '../../../contracts/orders.ts';
import type { Orders } from '../index.ts';

/** Shipment groups of one buyer, and parcels of one order. */
export function mergeSplitRoutes(orders: Orders): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/orders/merge',
      {
        schema: {
          tags: ['orders'],
          summary: 'Ship orders of one buyer and address together',
          body: mergeBody,
          response: { 200: mergeResponse, 400: errorBody, ...orderConflictErrors },
        },
        config: { permission: 'orders:review' },
      },
      async (request) => orders.mergeSplit.merge(request.principal!.actor, request.body.orderIds),
    );

    app.get(
      '/orders/:id/merge-candidates',
      {
        schema: {
          tags: ['orders'],
          summary: 'Open orders of the same buyer and address that could ship with this one',
          params: idParams,
          response: { 200: z.object({ items: z.array(orderSummary) }), 404: errorBody, ...authErrors },
        },
        config: { permission: 'orders:read' },
      },
      async (request) => ({ items: await orders.mergeSplit.candidates(request.params.id) }),
    );

    app.post(
      '/orders/:id/unmerge',
      {
        schema: {
          tags: ['orders'],
          summary: 'Take an order out of its shipment group',
          params: idParams,
          response: { 200: order, ...orderConflictErrors },
        },
        config: { permission: 'orders:review' },
      },
      async (request) => orders.mergeSplit.unmerge(request.principal!.actor, request.params.id),
    );

    app.post(
      '/orders/:id/split',
      {
        schema: {
          tags: ['orders'],
          summary:
            'Split the lines into parcels (one list of line numbers per parcel; one list undoes the split)',
          params: idParams,
          body: splitBody,
          response: { 200: order, 400: errorBody, ...orderConflictErrors },
        },
        config: { permission: 'orders:review' },
      },
      async (request) =>
        orders.mergeSplit.split(request.principal!.actor, request.params.id, request.body.parcels),
    );
  };
}
