import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inTransaction } from '../../src/platform/db/transaction.ts';
import { createTestDatabase } from '../helpers/db.ts';

// SQLite has one connection: a query on the database itself from inside a transaction's work
// would wait for that transaction forever (and every request after it). It fails at once.

describe('a query that bypasses an open transaction on SQLite', () => {
  it('fails at once, rolls the transaction back, and leaves the database serving', {
    timeout: 20_000,
  }, async () => {
    const { database, drop } = await createTestDatabase('sqlite');
    try {
      const at = new Date().toISOString();
      const row = { key: 'guard.test', value: '{"n":1}', updated_by: 'test', updated_at: at };
      await assert.rejects(
        inTransaction(database, async (tx) => {
          await tx.insertInto('settings').values(row).execute();
          // The mistake: the root database instead of `tx`.
          await database.db.selectFrom('settings').selectAll().execute();
        }),
        /would wait for itself on SQLite/,
      );
      const rows = await database.db.selectFrom('settings').selectAll().where('key', '=', row.key).execute();
      assert.equal(rows.length, 0, 'the transaction rolled back');

      // Work of other requests still waits its turn and runs: only the transaction's own
      // context is refused.
      let isCommitted = false;
      const [, others] = await Promise.all([
        inTransaction(database, async (tx) => {
          await tx.insertInto('settings').values(row).execute();
          await new Promise((resolve) => setTimeout(resolve, 20));
          isCommitted = true;
        }),
        (async () => {
          await new Promise((resolve) => setTimeout(resolve, 5));
          const seen = await database.db
            .selectFrom('settings')
            .selectAll()
            .where('key', '=', row.key)
            .execute();
          return { seen: seen.length, afterCommit: isCommitted };
        })(),
      ]);
      assert.deepEqual(others, { seen: 1, afterCommit: true });
    } finally {
      await drop();
    }
  });
});
