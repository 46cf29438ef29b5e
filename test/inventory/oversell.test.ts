import assert from 'node:assert/strict';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { createTestDatabase, type TestDatabase, testDialects } from '../helpers/db.ts';
import { newOrderInput } from '../helpers/factories.ts';

// biome-ignore lint/suspicious/noExplicitAny: response bodies are read field by field in assertions.
type Json = Record<string, any>;

const root = path.resolve(import.meta.dirname, '../..');
const clients = 64;
const units = 10;

// Two API nodes on one PostgreSQL database, each allocating with its own inline worker:
// the no-oversell guarantee has to come from the database, not from one process's memory.
if (testDialects.includes('postgres')) {
  describe('no oversell with 64 clients on two server processes (PostgreSQL)', () => {
    let testDb: TestDatabase;
    const servers: ChildProcess[] = [];
    const urls: string[] = [];
    let key = '';

    before(async () => {
      testDb = await createTestDatabase('postgres');
      await testDb.database.close();
      const env = {
        ...process.env,
        DATABASE_URL: testDb.url!,
        LOG_LEVEL: 'warn',
        ORDO_ADMIN_PASSWORD: 'admin-password-1',
      };
      const created = spawnSync(
        'node',
        ['--import', 'tsx', 'src/cli.ts', 'apikey', 'create', '--name', 'load', '--role', 'admin'],
        {
          cwd: root,
          env,
          encoding: 'utf8',
        },
      );
      assert.equal(created.status, 0, created.stderr);
      key = created.stdout.trim();
      for (const port of [await freePort(), await freePort()]) {
        const server = spawn('node', ['--import', 'tsx', 'src/cli.ts', 'serve'], {
          cwd: root,
          env: { ...env, PORT: String(port), ORDO_WEB_DIR: '/nonexistent' },
          stdio: ['ignore', 'ignore', 'inherit'],
        });
        servers.push(server);
        urls.push(`http://127.0.0.1:${port}`);
        await waitUntilReady(urls.at(-1)!);
      }
    });

    after(async () => {
      for (const server of servers) server.kill('SIGTERM');
      await Promise.all(
        servers.map(
          (s) => new Promise((resolve) => (s.exitCode !== null ? resolve(null) : s.once('exit', resolve))),
        ),
      );
      await testDb?.drop();
    });

    const call = async (base: string, method: string, url: string, body?: unknown) => {
      const response = await fetch(`${base}${url}`, {
        method,
        headers: { authorization: `Bearer ${key}`, ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
      return { status: response.status, body: (await response.json()) as Json };
    };

    it(`allocates exactly the last ${units} units and backorders the rest`, async () => {
      assert.equal(
        (await call(urls[0], 'POST', '/api/v1/skus', { code: 'LAST-TEN', name: 'Last ten', price: '59.90' }))
          .status,
        201,
      );
      const stocked = await call(urls[1], 'POST', '/api/v1/inventory/adjustments', {
        sku: 'LAST-TEN',
        warehouse: 'main',
        delta: units,
        reason: 'last units',
      });
      assert.equal(stocked.status, 201);

      const results = await Promise.all(
        Array.from({ length: clients }, (_, i) => {
          const input = newOrderInput({
            externalId: `oversell-${i}`,
            lines: [{ sku: 'LAST-TEN', quantity: 1, unitPrice: '59.90' }],
            total: '69.90',
            payment: { status: 'paid', method: 'alipay', paidAmount: '69.90' },
          });
          (input.shippingAddress as Record<string, string>).line1 = `人民路 ${i + 1} 号`;
          return call(urls[i % 2], 'POST', '/api/v1/orders', input);
        }),
      );
      assert.deepEqual(
        results.map((r) => [r.status, r.body.status]),
        results.map(() => [201, 'approved']),
      );

      const byStatus = await waitForAllocation(call, urls[0]);
      assert.equal(byStatus.allocated, units);
      assert.equal(byStatus.backordered, clients - units);

      const level = (await call(urls[1], 'GET', '/api/v1/inventory/levels?sku=LAST-TEN')).body.items[0];
      assert.deepEqual([level.onHand, level.reserved, level.available], [units, units, 0]);
      const reservations = (
        await call(urls[0], 'GET', '/api/v1/inventory/movements?sku=LAST-TEN&kind=reservation&limit=500')
      ).body.items;
      assert.equal(reservations.length, units);
      assert.equal(new Set(reservations.map((m: { orderId: string }) => m.orderId)).size, units);
      const check = (await call(urls[0], 'GET', '/api/v1/inventory/check')).body;
      assert.deepEqual(check.mismatches, []);
    });
  });
}

type Call = (base: string, method: string, url: string) => Promise<{ body: Json }>;

/** Waits until no order is left `approved`; both servers' workers allocate on their own. */
async function waitForAllocation(call: Call, base: string) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const count = async (status: string) =>
      (await call(base, 'GET', `/api/v1/orders?status=${status}&limit=500`)).body.items.length as number;
    const approved = await count('approved');
    if (approved === 0)
      return { allocated: await count('allocated'), backordered: await count('backordered') };
    if (Date.now() > deadline) throw new Error(`${approved} orders still approved after 60 s`);
    await sleep(200);
  }
}

async function waitUntilReady(url: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      if ((await fetch(`${url}/readyz`)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not become ready`);
    await sleep(100);
  }
}

async function freePort(): Promise<number> {
  const net = await import('node:net');
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
