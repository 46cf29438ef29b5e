import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Input, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Sku } from '../api';
import { useAuth } from '../auth';
import { CursorPager } from '../components/CursorPager';
import { SkuFormModal } from '../components/SkuFormModal';
import { SkuImport, skuCsvHeader } from '../components/SkuImport';
import { errorText } from '../errors';
import { formatDateTime, formatMoney } from '../format';
import { useCursorList } from '../hooks/useCursorList';
import { usePageTitle } from '../hooks/usePageTitle';

function dimensionsText(sku: Sku): string {
  const sizes = [sku.lengthMm, sku.widthMm, sku.heightMm];
  return sizes.some((size) => size !== null) ? sizes.map((size) => size ?? '?').join(' × ') : '—';
}

export default function SkusPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const [q, setQ] = useState('');
  // undefined: closed; null: creating; a SKU: editing it.
  const [editing, setEditing] = useState<Sku | null | undefined>(undefined);
  const list = useCursorList((page) => api.skus.list({ ...page, q }), [q]);
  const canWrite = can('catalog:write');
  usePageTitle(t('skus.title'));

  const remove = async (sku: Sku) => {
    try {
      await api.skus.remove(sku.id);
      message.success(t('skus.deleted', { code: sku.code }));
      list.reload();
    } catch (failure) {
      message.error(errorText(t, failure));
    }
  };

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
      {list.error ? (
        <Alert type="error" showIcon title={errorText(t, list.error)} style={{ marginBottom: 16 }} />
      ) : null}
      <div data-testid="skus-table">
        <Table<Sku>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.items}
          loading={list.isLoading}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{
            emptyText: (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={q ? t('skus.noMatches') : t('skus.empty')}
              />
            ),
          }}
        />
      </div>
      <CursorPager list={list} />
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
