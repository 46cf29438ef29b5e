import { EditOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Carrier, type CarrierService, type CreatedCarrier, logisticsApi } from '../../api/fulfilment';
import { useAuth } from '../../auth';
import { CarrierFormModal } from '../../components/fulfilment/CarrierFormModal';
import { CarrierSecretModal } from '../../components/fulfilment/CarrierSecretModal';
import { ServiceFormModal } from '../../components/fulfilment/ServiceFormModal';
import { ServicesTable } from '../../components/fulfilment/ServicesTable';
import { IconAction } from '../../components/inventory/IconAction';
import { formatQuantity } from '../../components/inventory/numbers';
import { errorText } from '../../errors';
import { useLoader } from '../../hooks/useLoader';
import { usePageTitle } from '../../hooks/usePageTitle';

type Dialog =
  | { kind: 'carrier'; carrier: Carrier | null }
  | { kind: 'service'; carrier: Carrier; service: CarrierService | null }
  | null;

export default function CarriersPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const carriers = useLoader(() => logisticsApi.carriers.list(), []);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [created, setCreated] = useState<CreatedCarrier | null>(null);
  usePageTitle(t('fulfilment.carriers.title'));
  const canManage = can('logistics:manage');

  const saved = (text: string) => {
    setDialog(null);
    message.success(text);
    carriers.reload();
  };

  const columns: ColumnsType<Carrier> = [
    {
      title: t('fulfilment.carriers.name'),
      key: 'name',
      render: (_, carrier) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong>{carrier.name}</Typography.Text>
          <Typography.Text code>{carrier.code}</Typography.Text>
        </Space>
      ),
    },
    {
      title: t('fulfilment.carriers.trackingNumbers'),
      key: 'range',
      render: (_, { trackingPrefix, trackingRange }) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text>{`${trackingPrefix}${String(trackingRange.next).padStart(10, '0')}`}</Typography.Text>
          <Typography.Text type={trackingRange.end - trackingRange.next < 1000 ? 'danger' : 'secondary'}>
            {t('fulfilment.carriers.numbersLeft', {
              count: Math.max(0, trackingRange.end - trackingRange.next + 1),
              value: formatQuantity(Math.max(0, trackingRange.end - trackingRange.next + 1)),
            })}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('fulfilment.carriers.services'),
      key: 'services',
      align: 'right',
      render: (_, carrier) => carrier.services.filter((service) => service.isActive).length,
    },
    {
      title: t('common.status'),
      dataIndex: 'isActive',
      render: (isActive: boolean) =>
        isActive ? <Tag color="green">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>,
    },
    {
      title: t('fulfilment.carriers.contractNotes'),
      dataIndex: 'contractNotes',
      render: (notes: string | null) => (
        <Typography.Text type="secondary" ellipsis={{ tooltip: notes }} style={{ maxWidth: 260 }}>
          {notes || '—'}
        </Typography.Text>
      ),
    },
  ];
  if (canManage)
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      render: (_, carrier) => (
        <Space>
          <IconAction
            icon={<EditOutlined />}
            label={t('common.edit')}
            onClick={() => setDialog({ kind: 'carrier', carrier })}
            testId="carrier-edit"
          />
          <Button
            size="small"
            icon={<PlusOutlined />}
            onClick={() => setDialog({ kind: 'service', carrier, service: null })}
            data-testid="service-add"
          >
            {t('fulfilment.carriers.addService')}
          </Button>
        </Space>
      ),
    });

  const items = carriers.data ?? [];
  return (
    <Card
      title={t('fulfilment.carriers.title')}
      extra={
        <Space>
          <Button icon={<ReloadOutlined />} onClick={carriers.reload} aria-label={t('common.refresh')} />
          {canManage ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setDialog({ kind: 'carrier', carrier: null })}
              data-testid="carrier-create"
            >
              {t('fulfilment.carriers.create')}
            </Button>
          ) : null}
        </Space>
      }
    >
      {carriers.error ? (
        <Alert type="error" showIcon title={errorText(t, carriers.error)} style={{ marginBottom: 16 }} />
      ) : null}
      <Table<Carrier>
        rowKey="id"
        loading={carriers.isLoading}
        dataSource={items}
        columns={columns}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="carriers-table"
        expandable={{
          defaultExpandAllRows: true,
          expandedRowKeys: items.map((carrier) => carrier.id),
          showExpandColumn: false,
          expandedRowRender: (carrier) => (
            <ServicesTable
              services={carrier.services}
              onEdit={canManage ? (service) => setDialog({ kind: 'service', carrier, service }) : undefined}
            />
          ),
        }}
        locale={{
          emptyText: (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={t('fulfilment.carriers.empty')}
              data-testid="carriers-empty"
            />
          ),
        }}
      />
      {dialog?.kind === 'carrier' ? (
        <CarrierFormModal
          carrier={dialog.carrier}
          onClose={() => setDialog(null)}
          onCreated={(carrier) => {
            setDialog(null);
            setCreated(carrier);
            carriers.reload();
          }}
          onSaved={(carrier) => saved(t('fulfilment.carriers.saved', { name: carrier.name }))}
        />
      ) : null}
      {dialog?.kind === 'service' ? (
        <ServiceFormModal
          carrier={dialog.carrier}
          service={dialog.service}
          onClose={() => setDialog(null)}
          onSaved={(carrier) => saved(t('fulfilment.service.saved', { name: carrier.name }))}
        />
      ) : null}
      <CarrierSecretModal carrier={created} onClose={() => setCreated(null)} />
    </Card>
  );
}
