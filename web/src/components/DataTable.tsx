import { Table, type TableProps } from 'antd';

/**
 * Antd's Table that says "empty" only once data has arrived empty: while the first page loads,
 * the spinner sits over a blank area instead of over "No orders yet". Every table of the
 * console that loads its rows uses this one (CursorTable among them).
 */
export function DataTable<T extends object>(props: TableProps<T>) {
  const { loading, dataSource, locale } = props;
  const isLoading = typeof loading === 'object' ? loading.spinning !== false : Boolean(loading);
  const isEmpty = !dataSource || dataSource.length === 0;
  const shown =
    isLoading && isEmpty
      ? {
          ...locale,
          emptyText: <div style={{ minHeight: 96 }} data-testid="table-loading" aria-busy="true" />,
        }
      : locale;
  return <Table<T> {...props} locale={shown} />;
}
