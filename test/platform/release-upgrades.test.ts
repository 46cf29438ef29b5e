import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import zlib from 'node:zlib';
import { sql } from 'kysely';
import pg from 'pg';
import { migrations } from '../../migrations/index.ts';
import { buildServer } from '../../src/api/server.ts';
import { createApp } from '../../src/app.ts';
import { fixedClock } from '../../src/platform/clock.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { type Database, type DialectName, openDatabase } from '../../src/platform/db/database.ts';
import { migrateToLatest } from '../../src/platform/db/migrate.ts';
import { randomBase32 } from '../../src/platform/ids.ts';
import { createLogger } from '../../src/platform/logger.ts';
import { postgresAdminUrl, testDialects } from '../helpers/db.ts';
import { newOrderInput } from '../helpers/factories.ts';

// Every earlier release's database, with the data its own `ordo demo` wrote (see
// test/fixtures/releases/README.md), upgrades to this version's schema and keeps every row:
// the same orders, lines, history, stock and users, readable through the API, and it takes new
// orders afterwards.

const fixtures = path.resolve(import.meta.dirname, '../fixtures/releases');
const releases = fs
  .readdirSync(fixtures)
  .filter((name) => name.endsWith('.sqlite.gz'))
  .map((name) => name.replace('.sqlite.gz', ''))
  .sort();

interface Facts {
  orders: number;
  lines: number;
  history: number;
  holds: number;
  users: number;
  skus: number;
  onHand: number;
  reserved: number;
  allocated: number;
  movements: number;
}

async function factsOf(database: Database): Promise<Facts> {
  const count = async (table: string) =>
    Number(
      (await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(database.db)).rows[0]
        .n,
    );
  const stock = (
    await sql<{ on_hand: number; reserved: number }>`
      select coalesce(sum(on_hand), 0) as on_hand, coalesce(sum(reserved), 0) as reserved from stock_levels`.execute(
      database.db,
    )
  ).rows[0];
  const allocated = (
    await sql<{ n: number }>`
      select coalesce(sum(quantity), 0) as n from allocations where status = 'reserved'`.execute(database.db)
  ).rows[0];
  return {
    orders: await count('orders'),
    lines: await count('order_lines'),
    history: await count('order_status_history'),
    holds: await count('order_holds'),
    users: await count('users'),
    skus: await count('skus'),
    onHand: Number(stock.on_hand),
    reserved: Number(stock.reserved),
    allocated: Number(allocated.n),
    movements: await count('stock_movements'),
  };
}

/** The release's database, restored into a fresh place of the dialect. */
async function restoreRelease(
  dialect: DialectName,
  release: string,
): Promise<{ database: Database; drop: () => Promise<void> }> {
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ordo-release-'));
    const file = path.join(dir, 'ordo.db');
    fs.writeFileSync(file, zlib.gunzipSync(fs.readFileSync(path.join(fixtures, `${release}.sqlite.gz`))));
    const database = openDatabase({ dataDir: dir, sqliteFile: file });
    return {
      database,
      drop: async () => {
        await database.close().catch(() => {});
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const name = `ordo_release_${randomBase32(10).toLowerCase()}`;
  const admin = new pg.Client({ connectionString: postgresAdminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(postgresAdminUrl);
  url.pathname = `/${name}`;
  // A plain pg_dump (--inserts); psql's meta-commands (\restrict) are not SQL.
  const dump = zlib
    .gunzipSync(fs.readFileSync(path.join(fixtures, `${release}.postgres.sql.gz`)))
    .toString('utf8')
    .split('\n')
    .filter((line) => !line.startsWith('\\'))
    .join('\n');
  const loader = new pg.Client({ connectionString: url.toString() });
  await loader.connect();
  await loader.query(dump);
  await loader.end();
  const database = openDatabase({ databaseUrl: url.toString(), dataDir: os.tmpdir() });
  return {
    database,
    drop: async () => {
      await database.close().catch(() => {});
      const cleanup = new pg.Client({ connectionString: postgresAdminUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

describe('upgrades from every earlier release', () => {
  it('has a database of each release on both dialects', () => {
    assert.ok(releases.length >= 2, 'the fixtures are committed');
    for (const release of releases)
      assert.ok(fs.existsSync(path.join(fixtures, `${release}.postgres.sql.gz`)), `${release} on PostgreSQL`);
  });

  for (const dialect of testDialects)
    for (const release of releases)
      it(`migrates ${release} on ${dialect} and keeps every row`, async () => {
        const restored = await restoreRelease(dialect, release);
        try {
          const { database } = restored;
          const before = await factsOf(database);
          assert.ok(before.orders > 0 && before.movements > 0, 'the release database holds data');
          const appliedBefore = (
            await sql<{ name: string }>`select name from kysely_migration`.execute(database.db)
          ).rows.map((r) => r.name);

          const { applied } = await migrateToLatest(database);
          assert.deepEqual(
            applied,
            Object.keys(migrations).filter((name) => !appliedBefore.includes(name)),
            'exactly the migrations the release lacked',
          );
          assert.deepEqual(await factsOf(database), before, 'no row lost or changed in number');

          // The upgraded database works: its people sign in, its orders read through the API, it
          // takes a new order and the worker handles it.
          const clock = fixedClock(new Date());
          const app = await createApp({
            config: loadConfig({ ORDO_WEB_DIR: '/nonexistent', ORDO_LOGIN_RATE_LIMIT: '1000' }),
            database,
            clock,
            logger: createLogger('silent'),
          });
          const server = await buildServer(app);
          try {
            await server.ready();
            const login = await server.inject({
              method: 'POST',
              url: '/api/v1/auth/login',
              payload: { username: 'chen.jie', password: 'demo-password' },
            });
            assert.equal(login.statusCode, 200, login.body);
            const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
            const headers = { cookie, 'x-csrf-token': login.json().csrfToken };

            const sample = (
              await sql<{ id: string; lines: number }>`
                select o.id, (select count(*) from order_lines l where l.order_id = o.id) as lines
                from orders o order by o.id limit 1`.execute(database.db)
            ).rows[0];
            const detail = await server.inject({
              method: 'GET',
              url: `/api/v1/orders/${sample.id}`,
              headers,
            });
            assert.equal(detail.statusCode, 200, detail.body);
            assert.equal(detail.json().lines.length, Number(sample.lines));

            await app.dispatcher.drain();
            const sku = (
              await sql<{ code: string }>`select code from skus order by code limit 1`.execute(database.db)
            ).rows[0].code;
            const created = await server.inject({
              method: 'POST',
              url: '/api/v1/orders',
              headers,
              payload: newOrderInput({
                externalId: `after-upgrade-${dialect}`,
                lines: [{ sku, quantity: 1 }],
              }),
            });
            assert.equal(created.statusCode, 201, created.body);
            await app.dispatcher.drain();
            const after = await factsOf(database);
            assert.equal(after.orders, before.orders + 1);
            assert.equal(after.reserved, after.allocated, 'reserved stock equals active allocations');
          } finally {
            await server.close();
            await app.dispatcher.stop();
          }
        } finally {
          await restored.drop();
        }
      });
});
