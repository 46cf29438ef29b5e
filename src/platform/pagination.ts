import type { SelectQueryBuilder, StringReference } from 'kysely';
import { AppError } from './errors.ts';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export const defaultLimit = 50;
export const maxLimit = 500;

/** Opaque keyset cursor: the sort key values of the last row of a page. */
export function encodeCursor(values: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string, arity: number): (string | number)[] {
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values) && values.length === arity) return values;
  } catch {
    // fall through to the error below
  }
  throw new AppError('VALIDATION_FAILED', 'cursor: not a cursor this list returned', { field: 'cursor' });
}

/** Callers fetch limit + 1 rows; the extra row only tells whether another page exists. */
export function toPage<R, T>(
  rows: R[],
  limit: number,
  map: (row: R) => T,
  key: (row: R) => (string | number)[],
): Page<T> {
  const hasMore = rows.length > limit;
  const pageRows = hasMore ? rows.slice(0, limit) : rows;
  const last = pageRows[pageRows.length - 1];
  return { items: pageRows.map(map), nextCursor: hasMore && last ? encodeCursor(key(last)) : null };
}

/** The single sort key of a one-column cursor, or null for the first page. */
export function afterKey(cursor: string | null | undefined): string | null {
  return cursor ? String(decodeCursor(cursor, 1)[0]) : null;
}

/** Where a page starts: the cursor of the page before (none for the first) and its size. */
export interface PageRequest {
  cursor?: string | null;
  limit: number;
}

/**
 * One page of a query, newest first by a single unique key column (ids are time-ordered):
 * the keyset condition, the order, limit + 1 rows and the next cursor.
 */
export function pageNewestFirst<DB, TB extends keyof DB, O, T>(
  query: SelectQueryBuilder<DB, TB, O>,
  column: StringReference<DB, TB>,
  page: PageRequest,
  map: (row: O) => T,
  key: (row: O) => string | number,
): Promise<Page<T>> {
  return pageByKeys(query, [column], page, map, (row) => [key(row)], 'desc');
}

/**
 * One page of a query sorted by columns that together are unique (`code`, or `sku code,
 * warehouse code`), all in one direction: the keyset condition after the cursor's values, the
 * order, limit + 1 rows and the next cursor. `key` returns the row's values of those columns.
 * Lists whose columns sort in mixed directions (the work queue) build their own keyset.
 */
export async function pageByKeys<DB, TB extends keyof DB, O, T>(
  query: SelectQueryBuilder<DB, TB, O>,
  columns: readonly StringReference<DB, TB>[],
  page: PageRequest,
  map: (row: O) => T,
  key: (row: O) => (string | number)[],
  direction: 'asc' | 'desc' = 'asc',
): Promise<Page<T>> {
  let keyset = query;
  if (page.cursor) {
    const after = decodeCursor(page.cursor, columns.length);
    const beyond = direction === 'asc' ? '>' : '<';
    // (a, b) > (x, y) spelled out: a > x, or a = x and b > y — both dialects, any arity.
    keyset = keyset.where((eb) => {
      const compare = eb as unknown as (column: unknown, op: string, value: unknown) => never;
      return eb.or(
        columns.map((column, i) =>
          eb.and([
            ...columns.slice(0, i).map((earlier, j) => compare(earlier, '=', after[j])),
            compare(column, beyond, after[i]),
          ]),
        ),
      );
    });
  }
  for (const column of columns) keyset = keyset.orderBy(column as never, direction);
  const rows = await keyset.limit(page.limit + 1).execute();
  return toPage(rows as O[], page.limit, map, key);
}
