import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

import { authErrors, errorBody } from '../../contracts/common.ts';
import { orderSettingsSchema } from '../../contracts/order-settings.ts';
import type { Orders } from './index.ts';

/** The order settings: business calendar, SLAs, classification, autohold, merging, queue routing. */
export function orderSettingsRoutes(orders: Orders): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/settings/orders',
      {
        schema: {
          tags: ['rules'],
          summary: 'Business calendar, SLAs, classification, autohold, merging, queue routing',
          response: { 200: orderSettingsSchema, ...authErrors },
        },
        config: { permission: 'orders:read' },
      },
      async () => orders.settings.get(),
    );

    app.patch(
      '/settings/orders',
      {
        schema: {
          tags: ['rules'],
          summary: 'Change some of the order settings',
          body: orderSettingsSchema.partial(),
          response: { 200: orderSettingsSchema, 400: errorBody, ...authErrors },
        },
        config: { permission: 'rules:manage' },
      },
      async (request) => orders.settings.save(request.principal!.actor, request.body),
    );
  };
}
