import { SwapOutlined, ToolOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Empty, Input, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { inventoryApi, type StockLevel } from '../../api/inventory';
import { useAuth } from '../../auth';
import { CursorTable } from '../../components/CursorTable';
import { IconAction } from '../../components/inventory/IconAction';
import { formatQuantity } from '../../components/inventory/numbers';
import {
  AdjustStockModal,
  type StockTarget,
  TransferStockModal,
} from '../../components/inventory/StockModals';
import { LowStockTag, SkuCell } from '../../components/inventory/StockTags';
import { WarehouseSelect } from '../../components/inventory/WarehouseSelect';
import { useCursorList } from '../../hooks/useCursorList';
import { usePageTitle } from '../../hooks/usePageTitle';

type Dialog = { kind: 'adjust' | 'transfer'; target: StockTarget } | null;

const quantity = (value: number) => formatQuantity(value);

/** The filters live in the address, so a link (from an alert, a SKU) opens the list already narrowed. */
function useStockFilters() {
  const [params, setParams] = useSearchParams();
  const filters = {
    sku: params.get('sku') ?? '',
    warehouse: params.get('warehouse') ?? '',
    q: params.get('q') ?? '',
    isLow: params.get('low') === 'true',
  };
  const setFilter = (key: 'sku' | 'warehouse' | 'q' | 'low', value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  return { filters, setFilter };
}

export default function StockPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { filters, setFilter } = useStockFilters();
  const [dialog, setDialog] = useState<Dialog>(null);
  const list = useCursorList(
    (page) =>
      inventoryApi.levels.list({
        ...page,
        sku: filters.sku || undefined,
        warehouse: filters.warehouse || undefined,
        q: filters.q || undefined,
        isLow: filters.isLow,
      }),
    [filters.sku, filters.warehouse, filters.q, filters.isLow],
  );
  const canWrite = can('inventory:write');
  const isFiltered = Boolean(filters.sku || filters.warehouse || filters.q || filters.isLow);
  usePageTitle(t('inventory.stock.title'));

  const columns: ColumnsType<StockLevel> = [
    {
      title: t('inventory.common.sku'),
      dataIndex: 'sku',
      render: (code: string, level) => <SkuCell code={code} name={level.skuName} />,
    },
    { title: t('inventory.common.warehouse'), dataIndex: 'warehouse' },
    {
      title: t('inventory.common.bin'),
      dataIndex: 'bin',
      render: (bin: string | null) => (bin ? <Typography.Text code>{bin}</Typography.Text> : '—'),
    },
    { title: t('inventory.common.onHand'), dataIndex: 'onHand', align: 'right', render: quantity },
    { title: t('inventory.common.reserved'), dataIndex: 'reserved', align: 'right', render: quantity },
    {
      title: t('inventory.common.available'),
      dataIndex: 'available',
      align: 'right',
      render: (available: number, level) => (
        <Typography.Text strong type={level.isLow ? 'danger' : undefined} data-testid="level-available">
          {formatQuantity(available)}
        </Typography.Text>
      ),
    },
    { title: t('inventory.common.incoming'), dataIndex: 'incoming', align: 'right', render: quantity },
    {
      title: t('inventory.common.warningLine'),
      dataIndex: 'warningLine',
      align: 'right',
      render: (line: number | null) => formatQuantity(line),
    },
    {
      title: t('common.status'),
      dataIndex: 'isLow',
      render: (isLow: boolean, level) =>
        level.warningLine === null ? (
          <Tag>{t('inventory.common.unplanned')}</Tag>
        ) : (
          <LowStockTag isLow={isLow} />
        ),
    },
  ];
  if (canWrite) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_, level) => (
        <Space size="small">
          <IconAction
            icon={<ToolOutlined />}
            label={t('inventory.stock.adjust')}
            onClick={() =>
              setDialog({ kind: 'adjust', target: { sku: level.sku, warehouse: level.warehouse } })
            }
            testId="row-adjust"
          />
          <IconAction
            icon={<SwapOutlined />}
            label={t('inventory.stock.transfer')}
            onClick={() =>
              setDialog({ kind: 'transfer', target: { sku: level.sku, warehouse: level.warehouse } })
            }
            testId="row-transfer"
          />
        </Space>
      ),
    });
  }

  const closeAndReload = () => {
    setDialog(null);
    list.reload();
  };

  return (
    <Card
      title={t('inventory.stock.title')}
      extra={
        canWrite ? (
          <Space>
            <Button
              icon={<SwapOutlined />}
              onClick={() => setDialog({ kind: 'transfer', target: {} })}
              data-testid="stock-transfer"
            >
              {t('inventory.stock.transfer')}
            </Button>
            <Button
              type="primary"
              icon={<ToolOutlined />}
              onClick={() => setDialog({ kind: 'adjust', target: {} })}
              data-testid="stock-adjust"
            >
              {t('inventory.stock.adjust')}
            </Button>
          </Space>
        ) : null
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          defaultValue={filters.q}
          placeholder={t('inventory.stock.searchPlaceholder')}
          onSearch={(value) => setFilter('q', value.trim())}
          style={{ width: 280 }}
          data-testid="stock-search"
        />
        <WarehouseSelect
          allowClear
          includeInactive
          value={filters.warehouse || undefined}
          onChange={(code) => setFilter('warehouse', typeof code === 'string' ? code : '')}
          placeholder={t('inventory.stock.allWarehouses')}
          width={220}
          data-testid="stock-warehouse"
        />
        <Checkbox
          checked={filters.isLow}
          onChange={(event) => setFilter('low', event.target.checked ? 'true' : '')}
          data-testid="stock-low-only"
        >
          {t('inventory.stock.lowOnly')}
        </Checkbox>
        {filters.sku ? (
          <Tag closable onClose={() => setFilter('sku', '')}>
            {t('inventory.stock.skuFilter', { sku: filters.sku })}
          </Tag>
        ) : null}
      </Space>
      <CursorTable<StockLevel>
        list={list}
        testId="stock-table"
        rowKey={(level) => `${level.skuId}:${level.warehouseId}`}
        columns={columns}
        locale={{
          emptyText: (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={isFiltered ? t('inventory.stock.noMatches') : t('inventory.stock.empty')}
            />
          ),
        }}
      />
      {dialog?.kind === 'adjust' ? (
        <AdjustStockModal target={dialog.target} onClose={() => setDialog(null)} onDone={closeAndReload} />
      ) : null}
      {dialog?.kind === 'transfer' ? (
        <TransferStockModal target={dialog.target} onClose={() => setDialog(null)} onDone={closeAndReload} />
      ) : null}
    </Card>
  );
}
