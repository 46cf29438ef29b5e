import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

import { z } from 'zod';
import { authErrors, errorBody, idParams } from '../../../contracts/common.ts';
import { efficiency } from '../../../contracts/order-review.ts';
import { order, orderListQuery, orderPage, ordersOverview } from '../../../contracts/orders.ts';
import type { Orders } from '../index.ts';

/** Reading orders: the list, one order, the home page counts and the audit efficiency figures. */
export function orderQueriesRoutes(orders: Orders): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/orders',
      {
        schema: {
          tags: ['orders'],
          summary: 'List orders, newest placed first',
          querystring: orderListQuery,
          response: { 200: orderPage, 400: errorBody, ...authErrors },
        },
        config: { permission: 'orders:read' },
      },
      async (request) => {
        const { cursor, limit, ...filter } = request.query;
        return orders.queries.list(filter, cursor ?? null, limit);
      },
    );

    app.get(
      '/orders/summary',
      {
        schema: {
          tags: ['orders'],
          summary: 'Counts for the home page: by status, open holds, orders per day (14 days, UTC)',
          response: { 200: ordersOverview, ...authErrors },
        },
        config: { permission: 'orders:read' },
      },
      async () => orders.queries.overview(),
    );

    app.get(
      '/orders/:id',
      {
        schema: {
          tags: ['orders'],
          summary: 'One order with lines, holds and timeline',
          params: idParams,
          response: { 200: order, 404: errorBody, ...authErrors },
        },
        config: { permission: 'orders:read' },
      },
      async (request) => orders.queries.get(request.params.id),
    );

    app.get(
      '/orders/efficiency',
      {
        schema: {
          tags: ['orders'],
          summary: 'Touch-free rate, time in review, SLA risk, holds by reason',
          querystring: z.object({ days: z.coerce.number().int().min(1).max(90).default(7) }),
          response: { 200: efficiency, ...authErrors },
        },
        config: { permission: 'orders:read' },
      },
      async (request) => orders.queries.efficiency(request.query.days),
    );
  };
}
