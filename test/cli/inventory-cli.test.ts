import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Database } from '../../src/platform/db/database.ts';
import { createTestDatabase, type TestDatabase, testDialects } from '../helpers/db.ts';

const root = path.resolve(import.meta.dirname, '../..');

for (const dialect of testDialects) {
  describe(`ordo import stock / suppliers and inventory check on ${dialect}`, () => {
    let testDb: TestDatabase;
    let db: Database['db'];
    let env: Record<string, string>;

    before(async () => {
      testDb = await createTestDatabase(dialect);
      db = testDb.database.db;
      // The CLI opens the very database the test reads back (same file or same URL).
      env =
        dialect === 'postgres'
          ? { DATABASE_URL: testDb.url! }
          : { ORDO_DATA_DIR: path.dirname(testDb.sqliteFile!) };
      const skus = ordo('import', 'skus', 'test/fixtures/stock-skus.csv');
      assert.equal(skus.status, 0, skus.stderr);
    });
    after(async () => {
      await testDb.drop();
    });

    function ordo(...args: string[]) {
      const result = spawnSync('node', ['--import', 'tsx', 'src/cli.ts', ...args], {
        cwd: root,
        env: { ...process.env, ...env, LOG_LEVEL: 'warn' },
        encoding: 'utf8',
      });
      return { status: result.status, stdout: result.stdout, stderr: result.stderr };
    }

    const levels = async () =>
      Object.fromEntries(
        (
          await db
            .selectFrom('stock_levels as l')
            .innerJoin('skus as s', 's.id', 'l.sku_id')
            .select(['s.code', 'l.warehouse_id', 'l.on_hand', 'l.bin'])
            .execute()
        ).map((r) => [`${r.code}@${r.warehouse_id}`, { onHand: Number(r.on_hand), bin: r.bin }]),
      );
    const movements = () =>
      db
        .selectFrom('stock_movements as m')
        .innerJoin('skus as s', 's.id', 'm.sku_id')
        .select(['s.code', 'm.kind', 'm.on_hand_delta', 'm.reason', 'm.actor_name'])
        .orderBy('m.id')
        .execute();

    it('sets counted stock with one ledger adjustment per changed line; rejected lines write nothing', async () => {
      const first = ordo('import', 'stock', 'test/fixtures/stock-opening.csv');
      assert.equal(first.status, 0, first.stderr);
      assert.match(first.stdout, /created: 2\n/);
      assert.match(first.stdout, /updated: 0\n/);
      assert.match(first.stdout, /unchanged: 1\n/);
      assert.match(first.stdout, /rejected: 4\n/);
      assert.match(first.stdout, /line 5 \(NO-SUCH-SKU\): sku: no SKU "NO-SUCH-SKU"/);
      assert.match(first.stdout, /line 6 \(TEA-GREEN\): warehouse: no warehouse "nowhere"/);
      assert.match(first.stdout, /line 7 \(TEA-BLACK\): onHand: a whole number/);
      assert.match(first.stdout, /line 8 \(MUG-WHT\): onHand: a whole number/);
      assert.deepEqual(await levels(), {
        'TEA-GREEN@main': { onHand: 120, bin: 'A-01-03' },
        'TEA-BLACK@main': { onHand: 40, bin: null },
      });
      assert.deepEqual(
        (await movements()).map((m) => [m.code, m.kind, Number(m.on_hand_delta), m.reason, m.actor_name]),
        [
          ['TEA-GREEN', 'adjustment', 120, 'opening balance', 'cli'],
          ['TEA-BLACK', 'adjustment', 40, 'stock import', 'cli'],
        ],
      );

      const again = ordo('import', 'stock', 'test/fixtures/stock-opening.csv');
      assert.match(again.stdout, /created: 0\n/);
      assert.match(again.stdout, /unchanged: 3\n/);
      assert.equal((await movements()).length, 2);
    });

    it('posts only the difference to the counted figure', async () => {
      const recount = ordo('import', 'stock', 'test/fixtures/stock-recount.csv');
      assert.equal(recount.status, 0, recount.stderr);
      assert.match(recount.stdout, /created: 1\nupdated: 1\nunchanged: 1\nrejected: 0\n/);
      const levelsNow = await levels();
      assert.equal(levelsNow['TEA-GREEN@main'].onHand, 117);
      assert.equal(levelsNow['TEA-GREEN@main'].bin, 'A-01-03', 'an empty bin cell keeps the bin');
      assert.equal(levelsNow['MUG-WHT@main'].onHand, 24);
      const latest = (await movements()).slice(2);
      assert.deepEqual(
        latest.map((m) => [m.code, Number(m.on_hand_delta), m.reason]),
        [
          ['TEA-GREEN', -3, 'broken seals found in recount'],
          ['MUG-WHT', 24, 'stock import'],
        ],
      );
    });

    it('creates suppliers by code, updates them, and assigns their SKUs', async () => {
      const created = ordo('import', 'suppliers', 'test/fixtures/suppliers.csv');
      assert.equal(created.status, 0, created.stderr);
      assert.match(created.stdout, /created: 2\nupdated: 0\nSKUs assigned: 3\nrejected: 3\n/);
      assert.match(created.stdout, /line 4 \(BAD-LEAD\): leadTimeDays: /);
      assert.match(created.stdout, /line 5 \(NO-SKU\): skus: no SKU "NO-SUCH-SKU"/);
      assert.match(created.stdout, /line 6 \(BAD-MAIL\): email: /);

      const updated = ordo('import', 'suppliers', 'test/fixtures/suppliers-update.csv');
      assert.equal(updated.status, 0, updated.stderr);
      assert.match(updated.stdout, /created: 0\nupdated: 1\nSKUs assigned: 1\nrejected: 0\n/);

      const suppliers = await db
        .selectFrom('suppliers')
        .select(['code', 'name', 'lead_time_days', 'min_order_qty', 'pack_size', 'max_order_qty', 'email'])
        .orderBy('code')
        .execute();
      assert.deepEqual(suppliers, [
        {
          code: 'JDZ-CERAMICS',
          name: '景德镇瓷源陶瓷 / Jingdezhen Ciyuan Ceramics',
          lead_time_days: 21,
          min_order_qty: 24,
          pack_size: 12,
          max_order_qty: 600,
          email: null,
        },
        {
          code: 'WUYI-TEA',
          name: '武夷山茗香茶业有限公司 / Wuyishan Mingxiang Tea Co.',
          lead_time_days: 5,
          // Left empty in the update: kept, not reset to the contract's default.
          min_order_qty: 20,
          pack_size: 10,
          max_order_qty: null,
          email: 'lin.fang@mingxiang.example.com',
        },
      ]);
      const assigned = await db
        .selectFrom('skus as s')
        .leftJoin('suppliers as p', 'p.id', 's.supplier_id')
        .select(['s.code', 'p.code as supplier'])
        .orderBy('s.code')
        .execute();
      assert.deepEqual(assigned, [
        { code: 'MUG-WHT', supplier: 'WUYI-TEA' },
        { code: 'TEA-BLACK', supplier: 'WUYI-TEA' },
        { code: 'TEA-GREEN', supplier: 'WUYI-TEA' },
      ]);
      assert.equal(
        (await db.selectFrom('suppliers').select('id').where('code', '=', 'NO-SKU').executeTakeFirst()) ??
          null,
        null,
        'a line with an unknown SKU creates no supplier',
      );
    });

    it('checks the ledger: exit 0 when it agrees, non-zero naming each figure when not', async () => {
      const clean = ordo('inventory', 'check');
      assert.equal(clean.status, 0, clean.stderr);
      assert.equal(clean.stdout.trim(), 'checked 3 levels, 0 mismatches');

      // A level written without a movement: exactly what the check exists to catch.
      const shiftOnHand = (by: number) =>
        db
          .updateTable('stock_levels')
          .set((eb) => ({ on_hand: eb('on_hand', '+', by) }))
          .where('sku_id', 'in', db.selectFrom('skus').select('id').where('code', '=', 'TEA-BLACK'))
          .execute();
      await shiftOnHand(5);
      try {
        const broken = ordo('inventory', 'check');
        assert.notEqual(broken.status, 0);
        assert.match(broken.stdout, /checked 3 levels, 1 mismatches/);
        assert.match(broken.stdout, /TEA-BLACK in main: onHand is 45, the ledger says 40/);
        assert.equal(broken.stderr.trim().split('\n').length, 1);
      } finally {
        await shiftOnHand(-5);
      }
    });

    it('fails only when the file cannot be read', () => {
      const missing = ordo('import', 'stock', 'test/fixtures/no-such-stock.csv');
      assert.notEqual(missing.status, 0);
      assert.match(missing.stderr, /no-such-stock.csv: no such file/);
      const noColumns = ordo('import', 'suppliers', 'test/fixtures/stock-skus.csv');
      assert.notEqual(noColumns.status, 0);
      assert.match(noColumns.stderr, /missing column\(s\) leadTimeDays/);
    });
  });
}
