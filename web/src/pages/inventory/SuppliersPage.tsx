import { EditOutlined, FileTextOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Input, Space, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Supplier, supplyApi } from '../../api/supply';
import { useAuth } from '../../auth';
import { CursorTable } from '../../components/CursorTable';
import { SupplierFormModal } from '../../components/supply/SupplierFormModal';
import { useCursorList } from '../../hooks/useCursorList';
import { usePageTitle } from '../../hooks/usePageTitle';

function ContactCell({ supplier }: { supplier: Supplier }) {
  const reach = [supplier.phone, supplier.email].filter(Boolean).join(' · ');
  if (!supplier.contactName && !reach) return <>—</>;
  return (
    <Space orientation="vertical" size={0}>
      {supplier.contactName ? <span>{supplier.contactName}</span> : null}
      {reach ? <Typography.Text type="secondary">{reach}</Typography.Text> : null}
    </Space>
  );
}

export default function SuppliersPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const [q, setQ] = useState('');
  // undefined: closed; null: creating; a supplier: editing it.
  const [editing, setEditing] = useState<Supplier | null | undefined>(undefined);
  const list = useCursorList((page) => supplyApi.suppliers.list({ ...page, q }), [q]);
  const canManage = can('inventory:manage');
  usePageTitle(t('supply.suppliers.title'));

  const quantity = (value: number | null) => value ?? '—';
  const columns: ColumnsType<Supplier> = [
    {
      title: t('supply.suppliers.code'),
      dataIndex: 'code',
      render: (code: string) => <Typography.Text strong>{code}</Typography.Text>,
    },
    {
      title: t('supply.suppliers.name'),
      dataIndex: 'name',
      render: (name: string, supplier) => (
        <Space size={6}>
          {name}
          {supplier.notes ? (
            <Tooltip title={supplier.notes}>
              <FileTextOutlined
                aria-label={t('supply.suppliers.notes')}
                style={{ color: 'rgba(0,0,0,0.45)' }}
              />
            </Tooltip>
          ) : null}
        </Space>
      ),
    },
    {
      title: t('supply.suppliers.leadTimeDays'),
      dataIndex: 'leadTimeDays',
      align: 'right',
      render: (days: number) => t('supply.common.days', { count: days }),
    },
    { title: t('supply.suppliers.minOrderQty'), dataIndex: 'minOrderQty', align: 'right', render: quantity },
    { title: t('supply.suppliers.packSize'), dataIndex: 'packSize', align: 'right', render: quantity },
    { title: t('supply.suppliers.maxOrderQty'), dataIndex: 'maxOrderQty', align: 'right', render: quantity },
    {
      title: t('supply.suppliers.contact'),
      key: 'contact',
      render: (_, supplier) => <ContactCell supplier={supplier} />,
    },
    {
      title: t('supply.suppliers.active'),
      dataIndex: 'isActive',
      render: (isActive: boolean) =>
        isActive ? <Tag color="green">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>,
    },
  ];
  if (canManage) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_, supplier) => (
        <Button
          size="small"
          icon={<EditOutlined />}
          onClick={() => setEditing(supplier)}
          data-testid="supplier-edit"
        >
          {t('common.edit')}
        </Button>
      ),
    });
  }

  return (
    <Card
      title={t('supply.suppliers.title')}
      extra={
        canManage ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing(null)}
            data-testid="supplier-create"
          >
            {t('supply.suppliers.create')}
          </Button>
        ) : null
      }
    >
      <Input.Search
        allowClear
        placeholder={t('supply.suppliers.searchPlaceholder')}
        onSearch={(value) => setQ(value.trim())}
        style={{ width: 340, marginBottom: 16 }}
        data-testid="supplier-search"
      />
      <CursorTable<Supplier>
        list={list}
        testId="suppliers-table"
        columns={columns}
        locale={{
          emptyText: (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={q ? t('supply.suppliers.noMatches') : t('supply.suppliers.empty')}
            />
          ),
        }}
      />
      <SupplierFormModal
        open={editing !== undefined}
        supplier={editing ?? undefined}
        onClose={() => setEditing(undefined)}
        onSaved={() => {
          setEditing(undefined);
          list.reload();
        }}
      />
    </Card>
  );
}
