import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Space, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { inventoryApi, inventoryCurrency, type Warehouse } from '../../api/inventory';
import { useAuth } from '../../auth';
import { CursorTable } from '../../components/CursorTable';
import { WarehouseFormModal } from '../../components/inventory/WarehouseFormModal';
import { formatMoney } from '../../format';
import { useCursorList } from '../../hooks/useCursorList';
import { usePageTitle } from '../../hooks/usePageTitle';

const shownRegions = 3;

/** Province, city and district, once each: Beijing is both a province and its own city. */
function placeOf(warehouse: Warehouse): string {
  const { province, city, district } = warehouse.address;
  return [...new Set([province, city, district].filter(Boolean))].join(' ') || '—';
}

/** The regions a warehouse serves; the rest of a long list on hover. */
function Coverage({ regions }: { regions: string[] }) {
  const { t } = useTranslation();
  if (regions.length === 0) return <Tag color="blue">{t('inventory.warehouses.everywhere')}</Tag>;
  const rest = regions.slice(shownRegions);
  return (
    <Space size={[0, 4]} wrap>
      {regions.slice(0, shownRegions).map((region) => (
        <Tag key={region}>{region}</Tag>
      ))}
      {rest.length ? (
        <Tooltip title={rest.join(t('common.listSeparator'))}>
          <Tag>{t('inventory.warehouses.moreRegions', { count: rest.length })}</Tag>
        </Tooltip>
      ) : null}
    </Space>
  );
}

export default function WarehousesPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  // undefined: closed; null: creating; a warehouse: editing it.
  const [editing, setEditing] = useState<Warehouse | null | undefined>(undefined);
  const list = useCursorList((page) => inventoryApi.warehouses.list(page), []);
  const canManage = can('inventory:manage');
  usePageTitle(t('inventory.warehouses.title'));

  const columns: ColumnsType<Warehouse> = [
    {
      title: t('inventory.warehouses.code'),
      dataIndex: 'code',
      render: (code: string) => <Typography.Text strong>{code}</Typography.Text>,
    },
    { title: t('inventory.warehouses.name'), dataIndex: 'name' },
    {
      title: t('inventory.warehouses.location'),
      key: 'location',
      render: (_, warehouse) => placeOf(warehouse),
    },
    { title: t('inventory.warehouses.timeZone'), dataIndex: 'timeZone' },
    { title: t('inventory.warehouses.cutOff'), dataIndex: 'cutOff' },
    {
      title: t('inventory.warehouses.coverage'),
      dataIndex: 'coverage',
      render: (regions: string[]) => <Coverage regions={regions} />,
    },
    {
      title: t('inventory.warehouses.costPerOrder'),
      dataIndex: 'costPerOrder',
      align: 'right',
      render: (cost: string) => formatMoney(cost, inventoryCurrency),
    },
    {
      title: t('common.status'),
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
      render: (_, warehouse) => (
        <Button
          size="small"
          icon={<EditOutlined />}
          onClick={() => setEditing(warehouse)}
          data-testid="warehouse-edit"
        >
          {t('common.edit')}
        </Button>
      ),
    });
  }

  return (
    <Card
      title={t('inventory.warehouses.title')}
      extra={
        canManage ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing(null)}
            data-testid="warehouse-create"
          >
            {t('inventory.warehouses.create')}
          </Button>
        ) : null
      }
    >
      <Typography.Paragraph type="secondary">{t('inventory.warehouses.intro')}</Typography.Paragraph>
      <CursorTable<Warehouse>
        list={list}
        testId="warehouses-table"
        columns={columns}
        locale={{
          emptyText: (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('inventory.warehouses.empty')} />
          ),
        }}
      />
      {editing !== undefined ? (
        <WarehouseFormModal
          warehouse={editing ?? undefined}
          onClose={() => setEditing(undefined)}
          onSaved={() => {
            setEditing(undefined);
            list.reload();
          }}
        />
      ) : null}
    </Card>
  );
}
