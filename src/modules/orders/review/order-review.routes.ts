import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

import { authErrors, errorBody, idParams } from '../../../contracts/common.ts';
import {
  bulkReleaseBody,
  bulkReleaseResponse,
  orderConflictErrors,
  releaseBody,
  reviewBody,
} from '../../../contracts/order-review.ts';
import { order } from '../../../contracts/orders.ts';
import type { Orders } from '../index.ts';

/** Holds and the two-stage review of high-risk orders (R1.2). */
export function orderReviewRoutes(orders: Orders): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/orders/:id/holds/release',
      {
        schema: {
          tags: ['review'],
          summary: 'Release named holds (HIGH_RISK needs the two-stage review)',
          params: idParams,
          body: releaseBody,
          response: { 200: order, 400: errorBody, ...orderConflictErrors },
        },
        config: { permission: 'orders:review' },
      },
      async (request) =>
        orders.review.releaseHolds(
          request.principal!.actor,
          request.params.id,
          request.body.codes,
          request.body.note,
        ),
    );

    app.post(
      '/orders/bulk-release',
      {
        schema: {
          tags: ['review'],
          summary: 'Release every releasable hold of many orders',
          body: bulkReleaseBody,
          response: { 200: bulkReleaseResponse, ...authErrors },
        },
        config: { permission: 'orders:review' },
      },
      async (request) => ({
        results: await orders.review.bulkRelease(
          request.principal!.actor,
          request.body.orderIds,
          request.body.note,
        ),
      }),
    );

    app.post(
      '/orders/:id/review/processor',
      {
        schema: {
          tags: ['review'],
          summary: 'First stage of a HIGH_RISK review: the order processor',
          params: idParams,
          body: reviewBody,
          response: { 200: order, 400: errorBody, ...orderConflictErrors },
        },
        config: { permission: 'orders:review' },
      },
      async (request) =>
        orders.review.decide(
          request.principal!.actor,
          request.params.id,
          'processor',
          request.body.decision,
          request.body.reason,
        ),
    );

    app.post(
      '/orders/:id/review/finance',
      {
        schema: {
          tags: ['review'],
          summary: 'Second stage of a HIGH_RISK review: finance',
          params: idParams,
          body: reviewBody,
          response: { 200: order, 400: errorBody, ...orderConflictErrors },
        },
        config: { permission: 'orders:finance_review' },
      },
      async (request) =>
        orders.review.decide(
          request.principal!.actor,
          request.params.id,
          'finance',
          request.body.decision,
          request.body.reason,
        ),
    );
  };
}
