import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authErrors, errorBody, idParams, writeErrors } from '../../../contracts/common.ts';
import {
  attempt,
  attemptBody,
  attendanceBody,
  course,
  courseBody,
  courseList,
  requirementBody,
  requirementList,
  session,
  sessionBody,
  sessionList,
  trainingRecord,
  usernameParams,
} from '../../../contracts/training.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Training } from './index.ts';

const manage = { permission: 'staff:manage' } as const;
const tags = ['training'];

/** Training: everyone reads courses, takes quizzes and sees their record; staff managers run the rest. */
export function trainingRoutes(training: Training): FastifyPluginAsyncZod {
  const { courses, records } = training;
  return async (app) => {
    app.get(
      '/training/courses',
      {
        schema: {
          tags,
          summary: 'Every course, its quiz without answers',
          response: { 200: courseList, ...authErrors },
        },
        config: { isAnySignedIn: true },
      },
      async () => ({ items: await courses.listCourses(), nextCursor: null }),
    );
    app.post(
      '/training/courses',
      {
        schema: {
          tags,
          summary: 'Create a course with its quiz',
          body: courseBody,
          response: { 201: course, ...writeErrors },
        },
        config: manage,
      },
      async (request, reply) =>
        reply.status(201).send(await courses.createCourse(request.principal!.actor, request.body)),
    );
    app.put(
      '/training/courses/:id',
      {
        schema: {
          tags,
          summary: 'Replace a course and its quiz',
          params: idParams,
          body: courseBody,
          response: { 200: course, ...writeErrors },
        },
        config: manage,
      },
      async (request) => courses.updateCourse(request.principal!.actor, request.params.id, request.body),
    );
    app.post(
      '/training/courses/:id/attempts',
      {
        schema: {
          tags,
          summary: "Take a course's quiz (signed-in people)",
          params: idParams,
          body: attemptBody,
          response: { 201: attempt, ...writeErrors },
        },
        config: { isAnySignedIn: true },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await courses.takeQuiz(request.principal!.actor, request.params.id, request.body.answers)),
    );
    app.get(
      '/training/requirements',
      {
        schema: {
          tags,
          summary: 'The courses each role must hold and how long a pass stays valid',
          response: { 200: requirementList, ...authErrors },
        },
        config: { isAnySignedIn: true },
      },
      async () => ({ items: await courses.listRequirements(), nextCursor: null }),
    );
    app.put(
      '/training/requirements',
      {
        schema: {
          tags,
          summary: 'Require a course of a role, with its renewal period',
          body: requirementBody,
          response: { 200: requirementBody, ...writeErrors },
        },
        config: manage,
      },
      async (request) => courses.setRequirement(request.principal!.actor, request.body),
    );
    app.get(
      '/training/sessions',
      {
        schema: {
          tags,
          summary: 'Sessions, newest first, with who attended',
          response: { 200: sessionList, ...authErrors },
        },
        config: { isAnySignedIn: true },
      },
      async () => ({ items: await courses.listSessions(), nextCursor: null }),
    );
    app.post(
      '/training/sessions',
      {
        schema: {
          tags,
          summary: 'Schedule a session of a course',
          body: sessionBody,
          response: { 201: session, ...writeErrors },
        },
        config: manage,
      },
      async (request, reply) => reply.status(201).send(await courses.scheduleSession(request.body)),
    );
    app.post(
      '/training/sessions/:id/attendance',
      {
        schema: {
          tags,
          summary: 'Record who attended a session',
          params: idParams,
          body: attendanceBody,
          response: { 200: session, ...writeErrors },
        },
        config: manage,
      },
      async (request) =>
        courses.recordAttendance(request.principal!.actor, request.params.id, request.body.usernames),
    );
    app.get(
      '/training/mine',
      {
        schema: {
          tags,
          summary: "The signed-in person's training record: required courses, what is due",
          response: { 200: trainingRecord, ...authErrors },
        },
        config: { isAnySignedIn: true },
      },
      async (request) => {
        const { actor } = request.principal!;
        if (actor.type !== 'user')
          throw new AppError('FORBIDDEN', 'only a signed-in person has a training record');
        return records.recordOfUsername(actor.name);
      },
    );
    app.get(
      '/training/people/:username',
      {
        schema: {
          tags,
          summary: "A person's training record",
          params: usernameParams,
          response: { 200: trainingRecord, 404: errorBody, ...authErrors },
        },
        config: manage,
      },
      async (request) => records.recordOfUsername(request.params.username),
    );
    app.post(
      '/training/reminders/run',
      {
        schema: {
          tags,
          summary: 'Send the reminders due now (the worker does this every hour)',
          response: { 200: z.object({ reminded: z.number().int() }), ...authErrors },
        },
        config: manage,
      },
      async () => records.sendReminders(),
    );
  };
}
