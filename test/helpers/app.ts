import { after, before } from 'node:test';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildServer } from '../../src/api/server.ts';
import { type App, createApp } from '../../src/app.ts';
import { type Clock, systemClock } from '../../src/platform/clock.ts';
import { loadConfig } from '../../src/platform/config.ts';
import type { DialectName } from '../../src/platform/db/database.ts';
import { createLogger } from '../../src/platform/logger.ts';
import type { HandlerRegistry } from '../../src/worker/dispatcher.ts';
import { createTestDatabase, type TestDatabase } from './db.ts';

export const adminPassword = 'admin-password-1';

export interface TestApp {
  app: App;
  server: FastifyInstance;
  testDb: TestDatabase;
  /** Bearer key of an API key with the given role (created on first use). */
  keyFor(role: string): Promise<string>;
  request(options: InjectOptions & { role?: string }): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/** A full app (modules, API, worker) on a fresh database of the dialect, with the first admin. */
export async function createTestApp(
  dialect: DialectName,
  options: { clock?: Clock; handlers?: HandlerRegistry; env?: Record<string, string> } = {},
): Promise<TestApp> {
  const testDb = await createTestDatabase(dialect);
  // No console unless a test asks for one (ORDO_WEB_DIR): API tests get JSON 404s, not pages.
  const config = loadConfig({ ORDO_LOGIN_RATE_LIMIT: '1000', ORDO_WEB_DIR: '/nonexistent', ...options.env });
  const app = await createApp({
    config,
    database: testDb.database,
    clock: options.clock ?? systemClock,
    logger: createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'),
    handlers: options.handlers,
  });
  await app.staff.ensureFirstAdmin(adminPassword);
  const server = await buildServer(app);
  await server.ready();
  const keys = new Map<string, string>();
  const keyFor = async (role: string) => {
    if (!keys.has(role)) {
      const { key } = await app.staff.createApiKey(
        { type: 'system', id: null, name: 'test' },
        { name: `test ${role}`, role },
      );
      keys.set(role, key);
    }
    return keys.get(role)!;
  };
  return {
    app,
    server,
    testDb,
    keyFor,
    async request({ role = 'admin', ...inject }) {
      const headers = { authorization: `Bearer ${await keyFor(role)}`, ...(inject.headers ?? {}) };
      return server.inject({ ...inject, headers });
    },
    async close() {
      await server.close();
      await app.dispatcher.stop();
      await testDb.drop();
    },
  };
}

/** Registers before/after hooks that give each dialect's suite its own app; read `.current` inside tests. */
export function useTestApp(dialect: DialectName, options: Parameters<typeof createTestApp>[1] = {}) {
  const holder = { current: undefined as unknown as TestApp };
  before(async () => {
    holder.current = await createTestApp(dialect, options);
  });
  after(async () => {
    await holder.current?.close();
  });
  return holder;
}
