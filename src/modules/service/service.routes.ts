import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { access, authErrors, errorBody, idParams, writeErrors } from '../../contracts/common.ts';
import {
  lookupQuery,
  messagePage,
  messageQuery,
  notificationMessage,
  notificationSettings,
  notificationSettingsBody,
  notificationTemplate,
  orderLookup,
  previewBody,
  renderedMessage,
  templateBody,
  templateKey,
  templateList,
} from '../../contracts/notifications.ts';
import type { Service } from './index.ts';

const tags = ['service'];

/** How many lookups one client may make a minute: enough for a customer, too few to guess numbers. */
export const lookupsPerMinute = 10;

/** Notification settings, templates and delivery log; the public order lookup. */
export function serviceRoutes(service: Service): FastifyPluginAsyncZod {
  return async (app) => {
    const { notifications } = service;
    app.get(
      '/notifications/settings',
      {
        schema: {
          tags,
          summary: 'Notification switches, quiet hours, SMS gateway, webhook, return window',
          response: { 200: notificationSettings, ...authErrors },
        },
        config: access.serviceRead,
      },
      async () => notifications.settings.get(),
    );
    app.put(
      '/notifications/settings',
      {
        schema: {
          tags,
          summary: 'Save the notification settings (a token or secret left out is kept)',
          body: notificationSettingsBody,
          response: { 200: notificationSettings, ...writeErrors },
        },
        config: access.serviceManage,
      },
      async (request) => notifications.settings.save(request.principal!.actor, request.body),
    );
    app.get(
      '/notifications/templates',
      {
        schema: {
          tags,
          summary: 'Every template: event × language × channel, built-in or saved',
          response: { 200: templateList, ...authErrors },
        },
        config: access.serviceRead,
      },
      async () => notifications.templates.list(),
    );
    app.put(
      '/notifications/templates/:event/:language/:channel',
      {
        schema: {
          tags,
          summary: 'Save a template',
          params: templateKey,
          body: templateBody,
          response: { 200: notificationTemplate, ...writeErrors },
        },
        config: access.serviceManage,
      },
      async (request) => notifications.templates.save(request.principal!.actor, request.params, request.body),
    );
    app.delete(
      '/notifications/templates/:event/:language/:channel',
      {
        schema: {
          tags,
          summary: 'Go back to the built-in template',
          params: templateKey,
          response: { 200: notificationTemplate, ...writeErrors },
        },
        config: access.serviceManage,
      },
      async (request) => notifications.templates.reset(request.principal!.actor, request.params),
    );
    app.post(
      '/notifications/templates/preview',
      {
        schema: {
          tags,
          summary: 'Render a template for a sample order, or a real one by number',
          body: previewBody,
          response: { 200: renderedMessage, ...writeErrors },
        },
        config: access.serviceRead,
      },
      async (request) => notifications.templates.preview(request.body),
    );
    app.get(
      '/notifications/messages',
      {
        schema: {
          tags,
          summary: 'Delivery log, newest first',
          querystring: messageQuery,
          response: { 200: messagePage, 400: errorBody, ...authErrors },
        },
        config: access.serviceRead,
      },
      async (request) => notifications.messages.list(request.query),
    );
    app.post(
      '/notifications/messages/:id/retry',
      {
        schema: {
          tags,
          summary: 'Send a failed or bounced message again',
          params: idParams,
          response: { 200: notificationMessage, ...writeErrors },
        },
        config: access.serviceManage,
      },
      async (request) => notifications.messages.retry(request.params.id),
    );
    app.get(
      '/public/orders/lookup',
      {
        schema: {
          tags: ['public'],
          summary:
            "A customer's own order: status history and parcels (number or channel order id + phone or e-mail)",
          querystring: lookupQuery,
          response: { 200: orderLookup, 400: errorBody, 404: errorBody, 429: errorBody },
        },
        config: { isPublic: true, rateLimit: { max: lookupsPerMinute, timeWindow: '1 minute' } },
      },
      async (request) => service.lookup.lookUpOrder(request.query.number, request.query.contact),
    );
  };
}
