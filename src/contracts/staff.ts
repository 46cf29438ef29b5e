import { z } from 'zod';
import { listQuery, pageOf } from './common.ts';

const password = z.string().min(8, 'at least 8 characters').max(200);

export const loginBody = z.object({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
});

export const user = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    role: z.string(),
    email: z.string().nullable(),
    isActive: z.boolean(),
    createdAt: z.string(),
    lastLoginAt: z.string().nullable(),
  })
  .meta({ id: 'User' });

export const sessionUser = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.string(),
  permissions: z.array(z.string()),
});

export const sessionResponse = z.object({ user: sessionUser, csrfToken: z.string() });

export const newUserBody = z.object({
  username: z
    .string()
    .trim()
    .regex(/^[a-zA-Z0-9._-]{2,50}$/, '2–50 letters, digits, dots, dashes or underscores'),
  displayName: z.string().trim().max(100).optional(),
  email: z.email().optional().nullable().describe('where low-stock and other notices reach this person'),
  role: z.string(),
  password,
});

export const userChangesBody = z.object({
  displayName: z.string().trim().min(1).max(100).optional(),
  email: z.email().optional().nullable(),
  role: z.string().optional(),
  isActive: z.boolean().optional(),
  password: password.optional(),
});

export const userPage = pageOf(user);

export const apiKey = z
  .object({
    id: z.string(),
    name: z.string(),
    role: z.string(),
    prefix: z.string(),
    createdAt: z.string(),
    createdBy: z.string().nullable(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: 'ApiKey' });

export const newApiKeyBody = z.object({ name: z.string().trim().min(1).max(100), role: z.string() });
export const newApiKeyResponse = z.object({ apiKey, key: z.string().describe('Shown once; store it now') });
export const apiKeyPage = pageOf(apiKey);

export const auditEntry = z.object({
  id: z.string(),
  actorType: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  at: z.string(),
});
export const auditQuery = listQuery.extend({
  action: z.string().max(100).optional(),
  targetId: z.string().max(100).optional(),
});
export const auditPage = pageOf(auditEntry);

export const roleList = z.object({
  items: z.array(z.object({ id: z.string(), permissions: z.array(z.string()) })),
});

export const userDirectory = z.object({
  items: z.array(
    z.object({ id: z.string(), username: z.string(), displayName: z.string(), role: z.string() }),
  ),
});
