import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authErrors, errorBody, idParams, listQuery } from '../../contracts/common.ts';
import { orderSettingsSchema } from '../../contracts/order-settings.ts';
import { order, orderSummary } from '../../contracts/orders.ts';
import {
  addressBody,
  blocklistBody,
  blocklistEntry,
  blocklistPage,
  bulkReleaseBody,
  bulkReleaseResponse,
  claimBody,
  customerMessageBody,
  dryRunBody,
  dryRunResult,
  efficiency,
  mergeBody,
  mergeResponse,
  note,
  noteBody,
  paymentBody,
  publicAddressFix,
  queueItem,
  queuePage,
  queueQuery,
  releaseBody,
  reviewBody,
  ruleCatalog,
  ruleSet,
  ruleSetBody,
  splitBody,
  team,
  teamBody,
} from '../../contracts/review.ts';
import { auditRules } from './audit-rules.ts';
import type { Orders } from './index.ts';

const conflict = { 404: errorBody, 409: errorBody, ...authErrors };

/** Review, queue, rules and order changes after intake (R1.1–R1.4). */
export function reviewRoutes(orders: Orders): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/orders/:id/holds/release',
      {
        schema: {
          tags: ['review'],
          summary: 'Release named holds (HIGH_RISK needs the two-stage review)',
          params: idParams,
          body: releaseBody,
          response: { 200: order, 400: errorBody, ...conflict },
        },
        config: { permission: 'orders:review' },
      },
      async (request) =>
        orders.releaseHolds(
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
        results: await orders.bulkRelease(request.principal!.actor, request.body.orderIds, request.body.note),
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
          response: { 200: order, 400: errorBody, ...conflict },
        },
        config: { permission: 'orders:review' },
      },
      async (request) =>
        orders.decideReview(
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
          response: { 200: order, 400: errorBody, ...conflict },
        },
        config: { permission: 'orders:finance_review' },
      },
      async (request) =>
        orders.decideReview(
          request.principal!.actor,
          request.params.id,
          'finance',
          request.body.decision,
          request.body.reason,
        ),
    );

    app.post(
      '/orders/:id/payment',
      {
        schema: {
          tags: ['orders'],
          summary: 'Payment news (from the channel or finance); clears payment holds',
          params: idParams,
          body: paymentBody,
          response: { 200: order, 400: errorBody, 422: errorBody, ...conflict },
        },
        config: { permission: 'orders:write' },
      },
      async (request) => orders.updatePayment(request.principal!.actor, request.params.id, request.body),
    );

    app.put(
      '/orders/:id/address',
      {
        schema: {
          tags: ['orders'],
          summary: 'Correct the delivery address; re-runs the audit',
          params: idParams,
          body: addressBody,
          response: { 200: order, 400: errorBody, ...conflict },
        },
        config: { permission: 'orders:write' },
      },
      async (request) =>
        orders.correctAddress(
          request.principal!.actor,
          request.params.id,
          request.body.shippingAddress,
          'operator',
        ),
    );

    app.get(
      '/orders/:id/notes',
      {
        schema: {
          tags: ['orders'],
          summary: 'The order conversation (custom orders)',
          params: idParams,
          response: { 200: z.object({ items: z.array(note) }), ...authErrors },
        },
        config: { permission: 'orders:read' },
      },
      async (request) => ({ items: await orders.listNotes(request.params.id) }),
    );

    app.post(
      '/orders/:id/notes',
      {
        schema: {
          tags: ['orders'],
          summary: 'Add an internal note or a message to the customer (mailed)',
          params: idParams,
          body: noteBody,
          response: { 201: note, 400: errorBody, ...conflict },
        },
        config: { permission: 'orders:write' },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await orders.addNote(request.principal!.actor, request.params.id, request.body)),
    );

    app.post(
      '/orders/merge',
      {
        schema: {
          tags: ['orders'],
          summary: 'Ship orders of one buyer and address together',
          body: mergeBody,
          response: { 200: mergeResponse, 400: errorBody, ...conflict },
        },
        config: { permission: 'orders:review' },
      },
      async (request) => orders.mergeOrders(request.principal!.actor, request.body.orderIds),
    );

    app.get(
      '/orders/:id/merge-candidates',
      {
        schema: {
          tags: ['orders'],
          summary: 'Open orders of the same buyer and address that could ship with this one',
          params: idParams,
          response: { 200: z.object({ items: z.array(orderSummary) }), 404: errorBody, ...authErrors },
        },
        config: { permission: 'orders:read' },
      },
      async (request) => ({ items: await orders.mergeCandidates(request.params.id) }),
    );

    app.post(
      '/orders/:id/unmerge',
      {
        schema: {
          tags: ['orders'],
          summary: 'Take an order out of its shipment group',
          params: idParams,
          response: { 200: order, ...conflict },
        },
        config: { permission: 'orders:review' },
      },
      async (request) => orders.unmergeOrder(request.principal!.actor, request.params.id),
    );

    app.post(
      '/orders/:id/split',
      {
        schema: {
          tags: ['orders'],
          summary:
            'Split the lines into parcels (one list of line numbers per parcel; one list undoes the split)',
          params: idParams,
          body: splitBody,
          response: { 200: order, 400: errorBody, ...conflict },
        },
        config: { permission: 'orders:review' },
      },
      async (request) => orders.splitOrder(request.principal!.actor, request.params.id, request.body.parcels),
    );

    app.get(
      '/queue',
      {
        schema: {
          tags: ['queue'],
          summary: 'Held orders by priority, then deadline',
          querystring: queueQuery,
          response: { 200: queuePage, ...authErrors },
        },
        config: { permission: 'orders:read' },
      },
      async (request) => {
        const { team: teamId, mine, stage, cursor, limit } = request.query;
        const filter = {
          team: teamId,
          reviewStage: stage,
          claimedBy: mine === 'true' ? request.principal!.actor.name : undefined,
        };
        return orders.listQueue(filter, cursor ?? null, limit);
      },
    );

    app.post(
      '/queue/claim',
      {
        schema: {
          tags: ['queue'],
          summary: 'Claim the next order of the queue',
          body: claimBody,
          response: { 200: queueItem, ...conflict },
        },
        config: { permission: 'orders:read' },
      },
      async (request) =>
        orders.claimNext(request.principal!.actor, {
          team: request.body.team,
          reviewStage: request.body.stage,
        }),
    );

    app.post(
      '/orders/:id/claim',
      {
        schema: {
          tags: ['queue'],
          summary: 'Claim one order',
          params: idParams,
          response: { 200: queueItem, ...conflict },
        },
        config: { permission: 'orders:read' },
      },
      async (request) => orders.claimOrder(request.principal!.actor, request.params.id),
    );

    app.post(
      '/orders/:id/unclaim',
      {
        schema: {
          tags: ['queue'],
          summary: 'Give a claimed order back to the queue',
          params: idParams,
          response: { 204: z.null(), ...authErrors },
        },
        config: { permission: 'orders:read' },
      },
      async (request, reply) => {
        await orders.unclaimOrder(request.principal!.actor, request.params.id);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/teams',
      {
        schema: {
          tags: ['queue'],
          summary: 'Queue teams and members',
          response: { 200: z.object({ items: z.array(team) }), ...authErrors },
        },
        config: { permission: 'orders:read' },
      },
      async () => ({ items: await orders.listTeams() }),
    );

    app.put(
      '/teams/:id',
      {
        schema: {
          tags: ['queue'],
          summary: 'Create or replace a team',
          params: idParams,
          body: teamBody.omit({ id: true }),
          response: { 200: team, 400: errorBody, ...authErrors },
        },
        config: { permission: 'rules:manage' },
      },
      async (request) =>
        orders.saveTeam(request.principal!.actor, { id: request.params.id, ...request.body }),
    );

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
      async () => orders.activeRuleSet(),
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
      async () => ({ items: await orders.listRuleSetVersions() }),
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
        reply.status(201).send(await orders.saveRuleSet(request.principal!.actor, request.body)),
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

    app.get(
      '/blocklist',
      {
        schema: {
          tags: ['rules'],
          summary: 'Blocked phones, emails, names and addresses',
          querystring: listQuery,
          response: { 200: blocklistPage, ...authErrors },
        },
        config: { permission: 'rules:manage' },
      },
      async (request) => orders.listEntries(request.query.cursor ?? null, request.query.limit),
    );

    app.post(
      '/blocklist',
      {
        schema: {
          tags: ['rules'],
          summary: 'Block a phone, email, name or address',
          body: blocklistBody,
          response: { 201: blocklistEntry, 400: errorBody, ...authErrors },
        },
        config: { permission: 'rules:manage' },
      },
      async (request, reply) =>
        reply.status(201).send(await orders.addEntry(request.principal!.actor, request.body)),
    );

    app.delete(
      '/blocklist/:id',
      {
        schema: {
          tags: ['rules'],
          summary: 'Unblock',
          params: idParams,
          response: { 204: z.null(), 404: errorBody, ...authErrors },
        },
        config: { permission: 'rules:manage' },
      },
      async (request, reply) => {
        await orders.removeEntry(request.principal!.actor, request.params.id);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/settings/orders',
      {
        schema: {
          tags: ['rules'],
          summary: 'Business calendar, SLAs, classification, autohold, merging, queue routing',
          response: { 200: orderSettingsSchema, ...authErrors },
        },
        config: { permission: 'orders:read' },
      },
      async () => orders.orderSettings(),
    );

    app.patch(
      '/settings/orders',
      {
        schema: {
          tags: ['rules'],
          summary: 'Change some of the order settings',
          body: orderSettingsSchema.partial(),
          response: { 200: orderSettingsSchema, 400: errorBody, ...authErrors },
        },
        config: { permission: 'rules:manage' },
      },
      async (request) => orders.saveOrderSettings(request.principal!.actor, request.body),
    );

    app.get(
      '/public/address-fix/:token',
      {
        schema: {
          tags: ['public'],
          summary: 'What the customer sees behind the link in their mail',
          params: z.object({ token: z.string().min(10).max(500) }),
          response: { 200: publicAddressFix, 403: errorBody, 410: errorBody },
        },
        config: { isPublic: true },
      },
      async (request) => orders.viewAddressFix(request.params.token),
    );

    app.post(
      '/public/address-fix/:token',
      {
        schema: {
          tags: ['public'],
          summary: 'The customer corrects their delivery address',
          params: z.object({ token: z.string().min(10).max(500) }),
          body: addressBody,
          response: { 200: publicAddressFix, 400: errorBody, 403: errorBody, 409: errorBody, 410: errorBody },
        },
        config: { isPublic: true, rateLimit: { max: 20, timeWindow: '1 minute' } },
      },
      async (request) => orders.submitAddressFix(request.params.token, request.body.shippingAddress),
    );

    app.post(
      '/public/address-fix/:token/messages',
      {
        schema: {
          tags: ['public'],
          summary: 'The customer writes to the shop about the order (custom orders: a conversation)',
          params: z.object({ token: z.string().min(10).max(500) }),
          body: customerMessageBody,
          response: { 200: publicAddressFix, 400: errorBody, 403: errorBody, 410: errorBody },
        },
        config: { isPublic: true, rateLimit: { max: 20, timeWindow: '1 minute' } },
      },
      async (request) => orders.submitCustomerMessage(request.params.token, request.body.body),
    );

    app.get(
      '/orders/efficiency',
      {
        schema: {
          tags: ['orders'],
          summary: 'Touch-free rate, time in review, SLA risk, holds by reason',
          querystring: z.object({ days: z.coerce.number().int().min(1).max(90).default(7) }),
          response: { 200: efficiency, ...authErrors },
        },
        config: { permission: 'orders:read' },
      },
      async (request) => orders.efficiency(request.query.days),
    );
  };
}
