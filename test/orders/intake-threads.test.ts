import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import SqliteDatabase from 'better-sqlite3';
import { fixedClock } from '../../src/platform/clock.ts';
import { readJson } from '../../src/platform/db/dialect.ts';
import { type TestApp, useTestApp } from '../helpers/app.ts';
import { testDialects } from '../helpers/db.ts';
import { newOrderInput } from '../helpers/factories.ts';

const receivedAt = '2026-11-21T09:30:00.000Z';

/** An order of its own buyer and street, so no velocity or merge check ties it to the others. */
function ownOrder(externalId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const base = newOrderInput({ externalId });
  const address = { ...(base.shippingAddress as object), line1: `文三路 ${externalId} 号` };
  return { ...base, shippingAddress: address, ...overrides };
}

/** 1,000 orders of 64 lines each: just under the 4 MB body limit, the most one batch can hold. */
function fullBatch(prefix: string): string {
  const lines = Array.from({ length: 64 }, () => ({ sku: 'TEE-RED-M', quantity: 1, unitPrice: '59.90' }));
  const total = '3843.60';
  const payment = { status: 'paid', method: 'alipay', paidAmount: total, paidAt: '2026-11-20T08:01:30Z' };
  const orders = Array.from({ length: 1000 }, (_, i) =>
    ownOrder(`${prefix}-${i}`, { lines, total, payment }),
  );
  const body = JSON.stringify({ orders });
  assert.ok(body.length > 3.5 * 2 ** 20 && body.length < 4 * 2 ** 20, `body of ${body.length} bytes`);
  return body;
}

/** Stored lines of the orders whose external id matches `pattern`. */
async function linesOf(app: TestApp, pattern: string): Promise<number> {
  const row = await app.app.database.db
    .selectFrom('order_lines')
    .innerJoin('orders', 'orders.id', 'order_lines.order_id')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('orders.external_id', 'like', pattern)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

for (const dialect of testDialects) {
  describe(`intake threads on ${dialect}`, () => {
    // Two threads store batches over their own connections; the server hands them its clock.
    const t = useTestApp(dialect, { env: { ORDO_INTAKE_THREADS: '2' }, clock: fixedClock(receivedAt) });
    const postBatch = (payload: unknown) =>
      t.current.request({
        method: 'POST',
        url: '/api/v1/orders/batch',
        headers: { 'content-type': 'application/json' },
        payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
      });
    const orderCount = async () =>
      Number(
        (
          await t.current.app.database.db
            .selectFrom('orders')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );

    it('stores a batch on a thread with one result per order, judged at the server’s time', async () => {
      await t.current.request({
        method: 'POST',
        url: '/api/v1/skus',
        payload: { code: 'TEE-RED-M', name: 'Tee red M', price: '59.90' },
      });
      const orders = [
        ownOrder('thr-1'),
        ownOrder('thr-2'),
        { ...ownOrder('thr-3'), total: undefined },
        ownOrder('thr-4', { channel: 'nowhere' }),
        ownOrder('thr-1'),
      ];
      const response = await postBatch({ orders });
      assert.equal(response.statusCode, 200, response.body);
      const { results, summary } = response.json();
      assert.deepEqual(summary, { created: 2, duplicate: 1, rejected: 2 });
      assert.deepEqual(
        results.map((r: { outcome: string }) => r.outcome),
        ['created', 'created', 'rejected', 'rejected', 'duplicate'],
      );
      assert.equal(results[2].error.code, 'VALIDATION_FAILED');
      assert.equal(results[2].error.details.field, 'total');
      assert.equal(results[3].error.code, 'UNKNOWN_CHANNEL');
      assert.equal(results[4].order.id, results[0].order.id, 'a repeat in the batch is the first one');

      const stored = (
        await t.current.request({ method: 'GET', url: `/api/v1/orders/${results[0].order.id}` })
      ).json();
      assert.equal(stored.status, 'approved');
      assert.equal(stored.lines[0].name, 'Tee red M', 'the thread read the catalog');
      assert.equal(stored.createdAt, receivedAt);
      assert.deepEqual(
        stored.events.map((e: { type: string }) => e.type),
        ['received', 'approved'],
      );
      const outbox = await t.current.app.database.db
        .selectFrom('outbox')
        .select(['type', 'payload'])
        .where('type', '=', 'order.received')
        .execute();
      const announced = outbox.map((row) => readJson<{ orderId: string }>(row.payload).orderId);
      assert.ok(announced.includes(results[0].order.id) && announced.includes(results[1].order.id));
    });

    it('refuses a body that is not JSON or has no orders list, storing nothing', async () => {
      const before = await orderCount();
      const broken = await postBatch('{"orders": [');
      assert.equal(broken.statusCode, 400);
      assert.equal(broken.json().error.code, 'INVALID_JSON');
      assert.equal(broken.json().error.details.field, 'body');
      const empty = await postBatch({ orders: [] });
      assert.equal(empty.statusCode, 400);
      assert.equal(empty.json().error.code, 'VALIDATION_FAILED');
      assert.equal(empty.json().error.details.field, 'orders');
      const notAList = await postBatch({ orders: 'many' });
      assert.equal(notAList.statusCode, 400);
      assert.equal(notAList.json().error.details.field, 'orders');
      assert.equal(await orderCount(), before);
      const next = await postBatch({ orders: [ownOrder('thr-after-refusals')] });
      assert.equal(next.json().summary.created, 1, 'the threads keep serving');
    });

    it('stores each order once when two threads take overlapping batches at the same time', async () => {
      const before = await orderCount();
      const ids = Array.from({ length: 60 }, (_, i) => `race-${i}`);
      const first = ids.slice(0, 40).map((id) => ownOrder(id));
      const second = ids.slice(20).map((id) => ownOrder(id));
      const [a, b] = await Promise.all([postBatch({ orders: first }), postBatch({ orders: second })]);
      assert.equal(a.statusCode, 200, a.body);
      assert.equal(b.statusCode, 200, b.body);
      const summaries = [a.json().summary, b.json().summary];
      assert.equal(summaries[0].created + summaries[1].created, 60);
      assert.equal(summaries[0].duplicate + summaries[1].duplicate, 20);
      assert.equal(await orderCount(), before + 60);
      const byExternalId = new Map<string, string>();
      for (const [batch, reply] of [
        [first, a],
        [second, b],
      ] as const) {
        reply.json().results.forEach((r: { order: { id: string } }, i: number) => {
          const externalId = batch[i].externalId as string;
          const known = byExternalId.get(externalId);
          if (known) assert.equal(r.order.id, known, `${externalId} is one order in both replies`);
          byExternalId.set(externalId, r.order.id);
        });
      }
    });

    it('stores a full batch at the body limit, each order once with all its lines', async () => {
      const before = await orderCount();
      const response = await postBatch(fullBatch('big'));
      assert.equal(response.statusCode, 200, response.body.slice(0, 500));
      assert.deepEqual(response.json().summary, { created: 1000, duplicate: 0, rejected: 0 });
      assert.equal(await orderCount(), before + 1000);
      assert.equal(await linesOf(t.current, 'big-%'), 64_000);
    });

    it('judges a batch by settings saved a moment before', async () => {
      const admin = { type: 'system' as const, id: null, name: 'test' };
      await t.current.app.orders.settings.save(admin, { autohold: { isEnabled: true, minutes: 15 } });
      const response = await postBatch({ orders: [ownOrder('thr-autohold')] });
      const [result] = response.json().results;
      assert.equal(result.order.status, 'pending_review');
      assert.deepEqual(result.order.holds, ['AUTOHOLD']);
      await t.current.app.orders.settings.save(admin, { autohold: { isEnabled: false, minutes: 15 } });
    });

    if (dialect === 'sqlite') {
      it('checkpoints the WAL after each batch, so the database file itself holds the orders', async () => {
        // A thread's commits never checkpoint (that would hold up the other threads' writes);
        // the thread checkpoints once it has replied. Three orders are far below the 1,000
        // pages at which SQLite would checkpoint on its own.
        const response = await postBatch({
          orders: [ownOrder('ckpt-1'), ownOrder('ckpt-2'), ownOrder('ckpt-3')],
        });
        assert.equal(response.json().summary.created, 3);
        const copy = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ordo-ckpt-')), 'copy.db');
        const storedInFile = () => {
          // The file alone, without its WAL: what a checkpoint has copied into it. A checkpoint
          // may be writing the file while it is copied; such a torn copy (SQLITE_CORRUPT or one
          // that fails its integrity check) counts as "not yet" and is taken again, never read.
          fs.copyFileSync(t.current.testDb.sqliteFile!, copy);
          let file: SqliteDatabase.Database | undefined;
          try {
            file = new SqliteDatabase(copy, { readonly: true });
            const check = file.pragma('quick_check', { simple: true });
            if (check !== 'ok') return { n: -1 };
            return file.prepare(`select count(*) as n from orders where external_id like 'ckpt-%'`).get() as {
              n: number;
            };
          } catch (error) {
            // Torn, or not even the schema checkpointed yet: look again.
            const { code, message } = error as { code?: string; message?: string };
            if (/SQLITE_CORRUPT|SQLITE_NOTADB/.test(String(code)) || /no such table/.test(String(message)))
              return { n: -1 };
            throw error;
          } finally {
            file?.close();
          }
        };
        const deadline = Date.now() + 10_000;
        while (storedInFile().n < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
        assert.equal(storedInFile().n, 3);
        fs.rmSync(path.dirname(copy), { recursive: true, force: true });
      });
    }

    it('counts what the threads received in /metrics', async () => {
      const metrics = await t.current.server.inject({ method: 'GET', url: '/metrics' });
      assert.match(metrics.body, /ordo_orders_received_total\{channel="nowhere",outcome="rejected"\} 1/);
      assert.match(metrics.body, /ordo_intake_stage_seconds_count\{stage="store"\} [1-9]/);
    });
  });
}

for (const dialect of testDialects) {
  describe(`a batch too large for an intake thread on ${dialect}`, () => {
    // A 16 MB thread heap cannot hold a full batch: V8 stops the thread mid-batch.
    const t = useTestApp(dialect, { env: { ORDO_INTAKE_THREADS: '1', ORDO_INTAKE_THREAD_HEAP_MB: '16' } });
    const postBatch = (body: string) =>
      t.current.request({
        method: 'POST',
        url: '/api/v1/orders/batch',
        headers: { 'content-type': 'application/json' },
        payload: body,
      });

    it('is stored by the server itself, once, and the threads keep serving', async () => {
      await t.current.request({
        method: 'POST',
        url: '/api/v1/skus',
        payload: { code: 'TEE-RED-M', name: 'Tee red M', price: '59.90' },
      });
      const response = await postBatch(fullBatch('oom'));
      assert.equal(response.statusCode, 200, response.body.slice(0, 500));
      assert.deepEqual(response.json().summary, { created: 1000, duplicate: 0, rejected: 0 });
      assert.equal(await linesOf(t.current, 'oom-%'), 64_000);

      const replay = await postBatch(fullBatch('oom'));
      assert.equal(replay.statusCode, 200, replay.body.slice(0, 500));
      assert.deepEqual(replay.json().summary, { created: 0, duplicate: 1000, rejected: 0 });
      assert.equal(await linesOf(t.current, 'oom-%'), 64_000, 'nothing stored twice');

      const metrics = await t.current.request({ method: 'GET', url: '/metrics' });
      assert.match(
        metrics.body,
        /ordo_intake_batches_too_large_for_threads_total 2/,
        'both went to the server',
      );

      const small = await postBatch(JSON.stringify({ orders: [ownOrder('after-oom')] }));
      assert.equal(small.statusCode, 200, small.body);
      assert.deepEqual(small.json().summary, { created: 1, duplicate: 0, rejected: 0 });
    });
  });
}
