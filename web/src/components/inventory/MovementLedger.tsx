import { Card, Empty, Select, Space, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { inventoryApi, type Movement, type MovementKind } from '../../api/inventory';
import { useExplain } from '../../explain';
import { formatDateTime } from '../../format';
import { useCursorList } from '../../hooks/useCursorList';
import { CursorTable } from '../CursorTable';
import { Delta, MovementKindTag, movementKinds } from './StockTags';
import { WarehouseSelect } from './WarehouseSelect';

/** Where a movement came from: the order it served, else the document (PO, stocktake…). */
function Reference({ movement }: { movement: Movement }) {
  const { t } = useTranslation();
  if (movement.orderId)
    return <Link to={`/orders/${encodeURIComponent(movement.orderId)}`}>{t('inventory.ledger.order')}</Link>;
  if (movement.referenceType === 'purchase_order' && movement.referenceId)
    return (
      <Link to={`/inventory/purchase-orders/${encodeURIComponent(movement.referenceId)}`}>
        {t('inventory.ledger.purchaseOrder')}
      </Link>
    );
  if (movement.referenceType === 'stocktake' && movement.referenceId)
    return (
      <Link to={`/inventory/stocktakes/${encodeURIComponent(movement.referenceId)}`}>
        {t('inventory.ledger.stocktake')}
      </Link>
    );
  if (movement.referenceType)
    return (
      <Typography.Text type="secondary">
        {t(`inventory.ledger.referenceType.${movement.referenceType}`, {
          defaultValue: movement.referenceType,
        })}
      </Typography.Text>
    );
  return <>—</>;
}

/** Every change to a SKU's stock, newest first: the ledger the levels are the sum of. */
export function MovementLedger({ sku, version }: { sku: string; version: number }) {
  const { t } = useTranslation();
  const explain = useExplain();
  const [warehouse, setWarehouse] = useState<string>();
  const [kind, setKind] = useState<MovementKind>();
  const list = useCursorList(
    (page) => inventoryApi.movements.list({ ...page, sku, warehouse, kind }),
    [sku, warehouse, kind, version],
    20,
  );
  const columns: ColumnsType<Movement> = [
    { title: t('inventory.ledger.at'), dataIndex: 'at', render: formatDateTime },
    { title: t('inventory.common.warehouse'), dataIndex: 'warehouse' },
    {
      title: t('inventory.ledger.kind'),
      dataIndex: 'kind',
      render: (value: MovementKind) => <MovementKindTag kind={value} />,
    },
    {
      title: t('inventory.ledger.onHandDelta'),
      dataIndex: 'onHandDelta',
      align: 'right',
      render: (value: number) => <Delta value={value} />,
    },
    {
      title: t('inventory.ledger.reservedDelta'),
      dataIndex: 'reservedDelta',
      align: 'right',
      render: (value: number) => <Delta value={value} />,
    },
    {
      title: t('inventory.ledger.reference'),
      key: 'reference',
      render: (_, movement) => <Reference movement={movement} />,
    },
    {
      title: t('inventory.common.reason'),
      dataIndex: 'reason',
      render: (reason: string | null, movement) => explain(movement.reasonExplanation, reason) || '—',
    },
    { title: t('inventory.ledger.actor'), dataIndex: 'actorName' },
  ];
  return (
    <Card
      title={t('inventory.ledger.title')}
      extra={
        <Space wrap>
          <WarehouseSelect
            allowClear
            includeInactive
            value={warehouse}
            onChange={(code) => setWarehouse(typeof code === 'string' ? code : undefined)}
            placeholder={t('inventory.stock.allWarehouses')}
            width={200}
          />
          <Select<MovementKind>
            allowClear
            value={kind}
            onChange={setKind}
            options={movementKinds.map((value) => ({ value, label: t(`inventory.movementKind.${value}`) }))}
            placeholder={t('inventory.ledger.allKinds')}
            style={{ width: 160 }}
            data-testid="ledger-kind"
          />
        </Space>
      }
    >
      <CursorTable<Movement>
        list={list}
        testId="ledger-table"
        size="small"
        columns={columns}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('inventory.ledger.empty')} />,
        }}
      />
    </Card>
  );
}
