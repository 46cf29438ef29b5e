// Sign-in, users, roles, API keys and the audit log (the staff module's endpoints).
import type { z } from 'zod';
import type {
  apiKey,
  auditEntry,
  newApiKeyBody,
  newApiKeyResponse,
  newUserBody,
  roleList,
  sessionResponse,
  sessionUser,
  user,
  userChangesBody,
  userDirectory,
} from '../../../src/contracts/staff.ts';
import { get, id, type Page, type PageParams, patch, post } from './client';

export type User = z.output<typeof user>;
export type NewUser = z.input<typeof newUserBody>;
export type UserChanges = z.input<typeof userChangesBody>;
export type DirectoryEntry = z.output<typeof userDirectory>['items'][number];
export type SessionUser = z.output<typeof sessionUser>;
export type Session = z.output<typeof sessionResponse>;
export type Role = z.output<typeof roleList>['items'][number];
export type ApiKey = z.output<typeof apiKey>;
export type NewApiKey = z.input<typeof newApiKeyBody>;
export type CreatedApiKey = z.output<typeof newApiKeyResponse>;
export type AuditEntry = z.output<typeof auditEntry>;

export const staffApi = {
  auth: {
    login: (username: string, password: string) => post<Session>('/auth/login', { username, password }),
    me: () => get<Session>('/auth/me'),
    logout: () => post<void>('/auth/logout'),
  },
  roles: {
    list: () => get<z.output<typeof roleList>>('/roles'),
  },
  users: {
    list: (params: PageParams) => get<Page<User>>('/users', params),
    directory: () => get<z.output<typeof userDirectory>>('/users/directory'),
    create: (input: NewUser) => post<User>('/users', input),
    update: (userId: string, input: UserChanges) => patch<User>(`/users/${id(userId)}`, input),
  },
  apiKeys: {
    list: (params: PageParams) => get<Page<ApiKey>>('/api-keys', params),
    create: (input: NewApiKey) => post<CreatedApiKey>('/api-keys', input),
    revoke: (keyId: string) => post<ApiKey>(`/api-keys/${id(keyId)}/revoke`),
  },
  auditLog: {
    list: (params: PageParams & { action?: string }) => get<Page<AuditEntry>>('/audit-log', params),
  },
};
