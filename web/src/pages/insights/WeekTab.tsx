import { Alert, Card, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { insightsApi, type Period } from '../../api/insights';
import { errorText } from '../../errors';
import { useLoader } from '../../hooks/useLoader';
import { ChartBox } from './ChartBox';
import { chartColors, defaultPeriod, ExportButtons, formatKpi } from './InsightsParts';

/** This week against last week: the daily trend and each KPI's change. */
export function WeekTab({ channel }: { channel?: string }) {
  const { t } = useTranslation();
  const week = useLoader(() => insightsApi.weekOverWeek(channel), [channel]);
  if (week.error) return <Alert type="error" showIcon title={errorText(t, week.error)} />;
  const data = week.data;
  const period: Period = data ? { from: data.previous.from, to: data.current.to, channel } : defaultPeriod();
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        size="small"
        title={t('insights.week.trend')}
        extra={<ExportButtons name="volume" period={period} />}
      >
        <ChartBox testId="week-chart">
          <LineChart data={data?.byDay ?? []}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="day" />
            <YAxis allowDecimals={false} />
            <Tooltip />
            <Legend />
            <Line dataKey="orders" name={t('insights.columns.orders')} stroke={chartColors[0]} />
            <Line dataKey="shipped" name={t('insights.columns.shipped')} stroke={chartColors[2]} />
            <Line dataKey="held" name={t('insights.columns.held')} stroke={chartColors[1]} />
          </LineChart>
        </ChartBox>
      </Card>
      <Card size="small" title={t('insights.week.kpis')}>
        <Table
          size="small"
          rowKey="key"
          loading={week.isLoading}
          dataSource={data?.kpis ?? []}
          pagination={false}
          columns={[
            {
              key: 'name',
              title: t('insights.columns.kpi'),
              render: (_, k) => t(`insights.kpi.${k.key}`, { defaultValue: k.name }),
            },
            {
              key: 'value',
              title: t('insights.week.thisWeek'),
              render: (_, k) => formatKpi(k.value, k.unit),
            },
            {
              key: 'previous',
              title: t('insights.week.lastWeek'),
              render: (_, k) => formatKpi(k.previous, k.unit),
            },
            {
              key: 'change',
              title: t('insights.week.change'),
              render: (_, k) => {
                if (k.change === null || k.change === 0) return '—';
                const better = k.goodDirection === 'down' ? k.change < 0 : k.change > 0;
                return (
                  <Tag
                    color={better ? 'green' : 'red'}
                  >{`${k.change > 0 ? '+' : ''}${formatKpi(k.change, k.unit)}`}</Tag>
                );
              },
            },
          ]}
        />
      </Card>
    </Space>
  );
}
