import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { adminPassword, createTestApp } from '../helpers/app.ts';
import { testDialects } from '../helpers/db.ts';
import { newOrderInput, stockUp } from '../helpers/factories.ts';

// Two API nodes and two workers as separate processes on one database; one worker is SIGKILLed
// mid-run. On PostgreSQL workers claim with FOR UPDATE SKIP LOCKED; on SQLite every process
// opens the same file in WAL mode and each write transaction begins IMMEDIATE, waiting for the
// file's one writer through the busy timeout.

const root = path.resolve(import.meta.dirname, '../..');
const password = adminPassword;

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function ordo(args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    cwd: root,
    env: { ...process.env, ...env, LOG_LEVEL: 'warn' },
    stdio: 'ignore',
  });
}

async function apiNode(env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const child = ordo(['serve'], { ...env, PORT: String(port), HOST: '127.0.0.1', ORDO_WORKER: 'off' });
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`serve exited with ${child.exitCode}`);
    if (
      await fetch(`${url}/readyz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return { child, url };
    await sleep(100);
  }
}

async function session(url: string): Promise<Record<string, string>> {
  const response = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password }),
  });
  assert.equal(response.status, 200);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
}

const stop = (child: ChildProcess, signal: NodeJS.Signals) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill(signal);
  });

for (const dialect of testDialects) {
  describe(`two API nodes and two workers on ${dialect}`, () => {
    it('handles every order once by effect when a worker is killed mid-run', {
      timeout: 420_000,
    }, async () => {
      const t = await createTestApp(dialect);
      const processes: ChildProcess[] = [];
      try {
        await t.request({
          method: 'POST',
          url: '/api/v1/skus',
          payload: { code: 'SCALE-1', name: 'Scale', price: '10.00' },
        });
        await stockUp(t.app, { sku: 'SCALE-1', delta: 100_000 });
        const env: Record<string, string> = t.testDb.url
          ? { DATABASE_URL: t.testDb.url, ORDO_ADMIN_PASSWORD: password }
          : { ORDO_DATA_DIR: path.dirname(t.testDb.sqliteFile!), ORDO_ADMIN_PASSWORD: password };
        const workers = [ordo(['worker'], env), ordo(['worker'], env)];
        const nodes = [await apiNode(env), await apiNode(env)];
        processes.push(...workers, ...nodes.map((n) => n.child));
        const sessions = await Promise.all(nodes.map((n) => session(n.url)));

        let created = 0;
        const client = async (node: number, count: number) => {
          for (let i = 0; i < count; i++) {
            const input = newOrderInput({
              lines: [{ sku: 'SCALE-1', quantity: 2, unitPrice: '10.00' }],
              total: '30.00',
              payment: {
                status: 'paid',
                method: 'alipay',
                paidAmount: '30.00',
                paidAt: '2026-11-20T08:01:30Z',
              },
            });
            const response = await fetch(`${nodes[node].url}/api/v1/orders`, {
              method: 'POST',
              headers: sessions[node],
              body: JSON.stringify(input),
            });
            assert.equal(response.status, 201, await response.text());
            created += 1;
          }
        };
        const load = [client(0, 60), client(1, 60), client(0, 60), client(1, 60)];
        while (created < 80) await sleep(20);
        await stop(workers[0], 'SIGKILL');
        await Promise.all(load);

        // Wait for the surviving worker to drain, taking over the killed one's claims on expiry.
        const db = t.app.database.db;
        for (let waited = 0; ; waited += 1) {
          const { rows } = await sql<{ waiting: number; pending: number }>`
            select (select count(*) from orders where status = 'approved') as waiting,
                   (select count(*) from outbox where status = 'pending') as pending`.execute(db);
          if (Number(rows[0].waiting) === 0 && Number(rows[0].pending) === 0) break;
          assert.ok(
            waited < 3000,
            `still ${rows[0].waiting} approved orders, ${rows[0].pending} pending events`,
          );
          await sleep(100);
        }

        const { rows: orders } = await sql<{ status: string; n: number }>`
          select status, count(*) as n from orders group by status`.execute(db);
        assert.equal(
          orders.reduce((s, r) => s + Number(r.n), 0),
          240,
        );
        const { rows: doubled } = await sql<{ order_line_id: string }>`
          select order_line_id from allocations where closed_at is null
          group by order_id, order_line_id having count(*) > 1`.execute(db);
        assert.deepEqual(doubled, [], `no line is allocated twice`);
        const { rows: reserved } = await sql<{ reserved: number; allocated: number }>`
          select (select coalesce(sum(reserved), 0) from stock_levels) as reserved,
                 (select coalesce(sum(quantity), 0) from allocations where closed_at is null) as allocated`.execute(
          db,
        );
        assert.equal(
          Number(reserved[0].reserved),
          Number(reserved[0].allocated),
          'reservations equal open allocations',
        );
        assert.ok(
          Number(reserved[0].allocated) > 0,
          `the workers allocated orders: ${JSON.stringify(orders)}`,
        );
        const check = await t.app.inventory.ledger.check();
        assert.deepEqual(check.mismatches, [], 'ledger sums equal stock levels');
      } finally {
        await Promise.all(processes.map((p) => stop(p, 'SIGTERM')));
        await t.close();
      }
    });
  });
}
