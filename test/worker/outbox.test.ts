import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createApp } from '../../src/app.ts';
import { fixedClock } from '../../src/platform/clock.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { inTransaction } from '../../src/platform/db/transaction.ts';
import { publish } from '../../src/platform/events/outbox.ts';
import { createLogger } from '../../src/platform/logger.ts';
import { createDispatcher, retryDelayMs } from '../../src/worker/dispatcher.ts';
import { useTestApp } from '../helpers/app.ts';
import { createTestDatabase, testDialects } from '../helpers/db.ts';

const silent = createLogger('silent');

for (const dialect of testDialects) {
  describe(`outbox and worker on ${dialect}`, () => {
    const clock = fixedClock('2026-11-20T08:00:00Z');
    const delivered: number[] = [];
    let failuresLeft = 0;
    const t = useTestApp(dialect, {
      clock,
      handlers: {
        'sku.changed': [
          async (event) => {
            if (event.payload.code.startsWith('FAIL') && failuresLeft-- > 0)
              throw new Error('downstream is down');
            if (event.payload.code.startsWith('MAIL'))
              await t.current.app.mailer.send({ to: 'buyer@example.com', subject: 'Your order', text: 'hi' });
            delivered.push(event.id);
          },
        ],
      },
    });
    const skuEvents = (code: string) =>
      t.current.app.database.db
        .selectFrom('outbox')
        .selectAll()
        .where('type', '=', 'sku.changed')
        .execute()
        .then((rows) => rows.filter((r) => JSON.stringify(r.payload).includes(code)));

    it('delivers each committed event once and marks it done', async () => {
      await t.current.request({
        method: 'POST',
        url: '/api/v1/skus',
        payload: { code: 'OK-1', name: 'ok', price: '1.00' },
      });
      const [row] = await skuEvents('OK-1');
      await t.current.app.dispatcher.drain();
      assert.ok(delivered.includes(Number(row.id)));
      const [after] = await skuEvents('OK-1');
      assert.equal(after.status, 'done');
      await t.current.app.dispatcher.drain();
      assert.equal(delivered.filter((id) => id === Number(row.id)).length, 1);
    });

    it('marks an event whose mail was not sent (no SMTP_URL) undeliverable, not delivered, and says so', async () => {
      await t.current.request({
        method: 'POST',
        url: '/api/v1/skus',
        payload: { code: 'MAIL-1', name: 'mail', price: '1.00' },
      });
      await t.current.app.dispatcher.drain();
      const [row] = await skuEvents('MAIL-1');
      assert.equal(row.status, 'undeliverable');
      assert.match(row.last_error ?? '', /SMTP_URL is not set: mail to buyer@example\.com/);
      const listed = await t.current.request({
        method: 'GET',
        url: '/api/v1/system/outbox?status=undeliverable',
      });
      assert.deepEqual(
        listed.json().items.map((item: { id: number }) => item.id),
        [Number(row.id)],
      );
      const status = await t.current.request({
        method: 'GET',
        url: '/api/v1/system/status',
        role: 'warehouse',
      });
      assert.deepEqual(status.json(), { mail: { isConfigured: false, undeliverable: 1 } });
    });

    it('writes no event when the change rolls back', async () => {
      const before = (await t.current.app.database.db.selectFrom('outbox').select('id').execute()).length;
      await assert.rejects(
        inTransaction(t.current.app.database, async (tx) => {
          await publish(tx, clock.now(), 'sku.changed', { skuId: 'x', code: 'ROLLBACK', change: 'created' });
          throw new Error('the change failed');
        }),
      );
      assert.equal(
        (await t.current.app.database.db.selectFrom('outbox').select('id').execute()).length,
        before,
      );
    });

    it('retries a failing handler with backoff, then succeeds', async () => {
      failuresLeft = 2;
      await t.current.request({
        method: 'POST',
        url: '/api/v1/skus',
        payload: { code: 'FAIL-1', name: 'flaky', price: '1.00' },
      });
      await t.current.app.dispatcher.drain();
      let [row] = await skuEvents('FAIL-1');
      assert.equal(row.status, 'pending');
      assert.equal(row.attempts, 1);
      assert.equal(row.last_error, 'downstream is down');
      assert.equal(Date.parse(row.available_at) - clock.now().getTime(), retryDelayMs(1));
      await t.current.app.dispatcher.drain();
      assert.equal((await skuEvents('FAIL-1'))[0].attempts, 1, 'not due yet, not retried');
      clock.advance(retryDelayMs(1));
      await t.current.app.dispatcher.drain();
      clock.advance(retryDelayMs(2));
      await t.current.app.dispatcher.drain();
      [row] = await skuEvents('FAIL-1');
      assert.equal(row.status, 'done');
      assert.equal(row.attempts, 2);
    });

    it('moves an event to the dead letters after the last attempt, and an operator can retry it', async () => {
      failuresLeft = 100;
      await t.current.request({
        method: 'POST',
        url: '/api/v1/skus',
        payload: { code: 'FAIL-2', name: 'broken', price: '1.00' },
      });
      for (let attempt = 1; attempt <= 8; attempt += 1) {
        await t.current.app.dispatcher.drain();
        clock.advance(retryDelayMs(attempt));
      }
      const [row] = await skuEvents('FAIL-2');
      assert.equal(row.status, 'dead');
      const dead = (
        await t.current.request({ method: 'GET', url: '/api/v1/system/outbox?status=dead', role: 'it' })
      ).json();
      assert.ok(dead.items.some((e: { id: number }) => e.id === Number(row.id)));
      failuresLeft = 0;
      const retried = await t.current.request({
        method: 'POST',
        url: `/api/v1/system/outbox/${row.id}/retry`,
        role: 'it',
      });
      assert.equal(retried.json().status, 'pending');
      await t.current.app.dispatcher.drain();
      assert.equal((await skuEvents('FAIL-2'))[0].status, 'done');
      const counts = (
        await t.current.request({ method: 'GET', url: '/api/v1/system/outbox/counts', role: 'it' })
      ).json();
      assert.equal(counts.dead ?? 0, 0);
    });
  });
}

if (testDialects.includes('postgres')) {
  describe('two workers on PostgreSQL', () => {
    it('never deliver the same event twice (FOR UPDATE SKIP LOCKED)', async () => {
      const testDb = await createTestDatabase('postgres');
      try {
        const config = loadConfig({ DATABASE_URL: testDb.url! });
        const app = await createApp({ config, database: testDb.database, logger: silent });
        const now = new Date();
        await inTransaction(testDb.database, async (tx) => {
          for (let i = 0; i < 400; i += 1)
            await publish(tx, now, 'sku.changed', { skuId: String(i), code: `C${i}`, change: 'created' });
        });
        const seen: string[] = [];
        const slowHandler = async (event: { payload: { skuId: string } }) => {
          seen.push(event.payload.skuId);
          await new Promise((resolve) => setImmediate(resolve));
        };
        const workers = [1, 2, 3].map(() =>
          createDispatcher({
            database: testDb.database,
            clock: app.clock,
            logger: silent,
            handlers: { 'sku.changed': [slowHandler] },
            batchSize: 25,
          }),
        );
        await Promise.all(workers.map((w) => w.drain()));
        assert.equal(seen.length, 400);
        assert.equal(new Set(seen).size, 400);
      } finally {
        await testDb.drop();
      }
    });
  });
}
