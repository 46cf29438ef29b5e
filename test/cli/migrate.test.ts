import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import SqliteDatabase from 'better-sqlite3';
import { migrations } from '../../migrations/index.ts';

const root = path.resolve(import.meta.dirname, '../..');
const names = Object.keys(migrations);

function ordo(dataDir: string, ...args: string[]) {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ORDO_DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    PORT: '0',
    ORDO_ADMIN_PASSWORD: 'migrate-password-1',
  };
  delete env.DATABASE_URL;
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    cwd: root,
    env,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('ordo migrate --status and --dry-run; a database newer than Ordo', () => {
  it('reports and previews without changing anything, then refuses a newer database', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ordo-migrate-'));
    try {
      const status = ordo(dataDir, 'migrate', '--status');
      assert.equal(status.status, 0, status.stderr);
      assert.deepEqual(
        status.stdout.trim().split('\n'),
        names.map((name) => `pending  ${name}`),
      );
      const dry = ordo(dataDir, 'migrate', '--dry-run');
      assert.equal(dry.status, 0, dry.stderr);
      assert.equal(dry.stdout.trim(), `would apply: ${names.join(', ')}`);
      const file = new SqliteDatabase(path.join(dataDir, 'ordo.db'));
      const tables = () =>
        (file.prepare(`select count(*) as n from sqlite_master where type = 'table'`).get() as { n: number })
          .n;
      assert.equal(tables(), 0, 'the dry run created nothing');

      assert.equal(ordo(dataDir, 'migrate').status, 0);
      const after = ordo(dataDir, 'migrate', '--status');
      assert.ok(
        after.stdout
          .trim()
          .split('\n')
          .every((line) => line.startsWith('applied  ')),
      );
      assert.equal(
        ordo(dataDir, 'migrate', '--dry-run').stdout.trim(),
        'schema is up to date; nothing to apply',
      );

      // A newer Ordo migrated this database.
      file
        .prepare(
          `insert into kysely_migration (name, timestamp) values ('999_future', '2027-01-01T00:00:00Z')`,
        )
        .run();
      file.close();
      for (const args of [['migrate'], ['serve'], ['migrate', '--status']]) {
        const run = ordo(dataDir, ...args);
        assert.equal(run.status, 9, `${args.join(' ')}: ${run.stderr}`);
        assert.match(
          run.stderr,
          /^ordo: the database was migrated by a newer Ordo \(it has 999_future; this version knows up to \d+_\w+\): run the newer version, or restore a backup/,
        );
      }
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
