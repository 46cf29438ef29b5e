import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Input, Popconfirm, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { catalogApi, type Sku } from '../api/catalog';
import { useAuth } from '../auth';
import { CursorTable } from '../components/CursorTable';
import { SkuFormModal } from '../components/SkuFormModal';
import { SkuImport, skuCsvHeader } from '../components/SkuImport';
import { formatDateTime, formatMoney } from '../format';
import { useCursorList } from '../hooks/useCursorList';
import { usePageTitle } from '../hooks/usePageTitle';
import { useRowAction } from '../hooks/useRowAction';

function dimensionsText(sku: Sku): string {
  const sizes = [sku.lengthMm, sku.widthMm, sku.heightMm];
  return sizes.some((size) => size !== null) ? sizes.map((size) => size ?? '?').join(' × ') : '—';
}

export default function SkusPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const [q, setQ] = useState('');
  // undefined: closed; null: creating; a SKU: editing it.
  const [editing, setEditing] = useState<Sku | null | undefined>(undefined);
  const list = useCursorList((page) => catalogApi.skus.list({ ...page, q }), [q]);
  const runRowAction = useRowAction(list.reload);
  const canWrite = can('catalog:write');
  usePageTitle(t('skus.title'));

  const remove = (sku: Sku) =>
    runRowAction(() => catalogApi.skus.remove(sku.id), t('skus.deleted', { code: sku.code }));

  const columns: ColumnsType<Sku> = [
    {
      title: t('skus.code'),
      dataIndex: 'code',
      render: (code: string) => <Typography.Text strong>{code}</Typography.Text>,
    },
    { title: t('skus.name'), dataIndex: 'name' },
    { title: t('skus.barcode'), dataIndex: 'barcode', render: (barcode: string | null) => barcode || '—' },
    {
      title: t('skus.price'),
      dataIndex: 'price',
      align: 'right',
      render: (price: string, sku) => formatMoney(price, sku.currency),
    },
    {
      title: t('skus.weightGrams'),
      dataIndex: 'weightGrams',
      align: 'right',
      render: (grams: number | null) => grams ?? '—',
    },
    { title: t('skus.dimensions'), key: 'dimensions', render: (_, sku) => dimensionsText(sku) },
    {
      title: t('skus.active'),
      dataIndex: 'isActive',
      render: (isActive: boolean) =>
        isActive ? <Tag color="green">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>,
    },
    { title: t('common.updatedAt'), dataIndex: 'updatedAt', render: formatDateTime },
  ];
  if (canWrite) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_, sku) => (
        <Space>
          <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(sku)}>
            {t('common.edit')}
          </Button>
          <Popconfirm
            title={t('skus.deleteConfirm', { code: sku.code })}
            okText={t('common.delete')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true }}
            onConfirm={() => remove(sku)}
          >
            <Button size="small" danger icon={<DeleteOutlined />}>
              {t('common.delete')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    });
  }

  return (
    <Card
      title={t('skus.title')}
      extra={
        canWrite ? (
          <Space>
            <SkuImport onImported={list.reload} />
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setEditing(null)}
              data-testid="sku-create"
            >
              {t('skus.create')}
            </Button>
          </Space>
        ) : null
      }
    >
      <Input.Search
        allowClear
        placeholder={t('skus.searchPlaceholder')}
        onSearch={(value) => setQ(value.trim())}
        style={{ width: 340, marginBottom: 16 }}
        data-testid="sku-search"
      />
      <CursorTable<Sku>
        list={list}
        testId="skus-table"
        columns={columns}
        locale={{
          emptyText: (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={q ? t('skus.noMatches') : t('skus.empty')}
            />
          ),
        }}
      />
      {canWrite ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t('skus.importHint')} <Typography.Text code>{skuCsvHeader}</Typography.Text>
        </Typography.Paragraph>
      ) : null}
      <SkuFormModal
        open={editing !== undefined}
        sku={editing ?? undefined}
        onClose={() => setEditing(undefined)}
        onSaved={() => {
          setEditing(undefined);
          list.reload();
        }}
      />
    </Card>
  );
}
