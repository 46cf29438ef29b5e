import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authErrors, errorBody, idParams, writeErrors } from '../../contracts/common.ts';
import {
  acknowledgementList,
  jobDescription,
  jobDescriptionBody,
  jobDescriptionList,
  myJobDescription,
  roleParams,
} from '../../contracts/job-descriptions.ts';
import type { Staff } from './index.ts';

/** Job descriptions: read by everyone signed in, published by user managers, acknowledged by each person. */
export function jobDescriptionRoutes(staff: Staff): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/job-descriptions',
      {
        schema: {
          tags: ['job descriptions'],
          summary: 'The current job description of every role',
          response: { 200: jobDescriptionList, ...authErrors },
        },
        config: { isAnySignedIn: true },
      },
      async () => ({ items: await staff.currentJobDescriptions(), nextCursor: null }),
    );

    app.post(
      '/job-descriptions',
      {
        schema: {
          tags: ['job descriptions'],
          summary: "Publish a new version of a role's job description",
          body: jobDescriptionBody,
          response: { 201: jobDescription, ...writeErrors },
        },
        config: { permission: 'users:manage' },
      },
      async (request, reply) => {
        const created = await staff.publishJobDescription(request.principal!.actor, request.body);
        return reply.status(201).send(created);
      },
    );

    app.get(
      '/job-descriptions/mine',
      {
        schema: {
          tags: ['job descriptions'],
          summary: "The signed-in person's current job description and whether they acknowledged it",
          response: { 200: myJobDescription, ...authErrors },
        },
        config: { isAnySignedIn: true },
      },
      async (request) => {
        const principal = request.principal!;
        return staff.myJobDescription(
          principal.actor.type === 'user' ? principal.actor.id : null,
          principal.role,
        );
      },
    );

    app.post(
      '/job-descriptions/:id/acknowledge',
      {
        schema: {
          tags: ['job descriptions'],
          summary: 'Acknowledge having read a job description version of my role',
          params: idParams,
          response: { 200: myJobDescription, ...writeErrors },
        },
        config: { isAnySignedIn: true },
      },
      async (request) => {
        const principal = request.principal!;
        return staff.acknowledgeJobDescription(principal.actor, principal.role, request.params.id);
      },
    );

    app.get(
      '/job-descriptions/:id/acknowledgements',
      {
        schema: {
          tags: ['job descriptions'],
          summary: 'Who acknowledged a job description version',
          params: idParams,
          response: { 200: acknowledgementList, 404: errorBody, ...authErrors },
        },
        config: { permission: 'users:manage' },
      },
      async (request) => ({
        items: await staff.jobDescriptionAcknowledgements(request.params.id),
        nextCursor: null,
      }),
    );

    app.get(
      '/roles/:role/job-descriptions',
      {
        schema: {
          tags: ['job descriptions'],
          summary: "Every version of a role's job description, newest first",
          params: roleParams,
          response: { 200: jobDescriptionList, 404: errorBody, ...authErrors },
        },
        config: { isAnySignedIn: true },
      },
      async (request) => ({
        items: await staff.jobDescriptionVersions(request.params.role),
        nextCursor: null,
      }),
    );
  };
}
