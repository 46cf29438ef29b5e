import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Input, Select, Space, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { fulfilmentApi, type ShipmentSummary } from '../../api/fulfilment';
import { CursorTable } from '../../components/CursorTable';
import { CarrierSelect } from '../../components/fulfilment/CarrierSelect';
import { ShipmentStatusTag, shipmentStatuses } from '../../components/fulfilment/FulfilmentTags';
import { formatFreight, formatWeight } from '../../components/fulfilment/format';
import { ShipmentDrawer } from '../../components/fulfilment/ShipmentDrawer';
import { formatDateTime } from '../../format';
import { useCursorList } from '../../hooks/useCursorList';
import { usePageTitle } from '../../hooks/usePageTitle';

/** Filters and the open shipment live in the URL, so a link (e.g. from an order) opens one directly. */
export default function ShipmentsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? '';
  const carrier = params.get('carrier') ?? '';
  const q = params.get('q') ?? '';
  const openId = params.get('shipment');
  const list = useCursorList(
    (page) => fulfilmentApi.shipments.list({ ...page, status, carrier, q }),
    [status, carrier, q],
  );
  usePageTitle(t('fulfilment.shipments.title'));

  const setParam = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: key !== 'shipment' });
  };

  const columns: ColumnsType<ShipmentSummary> = [
    {
      title: t('fulfilment.shipments.tracking'),
      dataIndex: 'trackingNumber',
      render: (tracking: string) => <Typography.Text strong>{tracking}</Typography.Text>,
    },
    {
      title: t('fulfilment.common.order'),
      dataIndex: 'orderNumber',
      render: (number: string, shipment) => (
        <Link to={`/orders/${shipment.orderId}`} onClick={(event) => event.stopPropagation()}>
          {number}
        </Link>
      ),
    },
    {
      title: t('fulfilment.common.carrier'),
      key: 'carrier',
      render: (_, shipment) => `${shipment.carrier.name} · ${shipment.service.name}`,
    },
    {
      title: t('common.status'),
      dataIndex: 'status',
      render: (value: ShipmentSummary['status']) => <ShipmentStatusTag status={value} />,
    },
    { title: t('fulfilment.common.weight'), dataIndex: 'weightGrams', align: 'right', render: formatWeight },
    { title: t('fulfilment.shipments.price'), dataIndex: 'price', align: 'right', render: formatFreight },
    { title: t('fulfilment.shipments.shippedAt'), dataIndex: 'shippedAt', render: formatDateTime },
    { title: t('fulfilment.shipments.promisedBy'), dataIndex: 'promisedBy', render: formatDateTime },
    { title: t('fulfilment.shipments.lastEventAt'), dataIndex: 'lastEventAt', render: formatDateTime },
    { title: t('fulfilment.shipments.deliveredAt'), dataIndex: 'deliveredAt', render: formatDateTime },
  ];

  const isFiltered = Boolean(status || carrier || q);
  return (
    <Card
      title={t('fulfilment.shipments.title')}
      extra={<Button icon={<ReloadOutlined />} onClick={list.reload} aria-label={t('common.refresh')} />}
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          defaultValue={q}
          placeholder={t('fulfilment.shipments.search')}
          onSearch={(value) => setParam('q', value.trim() || undefined)}
          style={{ width: 280 }}
          data-testid="shipments-search"
        />
        <Select
          allowClear
          placeholder={t('fulfilment.common.allStatuses')}
          value={status || undefined}
          onChange={(value?: string) => setParam('status', value)}
          options={shipmentStatuses.map((value) => ({
            value,
            label: t(`fulfilment.shipmentStatus.${value}`),
          }))}
          style={{ width: 180 }}
          data-testid="filter-status"
        />
        <CarrierSelect value={carrier} onChange={(value) => setParam('carrier', value)} />
      </Space>
      <CursorTable<ShipmentSummary>
        list={list}
        testId="shipments-table"
        columns={columns}
        onRow={(shipment) => ({
          onClick: () => setParam('shipment', shipment.id),
          style: { cursor: 'pointer' },
        })}
        locale={{
          emptyText: (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={isFiltered ? t('fulfilment.shipments.noMatches') : t('fulfilment.shipments.empty')}
              data-testid="shipments-empty"
            />
          ),
        }}
      />
      <ShipmentDrawer shipmentId={openId} onClose={() => setParam('shipment', undefined)} />
    </Card>
  );
}
