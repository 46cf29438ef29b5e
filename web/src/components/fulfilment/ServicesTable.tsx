import { EditOutlined } from '@ant-design/icons';
import { Table, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CarrierService } from '../../api/fulfilment';
import { IconAction } from '../inventory/IconAction';
import { formatQuantity } from '../inventory/numbers';
import { formatFreight, formatWeight } from './format';

/** "CN/浙江省 CN/上海市 → ¥8.00 first 1 kg, +¥2.00 per 1 kg" for each zone. */
function ZoneSummary({ service }: { service: CarrierService }) {
  const { t } = useTranslation();
  return (
    <div>
      {service.rateCard.zones.map((zone) => {
        const rate = service.rateCard.rates.find((candidate) => candidate.zoneId === zone.id);
        return (
          <div key={zone.id}>
            <Tooltip title={zone.regions.join(' ')}>
              <Tag>{zone.id}</Tag>
            </Tooltip>
            <Typography.Text type="secondary">
              {rate
                ? t('fulfilment.rateCard.summary', {
                    firstPrice: formatFreight(rate.firstPrice),
                    firstWeight: formatWeight(rate.firstWeightGrams),
                    extraPrice: formatFreight(rate.extraPrice),
                    step: formatWeight(rate.extraWeightStepGrams),
                  })
                : '—'}
            </Typography.Text>
          </div>
        );
      })}
    </div>
  );
}

export function ServicesTable({
  services,
  onEdit,
}: {
  services: CarrierService[];
  onEdit?: (service: CarrierService) => void;
}) {
  const { t } = useTranslation();
  const limit = (value: string | null) => value ?? t('fulfilment.service.noLimit');
  return (
    <Table<CarrierService>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={services}
      locale={{ emptyText: t('fulfilment.carriers.noServices') }}
      data-testid="services-table"
      columns={[
        {
          title: t('fulfilment.service.name'),
          key: 'name',
          render: (_, service) => (
            <span>
              <Typography.Text strong>{service.name}</Typography.Text>{' '}
              <Typography.Text code>{service.code}</Typography.Text>
            </span>
          ),
        },
        {
          title: t('fulfilment.service.kind'),
          dataIndex: 'kind',
          render: (kind: string) => t(`fulfilment.serviceKind.${kind}`),
        },
        {
          title: t('fulfilment.rateCard.title'),
          key: 'zones',
          render: (_, service) => <ZoneSummary service={service} />,
        },
        {
          title: t('fulfilment.service.transitDays'),
          dataIndex: 'transitDays',
          align: 'right',
          render: (days: number) => t('fulfilment.service.daysCount', { count: days }),
        },
        {
          title: t('fulfilment.service.dailyCapacity'),
          dataIndex: 'dailyCapacity',
          align: 'right',
          render: (value: number | null) => limit(value === null ? null : formatQuantity(value)),
        },
        {
          title: t('fulfilment.service.limits'),
          key: 'limits',
          render: (_, service) =>
            `${limit(service.maxWeightGrams === null ? null : formatWeight(service.maxWeightGrams))} · ${limit(
              service.maxLongestSideMm === null ? null : `${service.maxLongestSideMm} mm`,
            )}`,
        },
        {
          title: t('common.status'),
          dataIndex: 'isActive',
          render: (isActive: boolean) =>
            isActive ? <Tag color="green">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>,
        },
        ...(onEdit
          ? [
              {
                title: t('common.actions'),
                key: 'edit',
                render: (_: unknown, service: CarrierService) => (
                  <IconAction
                    icon={<EditOutlined />}
                    label={t('common.edit')}
                    onClick={() => onEdit(service)}
                    testId="service-edit"
                  />
                ),
              },
            ]
          : []),
      ]}
    />
  );
}
