import { z } from 'zod';
import { listQuery } from './common.ts';

/** Where an outbox event stands: waiting or retrying, delivered, or given up on (a dead letter). */
export const outboxStatuses = ['pending', 'done', 'dead'] as const;

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
