import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authErrors, idParams, listQuery, pdfFile, writeErrors } from '../../contracts/common.ts';
import {
  actionItem,
  actionItemChangesBody,
  actionItemPage,
  actionItemQuery,
  actionOwners,
  agendaItemBody,
  decisionBody,
  feedbackBody,
  kpiChoices,
  meeting,
  meetingPage,
  minutesSent,
  newActionItemBody,
  newSeriesBody,
  runItemBody,
  series,
  seriesList,
} from '../../contracts/review.ts';
import { improvementRoutes } from './improvement.routes.ts';
import type { Review } from './index.ts';

const tags = ['review'];
const manage = { permission: 'review:manage' } as const;
/** Anyone signed in raises problems, reads the knowledge base, and sees their own action items. */
const anyone = { isAnySignedIn: true } as const;
const itemParams = z.object({ id: z.string().min(1).max(100), itemId: z.string().min(1).max(100) });

/** Meetings, meeting mode, action items, feedback, corrective actions, knowledge base. */
export function reviewRoutes(review: Review): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/meeting-series',
      {
        schema: { tags, summary: 'Meeting series', response: { 200: seriesList, ...authErrors } },
        config: manage,
      },
      async () => review.series.list(),
    );
    app.post(
      '/meeting-series',
      {
        schema: {
          tags,
          summary: 'Add a meeting series (weekly meeting or sharing sessions)',
          body: newSeriesBody,
          response: { 201: series, ...writeErrors },
        },
        config: manage,
      },
      async (request, reply) =>
        reply.status(201).send(await review.series.create(request.principal!.actor, request.body)),
    );
    app.put(
      '/meeting-series/:id',
      {
        schema: {
          tags,
          summary: 'Change a meeting series (meetings already prepared keep their settings)',
          params: idParams,
          body: newSeriesBody,
          response: { 200: series, ...writeErrors },
        },
        config: manage,
      },
      async (request) => review.series.update(request.principal!.actor, request.params.id, request.body),
    );
    app.post(
      '/meeting-series/:id/archive',
      {
        schema: {
          tags,
          summary: 'Archive a meeting series: no more meetings are prepared; past ones stay',
          params: idParams,
          response: { 200: series, ...writeErrors },
        },
        config: manage,
      },
      async (request) => review.series.archive(request.params.id),
    );
    app.get(
      '/review-kpis',
      {
        schema: {
          tags,
          summary: 'The KPIs action items and corrective actions may aim at',
          response: { 200: kpiChoices, ...authErrors },
        },
        config: manage,
      },
      async () => review.kpis(),
    );
    app.get(
      '/action-owners',
      {
        schema: {
          tags,
          summary: 'Active users, who may own action items',
          response: { 200: actionOwners, ...authErrors },
        },
        config: manage,
      },
      async () => review.owners(),
    );
    app.post(
      '/meeting-series/:id/prepare',
      {
        schema: {
          tags,
          summary: "Prepare the series' next meeting now (pack, issues, agenda, plan, notice)",
          params: idParams,
          response: { 200: meeting, ...writeErrors },
        },
        config: manage,
      },
      async (request) => review.meetings.prepare(request.params.id),
    );
    app.get(
      '/meetings',
      {
        schema: {
          tags,
          summary: 'Meetings, newest first',
          querystring: listQuery,
          response: { 200: meetingPage, ...authErrors },
        },
        config: manage,
      },
      async (request) => review.meetings.list(request.query),
    );
    app.get(
      '/meetings/:id',
      {
        schema: {
          tags,
          summary: 'A meeting with agenda, issues, decisions, action items',
          params: idParams,
          response: { 200: meeting, 404: writeErrors[404], ...authErrors },
        },
        config: manage,
      },
      async (request) => review.meetings.get(request.params.id),
    );
    app.get(
      '/meetings/:id/pack.pdf',
      {
        schema: {
          tags,
          summary: "The meeting's pack as PDF",
          params: idParams,
          response: { 200: pdfFile, 404: writeErrors[404], ...authErrors },
        },
        config: manage,
      },
      async (request, reply) =>
        reply.type('application/pdf').send(await review.meetings.packPdf(request.params.id)),
    );
    app.post(
      '/meetings/:id/agenda',
      {
        schema: {
          tags,
          summary: 'Add an agenda item',
          params: idParams,
          body: agendaItemBody,
          response: { 200: meeting, ...writeErrors },
        },
        config: manage,
      },
      async (request) => review.meetings.saveAgendaItem(request.params.id, request.body),
    );
    app.put(
      '/meetings/:id/agenda/:itemId',
      {
        schema: {
          tags,
          summary: 'Change an agenda item',
          params: itemParams,
          body: agendaItemBody,
          response: { 200: meeting, ...writeErrors },
        },
        config: manage,
      },
      async (request) =>
        review.meetings.saveAgendaItem(request.params.id, { id: request.params.itemId, ...request.body }),
    );
    app.post(
      '/meetings/:id/timer',
      {
        schema: {
          tags,
          summary: "Run an agenda item's timer (null stops it)",
          params: idParams,
          body: runItemBody,
          response: { 200: meeting, ...writeErrors },
        },
        config: manage,
      },
      async (request) => review.meetings.runItem(request.params.id, request.body.itemId),
    );
    app.post(
      '/meetings/:id/decisions',
      {
        schema: {
          tags,
          summary: 'Record a decision',
          params: idParams,
          body: decisionBody,
          response: { 200: meeting, ...writeErrors },
        },
        config: manage,
      },
      async (request) => review.meetings.addDecision(request.params.id, request.body),
    );
    app.post(
      '/meetings/:id/action-items',
      {
        schema: {
          tags,
          summary: 'Record an action item',
          params: idParams,
          body: newActionItemBody,
          response: { 200: meeting, ...writeErrors },
        },
        config: manage,
      },
      async (request) => review.meetings.addActionItem(request.params.id, request.body),
    );
    app.post(
      '/meetings/:id/feedback',
      {
        schema: {
          tags,
          summary: 'Quick feedback on the meeting',
          params: idParams,
          body: feedbackBody,
          response: { 200: meeting, ...writeErrors },
        },
        config: anyone,
      },
      async (request) =>
        review.meetings.addFeedback(request.principal!.actor, request.params.id, request.body),
    );
    app.post(
      '/meetings/:id/close',
      {
        schema: {
          tags,
          summary: 'Close the meeting; the minutes are written',
          params: idParams,
          response: { 200: meeting, ...writeErrors },
        },
        config: manage,
      },
      async (request) => review.meetings.close(request.params.id),
    );
    app.post(
      '/meetings/:id/minutes/send',
      {
        schema: {
          tags,
          summary: 'Mail the minutes to every participant',
          params: idParams,
          response: { 200: minutesSent, ...writeErrors },
        },
        config: manage,
      },
      async (request) => review.meetings.sendMinutes(request.params.id),
    );
    app.get(
      '/action-items',
      {
        schema: {
          tags,
          summary: "Action items (an owner's task list with ?owner=)",
          querystring: actionItemQuery,
          response: { 200: actionItemPage, ...authErrors },
        },
        config: anyone,
      },
      async (request) => review.actionItems.list(request.query),
    );
    app.patch(
      '/action-items/:id',
      {
        schema: {
          tags,
          summary: 'Mark an action item done, or dropped with a reason',
          params: idParams,
          body: actionItemChangesBody,
          response: { 200: actionItem, ...writeErrors },
        },
        config: anyone,
      },
      async (request) => review.actionItems.change(request.principal!, request.params.id, request.body),
    );
    await improvementRoutes(review)(app, {});
  };
}
