import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  complaintDetail,
  complaintMessageBody,
  complaintPage,
  complaintQuery,
  customerSearchQuery,
  customerView,
  inboundMailBody,
  newComplaintBody,
  publicComplaintBody,
  publicReturnBody,
  rateBody,
  resolveComplaintBody,
  routingTable,
  surveyAnswerBody,
  surveyResults,
  surveySettings,
  surveyView,
} from '../../../contracts/aftersales.ts';
import { authErrors, errorBody, idParams, writeErrors } from '../../../contracts/common.ts';
import type { Aftersales } from './index.ts';
import { registerReturnRoutes } from './returns.routes.ts';

const tags = ['service'];
const read = { permission: 'service:read' } as const;
const write = { permission: 'service:write' } as const;
const manage = { permission: 'service:manage' } as const;
const publicLimited = { isPublic: true, rateLimit: { max: 10, timeWindow: '1 minute' } };
const tokenParams = z.object({ token: z.string().min(10).max(500) });
const publicErrors = {
  400: errorBody,
  403: errorBody,
  404: errorBody,
  409: errorBody,
  410: errorBody,
  429: errorBody,
};
const rangeQuery = z.object({ from: z.iso.date().optional(), to: z.iso.date().optional() });

/** Complaints, returns, surveys and the customer workspace; the customer's public endpoints. */
export function aftersalesRoutes(aftersales: Aftersales): FastifyPluginAsyncZod {
  const { complaints, returns, surveys, workspace } = aftersales;
  return async (app) => {
    app.get(
      '/complaints',
      {
        schema: {
          tags,
          summary: 'Complaints queue, newest first',
          querystring: complaintQuery,
          response: { 200: complaintPage, ...authErrors },
        },
        config: read,
      },
      (request) => complaints.listComplaints(request.query),
    );
    app.post(
      '/complaints',
      {
        schema: {
          tags,
          summary: 'Open a complaint (staff)',
          body: newComplaintBody,
          response: { 201: complaintDetail, ...writeErrors },
        },
        config: write,
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await complaints.openComplaint(request.principal!.actor, { ...request.body, source: 'staff' }),
          ),
    );
    app.get(
      '/complaints/:id',
      {
        schema: {
          tags,
          summary: 'A complaint with its conversation and notes',
          params: idParams,
          response: { 200: complaintDetail, 404: errorBody, ...authErrors },
        },
        config: read,
      },
      (request) => complaints.getComplaint(request.params.id),
    );
    app.post(
      '/complaints/:id/messages',
      {
        schema: {
          tags,
          summary: 'Reply to the customer by e-mail, or add an internal note',
          params: idParams,
          body: complaintMessageBody,
          response: { 201: z.object({ messageId: z.string(), complaint: complaintDetail }), ...writeErrors },
        },
        config: write,
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await complaints.addMessage(request.principal!.actor, request.params.id, request.body)),
    );
    app.post(
      '/complaints/:id/resolve',
      {
        schema: {
          tags,
          summary: 'Resolve; the customer is mailed a link to rate it',
          params: idParams,
          body: resolveComplaintBody,
          response: { 200: complaintDetail, ...writeErrors },
        },
        config: write,
      },
      (request) => complaints.resolveComplaint(request.principal!.actor, request.params.id, request.body),
    );
    app.get(
      '/complaint-routing',
      {
        schema: {
          tags,
          summary: 'Category → department, team queue and SLA hours',
          response: { 200: routingTable, ...authErrors },
        },
        config: read,
      },
      async () => ({ items: await complaints.routingTable() }),
    );
    app.put(
      '/complaint-routing',
      {
        schema: {
          tags,
          summary: 'Change the routing table',
          body: routingTable,
          response: { 200: routingTable, ...writeErrors },
        },
        config: manage,
      },
      async (request) => ({ items: await complaints.saveRouting(request.body.items) }),
    );
    app.post(
      '/inbound/complaint-mail',
      {
        schema: {
          tags,
          summary: 'A parsed inbound mail replying to a complaint (reply token in the address or subject)',
          body: inboundMailBody,
          response: { 201: complaintDetail, ...writeErrors },
        },
        config: write,
      },
      async (request, reply) => reply.status(201).send(await complaints.receiveMail(request.body)),
    );

    registerReturnRoutes(app, returns);

    app.get(
      '/surveys/results',
      {
        schema: {
          tags,
          summary: 'Satisfaction by carrier, channel, team, SKU and day',
          querystring: rangeQuery,
          response: { 200: surveyResults, ...authErrors },
        },
        config: read,
      },
      (request) => surveys.surveyResults(request.query),
    );
    app.get(
      '/settings/surveys',
      {
        schema: {
          tags,
          summary: 'Hours after delivery before the survey is sent',
          response: { 200: surveySettings, ...authErrors },
        },
        config: read,
      },
      () => surveys.settings(),
    );
    app.put(
      '/settings/surveys',
      {
        schema: {
          tags,
          summary: 'Change the survey delay',
          body: surveySettings,
          response: { 200: surveySettings, ...writeErrors },
        },
        config: manage,
      },
      (request) => surveys.saveSettings(request.principal!.actor, request.body),
    );
    app.get(
      '/customers',
      {
        schema: {
          tags,
          summary: 'Customer workspace: search by phone, e-mail, order number or channel order id',
          querystring: customerSearchQuery,
          response: { 200: customerView, ...authErrors },
        },
        config: read,
      },
      (request) => workspace.customerView(request.query.q),
    );

    // The customer's side: no login, the order's number + contact as proof, rate-limited.
    app.post(
      '/public/complaints',
      {
        schema: {
          tags,
          summary: 'File a complaint about an order (number + phone or e-mail)',
          body: publicComplaintBody,
          response: { 201: z.object({ id: z.string(), status: z.string() }), ...publicErrors },
        },
        config: publicLimited,
      },
      async (request, reply) => {
        const complaint = await complaints.openFromLookup(request.body);
        return reply.status(201).send({ id: complaint.id, status: complaint.status });
      },
    );
    app.post(
      '/public/returns',
      {
        schema: {
          tags,
          summary: 'Request a return or exchange (number + phone or e-mail)',
          body: publicReturnBody,
          response: {
            201: z.object({ id: z.string(), status: z.string(), instructions: z.string() }),
            ...publicErrors,
          },
        },
        config: publicLimited,
      },
      async (request, reply) => {
        const created = await returns.requestFromLookup(request.body);
        return reply
          .status(201)
          .send({ id: created.id, status: created.status, instructions: created.instructions });
      },
    );
    app.post(
      '/public/complaint-ratings/:token',
      {
        schema: {
          tags,
          summary: 'Rate a resolution 1–5 (link from the resolution mail)',
          params: tokenParams,
          body: rateBody,
          response: { 200: rateBody, ...publicErrors },
        },
        config: publicLimited,
      },
      (request) => complaints.rateResolution(request.params.token, request.body.rating),
    );
    app.get(
      '/public/surveys/:token',
      {
        schema: {
          tags,
          summary: 'The survey behind a signed link',
          params: tokenParams,
          response: { 200: surveyView, ...publicErrors },
        },
        config: { isPublic: true, rateLimit: { max: 30, timeWindow: '1 minute' } },
      },
      (request) => surveys.viewSurvey(request.params.token),
    );
    app.post(
      '/public/surveys/:token',
      {
        schema: {
          tags,
          summary: 'Answer the survey; a CSAT of 2 or less opens a follow-up complaint',
          params: tokenParams,
          body: surveyAnswerBody,
          response: { 200: z.object({ isAnswered: z.boolean() }), ...publicErrors },
        },
        config: publicLimited,
      },
      (request) => surveys.answerSurvey(request.params.token, request.body),
    );
  };
}
