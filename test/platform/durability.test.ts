import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { openDatabase } from '../../src/platform/db/database.ts';
import { createTestDatabase, testDialects } from '../helpers/db.ts';
import { newOrderInput } from '../helpers/factories.ts';

// SIGKILL of the server while orders come in, one by one and in batches, and while its worker
// allocates them: after a restart every order the server acknowledged is there whole (lines,
// status history, outbox event), no order is there in part, and once the restarted worker has
// caught up the stock reserved equals what is allocated.

const root = path.resolve(import.meta.dirname, '../..');
const password = 'durable-password-1';

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });

async function startServer(env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'serve'], {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`serve exited with ${child.exitCode}`);
    const ready = await fetch(`${url}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) return { child, url };
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function signIn(url: string): Promise<Record<string, string>> {
  const response = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password }),
  });
  assert.equal(response.status, 200, await response.clone().text());
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  const cookie = (response.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).join('; ');
  return { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
}

const killed = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });

for (const dialect of testDialects) {
  describe(`SIGKILL during intake on ${dialect}`, () => {
    it('keeps every acknowledged order whole and no order in part', async () => {
      const testDb = await createTestDatabase(dialect);
      await testDb.database.close();
      const env: Record<string, string> = {
        ORDO_ADMIN_PASSWORD: password,
        ...(testDb.url
          ? {
              DATABASE_URL: testDb.url,
              ORDO_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'ordo-durable-')),
            }
          : { ORDO_DATA_DIR: path.dirname(testDb.sqliteFile!) }),
      };
      const acknowledged = new Set<string>();
      const first = await startServer(env);
      const headers = await signIn(first.url);
      const post = (urlPath: string, body: unknown) =>
        fetch(`${first.url}/api/v1${urlPath}`, { method: 'POST', headers, body: JSON.stringify(body) });
      const setUp = [
        await post('/skus', { code: 'TEE-RED-M', name: 'Tee', price: '59.90' }),
        await post('/inventory/adjustments', {
          sku: 'TEE-RED-M',
          warehouse: 'main',
          delta: 1_000_000,
          reason: 'opening stock',
        }),
      ];
      for (const response of setUp) assert.ok(response.ok, await response.text());

      // Single orders and batches of 50 keep coming from several clients until the kill.
      let stop = false;
      const single = async () => {
        while (!stop) {
          const input = newOrderInput();
          const response = await post('/orders', input).catch(() => null);
          if (response?.status === 201) acknowledged.add((input as { externalId: string }).externalId);
        }
      };
      const batch = async () => {
        while (!stop) {
          const inputs = Array.from({ length: 50 }, () => newOrderInput());
          const response = await post('/orders/batch', { orders: inputs }).catch(() => null);
          if (response?.status !== 200) continue;
          const body = (await response.json().catch(() => null)) as { results: { outcome: string }[] } | null;
          body?.results.forEach((r, i) => {
            if (r.outcome === 'created') acknowledged.add((inputs[i] as { externalId: string }).externalId);
          });
        }
      };
      const clients = [single(), single(), batch(), batch()];
      while (acknowledged.size < 150) {
        assert.equal(first.child.exitCode, null, 'the server keeps running until it is killed');
        await new Promise((r) => setTimeout(r, 20));
      }
      await killed(first.child);
      stop = true;
      await Promise.all(clients);

      // Restart on the same database: it migrates, recovers, serves again and its worker
      // allocates what the killed one left.
      const second = await startServer(env);
      const database = openDatabase({ databaseUrl: testDb.url, dataDir: env.ORDO_DATA_DIR });
      try {
        for (let waited = 0; ; waited += 1) {
          const { rows } = await sql<{ waiting: number; pending: number }>`
            select (select count(*) from orders where status = 'approved') as waiting,
                   (select count(*) from outbox where status = 'pending') as pending`.execute(database.db);
          if (Number(rows[0].waiting) === 0 && Number(rows[0].pending) === 0) break;
          assert.ok(
            waited < 3000,
            `still ${rows[0].waiting} approved orders, ${rows[0].pending} pending events`,
          );
          await new Promise((r) => setTimeout(r, 100));
        }
        await killed(second.child);

        const stock = await sql<{ reserved: number; allocated: number }>`
          select (select coalesce(sum(reserved), 0) from stock_levels) as reserved,
                 (select coalesce(sum(quantity), 0) from allocations where status = 'reserved') as allocated`.execute(
          database.db,
        );
        assert.ok(Number(stock.rows[0].allocated) > 0, 'the workers allocated orders');
        assert.equal(
          Number(stock.rows[0].reserved),
          Number(stock.rows[0].allocated),
          'reservations equal allocations',
        );

        const rows = await sql<{ external_id: string; lines: number; history: number; events: number }>`
          select o.external_id,
            (select count(*) from order_lines l where l.order_id = o.id) as lines,
            (select count(*) from order_status_history h where h.order_id = o.id) as history,
            (select count(*) from outbox e where e.type = 'order.received' and cast(e.payload as text) like ${'%'} || o.id || ${'%'}) as events
          from orders o`.execute(database.db);
        const stored = new Map(rows.rows.map((r) => [r.external_id, r]));
        for (const externalId of acknowledged)
          assert.ok(stored.has(externalId), `acknowledged ${externalId} is stored`);
        for (const row of rows.rows) {
          assert.equal(Number(row.lines), 1, `${row.external_id}: its line`);
          assert.ok(Number(row.history) >= 1, `${row.external_id}: its status history`);
          assert.equal(Number(row.events), 1, `${row.external_id}: one order.received event`);
        }
        assert.ok(rows.rows.length >= acknowledged.size);
      } finally {
        await killed(second.child);
        await database.close();
        await testDb.drop();
      }
    });
  });
}
