import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

import { authErrors, errorBody } from '../../../contracts/common.ts';
import { batchBody, batchResponse, canonicalOrder, order } from '../../../contracts/orders.ts';
import type { Orders } from '../index.ts';
import type { IntakeOutcome } from './intake.ts';

/**
 * Intake's replies are built by our own typed mappers; checking them against the response
 * schema again cost more than the order's audit. The schemas still document them in OpenAPI.
 */
const plainJson = () => (data: unknown) => JSON.stringify(data);

function toBatchResult(result: IntakeOutcome, index: number) {
  if (result.outcome === 'rejected') {
    const { code, message, details } = result.error;
    return { index, outcome: result.outcome, error: { code, message, details } };
  }
  const { id, number, status, holds } = result.order;
  return { index, outcome: result.outcome, order: { id, number, status, holds } };
}

/** Receiving orders: one at a time or in batches of up to 1,000. */
export function intakeRoutes(orders: Orders): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/orders',
      {
        schema: {
          tags: ['orders'],
          summary:
            'Receive one order; 201 when created, 200 with the stored order when (channel, externalId) exists',
          body: canonicalOrder,
          response: { 200: order, 201: order, 400: errorBody, 413: errorBody, 422: errorBody, ...authErrors },
        },
        config: { permission: 'orders:write' },
        serializerCompiler: plainJson,
        // The schema documents the body; intake reads it, keeping what it can of an imperfect order.
        validatorCompiler: () => (body) => ({ value: body }),
      },
      async (request, reply) => {
        const result = await orders.intake.receive(request.principal!.actor, request.body);
        if (result.outcome === 'rejected') throw result.error;
        if (result.outcome === 'duplicate')
          return reply.status(200).send(await orders.queries.get(result.orderId));
        return reply.status(201).send(result.fullOrder());
      },
    );

    // The batch body reaches intake as raw bytes: it is parsed and checked where the orders are
    // stored (an intake thread), so the main thread never holds a thousand parsed orders.
    await app.register(async (raw) => {
      raw.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) =>
        done(null, body),
      );
      raw.post(
        '/orders/batch',
        {
          schema: {
            tags: ['orders'],
            summary: 'Receive up to 1,000 orders; one result per order, in input order',
            body: batchBody,
            response: { 200: batchResponse, 400: errorBody, 413: errorBody, ...authErrors },
          },
          config: { permission: 'orders:write' },
          // The schema documents the body; `parseBatch` checks it, with the same errors.
          validatorCompiler: () => (data) => ({ value: data }),
          serializerCompiler: plainJson,
        },
        async (request) => {
          const body = request.body as unknown as Buffer;
          const results = await orders.intake.receiveBatchBody(request.principal!.actor, body);
          const summary = { created: 0, duplicate: 0, rejected: 0 };
          for (const r of results) summary[r.outcome] += 1;
          return { results: results.map(toBatchResult), summary };
        },
      );
    });
  };
}
