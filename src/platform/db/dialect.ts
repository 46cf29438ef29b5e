import {
  type Kysely,
  PostgresAdapter,
  type RawBuilder,
  type SelectQueryBuilder,
  type SqlBool,
  sql,
} from 'kysely';
import type { DialectName } from './database.ts';

/**
 * The places where SQLite and PostgreSQL differ, each behind one named function, so the rest of
 * the code is dialect-free.
 */

// biome-ignore lint/suspicious/noExplicitAny: migrations run on any schema version.
export function dialectOf(db: Kysely<any>): DialectName {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/**
 * `column IN (values)` for a batch's long lists of keys. PostgreSQL gets them as one array
 * parameter (`= any($1)`), not one parameter each: binding a thousand parameters per lookup
 * was most of what a batch's lookups cost it.
 */
// biome-ignore lint/suspicious/noExplicitAny: any executor of any schema.
export function isAnyOf(db: Kysely<any>, column: string, values: readonly string[]): RawBuilder<SqlBool> {
  if (values.length === 0) return sql<SqlBool>`1 = 0`;
  return dialectOf(db) === 'postgres'
    ? sql<SqlBool>`${sql.ref(column)} = any(${[...values]}::text[])`
    : sql<SqlBool>`${sql.ref(column)} in (${sql.join([...values])})`;
}

/**
 * The rows a batch's lookup finds for a long list of keys: `query` receives the condition that
 * matches its key column and builds the rest. SQLite gets `column IN (keys)` and probes the
 * column's index per key. PostgreSQL runs the query once per key (`unnest` × `lateral`): given a
 * thousand keys in one `= any(...)` or `IN`, its planner judges a full scan of a table of some
 * ten thousand orders cheaper than a thousand index probes (and a table just written has no
 * statistics yet), and the scan costs about ten times the CPU. `offset 0` keeps the planner from
 * folding the per-key query back into one join.
 */
export async function selectByKeys<R>(
  // biome-ignore lint/suspicious/noExplicitAny: any executor of any schema.
  db: Kysely<any>,
  keys: readonly string[],
  // biome-ignore lint/suspicious/noExplicitAny: the query's tables are the caller's.
  query: (matchesKey: (column: string) => RawBuilder<SqlBool>) => SelectQueryBuilder<any, any, R>,
): Promise<R[]> {
  if (keys.length === 0) return [];
  if (dialectOf(db) !== 'postgres') return query((column) => isAnyOf(db, column, keys)).execute();
  const perKey = query((column) => sql<SqlBool>`${sql.ref(column)} = "batch_keys"."key"`).offset(
    sql<number>`0`,
  );
  const found =
    await sql<R>`select "found".* from unnest(${[...keys]}::text[]) as "batch_keys"("key") cross join lateral (${perKey}) as "found"`.execute(
      db,
    );
  return found.rows;
}

/** Column types used by migrations. */
export function columnTypes(dialect: DialectName) {
  const pg = dialect === 'postgres';
  return {
    timestamp: pg ? sql`timestamptz` : sql`text`,
    json: pg ? sql`jsonb` : sql`text`,
    money: pg ? sql`bigint` : sql`integer`,
  } as const;
}

/** JSON columns come back parsed from PostgreSQL (jsonb) and as text from SQLite. */
export function readJson<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

/** Value to write into a JSON column; both drivers accept JSON text. */
export function writeJson(value: unknown): string {
  return JSON.stringify(value ?? null);
}

/** Case-insensitive "contains" match. */
export function likeOperator(dialect: DialectName): 'ilike' | 'like' {
  // SQLite's LIKE is already case-insensitive for ASCII.
  return dialect === 'postgres' ? 'ilike' : 'like';
}

/** Escapes % and _ so user text matches literally inside a LIKE pattern (with ESCAPE '\'). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string } | null;
  return (
    e?.code === '23505' ||
    e?.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  );
}

/** `YYYY-MM-DD` (UTC) of a timestamp column, for grouping by day. */
export function dayOf(dialect: DialectName, column: string) {
  return dialect === 'postgres'
    ? sql<string>`to_char(${sql.ref(column)} at time zone 'UTC', 'YYYY-MM-DD')`
    : sql<string>`substr(${sql.ref(column)}, 1, 10)`;
}
