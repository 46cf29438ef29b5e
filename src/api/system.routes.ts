import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { App } from '../app.ts';
import { authErrors, errorBody, listQuery, pageOf } from '../contracts/common.ts';
import { backupList, outboxEntry, outboxQuery, systemHealth, systemStatus } from '../contracts/system.ts';
import { listBackups } from '../worker/scheduled-backup.ts';
import { readiness, systemHealthOf } from './system-health.ts';

/** Health, readiness and metrics at the root; outbox administration under /api/v1/system. */
export function probeRoutes(app: App): FastifyPluginAsyncZod {
  return async (server) => {
    server.get(
      '/healthz',
      {
        schema: {
          tags: ['system'],
          summary: 'Liveness: the process answers',
          response: { 200: z.object({ status: z.literal('ok') }) },
        },
        config: { isPublic: true },
      },
      async () => ({ status: 'ok' as const }),
    );

    server.get(
      '/readyz',
      {
        schema: {
          tags: ['system'],
          summary: 'Readiness: the database answers and, where this process runs it, the worker works',
          response: { 200: z.object({ status: z.string(), database: z.string() }), 503: errorBody },
        },
        config: { isPublic: true },
      },
      async (_request, reply) => {
        const { isReady, reason } = await readiness(app);
        if (isReady) return { status: 'ready', database: app.database.dialect };
        return reply.status(503).send({
          error: {
            code: reason?.startsWith('the database') ? 'DATABASE_UNAVAILABLE' : 'WORKER_UNHEALTHY',
            message: reason ?? 'not ready',
          },
        });
      },
    );

    server.get(
      '/metrics',
      { schema: { hide: true }, config: { isPublic: true } },
      async (_request, reply) => {
        reply.header('content-type', app.metrics.registry.contentType);
        return app.metrics.registry.metrics();
      },
    );
  };
}

export function systemRoutes(app: App): FastifyPluginAsyncZod {
  return async (server) => {
    server.get(
      '/system/health',
      {
        schema: {
          tags: ['system'],
          summary: 'System health: database, worker, outbox, scheduled jobs, disk, version',
          response: { 200: systemHealth, ...authErrors },
        },
        config: { permission: 'system:read' },
      },
      async () => systemHealthOf(app),
    );

    server.get(
      '/system/backups',
      {
        schema: {
          tags: ['system'],
          summary: 'Backup files in ORDO_BACKUP_DIR, newest first, with size and time',
          querystring: listQuery,
          response: { 200: backupList, ...authErrors },
        },
        config: { permission: 'system:read' },
      },
      async (request) => {
        const dir = app.config.backup.dir;
        if (!dir) return { directory: null, items: [], nextCursor: null };
        return {
          directory: dir,
          ...listBackups(dir, { limit: request.query.limit, after: request.query.cursor }),
        };
      },
    );

    server.get(
      '/system/outbox',
      {
        schema: {
          tags: ['system'],
          summary: 'Outbox events by status; `dead` lists the dead letters',
          querystring: outboxQuery,
          response: { 200: pageOf(outboxEntry), ...authErrors },
        },
        config: { permission: 'system:read' },
      },
      async (request) =>
        app.outbox.listOutbox(request.query.status, request.query.cursor ?? null, request.query.limit),
    );

    server.get(
      '/system/outbox/counts',
      {
        schema: {
          tags: ['system'],
          summary: 'Outbox events per status',
          response: { 200: z.record(z.string(), z.number()), ...authErrors },
        },
        config: { permission: 'system:read' },
      },
      async () => app.outbox.countByStatus(),
    );

    server.get(
      '/system/status',
      {
        schema: {
          tags: ['system'],
          summary: 'What is not working as configured (mail without an SMTP server), for the console to warn',
          response: { 200: systemStatus, ...authErrors },
        },
        config: { isAnySignedIn: true },
      },
      async () => {
        const counts = await app.outbox.countByStatus();
        return { mail: { isConfigured: app.mailer.isConfigured, undeliverable: counts.undeliverable ?? 0 } };
      },
    );

    server.post(
      '/system/outbox/:id/retry',
      {
        schema: {
          tags: ['system'],
          summary: 'Queue a dead event again',
          params: z.object({ id: z.coerce.number().int().positive() }),
          response: { 200: outboxEntry, 404: errorBody, ...authErrors },
        },
        config: { permission: 'system:manage' },
      },
      async (request) => app.outbox.retryOutbox(request.params.id),
    );
  };
}
