import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Empty, Progress, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CarrierScore, logisticsApi } from '../../api/fulfilment';
import { formatFreight } from '../../components/fulfilment/format';
import { OnTimeChart } from '../../components/fulfilment/OnTimeChart';
import { formatDecimal, formatPercent } from '../../components/inventory/numbers';
import { errorText } from '../../errors';
import { useLoader } from '../../hooks/useLoader';
import { usePageTitle } from '../../hooks/usePageTitle';

const day = (value: Dayjs) => value.format('YYYY-MM-DD');
const ratingColor = (rating: number) => (rating >= 80 ? '#52c41a' : rating >= 60 ? '#faad14' : '#ff4d4f');

export default function ScorecardsPage() {
  const { t } = useTranslation();
  const [period, setPeriod] = useState<[Dayjs, Dayjs]>(() => [dayjs().subtract(12, 'week'), dayjs()]);
  const from = day(period[0]);
  const to = day(period[1]);
  const scorecards = useLoader(() => logisticsApi.scorecards({ from, to }), [from, to]);
  const rules = useLoader(() => logisticsApi.rules.get(), []);
  usePageTitle(t('fulfilment.scorecards.title'));

  const rate = (value: number | null) => formatPercent(value);
  const columns: ColumnsType<CarrierScore> = [
    {
      title: t('fulfilment.common.carrier'),
      key: 'carrier',
      render: (_, score) => <Typography.Text strong>{score.carrier.name}</Typography.Text>,
    },
    { title: t('fulfilment.scorecards.parcels'), dataIndex: 'parcels', align: 'right' },
    { title: t('fulfilment.scorecards.onTime'), dataIndex: 'onTimeRate', align: 'right', render: rate },
    {
      title: t('fulfilment.scorecards.firstAttempt'),
      dataIndex: 'firstAttemptRate',
      align: 'right',
      render: rate,
    },
    { title: t('fulfilment.scorecards.loss'), dataIndex: 'lossRate', align: 'right', render: rate },
    { title: t('fulfilment.scorecards.damage'), dataIndex: 'damageRate', align: 'right', render: rate },
    {
      title: t('fulfilment.scorecards.transit'),
      dataIndex: 'averageTransitHours',
      align: 'right',
      render: (hours: number | null) =>
        hours === null ? '—' : t('fulfilment.scorecards.hours', { value: formatDecimal(hours, 1) }),
    },
    {
      title: t('fulfilment.scorecards.costPerParcel'),
      dataIndex: 'costPerParcel',
      align: 'right',
      render: formatFreight,
    },
    {
      title: t('fulfilment.scorecards.complaints'),
      dataIndex: 'complaintsPer100',
      align: 'right',
      render: (value: number | null) => formatDecimal(value, 1),
    },
    {
      title: t('fulfilment.scorecards.rating'),
      dataIndex: 'rating',
      width: 160,
      render: (rating: number | null) =>
        rating === null ? (
          '—'
        ) : (
          <Progress
            percent={rating}
            size="small"
            strokeColor={ratingColor(rating)}
            format={() => formatDecimal(rating, 0)}
            data-testid="carrier-rating"
          />
        ),
    },
  ];

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card
        title={t('fulfilment.scorecards.title')}
        extra={
          <Space wrap>
            <DatePicker.RangePicker
              value={period}
              allowClear={false}
              onChange={(range) => range?.[0] && range[1] && setPeriod([range[0], range[1]])}
              presets={[
                {
                  label: t('fulfilment.scorecards.last4Weeks'),
                  value: [dayjs().subtract(4, 'week'), dayjs()],
                },
                {
                  label: t('fulfilment.scorecards.last12Weeks'),
                  value: [dayjs().subtract(12, 'week'), dayjs()],
                },
                { label: t('fulfilment.scorecards.thisYear'), value: [dayjs().startOf('year'), dayjs()] },
              ]}
              data-testid="scorecard-period"
            />
            <Button icon={<ReloadOutlined />} onClick={scorecards.reload} aria-label={t('common.refresh')} />
          </Space>
        }
      >
        {scorecards.error ? (
          <Alert type="error" showIcon title={errorText(t, scorecards.error)} style={{ marginBottom: 16 }} />
        ) : null}
        <Typography.Paragraph type="secondary">{t('fulfilment.scorecards.help')}</Typography.Paragraph>
        <Table<CarrierScore>
          rowKey={(score) => score.carrier.id}
          loading={scorecards.isLoading}
          dataSource={scorecards.data?.items ?? []}
          columns={columns}
          pagination={false}
          scroll={{ x: 'max-content' }}
          data-testid="scorecards-table"
          locale={{
            emptyText: (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('fulfilment.scorecards.empty')} />
            ),
          }}
        />
      </Card>
      <Card title={t('fulfilment.scorecards.trend')}>
        {scorecards.data ? (
          <OnTimeChart scorecards={scorecards.data} threshold={rules.data?.minOnTimeRate} />
        ) : null}
      </Card>
    </Space>
  );
}
