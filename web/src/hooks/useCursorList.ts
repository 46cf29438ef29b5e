import { useState } from 'react';
import type { Page } from '../api/client';
import { useLoader } from './useLoader';

export const pageSizes = [20, 50, 100, 200] as const;

export type CursorList<T> = {
  items: T[];
  error: unknown;
  isLoading: boolean;
  pageIndex: number;
  pageSize: number;
  hasPrevious: boolean;
  hasNext: boolean;
  next: () => void;
  previous: () => void;
  setPageSize: (size: number) => void;
  reload: () => void;
};

type Filters = readonly (string | number | boolean | null | undefined)[];

/**
 * Cursor pagination with a back button: the API only knows "the page after this cursor",
 * so the cursors of the pages already seen are kept on a stack. The stack belongs to one
 * set of filters and page size; when they change the list starts again from page one.
 */
export function useCursorList<T>(
  fetchPage: (params: { limit: number; cursor: string | null }) => Promise<Page<T>>,
  filters: Filters,
  initialPageSize = 50,
): CursorList<T> {
  const [pageSize, setPageSize] = useState(initialPageSize);
  const key = JSON.stringify([...filters, pageSize]);
  const [stack, setStack] = useState<{ key: string; cursors: (string | null)[] }>({ key, cursors: [null] });
  const cursors = stack.key === key ? stack.cursors : [null];
  const cursor = cursors[cursors.length - 1];

  const page = useLoader(() => fetchPage({ limit: pageSize, cursor }), [key, cursor]);
  const nextCursor = page.data?.nextCursor ?? null;

  return {
    items: page.data?.items ?? [],
    error: page.error,
    isLoading: page.isLoading,
    pageIndex: cursors.length - 1,
    pageSize,
    hasPrevious: cursors.length > 1,
    hasNext: nextCursor !== null && !page.isLoading,
    next: () => {
      if (nextCursor) setStack({ key, cursors: [...cursors, nextCursor] });
    },
    previous: () => setStack({ key, cursors: cursors.length > 1 ? cursors.slice(0, -1) : cursors }),
    setPageSize,
    reload: page.reload,
  };
}
