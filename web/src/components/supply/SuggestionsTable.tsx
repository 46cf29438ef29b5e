import { InputNumber, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Key, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Suggestion } from '../../api/supply';
import { formatDay } from './format';

export const suggestionKey = (row: Suggestion) => `${row.warehouse}|${row.sku}`;

type Props = {
  items: Suggestion[];
  isLoading: boolean;
  /** The quantity to order per row, as edited (the suggestion's own when not edited). */
  quantities: Record<string, number>;
  onQuantity: (key: string, quantity: number) => void;
  selected: Key[];
  onSelect: (keys: Key[]) => void;
  /** Without inventory:manage the table is read-only: no selection, no editing. */
  canOrder: boolean;
  emptyText: ReactNode;
};

/** Replenishment suggestions: the stock position behind each and the quantity to order. */
export function SuggestionsTable({
  items,
  isLoading,
  quantities,
  onQuantity,
  selected,
  onSelect,
  canOrder,
  emptyText,
}: Props) {
  const { t } = useTranslation();
  const quantityCell = (row: Suggestion) => {
    const key = suggestionKey(row);
    const value = quantities[key] ?? row.quantity;
    const capped = row.isCapped ? (
      <Tooltip title={t('supply.replenishment.cappedHelp')}>
        <Tag color="orange" data-testid="suggestion-capped">
          {t('supply.replenishment.cappedTag')}
        </Tag>
      </Tooltip>
    ) : null;
    if (!canOrder || !row.supplier)
      return (
        <Space size={4}>
          {capped}
          <Typography.Text strong>{value}</Typography.Text>
        </Space>
      );
    return (
      <Space size={4}>
        {capped}
        <InputNumber
          size="small"
          min={1}
          max={10_000_000}
          precision={0}
          value={value}
          onChange={(next) => onQuantity(key, next ?? row.quantity)}
          style={{ width: 90 }}
          data-testid="suggestion-quantity"
        />
      </Space>
    );
  };
  const columns: ColumnsType<Suggestion> = [
    {
      title: t('supply.common.sku'),
      dataIndex: 'sku',
      render: (sku: string, row) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/inventory/skus/${encodeURIComponent(sku)}`}>{sku}</Link>
          <Typography.Text type="secondary" ellipsis style={{ maxWidth: 160 }}>
            {row.skuName}
          </Typography.Text>
        </Space>
      ),
    },
    { title: t('supply.common.warehouse'), dataIndex: 'warehouse' },
    {
      title: t('supply.common.supplier'),
      dataIndex: 'supplier',
      render: (supplier: string | null) =>
        supplier ?? (
          <Tooltip title={t('supply.replenishment.noSupplierHelp')}>
            <Tag color="warning">{t('supply.replenishment.noSupplier')}</Tag>
          </Tooltip>
        ),
    },
    { title: t('supply.replenishment.onHand'), dataIndex: 'onHand', align: 'right' },
    { title: t('supply.replenishment.reserved'), dataIndex: 'reserved', align: 'right' },
    { title: t('supply.replenishment.incoming'), dataIndex: 'incoming', align: 'right' },
    {
      title: t('supply.replenishment.backordered'),
      dataIndex: 'backordered',
      align: 'right',
      render: (value: number) =>
        value > 0 ? <Typography.Text type="danger">{value}</Typography.Text> : value,
    },
    { title: t('supply.replenishment.reorderPoint'), dataIndex: 'reorderPoint', align: 'right' },
    { title: t('supply.replenishment.targetLevel'), dataIndex: 'targetLevel', align: 'right' },
    {
      title: <Tooltip title={t('supply.replenishment.needHelp')}>{t('supply.replenishment.need')}</Tooltip>,
      dataIndex: 'need',
      align: 'right',
    },
    {
      title: t('supply.replenishment.arrivesBy'),
      dataIndex: 'arrivesBy',
      render: (arrivesBy: string, row) => (
        <Space orientation="vertical" size={0}>
          {formatDay(arrivesBy)}
          <Typography.Text type="secondary">
            {t('supply.replenishment.leadTime', { count: row.leadTimeDays })}
          </Typography.Text>
        </Space>
      ),
    },
    {
      // The decision column stays in view however far the figures scroll.
      title: (
        <Tooltip title={t('supply.replenishment.quantityHelp')}>{t('supply.replenishment.quantity')}</Tooltip>
      ),
      key: 'quantity',
      align: 'right',
      fixed: 'right',
      render: (_, row) => quantityCell(row),
    },
  ];

  return (
    <div data-testid="suggestions-table">
      <Table<Suggestion>
        rowKey={suggestionKey}
        size="middle"
        dataSource={items}
        loading={isLoading}
        columns={columns}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        rowSelection={
          canOrder
            ? {
                selectedRowKeys: selected,
                onChange: onSelect,
                getCheckboxProps: (row) => ({ disabled: !row.supplier }),
              }
            : undefined
        }
        locale={{ emptyText }}
      />
    </div>
  );
}
