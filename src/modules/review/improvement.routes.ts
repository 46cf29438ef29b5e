import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authErrors, idParams, listQuery, writeErrors } from '../../contracts/common.ts';
import {
  article,
  articlePage,
  articleQuery,
  calendarDayBody,
  calendarDays,
  calendarQuery,
  corrective,
  correctivePage,
  newArticleBody,
  newCorrectiveBody,
  newIssueBody,
  raisedIssue,
} from '../../contracts/review.ts';
import type { Review } from './index.ts';

const tags = ['review'];
const manage = { permission: 'review:manage' } as const;
const anyone = { isAnySignedIn: true } as const;

/** Continuous improvement: the feedback channel, corrective actions, knowledge base, planning calendar. */
export function improvementRoutes(review: Review): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/issues',
      {
        schema: {
          tags,
          summary: "Raise a problem: it lands in the next meeting's issue list",
          body: newIssueBody,
          response: { 201: raisedIssue, ...writeErrors },
        },
        config: anyone,
      },
      async (request, reply) =>
        reply.status(201).send(await review.issues.raise(request.principal!.actor, request.body)),
    );
    app.get(
      '/corrective-actions',
      {
        schema: {
          tags,
          summary: 'Corrective actions',
          querystring: listQuery,
          response: { 200: correctivePage, ...authErrors },
        },
        config: manage,
      },
      async (request) => review.corrective.list(request.query),
    );
    app.post(
      '/corrective-actions',
      {
        schema: {
          tags,
          summary: 'Open a corrective action with its root cause and KPI',
          body: newCorrectiveBody,
          response: { 201: corrective, ...writeErrors },
        },
        config: manage,
      },
      async (request, reply) => reply.status(201).send(await review.corrective.create(request.body)),
    );
    app.get(
      '/corrective-actions/:id',
      {
        schema: {
          tags,
          summary: 'A corrective action',
          params: idParams,
          response: { 200: corrective, 404: writeErrors[404], ...authErrors },
        },
        config: manage,
      },
      async (request) => review.corrective.get(request.params.id),
    );
    app.get(
      '/knowledge',
      {
        schema: {
          tags,
          summary: 'Search knowledge-base articles (either language)',
          querystring: articleQuery,
          response: { 200: articlePage, ...authErrors },
        },
        config: anyone,
      },
      async (request) => review.knowledge.search(request.query),
    );
    app.post(
      '/knowledge',
      {
        schema: {
          tags,
          summary: 'Add an article',
          body: newArticleBody,
          response: { 201: article, ...writeErrors },
        },
        config: manage,
      },
      async (request, reply) => reply.status(201).send(await review.knowledge.create(request.body)),
    );
    app.put(
      '/knowledge/:id',
      {
        schema: {
          tags,
          summary: 'Change an article',
          params: idParams,
          body: newArticleBody,
          response: { 200: article, ...writeErrors },
        },
        config: manage,
      },
      async (request) => review.knowledge.update(request.params.id, request.body),
    );
    app.post(
      '/knowledge/:id/archive',
      {
        schema: {
          tags,
          summary: 'Archive an article: it no longer shows in searches',
          params: idParams,
          response: { 200: article, ...writeErrors },
        },
        config: manage,
      },
      async (request) => review.knowledge.archive(request.params.id),
    );
    app.get(
      '/planning-calendar',
      {
        schema: {
          tags,
          summary: 'Holidays and campaigns entered for planning',
          querystring: calendarQuery,
          response: { 200: calendarDays, ...authErrors },
        },
        config: manage,
      },
      async (request) => review.calendar.list(request.query.from, request.query.to),
    );
    app.put(
      '/planning-calendar',
      {
        schema: {
          tags,
          summary: 'Enter a holiday or campaign day with its volume factor',
          body: calendarDayBody,
          response: { 200: calendarDayBody, ...writeErrors },
        },
        config: manage,
      },
      async (request) => review.calendar.save(request.body),
    );
  };
}
