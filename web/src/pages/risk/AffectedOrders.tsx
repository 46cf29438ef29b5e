import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { IncidentPreview } from '../../api/risk';
import { DataTable } from '../../components/DataTable';
import { formatDateTime } from '../../format';

type Sample = IncidentPreview['sampleOrders'][number];

/** How many orders a selection names, how many can still be stopped, and the first of them. */
export function AffectedOrders({ preview }: { preview: IncidentPreview }) {
  const { t } = useTranslation();
  return (
    <div data-testid="affected-orders" style={{ marginTop: 12 }}>
      <Typography.Text data-testid="affected-count">
        {t('risk.incidents.affected', { count: preview.count, open: preview.openCount })}
      </Typography.Text>
      <DataTable<Sample>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={preview.sampleOrders}
        empty={t('risk.incidents.noneAffected')}
        emptyTestId="affected-orders-empty"
        columns={[
          {
            title: t('risk.incidents.order'),
            dataIndex: 'number',
            render: (number: string, row) => <Link to={`/orders/${row.id}`}>{number}</Link>,
          },
          {
            title: t('risk.incidents.orderStatus'),
            dataIndex: 'status',
            render: (status: string, row) => (
              <Tag color={row.isOpen ? 'blue' : undefined}>
                {t(`status.${status}`, { defaultValue: status })}
              </Tag>
            ),
          },
          {
            title: t('risk.incidents.placedAt'),
            dataIndex: 'placedAt',
            render: (at: string) => formatDateTime(at),
          },
          { title: t('risk.incidents.region'), dataIndex: 'province' },
        ]}
      />
    </div>
  );
}
