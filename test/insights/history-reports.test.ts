import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { percentileCont } from '../../src/modules/insights/index.ts';
import { openDatabase } from '../../src/platform/db/database.ts';
import { createTestDatabase, type TestDatabase, testDialects } from '../helpers/db.ts';

const root = path.resolve(import.meta.dirname, '../..');
const fixture = path.join(root, 'test/fixtures/history/orders.jsonl');

// biome-ignore lint/suspicious/noExplicitAny: report bodies are read field by field in assertions.
type Json = any;

/*
 * The fixture (test/fixtures/history/orders.jsonl), in the shop zone Asia/Shanghai (+08:00).
 * 2026-W10 runs Mon 2026-03-02 00:00 to Mon 2026-03-09 00:00 local (2026-03-01T16:00Z to 03-08T16:00Z).
 *
 *   order  channel      placed (local)   status     approved  shipped       delivered      promised
 *   A1     web          03-02 09:00      delivered  +1 h      03-03 09:00   03-05 09:00    03-06 00:00  on time
 *   A2     web          03-02 12:00      delivered  +0.5 h    03-02 18:30   03-04 18:30    03-04 12:00  LATE
 *   A3     marketplace  03-03 08:00 (Z)  delivered  +3 h      03-04 08:00   "03-04 20:00" (no offset: shop zone), no promise
 *   A4     web          03-04 10:00      delivered  +0.25 h   03-04 09:15 (before approval: skewed clock, −1 h)
 *                                                                           03-07 09:15    03-07 09:15  on time (equal)
 *   A5     web          03-05 14:00      shipped    +2 h      03-06 16:00   —
 *   A6     marketplace  03-06 09:00      cancelled  (cancelled 10:00)
 *   A7     web          03-07 20:00      delivered  +1 h      —             03-10 21:00    03-09 00:00  LATE
 *   A8     web          03-08 23:30      approved   (Sunday night local; Sunday 15:30 UTC)
 *   B1     web          03-09 00:30      delivered  (W11 local, but 03-08 16:30 UTC: inside W10 in UTC)
 *   B2     web          03-01 23:00      delivered  (W09) received→delivered 03-01 23:00 → 03-03 15:00 = 40 h
 *   C1     web          2025-03-04 10:00 delivered  (2025-W10) received→delivered 48 h, promised 03-06 00:00: LATE
 *   D1     web          03-10 10:00      "shipped-ish" with an unreadable milestone: kept, status completed (W11)
 * Plus a second A1 (duplicate), a line that is not JSON and an order without externalId (rejected).
 *
 * 2026-W10 (Shanghai): received 8 = A1..A8; by status approved 1, cancelled 1, delivered 5,
 * shipped 1; by channel marketplace 2, web 6.
 * Stage hours over the delivered orders A1 A2 A3 A4 A7 having both milestones; percentile_cont:
 * rank = p·(n−1), value = v[floor] + frac·(v[ceil] − v[floor]).
 *   receivedToApproved  [0.25, 0.5, 1, 1, 3]          n 5: p50 rank 2 → 1;     p90 rank 3.6 → 1 + 0.6·2 = 2.2
 *   approvedToShipped   [−1, 6, 21, 23] (A7 unshipped) n 4: p50 rank 1.5 → 13.5; p90 rank 2.7 → 21 + 0.7·2 = 22.4
 *   shippedToDelivered  [12, 48, 48, 72]              n 4: p50 rank 1.5 → 48;   p90 rank 2.7 → 48 + 0.7·24 = 64.8
 *   receivedToDelivered [36, 54.5, 71.25, 72, 73]     n 5: p50 rank 2 → 71.25;  p90 rank 3.6 → 72 + 0.6·1 = 72.6
 * Delivery: delivered 5; with a promise A1 A2 A4 A7 = 4; late A2 A7 = 2; lateRate 2/4 = 0.5.
 * Orders per ISO week (Shanghai): 2025-W10 1, 2026-W09 1, 2026-W10 8, 2026-W11 2; in UTC 2026-W10 has 9.
 */
const expectedW10 = {
  from: '2026-03-02',
  to: '2026-03-09',
  timeZone: 'Asia/Shanghai',
  orders: {
    received: 8,
    byStatus: { approved: 1, cancelled: 1, delivered: 5, shipped: 1 },
    byChannel: { marketplace: 2, web: 6 },
  },
  stageHours: {
    receivedToApproved: { n: 5, p50: 1, p90: 2.2 },
    approvedToShipped: { n: 4, p50: 13.5, p90: 22.4 },
    shippedToDelivered: { n: 4, p50: 48, p90: 64.8 },
    receivedToDelivered: { n: 5, p50: 71.25, p90: 72.6 },
  },
  delivery: { delivered: 5, late: 2, withPromise: 4, lateRate: 0.5 },
};

for (const dialect of testDialects) {
  describe(`history import and reports on ${dialect}`, () => {
    let testDb: TestDatabase;
    let env: Record<string, string>;
    let work: string;

    before(async () => {
      testDb = await createTestDatabase(dialect);
      await testDb.database.db
        .insertInto('channels')
        .values({
          id: 'marketplace',
          name: 'Marketplace',
          kind: 'marketplace',
          is_active: 1,
          created_at: new Date().toISOString(),
        })
        .execute();
      await testDb.database.close();
      work = fs.mkdtempSync(path.join(os.tmpdir(), 'ordo-history-'));
      env =
        dialect === 'postgres'
          ? { DATABASE_URL: testDb.url! }
          : { ORDO_DATA_DIR: path.dirname(testDb.sqliteFile!) };
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
    const json = (...args: string[]): Json => {
      const run = ordo(...args);
      assert.equal(run.status, 0, run.stderr);
      return JSON.parse(run.stdout);
    };

    it('imports the history, counting created, duplicate and rejected; again, all duplicates', () => {
      const first = ordo('import', 'orders', fixture, '--history', '--no-progress');
      assert.equal(first.status, 0, first.stderr);
      assert.match(first.stdout, /^created: 12\nduplicate: 1\nrejected: 2\n/);
      const again = ordo('import', 'orders', fixture, '--history', '--no-progress');
      assert.match(again.stdout, /^created: 0\nduplicate: 13\nrejected: 2\n/);
    });

    it('stores them in their status with timeline events at their times, and nothing for the outbox', async () => {
      const database = openDatabase({
        databaseUrl: testDb.url,
        dataDir: work,
        sqliteFile: testDb.sqliteFile,
      });
      try {
        const a3 = await database.db
          .selectFrom('orders')
          .selectAll()
          .where('external_id', '=', 'A3')
          .executeTakeFirstOrThrow();
        assert.equal(a3.status, 'delivered');
        const events = await database.db
          .selectFrom('order_events')
          .select(['type', 'at'])
          .where('order_id', '=', a3.id)
          .orderBy('at')
          .execute();
        assert.deepEqual(events, [
          { type: 'received', at: '2026-03-03T00:00:00.000Z' },
          { type: 'approved', at: '2026-03-03T03:00:00.000Z' },
          { type: 'shipped', at: '2026-03-04T00:00:00.000Z' },
          { type: 'delivered', at: '2026-03-04T12:00:00.000Z' },
        ]);
        const d1 = await database.db
          .selectFrom('orders')
          .select('status')
          .where('external_id', '=', 'D1')
          .executeTakeFirstOrThrow();
        assert.equal(d1.status, 'completed');
        const outbox = await database.db
          .selectFrom('outbox')
          .select(sql<number>`count(*)`.as('n'))
          .executeTakeFirstOrThrow();
        assert.equal(Number(outbox.n), 0, 'no notification, no sync, no allocation');
        const audit = await database.db
          .selectFrom('audit_log')
          .select(sql<number>`count(*)`.as('n'))
          .executeTakeFirstOrThrow();
        assert.equal(Number(audit.n), 0);
        const holds = await database.db
          .selectFrom('order_holds')
          .select(sql<number>`count(*)`.as('n'))
          .executeTakeFirstOrThrow();
        assert.equal(Number(holds.n), 0);
      } finally {
        await database.close();
      }
    });

    it('reports the week with the figures computed by hand', () => {
      const report = json('report', 'period', '--from', '2026-03-02', '--to', '2026-03-09', '--json');
      const { start: _start, end: _end, ...figures } = report;
      assert.deepEqual(figures, expectedW10);
      const weekly = json('report', 'weekly', '--week', '2026-W10', '--json');
      const { week, previousWeeks, previousAverage, lastYear, exceptions, ...same } = weekly;
      assert.deepEqual(
        { ...same, start: undefined, end: undefined },
        { ...report, start: undefined, end: undefined },
      );
      assert.equal(week, '2026-W10');
      assert.deepEqual(
        previousWeeks.map((w: Json) => [w.week, w.received, w.delivered, w.receivedToDeliveredP50]),
        [
          ['2026-W09', 1, 1, 40],
          ['2026-W08', 0, 0, 0],
          ['2026-W07', 0, 0, 0],
          ['2026-W06', 0, 0, 0],
        ],
      );
      assert.deepEqual(previousAverage, {
        received: 0.25,
        delivered: 0.25,
        lateRate: 0,
        receivedToDeliveredP50: 10,
      });
      assert.deepEqual(
        [lastYear.week, lastYear.received, lastYear.late, lastYear.lateRate, lastYear.receivedToDeliveredP50],
        ['2025-W10', 1, 1, 1, 48],
      );
      assert.deepEqual(exceptions, { heldOrders: 0, byReason: {} });
    });

    it('counts orders per ISO week in the shop zone, and in another zone with --tz', () => {
      const received = (week: string, ...tz: string[]) =>
        json('report', 'weekly', '--week', week, '--json', ...tz).orders.received;
      assert.deepEqual(
        ['2025-W10', '2026-W09', '2026-W10', '2026-W11'].map((week) => received(week)),
        [1, 1, 8, 2],
      );
      assert.equal(received('2026-W10', '--tz', 'UTC'), 9);
    });

    it('prints text for people and writes the PDF with its charts', () => {
      const pdf = path.join(work, 'week.pdf');
      const run = ordo('report', 'weekly', '--week', '2026-W10', '--pdf', pdf);
      assert.equal(run.status, 0, run.stderr);
      assert.match(run.stdout, /received: 8/);
      assert.match(run.stdout, /2025-W10 \(last year\)/);
      assert.equal(fs.readFileSync(pdf).subarray(0, 5).toString(), '%PDF-');
    });

    // CSV: one row per line; the order's status and milestones on its first row. CSV-1 is late
    // (delivered 18:00, promised 12:00; times without an offset are the shop's); CSV-2 has no
    // status column value but a cancelledAt, so it is cancelled. Both in 2026-W20.
    it('imports history from CSV too', () => {
      const run = ordo('import', 'orders', path.join(root, 'test/fixtures/history/orders.csv'), '--history');
      assert.equal(run.status, 0, run.stderr);
      assert.match(run.stdout, /^created: 2\nduplicate: 0\nrejected: 0\n/);
      const week = json('report', 'weekly', '--week', '2026-W20', '--json');
      assert.deepEqual(week.orders.byStatus, { cancelled: 1, delivered: 1 });
      assert.deepEqual(week.delivery, { delivered: 1, late: 1, withPromise: 1, lateRate: 1 });
      // 05-12 10:00 → 05-12 10:30, → 05-13 09:00 (22.5 h), → 05-15 18:00 (57 h); 80 h in all.
      assert.deepEqual(week.stageHours, {
        receivedToApproved: { n: 1, p50: 0.5, p90: 0.5 },
        approvedToShipped: { n: 1, p50: 22.5, p90: 22.5 },
        shippedToDelivered: { n: 1, p50: 57, p90: 57 },
        receivedToDelivered: { n: 1, p50: 80, p90: 80 },
      });
    });

    it('refuses a bad week, date or zone with a one-line reason', () => {
      for (const args of [
        ['weekly', '--week', '2026-W54'],
        ['period', '--from', '2026-03-09', '--to', '2026-03-02'],
        ['period', '--from', '2026-03-02', '--to', '2026-03-09', '--tz', 'Mars/Olympus'],
      ]) {
        const run = ordo('report', ...args);
        assert.notEqual(run.status, 0);
        assert.equal(run.stdout, '');
        assert.ok(run.stderr.trim().length > 0);
      }
    });

    if (dialect === 'postgres')
      it("computes the same percentiles as PostgreSQL's percentile_cont", async () => {
        const database = openDatabase({ databaseUrl: testDb.url, dataDir: work });
        try {
          let seed = 42;
          const random = () => {
            seed = (seed * 1103515245 + 12345) % 2 ** 31;
            return seed / 2 ** 31;
          };
          for (const n of [1, 2, 3, 5, 10, 11, 97]) {
            const values = Array.from({ length: n }, () => Math.round((random() * 200 - 20) * 1000) / 1000);
            const { rows } = await sql<{ p50: number; p90: number; p25: number }>`
              select percentile_cont(0.5) within group (order by v) as p50,
                percentile_cont(0.9) within group (order by v) as p90,
                percentile_cont(0.25) within group (order by v) as p25
              from unnest(${values}::float8[]) as v`.execute(database.db);
            const sorted = [...values].sort((a, b) => a - b);
            for (const [p, key] of [
              [0.5, 'p50'],
              [0.9, 'p90'],
              [0.25, 'p25'],
            ] as const)
              assert.ok(
                Math.abs(percentileCont(sorted, p)! - Number(rows[0]![key])) < 1e-9,
                `n ${n} ${key}: ${percentileCont(sorted, p)} vs ${rows[0]![key]}`,
              );
          }
        } finally {
          await database.close();
        }
      });
  });
}
