import { CompiledQuery, PostgresAdapter } from 'kysely';
import type { Database, Executor } from './database.ts';
import type { DB, NewRow } from './schema.ts';

// SQLite allows 32,766 bound parameters per statement and PostgreSQL 65,535; stay well below both.
const maxParameters = 30_000;

/** Inserts many rows with as few multi-row INSERT statements as the parameter limits allow. */
export async function insertRows<T extends keyof DB & string>(
  db: Executor,
  table: T,
  rows: readonly NewRow<T>[],
): Promise<void> {
  await insertMany(db, table, rows as readonly object[]);
}

/**
 * The same as `insertRows` for any table, with an optional clause after the rows
 * (`on conflict … do nothing returning "id"`); returns the rows a RETURNING clause gives back.
 * The SQL is written here rather than by the query builder: for a 1,000-row insert Kysely's
 * per-value parsing and compiling cost more than the database's own work on the rows.
 */
export async function insertMany<R = never>(
  db: Executor,
  table: string,
  rows: readonly object[],
  suffix = '',
): Promise<R[]> {
  if (rows.length === 0) return [];
  const columns = Object.keys(rows[0]);
  const isNumbered = db.getExecutor().adapter instanceof PostgresAdapter;
  if (isNumbered) {
    const query = jsonRowsInsert(table, columns, rows, await columnTypesOf(db, table), suffix);
    return (await db.executeQuery<R>(query)).rows as R[];
  }
  const perStatement = Math.max(1, Math.floor(maxParameters / columns.length));
  const returned: R[] = [];
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement);
    const result = await db.executeQuery<R>(multiRowInsert(table, columns, chunk, isNumbered, suffix));
    returned.push(...result.rows);
  }
  return returned;
}

const quoted = (name: string) => `"${name}"`;

// Column types do not change while the process runs (migrations run before anything else).
const columnTypesByTable = new Map<string, Promise<Map<string, string>>>();

/** Each column's SQL type (`text`, `integer`, `jsonb`, …) of a PostgreSQL table. */
function columnTypesOf(db: Executor, table: string): Promise<Map<string, string>> {
  let types = columnTypesByTable.get(table);
  if (!types) {
    types = db
      .executeQuery<{ name: string; type: string }>(
        CompiledQuery.raw(
          `select attname as name, format_type(atttypid, atttypmod) as type from pg_attribute
           where attrelid = $1::regclass and attnum > 0 and not attisdropped`,
          [quoted(table)],
        ),
      )
      .then((result) => new Map(result.rows.map((row) => [row.name, row.type])));
    types.catch(() => columnTypesByTable.delete(table));
    columnTypesByTable.set(table, types);
  }
  return types;
}

/**
 * PostgreSQL: all rows as one JSON parameter, spread into typed columns by `json_to_recordset`.
 * Binding tens of thousands of parameters cost the server's CPU more than the insert; the rows
 * are serialised natively in one call and the database types each value by its column. A JSON
 * column's value is JSON text already (writeJson): it travels as text and is cast on the way in.
 */
function jsonRowsInsert(
  table: string,
  columns: readonly string[],
  rows: readonly object[],
  types: ReadonlyMap<string, string>,
  suffix: string,
): CompiledQuery {
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] as Record<string, unknown>;
    for (let c = 0; c < columns.length; c++) {
      // Every row states every column of the first: a missing one would silently become NULL.
      if (row[columns[c]] === undefined)
        throw new Error(`insert into ${table}: row ${r} has no "${columns[c]}"`);
    }
  }
  const definitions: string[] = [];
  const selected: string[] = [];
  for (const column of columns) {
    const type = types.get(column);
    if (!type) throw new Error(`insert into ${table}: no column "${column}"`);
    const isJson = type === 'json' || type === 'jsonb';
    definitions.push(`${quoted(column)} ${isJson ? 'text' : type}`);
    selected.push(isJson ? `${quoted(column)}::${type}` : quoted(column));
  }
  const sql = `insert into ${quoted(table)} (${columns.map(quoted).join(', ')}) select ${selected.join(', ')} from json_to_recordset($1::json) as rows(${definitions.join(', ')})${suffix ? ` ${suffix}` : ''}`;
  return CompiledQuery.raw(sql, [JSON.stringify(rows)]);
}

function multiRowInsert(
  table: string,
  columns: readonly string[],
  rows: readonly object[],
  isNumbered: boolean,
  suffix: string,
): CompiledQuery {
  const parameters: unknown[] = [];
  const tuples: string[] = new Array(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] as Record<string, unknown>;
    const placeholders: string[] = new Array(columns.length);
    for (let c = 0; c < columns.length; c++) {
      const value = row[columns[c]];
      // Every row states every column of the first: a missing one would silently become NULL.
      if (value === undefined) throw new Error(`insert into ${table}: row ${r} has no "${columns[c]}"`);
      parameters.push(value);
      placeholders[c] = isNumbered ? `$${parameters.length}` : '?';
    }
    tuples[r] = `(${placeholders.join(', ')})`;
  }
  const sql = `insert into ${quoted(table)} (${columns.map(quoted).join(', ')}) values ${tuples.join(', ')}${suffix ? ` ${suffix}` : ''}`;
  return CompiledQuery.raw(sql, parameters);
}

type SqliteHandle = NonNullable<Database['sqlite']>;
const sqliteStatements = new WeakMap<SqliteHandle, Map<string, ReturnType<SqliteHandle['prepare']>>>();

/**
 * SQLite's fastest write path: one cached prepared statement per table and column set, run row
 * by row on the connection the open transaction uses (SQLite has one), so the rows commit with
 * it. Building a 1,000-row INSERT through the query builder cost more than SQLite's own work.
 * Returns, per row, whether it was inserted (false when `onConflictDoNothing` skipped it).
 */
export function insertSqliteRows(
  sqlite: SqliteHandle,
  table: string,
  rows: readonly object[],
  onConflictDoNothing?: readonly string[],
): boolean[] {
  if (rows.length === 0) return [];
  let statements = sqliteStatements.get(sqlite);
  if (!statements) {
    statements = new Map();
    sqliteStatements.set(sqlite, statements);
  }
  // The rows of one call share their columns (one row type): the statement is looked up once.
  const columns = Object.keys(rows[0]);
  const key = `${table}|${columns.join(',')}|${onConflictDoNothing?.join(',') ?? ''}`;
  let statement = statements.get(key);
  if (!statement) {
    const conflict = onConflictDoNothing
      ? ` on conflict (${onConflictDoNothing.map((c) => `"${c}"`).join(', ')}) do nothing`
      : '';
    statement = sqlite.prepare(
      `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values (${columns.map(() => '?').join(', ')})${conflict}`,
    );
    statements.set(key, statement);
  }
  const values: unknown[] = new Array(columns.length);
  const inserted: boolean[] = new Array(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] as Record<string, unknown>;
    for (let c = 0; c < columns.length; c++) {
      const value = row[columns[c]];
      // A row missing a column would shift nothing but silently store NULL: refuse it instead.
      if (value === undefined) throw new Error(`insert into ${table}: row ${r} has no "${columns[c]}"`);
      values[c] = value;
    }
    inserted[r] = statement.run(values).changes === 1;
  }
  return inserted;
}
