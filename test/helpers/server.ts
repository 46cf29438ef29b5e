import net, { type AddressInfo } from 'node:net';
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
 * on a fresh database, with the first admin created. `env` adds configuration such as
 * `SMTP_URL`; `ORDO_PUBLIC_URL` may use `{url}`, replaced by the server's own address once it
 * listens (links in mails then point at this server).
 */
export async function startTestServer(
  options: { dialect?: DialectName; env?: Record<string, string> } = {},
): Promise<RunningServer> {
  const env: Record<string, string> = {
    ORDO_WEB_DIR: path.resolve(import.meta.dirname, '../../dist/web'),
    ...options.env,
  };
  if (!env.ORDO_PUBLIC_URL?.includes('{url}')) {
    return listen(await createTestApp(options.dialect ?? 'sqlite', { env }));
  }
  // The port is known only after listening: reserve one, then start the app on it.
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const testApp = await createTestApp(options.dialect ?? 'sqlite', {
    env: { ...env, ORDO_PUBLIC_URL: env.ORDO_PUBLIC_URL.replaceAll('{url}', url) },
  });
  return listen(testApp, port);
}

async function listen(testApp: TestApp, port = 0): Promise<RunningServer> {
  await testApp.server.listen({ port, host: '127.0.0.1' });
  const address = testApp.server.server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    adminPassword,
    testApp,
    close: () => testApp.close(),
  };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
