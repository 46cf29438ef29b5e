import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  decideReturnBody,
  newReturnBody,
  receiveReturnBody,
  refundBody,
  returnPage,
  returnQuery,
  returnRequest,
  returnSettings,
} from '../../../contracts/aftersales.ts';
import { authErrors, errorBody, idParams, writeErrors } from '../../../contracts/common.ts';
import type { Aftersales } from './index.ts';

const tags = ['service'];
const read = { permission: 'service:read' } as const;
const write = { permission: 'service:write' } as const;
const manage = { permission: 'service:manage' } as const;

/** Returns and exchanges: requested, decided, received with inspection, refunded; the rules. */
export function registerReturnRoutes(
  app: Parameters<FastifyPluginAsyncZod>[0],
  returns: Aftersales['returns'],
): void {
  app.get(
    '/returns',
    {
      schema: {
        tags,
        summary: 'Returns and exchanges, newest first',
        querystring: returnQuery,
        response: { 200: returnPage, ...authErrors },
      },
      config: read,
    },
    (request) => returns.listReturns(request.query),
  );
  app.post(
    '/returns',
    {
      schema: {
        tags,
        summary: 'Request a return or exchange (staff)',
        body: newReturnBody,
        response: { 201: returnRequest, ...writeErrors },
      },
      config: write,
    },
    async (request, reply) =>
      reply.status(201).send(await returns.requestReturn({ ...request.body, source: 'staff' })),
  );
  app.post(
    '/orders/:id/refused-delivery-return',
    {
      schema: {
        tags,
        summary: 'Turn a refused delivery into an approved return of every line',
        params: idParams,
        response: { 201: returnRequest, ...writeErrors },
      },
      config: write,
    },
    async (request, reply) => reply.status(201).send(await returns.returnRefusedDelivery(request.params.id)),
  );
  app.get(
    '/returns/:id',
    {
      schema: {
        tags,
        summary: 'A return with its lines, inspection and refunds',
        params: idParams,
        response: { 200: returnRequest, 404: errorBody, ...authErrors },
      },
      config: read,
    },
    (request) => returns.getReturn(request.params.id),
  );
  app.post(
    '/returns/:id/decision',
    {
      schema: {
        tags,
        summary: 'Approve or reject a requested return',
        params: idParams,
        body: decideReturnBody,
        response: { 200: returnRequest, ...writeErrors },
      },
      config: write,
    },
    (request) => returns.decideReturn(request.principal!.actor, request.params.id, request.body),
  );
  app.post(
    '/returns/:id/receive',
    {
      schema: {
        tags,
        summary: 'Receive with inspection per line (restock, quarantine, scrap)',
        params: idParams,
        body: receiveReturnBody,
        response: { 200: returnRequest, ...writeErrors },
      },
      config: write,
    },
    (request) => returns.receiveReturn(request.principal!.actor, request.params.id, request.body),
  );
  app.post(
    '/returns/:id/refund',
    {
      schema: {
        tags,
        summary: 'Record the refund; publishes refund.issued',
        params: idParams,
        body: refundBody,
        response: { 200: returnRequest, ...writeErrors },
      },
      config: write,
    },
    (request) => returns.refundReturn(request.principal!.actor, request.params.id, request.body),
  );
  app.get(
    '/settings/returns',
    {
      schema: {
        tags,
        summary: 'Auto-approval rules, return address, instructions',
        response: { 200: returnSettings, ...authErrors },
      },
      config: read,
    },
    () => returns.settings(),
  );
  app.put(
    '/settings/returns',
    {
      schema: {
        tags,
        summary: 'Change the return rules',
        body: returnSettings,
        response: { 200: returnSettings, ...writeErrors },
      },
      config: manage,
    },
    (request) => returns.saveSettings(request.principal!.actor, request.body),
  );
}
