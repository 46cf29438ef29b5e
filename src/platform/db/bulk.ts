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
    const query = jsonRowsInsert(table, columns, rows, await jsonColumnsOf(db, table), suffix);
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
const jsonColumnsByTable = new Map<string, Promise<Set<string>>>();

/** The json/jsonb columns of a PostgreSQL table: their values are JSON text already. */
function jsonColumnsOf(db: Executor, table: string): Promise<Set<string>> {
  let columns = jsonColumnsByTable.get(table);
  if (!columns) {
    columns = db
      .executeQuery<{ column_name: string }>(
        CompiledQuery.raw(
          `select column_name from information_schema.columns
           where table_schema = current_schema() and table_name = $1 and data_type in ('json', 'jsonb')`,
          [table],
        ),
      )
      .then((result) => new Set(result.rows.map((row) => row.column_name)));
    columns.catch(() => jsonColumnsByTable.delete(table));
    jsonColumnsByTable.set(table, columns);
  }
  return columns;
}

/**
 * PostgreSQL: all rows as one JSON parameter, spread into columns by `json_populate_recordset`.
 * Binding tens of thousands of parameters cost the server's CPU more than the insert; a JSON
 * text is built natively and parsed by the database, which types each value by its column.
 */
function jsonRowsInsert(
  table: string,
  columns: readonly string[],
  rows: readonly object[],
  jsonColumns: ReadonlySet<string>,
  suffix: string,
): CompiledQuery {
  const keys = columns.map((column) => `${JSON.stringify(column)}:`);
  const isJson = columns.map((column) => jsonColumns.has(column));
  const objects: string[] = new Array(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] as Record<string, unknown>;
    let text = '{';
    for (let c = 0; c < columns.length; c++) {
      const value = row[columns[c]];
      // Every row states every column of the first: a missing one would silently become NULL.
      if (value === undefined) throw new Error(`insert into ${table}: row ${r} has no "${columns[c]}"`);
      // A JSON column's value is JSON text (writeJson) and goes in as it is.
      const json = isJson[c] && typeof value === 'string' ? value : JSON.stringify(value);
      text += `${c === 0 ? '' : ','}${keys[c]}${json}`;
    }
    objects[r] = `${text}}`;
  }
  const list = columns.map(quoted).join(', ');
  const sql = `insert into ${quoted(table)} (${list}) select ${list} from json_populate_recordset(null::${quoted(table)}, $1::json)${suffix ? ` ${suffix}` : ''}`;
  return CompiledQuery.raw(sql, [`[${objects.join(',')}]`]);
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
