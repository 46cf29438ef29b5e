import { FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Descriptions, Result, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { fulfilmentApi, type Shipment } from '../../api/fulfilment';
import { useExplain } from '../../explain';
import { formatDateTime } from '../../format';
import { formatFreight, formatWeight } from './format';

/** The shipped parcel: who carries it, its tracking number, why that service, and its papers. */
export function ShipResult({ shipment, onNext }: { shipment: Shipment; onNext: () => void }) {
  const { t } = useTranslation();
  const explain = useExplain();
  return (
    <Result
      status="success"
      title={t('fulfilment.packing.shipped', { number: shipment.orderNumber })}
      subTitle={
        <Typography.Title level={2} copyable style={{ margin: '8px 0' }} data-testid="packing-tracking">
          {shipment.trackingNumber}
        </Typography.Title>
      }
      extra={
        <Space wrap>
          <Button
            type="primary"
            icon={<PrinterOutlined />}
            href={fulfilmentApi.shipments.labelUrl(shipment.id)}
            target="_blank"
            rel="noopener"
            data-testid="packing-label"
          >
            {t('fulfilment.packing.label')}
          </Button>
          <Button
            icon={<FilePdfOutlined />}
            href={fulfilmentApi.packing.packingSlipUrl(shipment.orderId)}
            target="_blank"
            rel="noopener"
            data-testid="packing-slip"
          >
            {t('fulfilment.packing.slip')}
          </Button>
          <Button onClick={onNext} data-testid="packing-next">
            {t('fulfilment.packing.next')}
          </Button>
        </Space>
      }
    >
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        data-testid="packing-shipment"
        items={[
          {
            key: 'carrier',
            label: t('fulfilment.common.carrier'),
            children: `${shipment.carrier.name} · ${shipment.service.name}`,
          },
          { key: 'price', label: t('fulfilment.shipments.price'), children: formatFreight(shipment.price) },
          {
            key: 'weight',
            label: t('fulfilment.common.weight'),
            children: formatWeight(shipment.weightGrams),
          },
          {
            key: 'promised',
            label: t('fulfilment.shipments.promisedBy'),
            children: formatDateTime(shipment.promisedBy),
          },
          {
            key: 'why',
            label: t('fulfilment.shipments.explanation'),
            span: 2,
            children: (
              <span data-testid="packing-explanation">
                {explain(shipment.decision, shipment.explanation)}
              </span>
            ),
          },
          {
            key: 'shipment',
            label: t('fulfilment.shipments.shipment'),
            span: 2,
            children: (
              <Link to={`/fulfilment/shipments?shipment=${shipment.id}`}>
                {t('fulfilment.packing.openShipment')}
              </Link>
            ),
          },
        ]}
      />
    </Result>
  );
}
