import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase, type TestDatabase, testDialects } from '../helpers/db.ts';

const root = path.resolve(import.meta.dirname, '../..');
const fixtures = path.join(root, 'test/fixtures/imports');

for (const dialect of testDialects) {
  describe(`ordo import orders --channel (${dialect})`, () => {
    let testDb: TestDatabase;
    let env: Record<string, string>;
    let work: string;

    before(async () => {
      testDb = await createTestDatabase(dialect);
      await testDb.database.close();
      work = fs.mkdtempSync(path.join(os.tmpdir(), 'ordo-file-import-'));
      env = dialect === 'postgres' ? { DATABASE_URL: testDb.url! } : { ORDO_DATA_DIR: work };
    });
    after(async () => {
      await testDb.drop();
      fs.rmSync(work, { recursive: true, force: true });
    });

    function ordo(...args: string[]) {
      const result = spawnSync('node', ['--import', 'tsx', 'src/cli.ts', ...args], {
        cwd: root,
        env: { ...process.env, ...env, LOG_LEVEL: 'warn' },
        encoding: 'utf8',
      });
      return { status: result.status, stdout: result.stdout, stderr: result.stderr };
    }

    it('imports a Taobao export through the preset its columns fit, writing the failed lines beside it', () => {
      const input = path.join(work, '淘宝订单.csv');
      fs.copyFileSync(path.join(fixtures, 'taobao-orders.csv'), input);
      const first = ordo('import', 'orders', input, '--channel', 'web', '--no-progress');
      assert.equal(first.status, 0, first.stderr);
      assert.match(first.stdout, /created: 2\nduplicate: 0\nrejected: 1\n/);
      const resultFile = path.join(work, '淘宝订单.failed.csv');
      assert.match(first.stdout, new RegExp(`result file: ${resultFile}`));
      const failed = fs
        .readFileSync(resultFile, 'utf8')
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
      assert.equal(failed.length, 2);
      assert.match(failed[1]!, /^4,.*神秘商品/);

      const again = ordo(
        'import',
        'orders',
        input,
        '--channel',
        'web',
        '--mapping',
        'taobao',
        '--result',
        path.join(work, 'again.csv'),
      );
      assert.equal(again.status, 0, again.stderr);
      assert.match(again.stdout, /created: 0\nduplicate: 2\nrejected: 1\n/);
      assert.ok(fs.existsSync(path.join(work, 'again.csv')));
    });

    it('refuses a mapping file naming a column the export lacks, naming the field', () => {
      const mappingFile = path.join(work, 'mapping.json');
      fs.writeFileSync(
        mappingFile,
        JSON.stringify({ columns: { externalId: '订单编号', sku: 'SKU', quantity: '购买数量' } }),
      );
      const run = ordo(
        'import',
        'orders',
        path.join(fixtures, 'taobao-orders.csv'),
        '--channel',
        'web',
        '--mapping',
        mappingFile,
      );
      assert.notEqual(run.status, 0);
      assert.match(run.stderr, /mapping\.columns\.sku: column "SKU" is not in the file/);
    });

    it('keeps the canonical import without --channel', () => {
      const run = ordo(
        'import',
        'orders',
        path.join(root, 'test/fixtures/orders-sample.csv'),
        '--no-progress',
      );
      assert.equal(run.status, 0, run.stderr);
      assert.match(run.stdout, /created: \d+/);
    });
  });
}
