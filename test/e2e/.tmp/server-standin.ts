// TEMPORARY stand-in for test/helpers/server.ts (not yet written); deleted before hand-off.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildServer } from '../../../src/api/server.ts';
import { createApp } from '../../../src/app.ts';
import { loadConfig } from '../../../src/platform/config.ts';
import { createLogger } from '../../../src/platform/logger.ts';

export async function startTestServer() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ordo-e2e-'));
  const adminPassword = 'e2e-admin-password';
  const config = { ...loadConfig({ ORDO_DATA_DIR: dataDir, ORDO_LOGIN_RATE_LIMIT: '1000' }, '/work/main') };
  const app = await createApp({ config, logger: createLogger('silent') });
  await app.staff.ensureFirstAdmin(adminPassword);
  const server = await buildServer(app);
  await server.listen({ port: 0, host: '127.0.0.1' });
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    adminPassword,
    async close() {
      await server.close();
      await app.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
