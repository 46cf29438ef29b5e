import { z } from 'zod';
import { listQuery } from './common.ts';
import { alert, monitorMetrics } from './risk.ts';

/**
 * Where an outbox event stands: waiting or retrying, delivered, given up on (a dead letter), or
 * not deliverable as configured (mail without an SMTP server).
 */
export const outboxStatuses = ['pending', 'done', 'dead', 'undeliverable'] as const;

export const outboxQuery = listQuery.extend({ status: z.enum(outboxStatuses).default('dead') });

export const outboxEntry = z.object({
  id: z.number(),
  type: z.string(),
  payload: z.record(z.string(), z.unknown()),
  status: z.string(),
  attempts: z.number(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  availableAt: z.string(),
});

/** What an operator must know is not working, shown by the console as a warning. */
export const systemStatus = z
  .object({
    mail: z.object({
      isConfigured: z.boolean().describe('false: SMTP_URL is not set, and no mail leaves'),
      undeliverable: z.number().describe('outbox events whose mail was not sent'),
    }),
  })
  .meta({ id: 'SystemStatus' });

/** GET /api/v1/system/backups: backup files in ORDO_BACKUP_DIR, newest first. */
export const backupFile = z
  .object({
    name: z.string(),
    sizeBytes: z.number(),
    modifiedAt: z.string(),
  })
  .meta({ id: 'BackupFile' });

export const backupList = z
  .object({
    directory: z.string().nullable().describe('ORDO_BACKUP_DIR; null when it is not set'),
    items: z.array(backupFile),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'BackupList' });

/** GET /api/v1/system/health: what an operator checks first (docs/operations.md "Health"). */
export const systemHealth = z
  .object({
    status: z.enum(['ok', 'degraded', 'down']),
    problems: z.array(z.string()),
    version: z.string(),
    checkedAt: z.string(),
    database: z.object({
      dialect: z.enum(['sqlite', 'postgres']),
      isUp: z.boolean(),
      sizeBytes: z.number().nullable(),
      walBytes: z.number().nullable(),
      connections: z
        .object({ server: z.number().nullable(), pool: z.number(), idle: z.number(), waiting: z.number() })
        .nullable(),
      schemaVersion: z.string().nullable(),
    }),
    worker: z.object({
      inThisProcess: z.boolean(),
      lastTickAt: z.string().nullable(),
      consecutiveFailures: z.number(),
      lastError: z.string().nullable(),
      lastHeartbeatAt: z.string().nullable(),
      heartbeatAgeSeconds: z.number().nullable(),
    }),
    outbox: z.object({
      pending: z.number(),
      dead: z.number(),
      oldestPendingAgeSeconds: z.number().nullable(),
    }),
    jobs: z.array(
      z.object({
        name: z.string(),
        everyMs: z.number(),
        runs: z.number(),
        lastRunAt: z.string().nullable(),
        lastDurationMs: z.number().nullable(),
        lastError: z.string().nullable(),
      }),
    ),
    disk: z.object({ path: z.string(), freeBytes: z.number(), totalBytes: z.number() }).nullable(),
    alerts: z
      .array(alert.extend({ monitorName: z.string(), metric: z.enum(monitorMetrics) }))
      .describe("Open and acknowledged alerts of the system-health monitors (risk's monitors page)"),
  })
  .meta({ id: 'SystemHealth' });
