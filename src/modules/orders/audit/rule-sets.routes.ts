import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

import { z } from 'zod';
import { authErrors, errorBody } from '../../../contracts/common.ts';
import {
  dryRunBody,
  dryRunResult,
  ruleCatalog,
  ruleSet,
  ruleSetBody,
} from '../../../contracts/order-review.ts';
import type { Orders } from '../index.ts';
import { auditRules } from './audit-rules.ts';

/** The audit rules as versioned data, their catalog and the dry run of a change (R1.1). */
export function ruleSetsRoutes(orders: Orders): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/audit-rules',
      {
        schema: {
          tags: ['rules'],
          summary: 'The active audit rule set',
          response: { 200: ruleSet, ...authErrors },
        },
        config: { permission: 'orders:read' },
      },
      async () => orders.ruleSets.active(),
    );

    app.get(
      '/audit-rules/catalog',
      {
        schema: {
          tags: ['rules'],
          summary: 'Every check, its parameters and defaults',
          response: { 200: ruleCatalog, ...authErrors },
        },
        config: { permission: 'orders:read' },
      },
      async () => ({
        items: Object.values(auditRules).map((rule) => ({
          code: rule.code,
          title: rule.title,
          description: rule.description,
          defaultParams: rule.defaultParams as unknown as Record<string, unknown>,
          paramsSchema: z.toJSONSchema(rule.params, { io: 'input', unrepresentable: 'any' }),
        })),
      }),
    );

    app.get(
      '/audit-rules/versions',
      {
        schema: {
          tags: ['rules'],
          summary: 'Saved versions, newest first',
          response: { 200: z.object({ items: z.array(ruleSet) }), ...authErrors },
        },
        config: { permission: 'orders:read' },
      },
      async () => ({ items: await orders.ruleSets.versions() }),
    );

    app.post(
      '/audit-rules',
      {
        schema: {
          tags: ['rules'],
          summary: 'Save a new version of the rules',
          body: ruleSetBody,
          response: { 201: ruleSet, 400: errorBody, ...authErrors },
        },
        config: { permission: 'rules:manage' },
      },
      async (request, reply) =>
        reply.status(201).send(await orders.ruleSets.save(request.principal!.actor, request.body)),
    );

    app.post(
      '/audit-rules/dry-run',
      {
        schema: {
          tags: ['rules'],
          summary: 'What a rule change would do to the last N days of orders',
          body: dryRunBody,
          response: { 200: dryRunResult, 400: errorBody, ...authErrors },
        },
        config: { permission: 'rules:manage' },
      },
      async (request) => orders.dryRun(request.body.rules, request.body.days),
    );
  };
}
