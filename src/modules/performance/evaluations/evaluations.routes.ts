import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authErrors, errorBody, idParams, writeErrors } from '../../../contracts/common.ts';
import {
  period,
  periodBody,
  periodList,
  periodResult,
  personHistory,
  personParams,
  personReview,
  plan,
  planBody,
  planCloseBody,
  planList,
  planQuery,
  reviewBody,
  weightsBody,
} from '../../../contracts/evaluations.ts';
import type { Evaluations } from './index.ts';

const manage = { permission: 'staff:manage' } as const;
const tags = ['evaluations'];

/** Evaluation periods, rankings, reviews and improvement plans: for staff managers. */
export function evaluationRoutes(evaluations: Evaluations): FastifyPluginAsyncZod {
  const { periods, plans } = evaluations;
  return async (app) => {
    app.get(
      '/evaluations',
      {
        schema: {
          tags,
          summary: 'Evaluation periods, newest first',
          response: { 200: periodList, ...authErrors },
        },
        config: manage,
      },
      async () => ({ items: await periods.listPeriods(), nextCursor: null }),
    );
    app.post(
      '/evaluations',
      {
        schema: {
          tags,
          summary: "Open an evaluation period of a role with the figures' weights",
          body: periodBody,
          response: { 201: period, ...writeErrors },
        },
        config: manage,
      },
      async (request, reply) =>
        reply.status(201).send(await periods.createPeriod(request.principal!.actor, request.body)),
    );
    app.get(
      '/evaluations/:id',
      {
        schema: {
          tags,
          summary: 'The ranking of a period: scores, the figures and records behind them, reviews, plans',
          params: idParams,
          response: { 200: periodResult, 404: errorBody, ...authErrors },
        },
        config: manage,
      },
      async (request) => periods.result(request.params.id),
    );
    app.put(
      '/evaluations/:id/weights',
      {
        schema: {
          tags,
          summary: "Change a period's weights (they sum to 100)",
          params: idParams,
          body: weightsBody,
          response: { 200: period, ...writeErrors },
        },
        config: manage,
      },
      async (request) =>
        periods.setWeights(request.principal!.actor, request.params.id, request.body.weights),
    );
    app.put(
      '/evaluations/:id/reviews/:person',
      {
        schema: {
          tags,
          summary: 'Comment on a person and give rewards (bonus points, recognition)',
          params: personParams,
          body: reviewBody,
          response: { 200: personReview, ...writeErrors },
        },
        config: manage,
      },
      async (request) =>
        periods.reviewPerson(
          request.principal!.actor,
          request.params.id,
          request.params.person,
          request.body,
        ),
    );
    app.get(
      '/evaluations/people/:person',
      {
        schema: {
          tags,
          summary: "A person's evaluation history and improvement plans",
          params: z.object({ person: z.string().min(1).max(100) }),
          response: { 200: personHistory, 404: errorBody, ...authErrors },
        },
        config: manage,
      },
      async (request) => periods.history(request.params.person),
    );
    app.get(
      '/improvement-plans',
      {
        schema: {
          tags,
          summary: 'Improvement plans, by review day; overdue ones flagged',
          querystring: planQuery,
          response: { 200: planList, 400: errorBody, ...authErrors },
        },
        config: manage,
      },
      async (request) => ({
        items: await plans.listPlans({ person: request.query.person }),
        nextCursor: null,
      }),
    );
    app.post(
      '/improvement-plans',
      {
        schema: {
          tags,
          summary: 'Start an improvement plan: goals, a coach, a review day',
          body: planBody,
          response: { 201: plan, ...writeErrors },
        },
        config: manage,
      },
      async (request, reply) =>
        reply.status(201).send(await plans.createPlan(request.principal!.actor, request.body)),
    );
    app.post(
      '/improvement-plans/:id/close',
      {
        schema: {
          tags,
          summary: 'Close a plan at its review: met or not met, with the outcome',
          params: idParams,
          body: planCloseBody,
          response: { 200: plan, ...writeErrors },
        },
        config: manage,
      },
      async (request) => plans.closePlan(request.principal!.actor, request.params.id, request.body),
    );
  };
}
