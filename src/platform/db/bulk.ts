import type { Executor } from './database.ts';
import type { DB, NewRow } from './schema.ts';

// SQLite allows 32,766 bound parameters per statement and PostgreSQL 65,535; stay well below both.
const maxParameters = 30_000;

/** Inserts many rows with as few multi-row INSERT statements as the parameter limits allow. */
export async function insertRows<T extends keyof DB & string>(db: Executor, table: T, rows: readonly NewRow<T>[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0] as object).length;
  const perStatement = Math.max(1, Math.floor(maxParameters / columns));
  for (let start = 0; start < rows.length; start += perStatement) {
    // biome-ignore lint/suspicious/noExplicitAny: Kysely cannot relate a generic table name to its row type.
    await db.insertInto(table).values(rows.slice(start, start + perStatement) as any).execute();
  }
}
