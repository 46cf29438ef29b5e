import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase, type TestDatabase, testDialects } from '../helpers/db.ts';
import { insertHistory } from './workload.ts';

const root = path.resolve(import.meta.dirname, '../..');

for (const dialect of testDialects) {
  describe(`ordo insights refresh on ${dialect}`, () => {
    let testDb: TestDatabase;
    let env: Record<string, string>;

    before(async () => {
      testDb = await createTestDatabase(dialect);
      env =
        dialect === 'postgres'
          ? { DATABASE_URL: testDb.url! }
          : { ORDO_DATA_DIR: path.dirname(testDb.sqliteFile!) };
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

    it('builds the summaries of the days with orders, and rebuilds them all with --full', async () => {
      await insertHistory(testDb.database.db, [
        {
          id: 'cli-1',
          number: 'CLI1',
          status: 'shipped',
          placedAt: '2026-03-02T08:00:00.000Z',
          events: [
            { type: 'received', at: '2026-03-02T08:00:00.000Z' },
            { type: 'shipped', at: '2026-03-02T20:00:00.000Z' },
          ],
        },
        {
          id: 'cli-2',
          number: 'CLI2',
          status: 'pending_review',
          placedAt: '2026-03-04T08:00:00.000Z',
          events: [{ type: 'received', at: '2026-03-04T08:00:00.000Z' }],
        },
      ]);
      const first = ordo('insights', 'refresh');
      assert.equal(first.status, 0, first.stderr);
      assert.match(first.stdout, /recomputed 3 days \(2026-03-02 … 2026-03-04\)/);
      const full = ordo('insights', 'refresh', '--full');
      assert.equal(full.status, 0, full.stderr);
      assert.match(full.stdout, /recomputed 3 days/);
      const rows = await testDb.database.db
        .selectFrom('insights_daily_counts' as never)
        .select(['day', 'value'] as never)
        .where('metric' as never, '=', 'orders' as never)
        .where('dim' as never, '=', '' as never)
        .orderBy('day' as never)
        .execute();
      assert.deepEqual(
        rows.map((r) => {
          const row = r as { day: string; value: number };
          return [row.day, Number(row.value)];
        }),
        [
          ['2026-03-02', 1],
          ['2026-03-04', 1],
        ],
      );
    });
  });
}
