import { Alert, Card, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { insightsApi, type Period } from '../../api/insights';
import { DataTable } from '../../components/DataTable';
import { errorText } from '../../errors';
import { useCarrierNames } from '../../hooks/useCarrierNames';
import { useChannelNames } from '../../hooks/useChannelNames';
import { useLoader } from '../../hooks/useLoader';
import { ChartBox } from './ChartBox';
import { chartColors, ExportButtons, formatKpi } from './InsightsParts';

/** Where orders wait longest: hours per stage and the slices slower than the baseline. */
export function BottlenecksTab({ period }: { period: Period }) {
  const { t } = useTranslation();
  const report = useLoader(() => insightsApi.bottlenecks(period), [period.from, period.to]);
  const carrierNames = useCarrierNames();
  const channelNames = useChannelNames();
  // Slices by carrier and channel are counted by id; the reader gets the name.
  const sliceName = (dim: string, value: string) =>
    dim === 'carrier' ? carrierNames.nameOf(value) : dim === 'channel' ? channelNames.nameOf(value) : value;
  if (report.error) return <Alert type="error" showIcon title={errorText(t, report.error)} />;
  const data = report.data;
  const stageData = (data?.stages ?? []).map((s) => ({ ...s, label: t(`insights.stage.${s.stage}`) }));
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {data?.worstStage ? (
        <Alert
          type="warning"
          showIcon
          title={t('insights.bottlenecks.worst', { stage: t(`insights.stage.${data.worstStage}`) })}
        />
      ) : null}
      <Card size="small" title={t('insights.bottlenecks.stages')}>
        <ChartBox testId="stages-chart">
          <BarChart data={stageData}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="label" />
            <YAxis />
            <Tooltip />
            <Legend />
            <Bar dataKey="hours" name={t('insights.columns.hours')} fill={chartColors[0]} />
            <Bar dataKey="excessHours" name={t('insights.columns.excessHours')} fill={chartColors[3]} />
          </BarChart>
        </ChartBox>
      </Card>
      <Card
        size="small"
        title={t('insights.bottlenecks.findings')}
        extra={<ExportButtons name="bottlenecks" period={period} />}
      >
        <DataTable
          size="small"
          rowKey={(f) => `${f.stage}-${f.dim}-${f.value}`}
          empty={t('insights.emptyTable.findings')}
          emptyTestId="findings-empty"
          loading={report.isLoading}
          dataSource={data?.findings ?? []}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          columns={[
            {
              key: 'stage',
              title: t('insights.columns.stage'),
              render: (_, f) => t(`insights.stage.${f.stage}`),
            },
            {
              key: 'where',
              title: t('insights.columns.where'),
              render: (_, f) => `${t(`insights.dim.${f.dim}`)}: ${sliceName(f.dim, f.value)}`,
            },
            { key: 'orders', dataIndex: 'orders', title: t('insights.columns.orders') },
            {
              key: 'avg',
              title: t('insights.columns.avgHours'),
              render: (_, f) => formatKpi(f.avgHours, 'hours'),
            },
            {
              key: 'base',
              title: t('insights.columns.baselineAvgHours'),
              render: (_, f) => formatKpi(f.baselineAvgHours, 'hours'),
            },
            {
              key: 'excess',
              title: t('insights.columns.excessHours'),
              render: (_, f) => formatKpi(f.excessHours, 'hours'),
            },
            {
              key: 'drill',
              title: '',
              render: (_, f) => (
                <Link to={insightsApi.ordersPath(f.drillDown)}>{t('insights.drill.show')}</Link>
              ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
