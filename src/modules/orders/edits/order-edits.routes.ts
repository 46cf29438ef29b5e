import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

import { authErrors, errorBody, idParams } from '../../../contracts/common.ts';
import { addressBody, orderConflictErrors, paymentBody } from '../../../contracts/order-review.ts';
import { cancelBody, order } from '../../../contracts/orders.ts';
import type { Orders } from '../index.ts';

/** Changes to one order after intake: cancellation, payment news, a corrected address. */
export function orderEditsRoutes(orders: Orders): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/orders/:id/cancel',
      {
        schema: {
          tags: ['orders'],
          summary: 'Cancel an open order with a reason',
          params: idParams,
          body: cancelBody,
          response: { 200: order, 404: errorBody, 409: errorBody, ...authErrors },
        },
        config: { permission: 'orders:cancel' },
      },
      async (request) =>
        orders.edits.cancel(request.principal!.actor, request.params.id, request.body.reason),
    );

    app.post(
      '/orders/:id/payment',
      {
        schema: {
          tags: ['orders'],
          summary: 'Payment news (from the channel or finance); clears payment holds',
          params: idParams,
          body: paymentBody,
          response: { 200: order, 400: errorBody, 422: errorBody, ...orderConflictErrors },
        },
        config: { permission: 'orders:write' },
      },
      async (request) =>
        orders.edits.updatePayment(request.principal!.actor, request.params.id, request.body),
    );

    app.put(
      '/orders/:id/address',
      {
        schema: {
          tags: ['orders'],
          summary: 'Correct the delivery address; re-runs the audit',
          params: idParams,
          body: addressBody,
          response: { 200: order, 400: errorBody, ...orderConflictErrors },
        },
        config: { permission: 'orders:write' },
      },
      async (request) =>
        orders.edits.correctAddress(
          request.principal!.actor,
          request.params.id,
          request.body.shippingAddress,
          'operator',
        ),
    );
  };
}
