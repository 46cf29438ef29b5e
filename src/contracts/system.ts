import { z } from 'zod';
import { listQuery } from './common.ts';

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
