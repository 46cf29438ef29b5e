import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { insertMany, insertRows } from '../../src/platform/db/bulk.ts';
import { readJson, writeJson } from '../../src/platform/db/dialect.ts';
import { inTransaction } from '../../src/platform/db/transaction.ts';
import { createTestDatabase, type TestDatabase, testDialects } from '../helpers/db.ts';

const at = '2026-11-21T09:30:00.000Z';
const awkward = 'quote " backslash \\ newline \n tab \t 中文 ✓ emoji 📦';

for (const dialect of testDialects) {
  describe(`bulk inserts on ${dialect}`, () => {
    let testDb: TestDatabase;
    before(async () => {
      testDb = await createTestDatabase(dialect);
    });
    after(async () => {
      await testDb.drop();
    });
    const rows = (type: string) =>
      testDb.database.db.selectFrom('outbox').selectAll().where('type', '=', type).orderBy('id').execute();

    it('stores every value as given: text with quotes and CJK, JSON, nulls, numbers, times', async () => {
      const payload = { text: awkward, nested: { list: [1, 2.5, null, 'x'] }, flag: true };
      await insertRows(testDb.database.db, 'outbox', [
        {
          type: 'bulk.values',
          payload: writeJson(payload),
          status: awkward,
          attempts: 3,
          last_error: null,
          created_at: at,
          available_at: at,
        },
        {
          type: 'bulk.values',
          payload: writeJson(['a', 2]),
          status: 'pending',
          attempts: 0,
          last_error: 'boom',
          created_at: at,
          available_at: at,
        },
      ]);
      const [first, second] = await rows('bulk.values');
      assert.deepEqual(readJson(first.payload), payload);
      assert.equal(first.status, awkward);
      assert.equal(first.attempts, 3);
      assert.equal(first.last_error, null);
      assert.equal(first.created_at, at);
      assert.deepEqual(readJson(second.payload), ['a', 2]);
      assert.equal(second.last_error, 'boom');
    });

    it('writes thousands of rows in one call and returns what RETURNING gives back', async () => {
      const many = Array.from({ length: 5000 }, (_, i) => ({
        type: 'bulk.many',
        payload: writeJson({ i }),
        status: 'pending',
        attempts: i % 7,
        created_at: at,
        available_at: at,
      }));
      const returned = await insertMany<{ id: number }>(testDb.database.db, 'outbox', many, 'returning "id"');
      assert.equal(returned.length, 5000);
      const stored = await rows('bulk.many');
      assert.equal(stored.length, 5000);
      assert.deepEqual(
        stored.slice(0, 3).map((r) => readJson(r.payload)),
        [{ i: 0 }, { i: 1 }, { i: 2 }],
      );
    });

    it('refuses a row missing a column of the first, writing none of the rows', async () => {
      const before = (await rows('bulk.partial')).length;
      await assert.rejects(
        inTransaction(testDb.database, (tx) =>
          insertRows(tx, 'outbox', [
            {
              type: 'bulk.partial',
              payload: '{}',
              status: 'pending',
              attempts: 0,
              created_at: at,
              available_at: at,
            },
            { type: 'bulk.partial', payload: '{}', status: 'pending', attempts: 0, created_at: at } as never,
          ]),
        ),
        /row 1 has no "available_at"/,
      );
      assert.equal((await rows('bulk.partial')).length, before);
    });
  });
}
