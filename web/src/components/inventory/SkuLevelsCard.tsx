import { SettingOutlined, ToolOutlined } from '@ant-design/icons';
import { Card, Empty, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { SkuLevel, SkuStock } from '../../api/inventory';
import { useAuth } from '../../auth';
import { IconAction } from './IconAction';
import { formatQuantity } from './numbers';
import { LowStockTag, PlanModeTag } from './StockTags';

const quantity = (value: number | null) => formatQuantity(value);

/** The safety stock in force: the manual one, or the computed plan's. */
function safetyStock(level: SkuLevel): number | null {
  if (level.mode === 'manual') return level.manualSafetyStock;
  if (level.mode === 'computed') return level.plan?.safetyStock ?? null;
  return null;
}

/** A SKU's stock in every warehouse with how each is planned. */
export function SkuLevelsCard({
  stock,
  onAdjust,
  onPlan,
}: {
  stock: SkuStock;
  onAdjust: (level: SkuLevel) => void;
  onPlan: (level: SkuLevel) => void;
}) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const canWrite = can('inventory:write');
  const canManage = can('inventory:manage');
  const columns: ColumnsType<SkuLevel> = [
    {
      title: t('inventory.common.warehouse'),
      dataIndex: 'warehouse',
      render: (code: string) => <Typography.Text strong>{code}</Typography.Text>,
    },
    { title: t('inventory.common.bin'), dataIndex: 'bin', render: (bin: string | null) => bin ?? '—' },
    { title: t('inventory.common.onHand'), dataIndex: 'onHand', align: 'right', render: quantity },
    { title: t('inventory.common.reserved'), dataIndex: 'reserved', align: 'right', render: quantity },
    {
      title: t('inventory.common.available'),
      dataIndex: 'available',
      align: 'right',
      render: (available: number, level) => (
        <Typography.Text strong type={level.isLow ? 'danger' : undefined}>
          {formatQuantity(available)}
        </Typography.Text>
      ),
    },
    { title: t('inventory.common.incoming'), dataIndex: 'incoming', align: 'right', render: quantity },
    {
      title: t('inventory.plan.mode'),
      dataIndex: 'mode',
      render: (_, level) => <PlanModeTag mode={level.mode} />,
    },
    { title: t('inventory.common.warningLine'), dataIndex: 'warningLine', align: 'right', render: quantity },
    {
      title: t('inventory.common.safetyStock'),
      key: 'safety',
      align: 'right',
      render: (_, level) => quantity(safetyStock(level)),
    },
    {
      title: t('inventory.common.targetLevel'),
      key: 'target',
      align: 'right',
      render: (_, level) => quantity(level.mode === 'computed' ? (level.plan?.targetLevel ?? null) : null),
    },
    {
      title: t('common.status'),
      dataIndex: 'isLow',
      render: (isLow: boolean, level) => (level.warningLine === null ? '—' : <LowStockTag isLow={isLow} />),
    },
  ];
  if (canWrite || canManage) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_, level) => (
        <Space size="small">
          {canWrite ? (
            <IconAction
              icon={<ToolOutlined />}
              label={t('inventory.stock.adjust')}
              onClick={() => onAdjust(level)}
            />
          ) : null}
          {canManage ? (
            <IconAction
              icon={<SettingOutlined />}
              label={t('inventory.plan.edit')}
              onClick={() => onPlan(level)}
              testId="level-plan"
            />
          ) : null}
        </Space>
      ),
    });
  }
  return (
    <Card title={t('inventory.sku.levels')}>
      <Table<SkuLevel>
        rowKey="warehouseId"
        size="middle"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={stock.levels}
        columns={columns}
        data-testid="sku-levels"
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('inventory.sku.noLevels')} />,
        }}
      />
    </Card>
  );
}
