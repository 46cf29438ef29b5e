import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authErrors, errorBody } from '../../contracts/common.ts';
import {
  performancePage,
  performanceQuery,
  performanceSeries,
  seriesQuery,
  todayWindow,
} from '../../contracts/performance.ts';
import type { Performance } from './index.ts';
import { shiftRoutes } from './shifts.routes.ts';

/** Per-person figures: the team's for managers, one's own for everyone signed in. */
export function performanceRoutes(performance: Performance): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/performance/people',
      {
        schema: {
          tags: ['performance'],
          summary: 'Per-person figures over a window, with the records behind each',
          querystring: performanceQuery,
          response: { 200: performancePage, 400: errorBody, ...authErrors },
        },
        config: { permission: 'audit:read' },
      },
      async (request) => ({
        items: await performance.figuresBetween(new Date(request.query.from), new Date(request.query.to)),
        nextCursor: null,
      }),
    );

    app.get(
      '/performance/mine',
      {
        schema: {
          tags: ['performance'],
          summary: "The signed-in person's figures over a window",
          querystring: performanceQuery,
          response: { 200: performancePage, 400: errorBody, ...authErrors },
        },
        config: { isAnySignedIn: true },
      },
      async (request) => {
        const all = await performance.figuresBetween(
          new Date(request.query.from),
          new Date(request.query.to),
        );
        return { items: all.filter((f) => f.person === request.principal!.actor.name), nextCursor: null };
      },
    );

    app.get(
      '/performance/series',
      {
        schema: {
          tags: ['performance'],
          summary: "Everyone's figures per day, week or month of the shop's time zone",
          querystring: seriesQuery,
          response: { 200: performanceSeries, 400: errorBody, ...authErrors },
        },
        config: { permission: 'audit:read' },
      },
      async (request) =>
        performance.figuresBy(new Date(request.query.from), new Date(request.query.to), request.query.by),
    );

    app.get(
      '/performance/today',
      {
        schema: {
          tags: ['performance'],
          summary: "Today's window in the shop's time zone",
          response: { 200: todayWindow, ...authErrors },
        },
        config: { isAnySignedIn: true },
      },
      async () => performance.today(),
    );

    await app.register(shiftRoutes(performance.shifts));
  };
}
