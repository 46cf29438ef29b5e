/**
 * The bound for the ingest benchmark: exactly the rows Ordo's intake writes for an order
 * (`buildOrderRows`), computed before the clock starts, then written by a minimal hand-written
 * transaction with the raw driver on a fresh database created by the real migrations.
 */
import type SqliteDatabase from 'better-sqlite3';
import type pg from 'pg';
import { type CanonicalOrder, canonicalOrder } from '../src/contracts/orders.ts';
import { type AuditContext, defaultRuleSet } from '../src/modules/orders/audit/audit-rules.ts';
import { type BuiltOrder, buildOrderRows } from '../src/modules/orders/intake/intake-rows.ts';
import { normaliseOrder } from '../src/modules/orders/intake/normalise.ts';
import { defaultOrderSettings } from '../src/modules/orders/order-settings.ts';
import type { Actor } from '../src/platform/actor.ts';
import { type Database, openDatabase } from '../src/platform/db/database.ts';
import { writeJson } from '../src/platform/db/dialect.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import { countOf, type Plan, type Workload } from './ingest-workload.ts';
import { type Cleanup, tempDir } from './support/cleanup.ts';
import { runConcurrently } from './support/http.ts';
import { progress, type Throughput, timed } from './support/measure.ts';
import { benchSkus } from './support/orders.ts';
import { freshPostgresDatabase, settlePostgres } from './support/postgres.ts';
import type { DatabaseKind } from './support/server.ts';

type Row = Record<string, unknown>;
/** One order's rows, table by table, in the order intake inserts them. */
export type OrderTables = [table: string, rows: Row[]][];

const benchActor: Actor = { type: 'api_key', id: 'bench', name: 'bench' };
const knownSkus = new Map(benchSkus.map((s) => [s.code, { isActive: true, name: s.name }]));

/**
 * What the audit sees for a bench order on the server: every SKU known, and — since each order
 * has its own phone, address and buyer — no blocklist hit, no recent or open orders to count.
 */
function benchAuditContext(now: Date): AuditContext {
  return {
    now,
    skuStates: knownSkus,
    blocklist: { phones: new Set(), emails: new Set(), names: new Set(), addresses: new Set() },
    recentOrders: { byPhone: new Map(), byAddress: new Map() },
    openOrdersByBuyer: new Map(),
  };
}

/**
 * The rows intake would write for this order: the same parse, normalisation and row builder,
 * with what a fresh install judges by (the default rule set and order settings).
 */
export function rowsOf(order: CanonicalOrder): OrderTables {
  const now = new Date();
  const built = buildOrderRows(normaliseOrder(canonicalOrder.parse(order)), {
    now,
    actor: benchActor,
    audit: benchAuditContext(now),
    ruleSet: defaultRuleSet(),
    settings: defaultOrderSettings,
  });
  if (built.holds.length > 0) {
    throw new Error(`bench order ${order.externalId} would be held: ${built.order.hold_codes}`);
  }
  return [
    ['orders', [built.order]],
    ['order_lines', built.lines],
    ['order_holds', built.holds],
    ['order_status_history', built.history],
    ['order_events', built.events],
    ['outbox', outboxRows(built, now)],
  ];
}

/** The rows `publishMany` writes for the order's events. */
function outboxRows(built: BuiltOrder, at: Date): Row[] {
  const iso = at.toISOString();
  return built.outbox.map(({ type, payload }) => ({
    type,
    payload: writeJson(payload),
    status: 'pending',
    attempts: 0,
    created_at: iso,
    available_at: iso,
  }));
}

export interface BoundWriter {
  /** One transaction per order, `concurrency` at a time where the database allows it. */
  writeEach(orders: OrderTables[], concurrency: number): Promise<void>;
  /** One transaction per batch: the rows of many orders merged by `mergeTables`. */
  writeBatches(batches: OrderTables[], concurrency: number): Promise<void>;
}

export function boundWriter(database: Database): BoundWriter {
  return database.dialect === 'sqlite' ? sqliteWriter(database.sqlite!) : postgresWriter(database.pool!);
}

/** SQLite has one writer: transactions run one after another, each statement prepared once. */
function sqliteWriter(sqlite: SqliteDatabase.Database): BoundWriter {
  const statements = new Map<string, SqliteDatabase.Statement>();
  const statementFor = (table: string, row: Row) => {
    let statement = statements.get(table);
    if (!statement) {
      const columns = Object.keys(row);
      statement = sqlite.prepare(
        `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`,
      );
      statements.set(table, statement);
    }
    return statement;
  };
  const insertOrder = (order: OrderTables) => {
    for (const [table, rows] of order) for (const row of rows) statementFor(table, row).run(row);
  };
  const writeOne = sqlite.transaction(insertOrder);
  const writeAll = async (transactions: OrderTables[]) => {
    for (const rows of transactions) writeOne(rows);
  };
  return { writeEach: writeAll, writeBatches: writeAll };
}

// The same per-statement parameter budget as Ordo's bulk insert (PostgreSQL allows 65,535).
const maxParameters = 30_000;

/** PostgreSQL: pooled connections; one multi-row INSERT per table (chunked like Ordo's). */
function postgresWriter(pool: pg.Pool): BoundWriter {
  const statementNames = new Map<string, string>();
  // Per-order statements repeat (1–3 lines), so they are named: prepared once per connection.
  const named = (query: pg.QueryConfig): pg.QueryConfig => {
    let name = statementNames.get(query.text);
    if (!name) {
      name = `bench_${statementNames.size}`;
      statementNames.set(query.text, name);
    }
    return { ...query, name };
  };
  const insertAll = async (client: pg.PoolClient, order: OrderTables, isPrepared: boolean) => {
    for (const [table, rows] of order) {
      for (const query of insertQueries(table, rows)) await client.query(isPrepared ? named(query) : query);
    }
  };
  return {
    writeEach: (orders, concurrency) =>
      runConcurrently(orders.length, concurrency, (i) =>
        inTransaction(pool, (client) => insertAll(client, orders[i], true)),
      ),
    writeBatches: (batches, concurrency) =>
      runConcurrently(batches.length, concurrency, (i) =>
        inTransaction(pool, (client) => insertAll(client, batches[i], false)),
      ),
  };
}

async function inTransaction(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<void>): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await work(client);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

/** The rows of many orders, table by table in the same table order: what one batch transaction writes. */
export function mergeTables(orders: OrderTables[]): OrderTables {
  const merged = new Map<string, Row[]>();
  for (const order of orders) {
    for (const [table, rows] of order) {
      const all = merged.get(table) ?? [];
      all.push(...rows);
      merged.set(table, all);
    }
  }
  return [...merged];
}

/** `INSERT … VALUES ($1, …), (…)` for the rows, as few statements as the parameter budget allows. */
function insertQueries(table: string, rows: Row[]): pg.QueryConfig[] {
  if (rows.length === 0) return [];
  const columns = Object.keys(rows[0]);
  const perStatement = Math.max(1, Math.floor(maxParameters / columns.length));
  const queries: pg.QueryConfig[] = [];
  for (let start = 0; start < rows.length; start += perStatement) {
    const values: unknown[] = [];
    const tuples = rows.slice(start, start + perStatement).map((row) => {
      const placeholders = columns.map((column) => {
        values.push(row[column]);
        return `$${values.length}`;
      });
      return `(${placeholders.join(', ')})`;
    });
    queries.push({
      text: `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')}`,
      values,
    });
  }
  return queries;
}

// ---- the measurement ----

/** The server's PostgreSQL pool size; the bound uses the same. */
const postgresPoolSize = 10;

async function openBoundDatabase(kind: DatabaseKind, cleanup: Cleanup) {
  const dataDir = tempDir(`${kind}-bound`, cleanup);
  const databaseUrl = kind === 'postgres' ? await freshPostgresDatabase('bound', cleanup) : undefined;
  const database = openDatabase({ databaseUrl, dataDir, poolSize: postgresPoolSize });
  let isOpen = true;
  const close = async () => {
    if (isOpen) await database.close();
    isOpen = false;
  };
  cleanup.add(`close bound ${kind} database`, close);
  await migrateToLatest(database);
  return { database, databaseUrl, close };
}

/** The bound's side of the throughput cases: one database, measured phase by phase. */
export interface BoundRun {
  warmUp(workload: Pick<Workload, 'warmup' | 'warmupBatches'>): Promise<void>;
  single(orders: CanonicalOrder[]): Promise<Throughput>;
  batch(groups: CanonicalOrder[][]): Promise<Throughput>;
  /** Leaves nothing behind that would run during the server's turn (see settlePostgres). */
  settle(): Promise<void>;
  close(): Promise<void>;
}

export async function openBoundRun(kind: DatabaseKind, plan: Plan, cleanup: Cleanup): Promise<BoundRun> {
  progress(`${kind}: bound`);
  // Rows are built before the clock starts: the bound is the cost of the writes alone.
  const each = (orders: CanonicalOrder[]): OrderTables[] => orders.map(rowsOf);
  const merged = (groups: CanonicalOrder[][]): OrderTables[] =>
    groups.map((orders) => mergeTables(orders.map(rowsOf)));
  const { database, databaseUrl, close } = await openBoundDatabase(kind, cleanup);
  const writer = boundWriter(database);
  return {
    async warmUp(workload) {
      await writer.writeEach(each(workload.warmup), plan.clients);
      await writer.writeBatches(merged(workload.warmupBatches), plan.batchClients);
    },
    single(orders) {
      const rows = each(orders);
      return timed(rows.length, () => writer.writeEach(rows, plan.clients));
    },
    batch(groups) {
      const rows = merged(groups);
      return timed(countOf(groups), () => writer.writeBatches(rows, plan.batchClients));
    },
    settle: () => settlePostgres(databaseUrl),
    close,
  };
}
