import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access, authErrors, errorBody, idParams, pdfFile, writeErrors } from '../../contracts/common.ts';
import { newWaveBody, packBody, pickBody, wave, wavePage, waveQuery } from '../../contracts/fulfilment.ts';
import { packingView } from '../../contracts/packing.ts';
import { packingSlipPdf } from './documents/packing-slip.ts';
import { pickListPdf } from './documents/pick-list.ts';
import type { Fulfilment } from './index.ts';

const tags = ['fulfilment'];

/** Waves and picking, the packing station (exception cases are the risk module's: risk.routes.ts). */
export function fulfilmentRoutes(fulfilment: Fulfilment): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/waves',
      {
        schema: {
          tags,
          summary: 'Build a pick wave from allocated orders by rule',
          body: newWaveBody,
          response: { 201: wave, ...writeErrors },
        },
        config: access.fulfilmentWrite,
      },
      async (request, reply) =>
        reply.status(201).send(await fulfilment.waves.create(request.principal!.actor, request.body)),
    );
    app.get(
      '/waves',
      {
        schema: {
          tags,
          summary: 'Pick waves, newest first',
          querystring: waveQuery,
          response: { 200: wavePage, 400: errorBody, ...authErrors },
        },
        config: access.fulfilmentRead,
      },
      async (request) => fulfilment.waves.list(request.query),
    );
    app.get(
      '/waves/:id',
      {
        schema: {
          tags,
          summary: 'A wave with its pick list (by bin) and orders',
          params: idParams,
          response: { 200: wave, 404: errorBody, ...authErrors },
        },
        config: access.fulfilmentRead,
      },
      async (request) => fulfilment.waves.get(request.params.id),
    );
    app.get(
      '/waves/:id/pick-list.pdf',
      {
        schema: {
          tags,
          summary: 'The pick list as PDF, with barcodes',
          params: idParams,
          response: { 200: pdfFile, 404: errorBody, ...authErrors },
        },
        config: access.fulfilmentRead,
      },
      async (request, reply) => {
        const found = await fulfilment.waves.get(request.params.id);
        const pdf = await pickListPdf({
          number: found.number,
          warehouse: found.warehouse,
          createdAt: new Date(found.createdAt),
          timeZone: await fulfilment.documents.timeZone(),
          lines: found.lines.map((l) => ({
            bin: l.bin,
            sku: l.sku,
            name: l.skuName,
            quantity: l.quantity,
            orders: l.orders,
          })),
        });
        return reply
          .type('application/pdf')
          .header('content-disposition', `inline; filename="${found.number}.pdf"`)
          .send(pdf);
      },
    );
    app.post(
      '/waves/:id/picks',
      {
        schema: {
          tags,
          summary: 'Confirm a pick by scan or tick; isShort marks the rest missing',
          params: idParams,
          body: pickBody,
          response: { 200: wave, ...writeErrors },
        },
        config: access.fulfilmentWrite,
      },
      async (request) =>
        fulfilment.waves.recordPick(request.principal!.actor, request.params.id, request.body),
    );

    app.get(
      '/packing/:ref',
      {
        schema: {
          tags,
          summary: 'What to pack for an order, by order number or id (as scanned)',
          params: z.object({ ref: z.string().min(1).max(64) }),
          response: { 200: packingView, 404: errorBody, ...authErrors },
        },
        config: access.fulfilmentRead,
      },
      async (request) => fulfilment.packing.view(request.params.ref),
    );
    app.post(
      '/orders/:id/pack',
      {
        schema: {
          tags,
          summary:
            'Close the parcel: the scans must match the order exactly (a wrong or extra item is refused)',
          params: idParams,
          body: packBody,
          response: { 200: packingView, ...writeErrors },
        },
        config: access.fulfilmentWrite,
      },
      async (request) => fulfilment.packing.pack(request.principal!.actor, request.params.id, request.body),
    );
    app.get(
      '/orders/:id/packing-slip.pdf',
      {
        schema: {
          tags,
          summary: 'Packing slip as PDF',
          params: idParams,
          response: { 200: pdfFile, 404: errorBody, ...authErrors },
        },
        config: access.fulfilmentRead,
      },
      async (request, reply) => {
        const view = await fulfilment.packing.view(request.params.id);
        const pdf = await packingSlipPdf({
          number: view.number,
          customerName: view.customerName,
          addressLines: [view.city],
          lines: view.items.map((i) => ({ sku: i.sku, name: i.name, quantity: i.quantity })),
          note: view.buyerNote ?? undefined,
        });
        return reply
          .type('application/pdf')
          .header('content-disposition', `inline; filename="${view.number}-slip.pdf"`)
          .send(pdf);
      },
    );
  };
}
