import assert from 'node:assert/strict';
import net, { type AddressInfo } from 'node:net';
import os from 'node:os';
import { Writable } from 'node:stream';
import { describe, it } from 'node:test';
import { pino } from 'pino';
import { buildServer } from '../../src/api/server.ts';
import { createApp } from '../../src/app.ts';
import { systemClock } from '../../src/platform/clock.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { openDatabase } from '../../src/platform/db/database.ts';
import { createLogger } from '../../src/platform/logger.ts';
import { createDispatcher } from '../../src/worker/dispatcher.ts';
import { createTestDatabase, testDialects } from '../helpers/db.ts';

/** A TCP relay to PostgreSQL that the test can cut and restore, as if the server went away. */
async function relayTo(target: URL) {
  const sockets = new Set<net.Socket>();
  let server: net.Server | null = null;
  let port = 0;
  const open = () =>
    new Promise<void>((resolve) => {
      server = net.createServer((client) => {
        const upstream = net.connect(Number(target.port || 5432), target.hostname);
        for (const socket of [client, upstream]) {
          sockets.add(socket);
          socket.on('close', () => sockets.delete(socket));
          socket.on('error', () => {});
        }
        client.pipe(upstream).pipe(client);
      });
      server.listen(port, '127.0.0.1', () => {
        port = (server!.address() as AddressInfo).port;
        resolve();
      });
    });
  await open();
  return {
    url() {
      const url = new URL(target);
      url.host = `127.0.0.1:${port}`;
      return url.toString();
    },
    async cut() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server!.close(() => resolve()));
    },
    restore: open,
  };
}

describe('PostgreSQL gone while running', {
  skip: !testDialects.includes('postgres') && 'no PostgreSQL',
}, () => {
  it('answers 503 with Retry-After (not 500), the worker backs off, and both recover', async () => {
    const testDb = await createTestDatabase('postgres');
    const relay = await relayTo(new URL(testDb.url!));
    const database = openDatabase({ databaseUrl: relay.url(), dataDir: os.tmpdir(), poolSize: 2 });
    const app = await createApp({
      config: loadConfig({ ORDO_WEB_DIR: '/nonexistent' }),
      database,
      logger: createLogger('silent'),
    });
    await app.staff.ensureFirstAdmin('admin-password-1');
    const { key } = await app.staff.createApiKey(
      { type: 'system', id: null, name: 't' },
      { name: 'k', role: 'admin' },
    );
    const server = await buildServer(app);
    const get = (url: string) =>
      server.inject({ method: 'GET', url, headers: { authorization: `Bearer ${key}` } });
    const lines: string[] = [];
    const logger = pino(
      { level: 'info' },
      new Writable({
        write(chunk, _encoding, done) {
          lines.push(String(chunk));
          done();
        },
      }),
    );
    const dispatcher = createDispatcher({
      database,
      clock: systemClock,
      logger,
      handlers: {},
      idleDelayMs: 20,
    });
    try {
      assert.equal((await get('/api/v1/orders')).statusCode, 200);
      await relay.cut();

      const down = await get('/api/v1/orders');
      assert.equal(down.statusCode, 503, down.body);
      assert.equal(down.json().error.code, 'DATABASE_UNAVAILABLE');
      assert.equal(down.headers['retry-after'], '5');
      assert.equal((await get('/readyz')).statusCode, 503);

      dispatcher.start();
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const failures = dispatcher.health().consecutiveFailures;
      const errorLines = lines.filter((line) => line.includes('outbox dispatch failed'));
      // Every 20 ms without backing off would be some 75 passes and as many log lines.
      assert.ok(failures >= 2 && failures <= 8, `${failures} passes in 1.5 s`);
      assert.equal(errorLines.length, 1, errorLines.join(''));

      await relay.restore();
      await new Promise((resolve) => setTimeout(resolve, 3000));
      assert.equal((await get('/api/v1/orders')).statusCode, 200);
      assert.equal((await get('/readyz')).statusCode, 200);
      await new Promise((resolve) => setTimeout(resolve, 3000));
      assert.equal(dispatcher.health().consecutiveFailures, 0);
      assert.ok(lines.some((line) => line.includes('outbox dispatch recovered')));
    } finally {
      await dispatcher.stop();
      await server.close();
      await relay.cut().catch(() => {});
      await database.close().catch(() => {});
      await testDb.drop();
    }
  });
});
