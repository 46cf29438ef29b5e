import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access, authErrors, errorBody, idParams, pdfFile, writeErrors } from '../../contracts/common.ts';
import {
  carrier,
  carrierChangesBody,
  carrierList,
  createdCarrier,
  deliveryRules,
  newCarrierBody,
  routePlan,
  scorecardList,
  scorecardQuery,
  serviceBody,
  shipBody,
  shipment,
  shipmentPage,
  shipmentQuery,
  trackingResult,
  zoneRunPlan,
  zoneRunsBody,
} from '../../contracts/fulfilment.ts';
import { AppError } from '../../platform/errors.ts';
import { labelPdf } from '../fulfilment/index.ts';
import type { Logistics } from './index.ts';
import { parseStopList, planRoutes } from './route-planning/index.ts';

const tags = ['logistics'];
const carrierParams = z.object({ carrierId: z.string().min(1).max(64) });

/** Carriers and rate cards, delivery rules, shipping and labels, tracking pushes, scorecards. */
export function logisticsRoutes(logistics: Logistics): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/carriers',
      {
        schema: {
          tags,
          summary: 'Carriers with their services and rate cards',
          response: { 200: carrierList, ...authErrors },
        },
        config: access.fulfilmentRead,
      },
      async () => logistics.carriers.list(),
    );
    app.post(
      '/carriers',
      {
        schema: {
          tags,
          summary: 'Add a carrier; its tracking signing secret is shown once',
          body: newCarrierBody,
          response: { 201: createdCarrier, ...writeErrors },
        },
        config: access.logisticsManage,
      },
      async (request, reply) =>
        reply.status(201).send(await logistics.carriers.create(request.principal!.actor, request.body)),
    );
    app.patch(
      '/carriers/:carrierId',
      {
        schema: {
          tags,
          summary: 'Change a carrier',
          params: carrierParams,
          body: carrierChangesBody,
          response: { 200: carrier, ...writeErrors },
        },
        config: access.logisticsManage,
      },
      async (request) =>
        logistics.carriers.update(request.principal!.actor, request.params.carrierId, request.body),
    );
    app.put(
      '/carriers/:carrierId/services',
      {
        schema: {
          tags,
          summary: 'Add or replace (by code) a service with coverage, rate card, limits',
          params: carrierParams,
          body: serviceBody,
          response: { 200: carrier, ...writeErrors },
        },
        config: access.logisticsManage,
      },
      async (request) =>
        logistics.carriers.saveService(request.principal!.actor, request.params.carrierId, request.body),
    );
    app.get(
      '/logistics/rules',
      {
        schema: {
          tags,
          summary: 'Delivery-method rules and detection thresholds',
          response: { 200: deliveryRules, ...authErrors },
        },
        config: access.fulfilmentRead,
      },
      async () => logistics.rules.get(),
    );
    app.put(
      '/logistics/rules',
      {
        schema: {
          tags,
          summary: 'Change delivery-method rules',
          body: deliveryRules,
          response: { 200: deliveryRules, ...writeErrors },
        },
        config: access.logisticsManage,
      },
      async (request) => logistics.rules.update(request.principal!.actor, request.body),
    );

    app.post(
      '/orders/:id/ship',
      {
        schema: {
          tags,
          summary:
            'Ship a packed order: the rules choose the service (explained), a tracking number is issued, stock leaves',
          params: idParams,
          body: shipBody,
          response: { 201: shipment, ...writeErrors },
        },
        config: access.fulfilmentWrite,
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await logistics.shipments.ship(request.principal!.actor, request.params.id, request.body)),
    );
    app.get(
      '/shipments',
      {
        schema: {
          tags,
          summary: 'Shipments, newest first',
          querystring: shipmentQuery,
          response: { 200: shipmentPage, 400: errorBody, ...authErrors },
        },
        config: access.fulfilmentRead,
      },
      async (request) => logistics.shipments.list(request.query),
    );
    app.get(
      '/shipments/:id',
      {
        schema: {
          tags,
          summary: 'A shipment with its tracking events',
          params: idParams,
          response: { 200: shipment, 404: errorBody, ...authErrors },
        },
        config: access.fulfilmentRead,
      },
      async (request) => logistics.shipments.get(request.params.id),
    );
    app.get(
      '/shipments/:id/label.pdf',
      {
        schema: {
          tags,
          summary: 'The shipping label (100 × 150 mm PDF, Code 128)',
          params: idParams,
          response: { 200: pdfFile, 404: errorBody, ...authErrors },
        },
        config: access.fulfilmentRead,
      },
      async (request, reply) => {
        const label = await logistics.shipments.label(request.params.id);
        return reply
          .type('application/pdf')
          .header('content-disposition', `inline; filename="${label.trackingNumber}.pdf"`)
          .send(await labelPdf(label));
      },
    );
    app.get(
      '/carriers/scorecards',
      {
        schema: {
          tags,
          summary: 'Carrier scorecards for a period, with a weekly on-time trend',
          querystring: scorecardQuery,
          response: { 200: scorecardList, 400: errorBody, ...authErrors },
        },
        config: access.fulfilmentRead,
      },
      async (request) => logistics.scorecards.list(request.query),
    );

    app.post(
      '/routes/plan',
      {
        schema: {
          tags,
          summary: 'Plan delivery routes for own riders from a stop list (see docs/routes.md)',
          body: z.record(z.string(), z.unknown()).describe('a stop list: depot, vehicles, stops'),
          response: { 200: routePlan, 400: errorBody, 422: errorBody, ...authErrors },
        },
        config: access.fulfilmentRead,
      },
      async (request) => {
        const result = planRoutes(parseStopList(JSON.stringify(request.body)));
        if (result.kind === 'unplannable')
          throw new AppError('UNPLANNABLE', `stops: ${result.reason}`, { field: 'stops' });
        return result.plan;
      },
    );

    app.post(
      '/routes/same-day',
      {
        schema: {
          tags,
          summary:
            "Riders' runs for the same-day orders packed and waiting to ship, by district and street order (see docs/routes.md)",
          body: zoneRunsBody,
          response: { 200: zoneRunPlan, 400: errorBody, 422: errorBody, ...authErrors },
        },
        config: access.fulfilmentRead,
      },
      async (request) => logistics.routes.planSameDay(request.body),
    );

    // Tracking pushes authenticate by signature, not by key: the raw body is what is signed.
    await app.register(async (plain) => {
      const scope = plain.withTypeProvider<ZodTypeProvider>();
      scope.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) =>
        done(null, body),
      );
      scope.post(
        '/carriers/:carrierId/tracking',
        {
          schema: {
            tags,
            summary:
              'Tracking events pushed by a carrier or aggregator; X-Ordo-Signature: sha256=<hex HMAC-SHA256 of the raw body with the carrier secret>. Body {"events":[{eventId,trackingNumber,status,occurredAt,description?,location?}]}',
            params: carrierParams,
            response: { 200: trackingResult, 400: errorBody, 401: errorBody },
          },
          config: { isPublic: true },
        },
        async (request) =>
          logistics.tracking.receivePush(
            request.params.carrierId,
            Buffer.isBuffer(request.body) ? request.body : Buffer.from(String(request.body ?? '')),
            request.headers['x-ordo-signature'] as string | undefined,
          ),
      );
    });
  };
}
