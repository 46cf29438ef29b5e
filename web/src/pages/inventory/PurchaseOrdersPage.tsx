import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Empty, Progress, Select, Space, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { type PurchaseOrder, supplyApi } from '../../api/supply';
import { useAuth } from '../../auth';
import { CursorTable } from '../../components/CursorTable';
import { formatCost, formatDay, percentOf } from '../../components/supply/format';
import { PurchaseOrderFormModal } from '../../components/supply/PurchaseOrderFormModal';
import { SupplierSelect } from '../../components/supply/SupplierSelect';
import {
  OverdueTag,
  PurchaseOrderStatusTag,
  purchaseOrderStatuses,
} from '../../components/supply/SupplyTags';
import { useCursorList } from '../../hooks/useCursorList';
import { usePageTitle } from '../../hooks/usePageTitle';

/** Received units over ordered units, across all lines. */
function receivedPercent(order: PurchaseOrder): number {
  const ordered = order.lines.reduce((sum, line) => sum + line.quantity, 0);
  return percentOf(
    order.lines.reduce((sum, line) => sum + line.receivedQuantity, 0),
    ordered,
  );
}

// A faint red behind overdue rows: late deliveries must stand out in a long list.
const overdueRow = { background: '#fff1f0' };

export default function PurchaseOrdersPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? '';
  const supplier = params.get('supplier') ?? '';
  const isOverdue = params.get('overdue') === 'true';
  const [isCreating, setIsCreating] = useState(false);
  const list = useCursorList(
    (page) => supplyApi.purchaseOrders.list({ ...page, status, supplier, isOverdue }),
    [status, supplier, isOverdue],
  );
  usePageTitle(t('supply.purchaseOrders.title'));

  const setFilter = (name: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };

  const columns: ColumnsType<PurchaseOrder> = [
    {
      title: t('supply.purchaseOrders.number'),
      dataIndex: 'number',
      render: (number: string, order) => (
        <Link to={`/inventory/purchase-orders/${order.id}`} onClick={(event) => event.stopPropagation()}>
          {number}
        </Link>
      ),
    },
    {
      title: t('supply.common.supplier'),
      key: 'supplier',
      render: (_, order) => order.supplier.name,
    },
    { title: t('supply.common.warehouse'), dataIndex: 'warehouse' },
    {
      title: t('common.status'),
      dataIndex: 'status',
      render: (value: PurchaseOrder['status'], order) => (
        <Space size={0}>
          <PurchaseOrderStatusTag status={value} />
          {order.isOverdue ? <OverdueTag /> : null}
        </Space>
      ),
    },
    {
      title: t('supply.purchaseOrders.lines'),
      key: 'lines',
      align: 'right',
      render: (_, order) => order.lines.length,
    },
    {
      title: t('supply.purchaseOrders.received'),
      key: 'received',
      width: 140,
      render: (_, order) => <Progress percent={receivedPercent(order)} size="small" />,
    },
    { title: t('supply.purchaseOrders.total'), dataIndex: 'total', align: 'right', render: formatCost },
    {
      title: t('supply.purchaseOrders.dueAt'),
      dataIndex: 'dueAt',
      render: (dueAt: string | null, order) =>
        order.isOverdue ? (
          <Typography.Text type="danger">{formatDay(dueAt)}</Typography.Text>
        ) : (
          formatDay(dueAt)
        ),
    },
    { title: t('common.createdAt'), dataIndex: 'createdAt', render: formatDay },
  ];

  const hasFilters = Boolean(status || supplier || isOverdue);
  return (
    <Card
      title={t('supply.purchaseOrders.title')}
      extra={
        <Space>
          <Button icon={<ReloadOutlined />} onClick={list.reload} aria-label={t('common.refresh')} />
          {can('inventory:manage') ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setIsCreating(true)}
              data-testid="po-create"
            >
              {t('supply.purchaseOrders.create')}
            </Button>
          ) : null}
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          placeholder={t('supply.common.allStatuses')}
          value={status || undefined}
          onChange={(value?: string) => setFilter('status', value)}
          options={purchaseOrderStatuses.map((value) => ({ value, label: t(`supply.poStatus.${value}`) }))}
          style={{ width: 180 }}
          data-testid="filter-status"
        />
        <SupplierSelect
          allowClear
          placeholder={t('supply.common.allSuppliers')}
          value={supplier || undefined}
          onChange={(value) => setFilter('supplier', value)}
          style={{ width: 240 }}
          data-testid="filter-supplier"
        />
        <Checkbox
          checked={isOverdue}
          onChange={(event) => setFilter('overdue', event.target.checked ? 'true' : undefined)}
          data-testid="filter-overdue"
        >
          {t('supply.purchaseOrders.onlyOverdue')}
        </Checkbox>
      </Space>
      <CursorTable<PurchaseOrder>
        list={list}
        testId="purchase-orders-table"
        columns={columns}
        onRow={(order) => ({
          onClick: () => navigate(`/inventory/purchase-orders/${order.id}`),
          style: order.isOverdue ? { ...overdueRow, cursor: 'pointer' } : { cursor: 'pointer' },
          'data-overdue': order.isOverdue ? 'true' : undefined,
        })}
        locale={{
          emptyText: (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={
                hasFilters ? t('supply.purchaseOrders.noMatches') : t('supply.purchaseOrders.empty')
              }
              data-testid="purchase-orders-empty"
            />
          ),
        }}
      />
      {isCreating ? (
        <PurchaseOrderFormModal
          onClose={() => setIsCreating(false)}
          onCreated={(order) => navigate(`/inventory/purchase-orders/${order.id}`)}
        />
      ) : null}
    </Card>
  );
}
