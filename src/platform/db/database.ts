import { AsyncLocalStorage } from 'node:async_hooks';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  Kysely,
  PostgresDialect,
  SqliteDialect,
  type SqliteDialectConfig,
  SqliteDriver,
  type Transaction,
} from 'kysely';
import type pg from 'pg';
import type { DB } from './schema.ts';

export type DialectName = 'sqlite' | 'postgres';

/** Anything that runs queries: the database itself or an open transaction. Repositories take one first. */
export type Executor = Kysely<DB> | Transaction<DB>;

export interface Database {
  db: Kysely<DB>;
  dialect: DialectName;
  /** The better-sqlite3 handle (SQLite only), for the few hot paths that reuse prepared statements. */
  sqlite?: SqliteDatabase.Database;
  pool?: pg.Pool;
  /** How to open another connection to the same data (intake threads do). */
  location: { databaseUrl?: string; sqliteFile?: string };
  close(): Promise<void>;
}

export interface DatabaseOptions {
  databaseUrl?: string;
  /** Directory of the embedded SQLite file (`ordo.db`). */
  dataDir: string;
  /** Full path of the SQLite file; overrides dataDir (tests use their own file). */
  sqliteFile?: string;
  poolSize?: number;
}

export function openDatabase(options: DatabaseOptions): Database {
  return options.databaseUrl ? openPostgres(options.databaseUrl, options.poolSize) : openSqlite(options);
}

function openSqlite(options: DatabaseOptions): Database {
  const file = options.sqliteFile ?? path.join(options.dataDir, 'ordo.db');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SqliteDatabase(file);
  // WAL lets the console read while intake writes; NORMAL sync is durable across process crashes
  // (a power cut can lose the last transactions, never corrupt the file).
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<DB>({
    dialect: new ImmediateSqliteDialect({ database: withStatementCache(sqlite) }, sqlite),
  });
  return { db, dialect: 'sqlite', sqlite, location: { sqliteFile: file }, close: () => db.destroy() };
}

/**
 * Transactions begin IMMEDIATE, taking SQLite's write lock up front. Intake threads write to the
 * same file over their own connections; a deferred transaction that had read before another
 * connection committed could not upgrade to writing (SQLITE_BUSY_SNAPSHOT, no retry), while one
 * that waits for the lock at BEGIN is served by the busy timeout.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  readonly #file: SqliteDatabase.Database;

  constructor(config: SqliteDialectConfig, file: SqliteDatabase.Database) {
    super(config);
    this.#file = file;
  }

  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }

  /**
   * SQLite has one connection: a query on the database itself (not on the transaction) made
   * from inside an open transaction's work would wait for that transaction forever, and every
   * request after it would queue behind. It fails at once instead, naming the mistake.
   */
  override async acquireConnection(): Promise<DatabaseConnection> {
    if (openSqliteTransaction.getStore() === this.#file)
      throw new Error(
        'a query on the database inside an open transaction would wait for itself on SQLite: run it on the transaction, or before it',
      );
    return super.acquireConnection();
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;
  readonly #file: SqliteDatabase.Database;

  constructor(config: SqliteDialectConfig, file: SqliteDatabase.Database) {
    super(config);
    this.#config = config;
    this.#file = file;
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config, this.#file);
  }
}

/** The SQLite file whose transaction the current async context is inside, if any. */
const openSqliteTransaction = new AsyncLocalStorage<SqliteDatabase.Database>();

/** Runs a transaction's work marked as inside it, so a query that bypasses it fails fast on SQLite. */
export function insideTransaction<T>(database: Database, work: () => Promise<T>): Promise<T> {
  return database.sqlite ? openSqliteTransaction.run(database.sqlite, work) : work();
}

/**
 * Kysely prepares every query anew, which was an eighth of the time of an order's intake.
 * Repeated SQL text gets its prepared statement back instead. Reusing a statement is safe here:
 * Kysely runs one query at a time on the single SQLite connection and reads results eagerly.
 */
const maxCachedSqlLength = 2000;

function withStatementCache(sqlite: SqliteDatabase.Database, size = 200) {
  const cache = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sqlText: string) {
      // Multi-row inserts and long IN lists differ in text almost every time and each prepared
      // statement holds native memory (about 1 MB for a 1,000-row insert): only small,
      // repeating statements are worth keeping.
      if (sqlText.length > maxCachedSqlLength) return sqlite.prepare(sqlText);
      let statement = cache.get(sqlText);
      if (statement) {
        // Re-insert to keep the map in least-recently-used order.
        cache.delete(sqlText);
      } else {
        statement = sqlite.prepare(sqlText);
        if (cache.size >= size) cache.delete(cache.keys().next().value as string);
      }
      cache.set(sqlText, statement);
      return statement;
    },
  };
}

// The PostgreSQL driver is loaded only when a URL asks for it: an embedded (SQLite) server and
// each of its intake threads would otherwise carry it for nothing.
const loadPg = () => createRequire(import.meta.url)('pg') as typeof pg;

const pgTypes = (driver: typeof pg) => ({
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    // int8 (counts, sums of money in minor units) fits a double far beyond any shop's totals.
    if (oid === 20) return (value: string) => Number(value);
    if (oid === 1700) return (value: string) => Number(value);
    // timestamptz: ISO strings, the same shape SQLite gives back.
    if (oid === 1184) return (value: string) => new Date(value).toISOString();
    return driver.types.getTypeParser(oid, format);
  },
});

function openPostgres(url: string, poolSize = 10): Database {
  const driver = loadPg();
  const pool = new driver.Pool({
    connectionString: url,
    max: poolSize,
    types: pgTypes(driver) as pg.CustomTypesConfig,
  });
  // An idle connection the server closes (restart, failover) must not crash the process; the pool
  // drops it and the next query opens a fresh one or fails with a proper error.
  pool.on('error', () => {});
  // A connection lost while a query runs on it rejects that query (the API answers 503) and
  // also emits 'error' on the client, which without a listener would end the whole process.
  pool.on('connect', (client) => client.on('error', () => {}));
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', pool, location: { databaseUrl: url }, close: () => db.destroy() };
}
