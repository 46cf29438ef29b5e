import { Alert, Card, Col, Empty, Row, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { insightsApi, type Period } from '../../api/insights';
import { DataTable } from '../../components/DataTable';
import { errorText } from '../../errors';
import { useCarrierNames } from '../../hooks/useCarrierNames';
import { useChannelNames } from '../../hooks/useChannelNames';
import { useLoader } from '../../hooks/useLoader';
import { ChartBox } from './ChartBox';
import {
  chartColors,
  ExportButtons,
  formatKpi,
  meetsTarget,
  PlainTable,
  TargetEditor,
} from './InsightsParts';

/** Any period: volume by day, the splits, KPIs against their targets, stages, holds and carriers. */
export function PeriodTab({ period }: { period: Period }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const carrierNames = useCarrierNames();
  const channelNames = useChannelNames();
  const result = useLoader(() => insightsApi.kpis(period), [period.from, period.to, period.channel]);
  const stages = useLoader(
    () => insightsApi.table('stages', period),
    [period.from, period.to, period.channel],
  );
  const holds = useLoader(() => insightsApi.table('holds', period), [period.from, period.to, period.channel]);
  const carriers = useLoader(
    () => insightsApi.table('carriers', period),
    [period.from, period.to, period.channel],
  );
  // The splits count by code: statuses and types are said in the reader's language, channels by name.
  const splitName = (kind: 'channel' | 'type' | 'status', code: string) =>
    kind === 'channel'
      ? channelNames.nameOf(code)
      : t(kind === 'status' ? `insights.status.${code}` : `orderType.${code}`, { defaultValue: code });
  if (result.error) return <Alert type="error" showIcon title={errorText(t, result.error)} />;
  const summary = result.data?.summary;
  const dayPath = (day: string) =>
    insightsApi.ordersPath({
      from: day,
      to: dayjs(day).add(1, 'day').format('YYYY-MM-DD'),
      channel: period.channel,
    });
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        size="small"
        title={t('insights.period.volume')}
        extra={<ExportButtons name="volume" period={period} />}
      >
        {summary && summary.byDay.length === 0 ? (
          <Empty description={t('insights.empty')} />
        ) : (
          <ChartBox testId="volume-chart">
            <BarChart data={summary?.byDay ?? []}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="day" />
              <YAxis allowDecimals={false} />
              <Tooltip />
              <Legend />
              <Bar
                dataKey="orders"
                name={t('insights.columns.orders')}
                fill={chartColors[0]}
                cursor="pointer"
                onClick={(_, index) => {
                  const d = summary?.byDay[index];
                  if (d) navigate(dayPath(d.day));
                }}
              />
              <Bar dataKey="shipped" name={t('insights.columns.shipped')} fill={chartColors[2]} />
              <Bar dataKey="cancelled" name={t('insights.columns.cancelled')} fill={chartColors[3]} />
            </BarChart>
          </ChartBox>
        )}
        <DataTable
          size="small"
          rowKey="day"
          empty={t('insights.emptyTable.period')}
          emptyTestId="by-day-empty"
          loading={result.isLoading}
          dataSource={summary?.byDay ?? []}
          pagination={{ pageSize: 7, hideOnSinglePage: true }}
          columns={[
            { key: 'day', dataIndex: 'day', title: t('insights.columns.day') },
            {
              key: 'orders',
              title: t('insights.columns.orders'),
              render: (_, d) => (
                <Link to={dayPath(d.day)} data-testid={`drill-${d.day}`}>
                  {d.orders}
                </Link>
              ),
            },
            { key: 'shipped', dataIndex: 'shipped', title: t('insights.columns.shipped') },
            { key: 'held', dataIndex: 'held', title: t('insights.columns.held') },
            { key: 'cancelled', dataIndex: 'cancelled', title: t('insights.columns.cancelled') },
          ]}
        />
      </Card>
      <Row gutter={16}>
        {(
          [
            ['byChannel', summary?.byChannel, 'channel'],
            ['byType', summary?.byType, 'type'],
            ['byStatus', summary?.byStatus, 'status'],
          ] as const
        ).map(([key, split, kind]) => (
          <Col span={8} key={key}>
            <Card
              size="small"
              title={t(`insights.period.${key}`)}
              extra={key === 'byChannel' ? <ExportButtons name="channels" period={period} /> : null}
            >
              <DataTable
                size="small"
                rowKey="name"
                empty={t('insights.emptyTable.period')}
                emptyTestId={`${key}-empty`}
                loading={result.isLoading}
                pagination={false}
                dataSource={Object.entries(split ?? {})
                  .map(([name, orders]) => ({ name, orders }))
                  .sort((a, b) => b.orders - a.orders)}
                columns={[
                  {
                    key: 'name',
                    title: t(`insights.columns.${kind}`),
                    render: (_, r) => splitName(kind, r.name),
                  },
                  { key: 'orders', dataIndex: 'orders', title: t('insights.columns.orders') },
                ]}
              />
            </Card>
          </Col>
        ))}
      </Row>
      <Card
        size="small"
        title={t('insights.period.kpis')}
        extra={<ExportButtons name="kpis" period={period} />}
      >
        <Table
          size="small"
          rowKey="key"
          loading={result.isLoading}
          dataSource={result.data?.kpis ?? []}
          pagination={false}
          data-testid="kpi-table"
          columns={[
            {
              key: 'name',
              title: t('insights.columns.kpi'),
              render: (_, k) => t(`insights.kpi.${k.key}`, { defaultValue: k.name }),
            },
            {
              key: 'value',
              title: t('insights.columns.value'),
              render: (_, k) => {
                const ok = meetsTarget(k.value, k.target, k.goodDirection);
                return (
                  <Tag color={ok === null ? 'default' : ok ? 'green' : 'red'}>
                    {formatKpi(k.value, k.unit)}
                  </Tag>
                );
              },
            },
            {
              key: 'target',
              title: t('insights.columns.target'),
              render: (_, k) => <TargetEditor kpi={k} onSaved={result.reload} />,
            },
          ]}
        />
      </Card>
      <Card
        size="small"
        title={t('insights.period.stages')}
        extra={<ExportButtons name="stages" period={period} />}
      >
        <PlainTable
          table={stages.data}
          isLoading={stages.isLoading}
          empty={t('insights.emptyTable.period')}
        />
      </Card>
      <Row gutter={16}>
        <Col span={12}>
          <Card
            size="small"
            title={t('insights.period.holds')}
            extra={<ExportButtons name="holds" period={period} />}
          >
            <PlainTable
              table={holds.data}
              isLoading={holds.isLoading}
              empty={t('insights.emptyTable.holds')}
            />
          </Card>
        </Col>
        <Col span={12}>
          <Card
            size="small"
            title={t('insights.period.carriers')}
            extra={<ExportButtons name="carriers" period={period} />}
          >
            <PlainTable
              table={carriers.data}
              isLoading={carriers.isLoading}
              names={{ carrier: carrierNames.nameOf }}
              empty={t('insights.emptyTable.carriers')}
            />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
