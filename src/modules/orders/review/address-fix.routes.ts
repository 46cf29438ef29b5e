import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

import { errorBody } from '../../../contracts/common.ts';
import {
  addressBody,
  addressFixParams,
  customerMessageBody,
  publicAddressFix,
} from '../../../contracts/order-review.ts';
import type { Orders } from '../index.ts';

/** The public page behind the link mailed to a customer whose order waits for them. */
export function addressFixRoutes(orders: Orders): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/public/address-fix/:token',
      {
        schema: {
          tags: ['public'],
          summary: 'What the customer sees behind the link in their mail',
          params: addressFixParams,
          response: { 200: publicAddressFix, 403: errorBody, 410: errorBody },
        },
        config: { isPublic: true },
      },
      async (request) => orders.customer.viewAddressFix(request.params.token),
    );

    app.post(
      '/public/address-fix/:token',
      {
        schema: {
          tags: ['public'],
          summary: 'The customer corrects their delivery address',
          params: addressFixParams,
          body: addressBody,
          response: { 200: publicAddressFix, 400: errorBody, 403: errorBody, 409: errorBody, 410: errorBody },
        },
        config: { isPublic: true, rateLimit: { max: 20, timeWindow: '1 minute' } },
      },
      async (request) => orders.customer.submitAddressFix(request.params.token, request.body.shippingAddress),
    );

    app.post(
      '/public/address-fix/:token/messages',
      {
        schema: {
          tags: ['public'],
          summary: 'The customer writes to the shop about the order (custom orders: a conversation)',
          params: addressFixParams,
          body: customerMessageBody,
          response: { 200: publicAddressFix, 400: errorBody, 403: errorBody, 410: errorBody },
        },
        config: { isPublic: true, rateLimit: { max: 20, timeWindow: '1 minute' } },
      },
      async (request) => orders.customer.submitMessage(request.params.token, request.body.body),
    );
  };
}
