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
