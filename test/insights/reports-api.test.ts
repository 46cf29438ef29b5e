import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { createApp } from '../../src/app.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { createLogger } from '../../src/platform/logger.ts';
import { useTestApp } from '../helpers/app.ts';
import { createTestDatabase, testDialects } from '../helpers/db.ts';

// biome-ignore lint/suspicious/noExplicitAny: response bodies are read field by field in assertions.
type Json = any;

const fixture = fs.readFileSync(
  path.resolve(import.meta.dirname, '../fixtures/history/orders.jsonl'),
  'utf8',
);

// The same fixture as history-reports.test.ts (figures computed by hand there), through the API.
for (const dialect of testDialects) {
  describe(`reports and history import over HTTP on ${dialect}`, () => {
    const t = useTestApp(dialect);
    const get = async (url: string, role = 'admin') => {
      const response = await t.current.request({ method: 'GET', url: `/api/v1${url}`, role });
      return { status: response.statusCode, body: response.body, headers: response.headers };
    };

    it('imports JSON Lines history, idempotently', async () => {
      const channel = await t.current.request({
        method: 'POST',
        url: '/api/v1/channels',
        payload: { id: 'marketplace', name: 'Marketplace', kind: 'marketplace' },
      });
      assert.equal(channel.statusCode, 201, channel.body);
      const send = () =>
        t.current.request({
          method: 'POST',
          url: '/api/v1/imports/history',
          headers: { 'content-type': 'application/x-ndjson' },
          payload: fixture,
        });
      const first = await send();
      assert.equal(first.statusCode, 200, first.body);
      const body = first.json() as Json;
      assert.deepEqual([body.created, body.duplicate, body.rejected], [12, 1, 2]);
      assert.deepEqual(
        body.rejections.map((r: Json) => r.line),
        [6, 7],
      );
      const again = (await send()).json() as Json;
      assert.deepEqual([again.created, again.duplicate, again.rejected], [0, 13, 2]);
    });

    it('answers the weekly pack and a period with the hand-computed figures', async () => {
      const weekly = await get('/reports/weekly?week=2026-W10');
      assert.equal(weekly.status, 200, weekly.body);
      const report = JSON.parse(weekly.body);
      assert.equal(report.orders.received, 8);
      assert.deepEqual(report.stageHours.approvedToShipped, { n: 4, p50: 13.5, p90: 22.4 });
      assert.deepEqual(report.delivery, { delivered: 5, late: 2, withPromise: 4, lateRate: 0.5 });
      assert.equal(report.lastYear.week, '2025-W10');
      const period = JSON.parse((await get('/reports/period?from=2026-03-02&to=2026-03-09&tz=UTC')).body);
      assert.equal(period.timeZone, 'UTC');
      assert.equal(period.orders.received, 9);
      assert.equal(period.start, '2026-03-02T00:00:00.000Z');
    });

    it('downloads the pack as PDF and CSV', async () => {
      const pdf = await get('/reports/weekly/pdf?week=2026-W10');
      assert.equal(pdf.status, 200);
      assert.match(String(pdf.headers['content-type']), /application\/pdf/);
      assert.ok(pdf.body.startsWith('%PDF-'));
      const csv = await get('/reports/weekly/csv?week=2026-W10');
      assert.equal(csv.status, 200);
      assert.match(csv.body, /^section,key,figure,value\n/);
      assert.match(csv.body, /\nstageHours,receivedToDelivered,p90,72\.6\n/);
      assert.match(csv.body, /\ndelivery,all,lateRate,0\.5\n/);
    });

    it('refuses bad input with the field named, and needs a login', async () => {
      for (const [url, field] of [
        ['/reports/weekly?week=2026-W54', 'week'],
        ['/reports/weekly?week=last', 'week'],
        ['/reports/period?from=2026-03-09&to=2026-03-02', 'to'],
        ['/reports/period?from=2026-03-02&to=2026-03-09&tz=Mars%2FOlympus', 'tz'],
        ['/reports/period?from=2026-03-02', 'to'],
      ] as const) {
        const response = await get(url);
        assert.equal(response.status, 400, url);
        const error = JSON.parse(response.body).error;
        assert.equal(error.details.field, field, `${url}: ${response.body}`);
      }
      const anonymous = await t.current.server.inject({ method: 'GET', url: '/api/v1/reports/weekly' });
      assert.equal(anonymous.statusCode, 401);
    });
  });
}

if (testDialects.includes('postgres'))
  describe('reports on a read replica (DATABASE_READ_URL)', () => {
    it('reads through the replica connection, not the main one', async () => {
      const testDb = await createTestDatabase('postgres');
      const readUrl = new URL(testDb.url!);
      readUrl.searchParams.set('application_name', 'ordo_read_replica');
      const app = await createApp({
        config: loadConfig({ DATABASE_READ_URL: readUrl.toString(), ORDO_DATA_DIR: os.tmpdir() }),
        database: testDb.database,
        logger: createLogger('silent'),
      });
      try {
        assert.notEqual(app.readDatabase, app.database);
        assert.equal(app.readDatabase.pool!.totalCount, 0);
        const report = await app.insights.reports.period({ from: '2026-03-02', to: '2026-03-09' });
        assert.equal(report.orders.received, 0);
        assert.ok(app.readDatabase.pool!.totalCount > 0, 'the replica pool opened connections');
        const { rows } = await sql<{ n: number }>`
          select count(*)::int as n from pg_stat_activity
          where application_name = 'ordo_read_replica' and datname = current_database()`.execute(
          app.database.db,
        );
        assert.ok(rows[0]!.n > 0, 'the replica connection is the one PostgreSQL sees');
      } finally {
        await app.close();
        await testDb.drop();
      }
    });
  });
