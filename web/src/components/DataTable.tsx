import { Empty, Table, type TableProps } from 'antd';

/**
 * Antd's Table that says "empty" only once data has arrived empty: while the first page loads,
 * the spinner sits over a blank area instead of over "No orders yet". Every table of the
 * console that loads its rows uses this one (CursorTable among them).
 * `empty` says what an empty table means and what to do, instead of antd's bare "No data";
 * `emptyTestId` names that sentence for tests.
 */
export function DataTable<T extends object>({
  empty,
  emptyTestId,
  ...props
}: TableProps<T> & { empty?: string; emptyTestId?: string }) {
  const { loading, dataSource } = props;
  const locale = empty
    ? {
        ...props.locale,
        emptyText: (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} data-testid={emptyTestId} />
        ),
      }
    : props.locale;
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
