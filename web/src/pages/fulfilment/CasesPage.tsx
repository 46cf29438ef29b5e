import { CheckOutlined, ReloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Segmented, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { type CaseFilter, type DeliveryCase, fulfilmentApi } from '../../api/fulfilment';
import { useAuth } from '../../auth';
import { CursorTable } from '../../components/CursorTable';
import { CaseKindTag } from '../../components/fulfilment/FulfilmentTags';
import { ResolveCaseModal } from '../../components/fulfilment/ResolveCaseModal';
import { formatDateTime } from '../../format';
import { useCursorList } from '../../hooks/useCursorList';
import { useNow } from '../../hooks/useNow';
import { usePageTitle } from '../../hooks/usePageTitle';

const filters: CaseFilter[] = ['open', 'resolved', 'all'];

export default function CasesPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const now = useNow();
  const [params, setParams] = useSearchParams();
  const status = (filters.find((value) => value === params.get('status')) ?? 'open') as CaseFilter;
  const [resolving, setResolving] = useState<DeliveryCase | null>(null);
  const list = useCursorList((page) => fulfilmentApi.cases.list({ ...page, status }), [status]);
  usePageTitle(t('fulfilment.cases.title'));

  const canResolve = can('fulfilment:write');
  const columns: ColumnsType<DeliveryCase> = [
    {
      title: t('fulfilment.common.order'),
      dataIndex: 'orderNumber',
      render: (number: string, item) => <Link to={`/orders/${item.orderId}`}>{number}</Link>,
    },
    {
      title: t('fulfilment.cases.kind'),
      dataIndex: 'kind',
      render: (kind: DeliveryCase['kind']) => <CaseKindTag kind={kind} />,
    },
    {
      title: t('common.status'),
      dataIndex: 'status',
      render: (value: DeliveryCase['status']) => (
        <Tag color={value === 'open' ? 'red' : 'green'} data-testid="case-status" data-status={value}>
          {t(`fulfilment.caseStatus.${value}`)}
        </Tag>
      ),
    },
    {
      title: t('fulfilment.cases.note'),
      dataIndex: 'note',
      render: (note: string | null) => (
        <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{note || '—'}</Typography.Text>
      ),
    },
    {
      title: t('fulfilment.cases.shipment'),
      dataIndex: 'shipmentId',
      render: (shipmentId: string | null) =>
        shipmentId ? (
          <Link to={`/fulfilment/shipments?shipment=${shipmentId}`}>
            {t('fulfilment.cases.viewShipment')}
          </Link>
        ) : (
          '—'
        ),
    },
    { title: t('fulfilment.cases.openedAt'), dataIndex: 'openedAt', render: formatDateTime },
    {
      title: t('fulfilment.cases.dueAt'),
      dataIndex: 'dueAt',
      render: (dueAt: string, item) =>
        item.status === 'open' && Date.parse(dueAt) < now ? (
          <Typography.Text type="danger" data-testid="case-overdue">
            {t('fulfilment.cases.overdue', { at: formatDateTime(dueAt) })}
          </Typography.Text>
        ) : (
          formatDateTime(dueAt)
        ),
    },
    { title: t('fulfilment.cases.resolvedAt'), dataIndex: 'resolvedAt', render: formatDateTime },
  ];
  if (canResolve)
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      render: (_, item) =>
        item.status === 'open' ? (
          <Button
            size="small"
            icon={<CheckOutlined />}
            onClick={() => setResolving(item)}
            data-testid="case-resolve-open"
          >
            {t('fulfilment.cases.resolve')}
          </Button>
        ) : null,
    });

  return (
    <Card
      title={t('fulfilment.cases.title')}
      extra={<Button icon={<ReloadOutlined />} onClick={list.reload} aria-label={t('common.refresh')} />}
    >
      <Space style={{ marginBottom: 16 }}>
        <Segmented<CaseFilter>
          value={status}
          onChange={(value) => setParams(value === 'open' ? {} : { status: value }, { replace: true })}
          options={filters.map((value) => ({ value, label: t(`fulfilment.cases.filter.${value}`) }))}
          data-testid="cases-filter"
        />
      </Space>
      <CursorTable<DeliveryCase>
        list={list}
        testId="cases-table"
        columns={columns}
        locale={{
          emptyText: (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={status === 'open' ? t('fulfilment.cases.noneOpen') : t('fulfilment.cases.empty')}
              data-testid="cases-empty"
            />
          ),
        }}
      />
      {resolving ? (
        <ResolveCaseModal
          deliveryCase={resolving}
          onClose={() => setResolving(null)}
          onResolved={(resolved) => {
            setResolving(null);
            message.success(t('fulfilment.cases.resolved', { number: resolved.orderNumber }));
            list.reload();
          }}
        />
      ) : null}
    </Card>
  );
}
