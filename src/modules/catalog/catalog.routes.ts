import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  channel,
  channelChangesBody,
  channelList,
  newSkuBody,
  sku,
  skuChangesBody,
  skuImportResult,
  skuPage,
  skuQuery,
} from '../../contracts/catalog.ts';
import { authErrors, errorBody, idParams } from '../../contracts/common.ts';
import { AppError } from '../../platform/errors.ts';
import type { Catalog } from './index.ts';

export function catalogRoutes(catalog: Catalog): FastifyPluginAsyncZod {
  const { skus, channels } = catalog;
  return async (app) => {
    app.get(
      '/skus',
      {
        schema: {
          tags: ['catalog'],
          summary: 'List SKUs; q searches code, name and barcode',
          querystring: skuQuery,
          response: { 200: skuPage, ...authErrors },
        },
        config: { permission: 'catalog:read' },
      },
      async (request) =>
        skus.listSkus({ q: request.query.q }, request.query.cursor ?? null, request.query.limit),
    );

    app.post(
      '/skus',
      {
        schema: {
          tags: ['catalog'],
          summary: 'Create a SKU',
          body: newSkuBody,
          response: { 201: sku, 400: errorBody, 409: errorBody, 422: errorBody, ...authErrors },
        },
        config: { permission: 'catalog:write' },
      },
      async (request, reply) =>
        reply.status(201).send(await skus.createSku(request.principal!.actor, request.body)),
    );

    app.get(
      '/skus/:id',
      {
        schema: {
          tags: ['catalog'],
          summary: 'One SKU',
          params: idParams,
          response: { 200: sku, 404: errorBody, ...authErrors },
        },
        config: { permission: 'catalog:read' },
      },
      async (request) => skus.getSku(request.params.id),
    );

    app.patch(
      '/skus/:id',
      {
        schema: {
          tags: ['catalog'],
          summary: 'Change a SKU',
          params: idParams,
          body: skuChangesBody,
          response: { 200: sku, 404: errorBody, 422: errorBody, ...authErrors },
        },
        config: { permission: 'catalog:write' },
      },
      async (request) => skus.updateSku(request.principal!.actor, request.params.id, request.body),
    );

    app.delete(
      '/skus/:id',
      {
        schema: {
          tags: ['catalog'],
          summary: 'Delete a SKU (orders keep its code)',
          params: idParams,
          response: { 204: z.null(), 404: errorBody, ...authErrors },
        },
        config: { permission: 'catalog:write' },
      },
      async (request, reply) => {
        await skus.deleteSku(request.principal!.actor, request.params.id);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/skus/import',
      {
        schema: {
          tags: ['catalog'],
          summary:
            'Create or update SKUs from CSV (text/csv; columns code,name,price,barcode,weightGrams,lengthMm,widthMm,heightMm)',
          body: z.string().describe('CSV text with a header row'),
          response: { 200: skuImportResult, 400: errorBody, 415: errorBody, ...authErrors },
        },
        config: { permission: 'catalog:write' },
      },
      async (request) => {
        if (!request.body.trim())
          throw new AppError('VALIDATION_FAILED', 'file: the CSV is empty', { field: 'file' });
        return catalog.importSkus(request.principal!.actor, request.body);
      },
    );

    app.get(
      '/channels',
      {
        schema: {
          tags: ['channels'],
          summary: 'Sales channels',
          response: { 200: channelList, ...authErrors },
        },
        config: { permission: 'orders:read' },
      },
      async () => ({ items: await channels.listChannels(), nextCursor: null }),
    );

    // POST /channels is the channels module's: a channel is created with its connector.

    app.patch(
      '/channels/:id',
      {
        schema: {
          tags: ['channels'],
          summary: 'Rename or switch a channel on/off',
          params: idParams,
          body: channelChangesBody,
          response: { 200: channel, 404: errorBody, ...authErrors },
        },
        config: { permission: 'channels:manage' },
      },
      async (request) => channels.updateChannel(request.principal!.actor, request.params.id, request.body),
    );
  };
}
