import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import pg from 'pg';
import { createApp } from '../../src/app.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { openDatabase } from '../../src/platform/db/database.ts';
import { createLogger } from '../../src/platform/logger.ts';
import { createTestApp } from '../helpers/app.ts';
import { postgresAdminUrl, testDialects } from '../helpers/db.ts';
import { newOrderInput } from '../helpers/factories.ts';

const root = path.resolve(import.meta.dirname, '../..');

function ordo(args: string[], env: Record<string, string>) {
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    const base: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn', ...env };
    if (!env.DATABASE_URL) delete base.DATABASE_URL;
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
      cwd: root,
      env: base,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('exit', (status) => resolve({ status, stdout, stderr }));
  });
}

async function adminQuery(statement: string) {
  const client = new pg.Client({ connectionString: postgresAdminUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

const stockOf = (app: Awaited<ReturnType<typeof createApp>>) =>
  app.database.db
    .selectFrom('stock_levels')
    .select(['sku_id', 'warehouse_id', 'on_hand', 'reserved'])
    .orderBy('sku_id')
    .orderBy('warehouse_id')
    .execute();

for (const dialect of testDialects) {
  describe(`ordo backup and restore on ${dialect}`, () => {
    it('backs up while orders keep arriving; restores every order acknowledged before it, and the stock', async () => {
      const source = await createTestApp(dialect);
      const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ordo-backup-test-'));
      const file = path.join(work, 'ordo.backup');
      const sourceEnv: Record<string, string> =
        dialect === 'postgres'
          ? { DATABASE_URL: source.testDb.url! }
          : { ORDO_DATA_DIR: path.dirname(source.testDb.sqliteFile!) };
      const targetName = `ordo_restore_${Date.now().toString(36)}`;
      try {
        const api = (method: 'POST' | 'GET', url: string, payload?: object) =>
          source.request({ method, url, payload, role: 'admin' });
        assert.equal(
          (await api('POST', '/api/v1/skus', { code: 'BK-1', name: 'Backup tee', price: '59.90' }))
            .statusCode,
          201,
        );
        await api('POST', '/api/v1/inventory/adjustments', {
          sku: 'BK-1',
          warehouse: 'main',
          delta: 10_000,
          reason: 'opening',
        });
        let sequence = 0;
        const acknowledged: { externalId: string; at: number }[] = [];
        const placeOne = async () => {
          sequence += 1;
          const externalId = `BK-${sequence}`;
          const response = await source.request({
            method: 'POST',
            url: '/api/v1/orders',
            role: 'integration',
            payload: newOrderInput({
              externalId,
              shippingAddress: { ...(newOrderInput().shippingAddress as object), line1: `路 ${sequence} 号` },
              lines: [{ sku: 'BK-1', quantity: 1, unitPrice: '59.90' }],
              total: '69.90',
              payment: {
                status: 'paid',
                method: 'alipay',
                paidAmount: '69.90',
                paidAt: '2026-11-20T08:01:30Z',
              },
            }),
          });
          assert.equal(response.statusCode, 201, response.body);
          acknowledged.push({ externalId, at: Date.now() });
        };
        for (let i = 0; i < 30; i += 1) await placeOne();
        await source.app.orders.allocation.allocateApproved();

        // Orders (and allocations, which move stock) keep coming while the backup runs.
        let isRunning = true;
        const traffic = (async () => {
          while (isRunning) {
            await placeOne();
            if (sequence % 5 === 0) await source.app.orders.allocation.allocateApproved();
          }
        })();
        await new Promise((resolve) => setTimeout(resolve, 200));
        const startedAt = Date.now();
        const backup = await ordo(['backup', file], sourceEnv);
        isRunning = false;
        await traffic;
        assert.equal(backup.status, 0, backup.stderr);
        assert.match(backup.stdout, new RegExp(`backup ${file}: ${dialect}, schema \\d+_\\w+`));
        const before = acknowledged.filter((o) => o.at < startedAt).map((o) => o.externalId);
        assert.ok(before.length >= 30);
        assert.ok(acknowledged.length > before.length, 'orders arrived during the backup');

        // The restore refuses a database that is not empty, and changes nothing there.
        const intoSource = await ordo(['restore', file], sourceEnv);
        assert.notEqual(intoSource.status, 0);
        assert.match(intoSource.stderr, /is not empty .* add --force/);
        assert.equal(intoSource.stderr.trim().split('\n').length, 1);

        // The drill restores into a scratch place and compares counts.
        const drill = await ordo(['restore', '--drill', file], sourceEnv);
        assert.equal(drill.status, 0, drill.stderr);
        assert.match(drill.stdout, /^drill .*rows as in the manifest/);

        // Into an empty target.
        let targetEnv: Record<string, string>;
        let targetUrl: string | undefined;
        const targetDir = path.join(work, 'restored');
        if (dialect === 'postgres') {
          await adminQuery(`create database ${targetName}`);
          const url = new URL(postgresAdminUrl);
          url.pathname = `/${targetName}`;
          targetUrl = url.toString();
          targetEnv = { DATABASE_URL: targetUrl };
        } else targetEnv = { ORDO_DATA_DIR: targetDir };
        const restore = await ordo(['restore', file], targetEnv);
        assert.equal(restore.status, 0, restore.stderr);
        assert.match(restore.stdout, /^restored .*rows as in the manifest/);

        const restored = await createApp({
          config: loadConfig({ ORDO_WEB_DIR: '/nonexistent' }),
          database: openDatabase({ databaseUrl: targetUrl, dataDir: targetDir }),
          logger: createLogger('silent'),
        });
        try {
          const rows = await restored.database.db
            .selectFrom('orders')
            .select(['id', 'external_id'])
            .where('external_id', 'like', 'BK-%')
            .execute();
          const restoredIds = new Set(rows.map((r) => r.external_id));
          for (const externalId of before)
            assert.ok(restoredIds.has(externalId), `${externalId} was acknowledged before the backup`);
          // Whole orders: each has its line.
          const lines = await restored.database.db
            .selectFrom('order_lines')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow();
          assert.equal(Number(lines.n), rows.length);
          // Stock: the ledger explains every level, and on hand is what it was.
          const check = await restored.inventory.ledger.check();
          assert.deepEqual(check.mismatches, []);
          const restoredStock = await stockOf(restored);
          const sourceStock = await stockOf(source.app);
          assert.deepEqual(
            restoredStock.map((s) => s.on_hand),
            sourceStock.map((s) => s.on_hand),
          );
        } finally {
          await restored.close();
        }
      } finally {
        await source.close();
        fs.rmSync(work, { recursive: true, force: true });
        if (dialect === 'postgres') await adminQuery(`drop database if exists ${targetName} with (force)`);
      }
    });

    it('refuses a damaged backup and a file that is not one', async () => {
      const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ordo-backup-bad-'));
      try {
        const notTar = path.join(work, 'notes.txt');
        fs.writeFileSync(notTar, 'hello');
        const run = await ordo(['restore', '--drill', notTar], { ORDO_DATA_DIR: work });
        assert.equal(run.status, 2, run.stderr);
        assert.match(run.stderr, /not an Ordo backup/);
        const missing = await ordo(['restore', path.join(work, 'absent.backup')], { ORDO_DATA_DIR: work });
        assert.equal(missing.status, 4);
      } finally {
        fs.rmSync(work, { recursive: true, force: true });
      }
    });
  });
}
