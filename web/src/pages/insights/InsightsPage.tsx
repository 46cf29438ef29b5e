import { Alert, Card, Col, Empty, Row, Space, Statistic, Table, Tabs, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { insightsApi, type Period } from '../../api/insights';
import { errorText } from '../../errors';
import { formatDateTime } from '../../format';
import { useLoader } from '../../hooks/useLoader';
import { usePageTitle } from '../../hooks/usePageTitle';
import {
  chartColors,
  ExportButtons,
  formatKpi,
  meetsTarget,
  PeriodFilter,
  PlainTable,
  TargetEditor,
} from './InsightsParts';

const tabs = ['operations', 'week', 'period', 'bottlenecks', 'customers'] as const;
type TabKey = (typeof tabs)[number];

function defaultPeriod(): Period {
  const today = dayjs();
  return {
    from: today.subtract(28, 'day').format('YYYY-MM-DD'),
    to: today.add(1, 'day').format('YYYY-MM-DD'),
  };
}

function ChartBox({ children, testId }: { children: React.ReactElement; testId: string }) {
  return (
    <div style={{ height: 280 }} data-testid={testId}>
      <ResponsiveContainer width="100%" height="100%">
        {children}
      </ResponsiveContainer>
    </div>
  );
}

function OperationsTab() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const ops = useLoader(() => insightsApi.operations(), []);
  const data = ops.data;
  const recent: Period = {
    from: dayjs().subtract(90, 'day').format('YYYY-MM-DD'),
    to: dayjs().add(1, 'day').format('YYYY-MM-DD'),
  };
  if (ops.error) return <Alert type="error" showIcon title={errorText(t, ops.error)} />;
  const queues = (data?.queues ?? []).map((q) => ({
    ...q,
    label: t(`insights.status.${q.status}`, { defaultValue: q.status }),
  }));
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Row gutter={16}>
        <Col span={8}>
          <Statistic
            title={t('insights.operations.placedToday')}
            value={data?.placedToday ?? 0}
            loading={ops.isLoading}
          />
        </Col>
        <Col span={8}>
          <Statistic
            title={t('insights.operations.overdue')}
            value={data?.slaAtRisk.overdue ?? 0}
            valueStyle={{ color: data?.slaAtRisk.overdue ? '#cf1322' : undefined }}
            loading={ops.isLoading}
          />
        </Col>
        <Col span={8}>
          <Statistic
            title={t('insights.operations.dueSoon')}
            value={data?.slaAtRisk.dueSoon ?? 0}
            loading={ops.isLoading}
          />
        </Col>
      </Row>
      <Card
        size="small"
        title={t('insights.operations.queues')}
        extra={<ExportButtons name="queues" period={recent} />}
      >
        <ChartBox testId="queues-chart">
          <BarChart data={queues}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="label" />
            <YAxis allowDecimals={false} />
            <Tooltip />
            <Bar
              dataKey="orders"
              name={t('insights.columns.orders')}
              fill={chartColors[0]}
              cursor="pointer"
              onClick={(_, index) => {
                const q = queues[index];
                if (q) navigate(insightsApi.ordersPath({ ...recent, status: q.status }));
              }}
            />
          </BarChart>
        </ChartBox>
        <Table
          size="small"
          rowKey="status"
          dataSource={queues}
          pagination={false}
          columns={[
            {
              key: 'status',
              title: t('insights.columns.status'),
              render: (_, q) => (
                <Link to={insightsApi.ordersPath({ ...recent, status: q.status })}>{q.label}</Link>
              ),
            },
            { key: 'orders', dataIndex: 'orders', title: t('insights.columns.orders') },
            {
              key: 'age',
              title: t('insights.columns.oldestAgeHours'),
              render: (_, q) => (q.oldestAgeHours === null ? '—' : formatKpi(q.oldestAgeHours, 'hours')),
            },
          ]}
        />
      </Card>
      <Card size="small" title={t('insights.operations.atRisk')}>
        <Table
          size="small"
          rowKey="id"
          dataSource={data?.slaAtRisk.orders ?? []}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          columns={[
            {
              key: 'number',
              title: t('insights.columns.number'),
              render: (_, o) => <Link to={`/orders/${o.id}`}>{o.number}</Link>,
            },
            {
              key: 'status',
              dataIndex: 'status',
              title: t('insights.columns.status'),
              render: (s: string) => t(`insights.status.${s}`, { defaultValue: s }),
            },
            {
              key: 'shipBy',
              dataIndex: 'shipBy',
              title: t('insights.columns.shipBy'),
              render: (v: string) => formatDateTime(v),
            },
            {
              key: 'hoursLeft',
              dataIndex: 'hoursLeft',
              title: t('insights.columns.hoursLeft'),
              render: (h: number) => <Tag color={h < 0 ? 'red' : 'orange'}>{formatKpi(h, 'hours')}</Tag>,
            },
          ]}
        />
      </Card>
    </Space>
  );
}

function WeekTab({ channel }: { channel?: string }) {
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

function PeriodTab({ period }: { period: Period }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
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
        <Table
          size="small"
          rowKey="day"
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
              <Table
                size="small"
                rowKey="name"
                pagination={false}
                dataSource={Object.entries(split ?? {})
                  .map(([name, orders]) => ({ name, orders }))
                  .sort((a, b) => b.orders - a.orders)}
                columns={[
                  {
                    key: 'name',
                    title: t(`insights.columns.${kind}`),
                    render: (_, r) =>
                      kind === 'status' ? t(`insights.status.${r.name}`, { defaultValue: r.name }) : r.name,
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
        <PlainTable table={stages.data} isLoading={stages.isLoading} />
      </Card>
      <Row gutter={16}>
        <Col span={12}>
          <Card
            size="small"
            title={t('insights.period.holds')}
            extra={<ExportButtons name="holds" period={period} />}
          >
            <PlainTable table={holds.data} isLoading={holds.isLoading} />
          </Card>
        </Col>
        <Col span={12}>
          <Card
            size="small"
            title={t('insights.period.carriers')}
            extra={<ExportButtons name="carriers" period={period} />}
          >
            <PlainTable table={carriers.data} isLoading={carriers.isLoading} />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}

function BottlenecksTab({ period }: { period: Period }) {
  const { t } = useTranslation();
  const report = useLoader(() => insightsApi.bottlenecks(period), [period.from, period.to]);
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
        <Table
          size="small"
          rowKey={(f) => `${f.stage}-${f.dim}-${f.value}`}
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
              render: (_, f) => `${t(`insights.dim.${f.dim}`)}: ${f.value}`,
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

function CustomersTab({ period }: { period: Period }) {
  const { t } = useTranslation();
  const result = useLoader(() => insightsApi.customers(period), [period.from, period.to]);
  if (result.error) return <Alert type="error" showIcon title={errorText(t, result.error)} />;
  const b = result.data;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Row gutter={16}>
        <Col span={6}>
          <Statistic
            title={t('insights.customers.customers')}
            value={b?.customers ?? 0}
            loading={result.isLoading}
          />
        </Col>
        <Col span={6}>
          <Statistic
            title={t('insights.customers.repeatRate')}
            value={formatKpi(b?.repeatRate, 'percent')}
            loading={result.isLoading}
          />
        </Col>
        <Col span={6}>
          <Statistic
            title={t('insights.customers.avgUnits')}
            value={b?.basket.avgUnits ?? '—'}
            loading={result.isLoading}
          />
        </Col>
        <Col span={6}>
          <Statistic
            title={t('insights.customers.avgValue')}
            value={b?.basket.avgValue ?? '—'}
            suffix={b?.basket.currency ?? ''}
            loading={result.isLoading}
          />
        </Col>
      </Row>
      <Card
        size="small"
        title={t('insights.customers.byHour')}
        extra={<ExportButtons name="hours" period={period} />}
      >
        <ChartBox testId="hours-chart">
          <BarChart data={b?.byHour ?? []}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="hour" />
            <YAxis allowDecimals={false} />
            <Tooltip />
            <Bar dataKey="orders" name={t('insights.columns.orders')} fill={chartColors[4]} />
          </BarChart>
        </ChartBox>
      </Card>
      <Row gutter={16}>
        <Col span={12}>
          <Card
            size="small"
            title={t('insights.customers.segments')}
            extra={<ExportButtons name="segments" period={period} />}
          >
            <Table
              size="small"
              rowKey="segment"
              dataSource={b?.segments ?? []}
              pagination={false}
              columns={[
                {
                  key: 'segment',
                  title: t('insights.columns.segment'),
                  render: (_, s) => t(`insights.segment.${s.segment}`),
                },
                { key: 'customers', dataIndex: 'customers', title: t('insights.columns.customers') },
                { key: 'orders', dataIndex: 'orders', title: t('insights.columns.orders') },
                { key: 'value', dataIndex: 'value', title: t('insights.columns.value') },
              ]}
            />
          </Card>
        </Col>
        <Col span={12}>
          <Card
            size="small"
            title={t('insights.customers.regions')}
            extra={<ExportButtons name="regions" period={period} />}
          >
            <Table
              size="small"
              rowKey={(r) => `${r.province}-${r.city}`}
              dataSource={b?.regions ?? []}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              columns={[
                { key: 'province', dataIndex: 'province', title: t('insights.columns.province') },
                { key: 'city', dataIndex: 'city', title: t('insights.columns.city') },
                { key: 'orders', dataIndex: 'orders', title: t('insights.columns.orders') },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <Card
        size="small"
        title={t('insights.customers.affinity')}
        extra={<ExportButtons name="affinity" period={period} />}
      >
        <Table
          size="small"
          rowKey={(a) => `${a.skuA}-${a.skuB}`}
          dataSource={b?.affinity ?? []}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          columns={[
            { key: 'skuA', dataIndex: 'skuA', title: t('insights.columns.skuA') },
            { key: 'skuB', dataIndex: 'skuB', title: t('insights.columns.skuB') },
            { key: 'orders', dataIndex: 'orders', title: t('insights.columns.orders') },
            {
              key: 'confidence',
              title: t('insights.columns.confidence'),
              render: (_, a) => formatKpi(a.confidence, 'percent'),
            },
            { key: 'lift', dataIndex: 'lift', title: t('insights.columns.lift') },
          ]}
        />
      </Card>
    </Space>
  );
}

/** Insights: operations today, week over week, any period, bottlenecks and customers. */
export default function InsightsPage() {
  const { t } = useTranslation();
  usePageTitle(t('insights.title'));
  const [params, setParams] = useSearchParams();
  const fallback = defaultPeriod();
  const period: Period = {
    from: params.get('from') ?? fallback.from,
    to: params.get('to') ?? fallback.to,
    channel: params.get('channel') ?? undefined,
  };
  const requested = params.get('tab') as TabKey | null;
  const tab: TabKey = requested && tabs.includes(requested) ? requested : 'operations';
  const update = (next: Partial<Period> & { tab?: TabKey }) => {
    const merged = { tab, ...period, ...next };
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(merged)) if (value) search.set(key, String(value));
    setParams(search, { replace: true });
  };
  return (
    <Card
      title={t('insights.title')}
      extra={
        tab === 'operations' ? null : (
          <PeriodFilter period={period} onChange={(p) => update({ ...p, channel: p.channel ?? '' })} />
        )
      }
    >
      <Typography.Paragraph type="secondary">{t(`insights.about.${tab}`)}</Typography.Paragraph>
      <Tabs
        activeKey={tab}
        onChange={(key) => update({ tab: key as TabKey })}
        destroyOnHidden
        data-testid="insights-tabs"
        items={[
          { key: 'operations', label: t('insights.tabs.operations'), children: <OperationsTab /> },
          { key: 'week', label: t('insights.tabs.week'), children: <WeekTab channel={period.channel} /> },
          { key: 'period', label: t('insights.tabs.period'), children: <PeriodTab period={period} /> },
          {
            key: 'bottlenecks',
            label: t('insights.tabs.bottlenecks'),
            children: <BottlenecksTab period={period} />,
          },
          {
            key: 'customers',
            label: t('insights.tabs.customers'),
            children: <CustomersTab period={period} />,
          },
        ]}
      />
    </Card>
  );
}
