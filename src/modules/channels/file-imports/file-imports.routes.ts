import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authErrors, errorBody, idParams } from '../../../contracts/common.ts';
import {
  channelParams,
  columnMapping,
  importJob,
  mappingList,
  mappingParams,
  preview,
  previewBody,
  savedMapping,
  startImportBody,
  uploadedFile,
  uploadQuery,
} from '../../../contracts/file-imports.ts';
import type { FileImports } from './index.ts';

const tags = ['file imports'];
const spreadsheetTypes = [
  'text/csv',
  'text/plain',
  'application/octet-stream',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
];
/** Marketplace exports run to tens of megabytes; the API's own limit is for JSON bodies. */
const uploadLimitBytes = 64 * 1024 * 1024;

export function fileImportsRoutes(fileImports: FileImports): FastifyPluginAsyncZod {
  const { mappings, imports } = fileImports;
  return async (app) => {
    // Uploads are bytes as the marketplace wrote them (GB 18030 included), decoded by the reader.
    app.removeContentTypeParser(['text/csv', 'text/plain']);
    app.addContentTypeParser(spreadsheetTypes, { parseAs: 'buffer' }, (_request, body, done) =>
      done(null, body),
    );

    app.get(
      '/channels/:channelId/import-mappings',
      {
        schema: {
          tags,
          summary: "A channel's saved column mappings for order files, and the presets",
          params: channelParams,
          response: { 200: mappingList, 404: errorBody, ...authErrors },
        },
        config: { permission: 'orders:read' },
      },
      async (request) => ({ items: await mappings.listMappings(request.params.channelId) }),
    );

    app.put(
      '/channels/:channelId/import-mappings/:name',
      {
        schema: {
          tags,
          summary: 'Save a column mapping for the channel under a name',
          params: mappingParams,
          body: columnMapping,
          response: { 200: savedMapping, 400: errorBody, 404: errorBody, ...authErrors },
        },
        config: { permission: 'orders:write' },
      },
      async (request) =>
        mappings.saveMapping(
          request.principal!.actor,
          request.params.channelId,
          request.params.name,
          request.body,
        ),
    );

    app.delete(
      '/channels/:channelId/import-mappings/:name',
      {
        schema: {
          tags,
          summary: 'Delete a saved column mapping',
          params: mappingParams,
          response: { 204: z.null(), 404: errorBody, ...authErrors },
        },
        config: { permission: 'orders:write' },
      },
      async (request, reply) => {
        await mappings.deleteMapping(request.principal!.actor, request.params.channelId, request.params.name);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/file-imports',
      {
        bodyLimit: uploadLimitBytes,
        schema: {
          tags,
          summary: 'Upload a marketplace order export (CSV or XLSX, the raw file as the body)',
          querystring: uploadQuery,
          response: { 201: uploadedFile, 400: errorBody, 404: errorBody, ...authErrors },
        },
        config: { permission: 'orders:write' },
      },
      async (request, reply) => {
        const bytes = Buffer.isBuffer(request.body) ? request.body : Buffer.from(String(request.body ?? ''));
        const uploaded = await imports.upload(request.principal!.actor, { ...request.query, bytes });
        return reply.status(201).send(uploaded);
      },
    );

    app.post(
      '/file-imports/:id/preview',
      {
        schema: {
          tags,
          summary: 'The first rows of an uploaded file as a mapping reads them, with their problems',
          params: idParams,
          body: previewBody,
          response: { 200: preview, 400: errorBody, 404: errorBody, ...authErrors },
        },
        config: { permission: 'orders:write' },
      },
      async (request) => imports.preview(request.params.id, request.body.mapping, request.body.limit),
    );

    app.post(
      '/file-imports/:id/import',
      {
        schema: {
          tags,
          summary: 'Import an uploaded file with a mapping; runs in the background, poll for progress',
          params: idParams,
          body: startImportBody,
          response: { 202: importJob, 400: errorBody, 404: errorBody, 409: errorBody, ...authErrors },
        },
        config: { permission: 'orders:write' },
      },
      async (request, reply) =>
        reply
          .status(202)
          .send(await imports.startImport(request.principal!.actor, request.params.id, request.body.mapping)),
    );

    app.get(
      '/file-imports/:id',
      {
        schema: {
          tags,
          summary: 'An import and its progress',
          params: idParams,
          response: { 200: importJob, 404: errorBody, ...authErrors },
        },
        config: { permission: 'orders:read' },
      },
      async (request) => imports.job(request.params.id),
    );

    app.get(
      '/file-imports/:id/result.csv',
      {
        schema: {
          tags,
          summary: 'The lines of an import that failed, with the reason, as CSV',
          params: idParams,
          response: { 200: z.string(), 404: errorBody, ...authErrors },
        },
        config: { permission: 'orders:read' },
      },
      async (request, reply) => {
        const { fileName, csv } = await imports.resultFile(request.params.id);
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`)
          .send(csv);
      },
    );
  };
}
