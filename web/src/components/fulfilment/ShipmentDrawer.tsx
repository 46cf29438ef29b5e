import { PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Drawer, Empty, Space, Spin, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { fulfilmentApi, type Shipment } from '../../api/fulfilment';
import { errorText } from '../../errors';
import { useExplain } from '../../explain';
import { formatDateTime, formatZonedDateTime } from '../../format';
import { useLoader } from '../../hooks/useLoader';
import { ShipmentStatusTag } from './FulfilmentTags';
import { formatFreight, formatWeight } from './format';

const eventColors: Record<string, string> = {
  delivered: 'green',
  failed_attempt: 'red',
  exception: 'red',
  returned_to_sender: 'red',
};

function TrackingTimeline({ shipment }: { shipment: Shipment }) {
  const { t } = useTranslation();
  if (shipment.events.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('fulfilment.shipment.noEvents')} />;
  return (
    <div data-testid="tracking-events">
      <Timeline
        items={shipment.events.map((event) => ({
          key: event.id,
          color: eventColors[event.status] ?? 'blue',
          content: (
            <div data-testid="tracking-event" data-status={event.status}>
              <Space wrap>
                <ShipmentStatusTag status={event.status} />
                <Typography.Text type="secondary">{event.rawStatus}</Typography.Text>
              </Space>
              {event.description ? <div>{event.description}</div> : null}
              <Typography.Text type="secondary">
                {[formatDateTime(event.eventAt), event.location].filter(Boolean).join(' · ')}
              </Typography.Text>
            </div>
          ),
        }))}
      />
    </div>
  );
}

/** One shipment: carrier and service, why it was chosen, its label, and the tracking history. */
export function ShipmentDrawer({ shipmentId, onClose }: { shipmentId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const explain = useExplain();
  const loader = useLoader(
    () => (shipmentId ? fulfilmentApi.shipments.get(shipmentId) : Promise.resolve(undefined)),
    [shipmentId],
  );
  const shipment = loader.data;
  return (
    <Drawer
      open={shipmentId !== null}
      onClose={onClose}
      size={640}
      title={
        shipment
          ? t('fulfilment.shipment.title', { tracking: shipment.trackingNumber })
          : t('fulfilment.shipments.shipment')
      }
      extra={
        shipment ? (
          <Button
            icon={<PrinterOutlined />}
            href={fulfilmentApi.shipments.labelUrl(shipment.id)}
            target="_blank"
            rel="noopener"
            data-testid="shipment-label"
          >
            {t('fulfilment.packing.label')}
          </Button>
        ) : null
      }
      data-testid="shipment-drawer"
    >
      {loader.error ? <Alert type="error" showIcon title={errorText(t, loader.error)} /> : null}
      {loader.isLoading ? <Spin style={{ display: 'block', marginTop: 40 }} /> : null}
      {shipment && !loader.isLoading ? (
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          <Descriptions
            size="small"
            column={1}
            bordered
            styles={{ label: { whiteSpace: 'nowrap', width: 120 } }}
            items={[
              {
                key: 'status',
                label: t('common.status'),
                children: <ShipmentStatusTag status={shipment.status} />,
              },
              {
                key: 'order',
                label: t('fulfilment.common.order'),
                children: <Link to={`/orders/${shipment.orderId}`}>{shipment.orderNumber}</Link>,
              },
              {
                key: 'carrier',
                label: t('fulfilment.common.carrier'),
                children: `${shipment.carrier.name} · ${shipment.service.name} (${t(`fulfilment.serviceKind.${shipment.service.kind}`)})`,
              },
              {
                key: 'tracking',
                label: t('fulfilment.shipments.tracking'),
                children: <Typography.Text copyable>{shipment.trackingNumber}</Typography.Text>,
              },
              {
                key: 'weight',
                label: t('fulfilment.common.weight'),
                children: formatWeight(shipment.weightGrams),
              },
              {
                key: 'price',
                label: t('fulfilment.shipments.price'),
                children: formatFreight(shipment.price),
              },
              {
                key: 'shipped',
                label: t('fulfilment.shipments.shippedAt'),
                // As the label prints it: the shop's zone, named.
                children: (
                  <span data-testid="shipment-shipped-at">{formatZonedDateTime(shipment.shippedAt)}</span>
                ),
              },
              {
                key: 'promised',
                label: t('fulfilment.shipments.promisedBy'),
                children: formatDateTime(shipment.promisedBy),
              },
              {
                key: 'delivered',
                label: t('fulfilment.shipments.deliveredAt'),
                children: formatDateTime(shipment.deliveredAt),
              },
              {
                key: 'why',
                label: t('fulfilment.shipments.explanation'),
                children: explain(shipment.decision, shipment.explanation),
              },
            ]}
          />
          <div>
            <Typography.Title level={5}>{t('fulfilment.shipment.events')}</Typography.Title>
            <TrackingTimeline shipment={shipment} />
          </div>
        </Space>
      ) : null}
    </Drawer>
  );
}
