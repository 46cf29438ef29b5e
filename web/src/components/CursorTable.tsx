import { Alert, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../errors';
import type { CursorList } from '../hooks/useCursorList';
import { CursorPager } from './CursorPager';
import { DataTable } from './DataTable';

/**
 * One page of a cursor-paginated list: the load error, the table and the pager below it.
 * Antd's own pagination is off because the API pages by cursor, not by page number.
 * `empty` says what an empty list means and what to do, instead of antd's bare "No data".
 */
export function CursorTable<T extends object>({
  list,
  testId,
  empty,
  ...tableProps
}: { list: CursorList<T>; testId: string; empty?: string } & Omit<
  TableProps<T>,
  'dataSource' | 'loading' | 'pagination'
>) {
  const { t } = useTranslation();
  return (
    <>
      {list.error ? (
        <Alert type="error" showIcon title={errorText(t, list.error)} style={{ marginBottom: 16 }} />
      ) : null}
      <div data-testid={testId}>
        <DataTable<T>
          rowKey="id"
          size="middle"
          dataSource={list.items}
          loading={list.isLoading}
          pagination={false}
          scroll={{ x: 'max-content' }}
          empty={empty}
          emptyTestId={`${testId}-empty`}
          {...tableProps}
        />
      </div>
      <CursorPager list={list} />
    </>
  );
}
