// The outbox: events waiting for, or given up by, their handlers.
import type { z } from 'zod';
import type { outboxEntry, outboxStatuses } from '../../../src/contracts/system.ts';
import { get, type Page, type PageParams, post } from './client';

export type OutboxStatus = (typeof outboxStatuses)[number];
export type OutboxItem = z.output<typeof outboxEntry>;

export const systemApi = {
  outbox: {
    list: (params: PageParams & { status: OutboxStatus }) => get<Page<OutboxItem>>('/system/outbox', params),
    retry: (itemId: number) => post<OutboxItem>(`/system/outbox/${itemId}/retry`),
    counts: () => get<Partial<Record<OutboxStatus, number>>>('/system/outbox/counts'),
  },
};
