import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authErrors, errorBody, idParams, writeErrors } from '../../contracts/common.ts';
import {
  acknowledgeBody,
  alert,
  alertPage,
  alertQuery,
  assignBody,
  casePage,
  caseQuery,
  caseTypeParams,
  chargebackBody,
  closeCaseBody,
  completeStepBody,
  drillBody,
  evaluation,
  measure,
  monitor,
  monitorBody,
  monitorChanges,
  monitorList,
  openCaseBody,
  playbook,
  playbookBody,
  playbookList,
  riskCase,
  stepActions,
} from '../../contracts/risk.ts';
import { registerIncidentRoutes } from './incident.routes.ts';
import type { Risk } from './index.ts';

const tags = ['risk'];
const read = { permission: 'risk:read' } as const;
const manage = { permission: 'risk:manage' } as const;

/** Cases and playbooks, drills, monitors and alerts, incidents. */
export function riskRoutes(risk: Risk): FastifyPluginAsyncZod {
  return async (app) => {
    const actor = (request: { principal?: { actor: import('../../platform/actor.ts').Actor } }) =>
      request.principal!.actor;

    app.get(
      '/risk/playbooks',
      {
        schema: {
          tags,
          summary: 'The current playbook of every case type',
          response: { 200: playbookList, ...authErrors },
        },
        config: read,
      },
      async () => ({ items: await risk.playbooks.list() }),
    );
    app.get(
      '/risk/playbooks/:caseType/versions',
      {
        schema: {
          tags,
          summary: 'Every version of a playbook, newest first',
          params: caseTypeParams,
          response: { 200: playbookList, 400: errorBody, ...authErrors },
        },
        config: read,
      },
      async (request) => ({ items: await risk.playbooks.versions(request.params.caseType) }),
    );
    app.put(
      '/risk/playbooks/:caseType',
      {
        schema: {
          tags,
          summary: 'Save a new version of a playbook',
          params: caseTypeParams,
          body: playbookBody,
          response: { 200: playbook, ...writeErrors },
        },
        config: manage,
      },
      async (request) => {
        const { note, ...definition } = request.body;
        return risk.playbooks.save(actor(request), request.params.caseType, definition, note);
      },
    );

    app.get(
      '/risk/cases',
      {
        schema: {
          tags,
          summary: 'Cases, newest first; filter by status, owner role, drills',
          querystring: caseQuery,
          response: { 200: casePage, 400: errorBody, ...authErrors },
        },
        config: read,
      },
      async (request) => risk.cases.list(request.query),
    );
    app.post(
      '/risk/cases',
      {
        schema: {
          tags,
          summary: 'Open a case by hand',
          body: openCaseBody,
          response: { 201: riskCase, ...writeErrors },
        },
        config: manage,
      },
      async (request, reply) => reply.code(201).send(await risk.cases.open(actor(request), request.body)),
    );
    app.post(
      '/risk/chargebacks',
      {
        schema: {
          tags,
          summary: 'Report a payment dispute: opens a chargeback case',
          body: chargebackBody,
          response: { 201: riskCase, ...writeErrors },
        },
        config: manage,
      },
      async (request, reply) =>
        reply.code(201).send(await risk.cases.openChargeback(actor(request), request.body)),
    );
    app.post(
      '/risk/drills',
      {
        schema: {
          tags,
          summary: 'Start a drill: a practice case touching no order or customer',
          body: drillBody,
          response: { 201: riskCase, ...writeErrors },
        },
        config: manage,
      },
      async (request, reply) =>
        reply.code(201).send(await risk.cases.startDrill(actor(request), request.body.caseType)),
    );
    app.get(
      '/risk/cases/:id',
      {
        schema: {
          tags,
          summary: 'A case with its checklist and timeline',
          params: idParams,
          response: { 200: riskCase, 404: errorBody, ...authErrors },
        },
        config: read,
      },
      async (request) => risk.cases.get(request.params.id),
    );
    app.post(
      '/risk/cases/:id/steps/complete',
      {
        schema: {
          tags,
          summary: 'Tick off the current step',
          params: idParams,
          body: completeStepBody,
          response: { 200: riskCase, ...writeErrors },
        },
        config: manage,
      },
      async (request) => risk.cases.completeStep(actor(request), request.params.id, request.body.note),
    );
    app.post(
      '/risk/cases/:id/actions',
      {
        schema: {
          tags,
          summary: 'Run an action the current step allows (recorded only on drills)',
          params: idParams,
          body: z.object({ action: z.enum(stepActions) }),
          response: { 200: riskCase, ...writeErrors },
        },
        config: manage,
      },
      async (request) => risk.cases.takeAction(actor(request), request.params.id, request.body.action),
    );
    app.post(
      '/risk/cases/:id/assign',
      {
        schema: {
          tags,
          summary: 'Give the case to a person or a team (role)',
          params: idParams,
          body: assignBody,
          response: { 200: riskCase, ...writeErrors },
        },
        config: manage,
      },
      async (request) => risk.cases.assign(actor(request), request.params.id, request.body),
    );
    app.post(
      '/risk/cases/:id/close',
      {
        schema: {
          tags,
          summary: 'Close the case with its outcome (and a drill review note)',
          params: idParams,
          body: closeCaseBody,
          response: { 200: riskCase, ...writeErrors },
        },
        config: manage,
      },
      async (request) => risk.cases.close(actor(request), request.params.id, request.body),
    );

    app.get(
      '/risk/monitors',
      {
        schema: {
          tags,
          summary: 'Monitors with their recent values, open alerts and measures',
          response: { 200: monitorList, ...authErrors },
        },
        config: read,
      },
      async () => ({ items: await risk.monitors.list() }),
    );
    app.post(
      '/risk/monitors',
      {
        schema: {
          tags,
          summary: 'Create a monitor',
          body: monitorBody,
          response: { 201: monitor, ...writeErrors },
        },
        config: manage,
      },
      async (request, reply) =>
        reply.code(201).send(await risk.monitors.create(actor(request), request.body)),
    );
    app.patch(
      '/risk/monitors/:id',
      {
        schema: {
          tags,
          summary: 'Change a monitor (only the fields given), or pause and resume it',
          params: idParams,
          body: monitorChanges,
          response: { 200: monitor, ...writeErrors },
        },
        config: manage,
      },
      async (request) => risk.monitors.update(actor(request), request.params.id, request.body),
    );
    app.post(
      '/risk/monitors/evaluate',
      {
        schema: {
          tags,
          summary: 'Run one evaluation cycle now (the worker runs it every minute)',
          response: { 200: evaluation, ...authErrors },
        },
        config: manage,
      },
      async () => risk.monitors.evaluate(),
    );
    app.get(
      '/risk/alerts',
      {
        schema: {
          tags,
          summary: 'Alert history, newest first',
          querystring: alertQuery,
          response: { 200: alertPage, 400: errorBody, ...authErrors },
        },
        config: read,
      },
      async (request) => risk.monitors.alerts(request.query),
    );
    app.post(
      '/risk/alerts/:id/acknowledge',
      {
        schema: {
          tags,
          summary: 'Acknowledge an alert with a note',
          params: idParams,
          body: acknowledgeBody,
          response: { 200: alert, ...writeErrors },
        },
        config: manage,
      },
      async (request) => risk.monitors.acknowledge(actor(request), request.params.id, request.body.note),
    );
    app.post(
      '/risk/measures/:id/undo',
      {
        schema: {
          tags,
          summary: 'Undo a control measure',
          params: idParams,
          response: { 200: measure, ...writeErrors },
        },
        config: manage,
      },
      async (request) => risk.monitors.undoMeasure(actor(request), request.params.id),
    );
    registerIncidentRoutes(app, risk, actor);
  };
}
