import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { type CursorList, pageSizes } from '../hooks/useCursorList';

/** Previous / next buttons and a page size selector for a cursor-paginated list. */
export function CursorPager<T>({ list }: { list: CursorList<T> }) {
  const { t } = useTranslation();
  return (
    <Space style={{ display: 'flex', justifyContent: 'flex-end', marginTop: 16 }} wrap data-testid="pager">
      <Typography.Text type="secondary">{t('pager.page', { page: list.pageIndex + 1 })}</Typography.Text>
      <Button
        icon={<LeftOutlined />}
        disabled={!list.hasPrevious}
        onClick={list.previous}
        data-testid="pager-prev"
      >
        {t('pager.previous')}
      </Button>
      <Button disabled={!list.hasNext} onClick={list.next} data-testid="pager-next">
        {t('pager.next')} <RightOutlined />
      </Button>
      <Select
        value={list.pageSize}
        onChange={list.setPageSize}
        options={pageSizes.map((size) => ({ value: size, label: t('pager.perPage', { count: size }) }))}
        style={{ width: 130 }}
        data-testid="pager-size"
      />
    </Space>
  );
}
