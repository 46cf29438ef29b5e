// The outbox: events waiting for, or given up by, their handlers.
import type { z } from 'zod';
import type {
  backupList,
  outboxEntry,
  outboxStatuses,
  systemHealth,
  systemStatus,
} from '../../../src/contracts/system.ts';
import { get, type Page, type PageParams, post } from './client';

export type OutboxStatus = (typeof outboxStatuses)[number];
export type OutboxItem = z.output<typeof outboxEntry>;
export type SystemStatus = z.output<typeof systemStatus>;
export type SystemHealth = z.output<typeof systemHealth>;
export type BackupList = z.output<typeof backupList>;

export const systemApi = {
  /** What is not working as configured (mail without an SMTP server). */
  status: () => get<SystemStatus>('/system/status'),
  /** Database, worker, outbox backlog, scheduled jobs, disk and version. */
  health: () => get<SystemHealth>('/system/health'),
  /** Backup files in ORDO_BACKUP_DIR, newest first. */
  backups: (params: PageParams = {}) => get<BackupList>('/system/backups', params),
  outbox: {
    list: (params: PageParams & { status: OutboxStatus }) => get<Page<OutboxItem>>('/system/outbox', params),
    retry: (itemId: number) => post<OutboxItem>(`/system/outbox/${itemId}/retry`),
    counts: () => get<Partial<Record<OutboxStatus, number>>>('/system/outbox/counts'),
  },
};
