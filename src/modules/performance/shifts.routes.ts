import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authErrors, errorBody, idParams, writeErrors } from '../../contracts/common.ts';
import { shift, shiftBody, shiftPage, shiftQuery } from '../../contracts/performance.ts';
import type { createShifts } from './shifts.ts';

/** The shift record: managers record hours worked, the team's figures are normalised by them. */
export function shiftRoutes(shifts: ReturnType<typeof createShifts>): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/performance/shifts',
      {
        schema: {
          tags: ['performance'],
          summary: 'Shifts starting in a window, optionally of one person',
          querystring: shiftQuery,
          response: { 200: shiftPage, 400: errorBody, ...authErrors },
        },
        config: { permission: 'audit:read' },
      },
      async (request) => ({
        items: await shifts.listShifts(
          new Date(request.query.from),
          new Date(request.query.to),
          request.query.person,
        ),
        nextCursor: null,
      }),
    );

    app.post(
      '/performance/shifts',
      {
        schema: {
          tags: ['performance'],
          summary: "Record a person's shift on a date (recording the same date again corrects it)",
          body: shiftBody,
          response: { 201: shift, ...writeErrors },
        },
        config: { permission: 'review:manage' },
      },
      async (request, reply) =>
        reply.status(201).send(await shifts.recordShift(request.principal!.actor, request.body)),
    );

    app.delete(
      '/performance/shifts/:id',
      {
        schema: {
          tags: ['performance'],
          summary: 'Delete a shift recorded by mistake',
          params: idParams,
          response: { 204: z.null(), 404: errorBody, ...authErrors },
        },
        config: { permission: 'review:manage' },
      },
      async (request, reply) => {
        await shifts.deleteShift(request.params.id);
        return reply.status(204).send(null);
      },
    );
  };
}
