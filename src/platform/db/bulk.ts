import type { Executor } from './database.ts';
import type { DB, NewRow } from './schema.ts';

// SQLite allows 32,766 bound parameters per statement and PostgreSQL 65,535; stay well below both.
const maxParameters = 30_000;

/** Inserts many rows with as few multi-row INSERT statements as the parameter limits allow. */
export async function insertRows<T extends keyof DB & string>(
  db: Executor,
  table: T,
  rows: readonly NewRow<T>[],
): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0] as object).length;
  const perStatement = Math.max(1, Math.floor(maxParameters / columns));
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement);
    // Kysely cannot relate a generic table name to its row type; the signature above already does.
    await db
      .insertInto(table)
      .values(chunk as never)
      .execute();
  }
}
