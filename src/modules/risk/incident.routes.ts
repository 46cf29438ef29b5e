import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authErrors, errorBody, idParams, listQuery, writeErrors } from '../../contracts/common.ts';
import {
  closeIncidentBody,
  incident,
  incidentActionBody,
  incidentActionResult,
  incidentBody,
  incidentPage,
  incidentSelection,
  lesson,
  logBody,
  preview,
} from '../../contracts/risk.ts';
import type { Actor } from '../../platform/actor.ts';
import type { Risk } from './index.ts';

const tags = ['risk'];
const read = { permission: 'risk:read' } as const;
const manage = { permission: 'risk:manage' } as const;

/** Incidents: declare, select the affected orders, act on them, log, close with a lesson. */
export function registerIncidentRoutes(
  app: Parameters<FastifyPluginAsyncZod>[0],
  risk: Risk,
  actor: (request: { principal?: { actor: Actor } }) => Actor,
): void {
  app.get(
    '/risk/incidents',
    {
      schema: {
        tags,
        summary: 'Incidents, newest first',
        querystring: listQuery,
        response: { 200: incidentPage, 400: errorBody, ...authErrors },
      },
      config: read,
    },
    async (request) => risk.incidents.list(request.query),
  );
  app.post(
    '/risk/incidents/preview',
    {
      schema: {
        tags,
        summary: 'How many orders a selection names',
        body: incidentSelection,
        response: { 200: preview, ...writeErrors },
      },
      config: read,
    },
    async (request) => risk.incidents.preview(request.body),
  );
  app.post(
    '/risk/incidents',
    {
      schema: {
        tags,
        summary: 'Declare an incident',
        body: incidentBody,
        response: { 201: incident, ...writeErrors },
      },
      config: manage,
    },
    async (request, reply) =>
      reply.code(201).send(await risk.incidents.declare(actor(request), request.body)),
  );
  app.get(
    '/risk/incidents/:id',
    {
      schema: {
        tags,
        summary: 'An incident with its log',
        params: idParams,
        response: { 200: incident, 404: errorBody, ...authErrors },
      },
      config: read,
    },
    async (request) => risk.incidents.get(request.params.id),
  );
  app.post(
    '/risk/incidents/:id/actions',
    {
      schema: {
        tags,
        summary: 'A bulk action on the affected orders only',
        params: idParams,
        body: incidentActionBody,
        response: { 200: incidentActionResult, ...writeErrors },
      },
      config: manage,
    },
    async (request) => risk.incidents.act(actor(request), request.params.id, request.body),
  );
  app.post(
    '/risk/incidents/:id/log',
    {
      schema: {
        tags,
        summary: 'Add to the communication log',
        params: idParams,
        body: logBody,
        response: { 200: incident, ...writeErrors },
      },
      config: manage,
    },
    async (request) => risk.incidents.log(actor(request), request.params.id, request.body.text),
  );
  app.post(
    '/risk/incidents/:id/close',
    {
      schema: {
        tags,
        summary: 'Close with the review (kept as a lesson)',
        params: idParams,
        body: closeIncidentBody,
        response: { 200: incident, ...writeErrors },
      },
      config: manage,
    },
    async (request) => risk.incidents.close(actor(request), request.params.id, request.body.review),
  );
  app.get(
    '/risk/lessons',
    {
      schema: {
        tags,
        summary: 'Closing reviews of incidents',
        response: { 200: z.object({ items: z.array(lesson) }), ...authErrors },
      },
      config: read,
    },
    async () => ({ items: await risk.lessons() }),
  );
}
