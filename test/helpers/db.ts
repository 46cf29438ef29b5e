import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type Database, type DialectName, openDatabase } from '../../src/platform/db/database.ts';
import { migrateToLatest } from '../../src/platform/db/migrate.ts';
import { randomBase32 } from '../../src/platform/ids.ts';

export const postgresAdminUrl =
  process.env.ORDO_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function probePostgres(): Promise<boolean> {
  const client = new pg.Client({ connectionString: postgresAdminUrl, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/** The dialects this run tests: SQLite always, PostgreSQL when reachable (required under CI). */
export const testDialects: DialectName[] = (await probePostgres()) ? ['sqlite', 'postgres'] : ['sqlite'];
if (!testDialects.includes('postgres') && process.env.CI) {
  throw new Error(`PostgreSQL is not reachable at ${postgresAdminUrl}; CI requires the PostgreSQL tier`);
}

export interface TestDatabase {
  database: Database;
  /** The URL of the fresh PostgreSQL database (undefined on SQLite). */
  url?: string;
  sqliteFile?: string;
  drop(): Promise<void>;
}

/**
 * A fresh database of the given dialect, private to the caller: migrated to the latest schema, or
 * empty (`isMigrated: false`) for a test that migrates it step by step.
 */
export async function createTestDatabase(
  dialect: DialectName,
  { isMigrated = true }: { isMigrated?: boolean } = {},
): Promise<TestDatabase> {
  return dialect === 'postgres' ? createPostgres(isMigrated) : createSqlite(isMigrated);
}

async function createSqlite(isMigrated: boolean): Promise<TestDatabase> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ordo-test-'));
  const sqliteFile = path.join(dir, 'ordo.db');
  const database = openDatabase({ dataDir: dir, sqliteFile });
  if (isMigrated) await migrateToLatest(database);
  return {
    database,
    sqliteFile,
    drop: async () => {
      await database.close().catch(() => {});
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function createPostgres(isMigrated: boolean): Promise<TestDatabase> {
  const name = `ordo_test_${randomBase32(10).toLowerCase()}`;
  await adminQuery(`create database ${name}`);
  const url = new URL(postgresAdminUrl);
  url.pathname = `/${name}`;
  const database = openDatabase({ databaseUrl: url.toString(), dataDir: os.tmpdir() });
  if (isMigrated) await migrateToLatest(database);
  return {
    database,
    url: url.toString(),
    drop: async () => {
      await database.close().catch(() => {});
      await adminQuery(`drop database if exists ${name} with (force)`);
    },
  };
}

async function adminQuery(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: postgresAdminUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
