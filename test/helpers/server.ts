import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { DialectName } from '../../src/platform/db/database.ts';
import { adminPassword, createTestApp, type TestApp } from './app.ts';

export interface RunningServer {
  url: string;
  adminPassword: string;
  testApp: TestApp;
  close(): Promise<void>;
}

/**
 * The real server (API + built console from dist/web) listening on a free port of 127.0.0.1,
 * on a fresh database, with the first admin created.
 */
export async function startTestServer(options: { dialect?: DialectName } = {}): Promise<RunningServer> {
  const testApp = await createTestApp(options.dialect ?? 'sqlite', {
    env: { ORDO_WEB_DIR: path.resolve(import.meta.dirname, '../../dist/web') },
  });
  await testApp.server.listen({ port: 0, host: '127.0.0.1' });
  const { port } = testApp.server.server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, adminPassword, testApp, close: () => testApp.close() };
}
