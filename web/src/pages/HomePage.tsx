import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Empty, Row, Segmented, Space, Spin, Statistic, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { orderStatuses, ordersApi } from '../api/orders';
import { useAuth } from '../auth';
import { DataTable } from '../components/DataTable';
import { HoldTag, OrderStatusTag } from '../components/StatusTags';
import { errorText } from '../errors';
import { formatDuration } from '../format';
import { useLoader } from '../hooks/useLoader';
import { usePageTitle } from '../hooks/usePageTitle';
import { MyJobDescriptionCard } from './staff/MyJobDescriptionCard';
import { MyTrainingCard } from './staff/MyTrainingCard';

const chartDays = 14;

/** The last 14 days ending today, with days the server did not report counted as zero. */
function lastDays(
  daily: { date: string; count: number }[],
): { date: string; label: string; count: number }[] {
  const counts = new Map(daily.map((day) => [day.date, day.count]));
  return Array.from({ length: chartDays }, (_, index) => {
    const day = dayjs().subtract(chartDays - 1 - index, 'day');
    const date = day.format('YYYY-MM-DD');
    return { date, label: day.format('MM-DD'), count: counts.get(date) ?? 0 };
  });
}

const efficiencyPeriods = [7, 30, 90] as const;

/** How much of the review runs without people, how long people take, and which deadlines slip. */
function EfficiencyCards() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [days, setDays] = useState<number>(7);
  const efficiency = useLoader(() => ordersApi.efficiency(days), [days]);
  const data = efficiency.data;
  const minutes = (value: number | null | undefined) =>
    value === null || value === undefined ? '—' : formatDuration(t, value);
  const holds = Object.entries(data?.holdsByCode ?? {})
    .map(([code, count]) => ({ code, name: t(`holds.code.${code}`, { defaultValue: code }), count }))
    .sort((a, b) => b.count - a.count);
  return (
    <Card
      title={t('home.efficiency')}
      extra={
        <Segmented<number>
          size="small"
          value={days}
          onChange={setDays}
          options={efficiencyPeriods.map((value) => ({ value, label: t('home.lastDays', { count: value }) }))}
          data-testid="efficiency-days"
        />
      }
      data-testid="efficiency"
    >
      {efficiency.error ? <Alert type="error" showIcon title={errorText(t, efficiency.error)} /> : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} sm={12} lg={6}>
          <Card size="small" loading={!data}>
            <Statistic
              title={t('home.touchFreeRate')}
              value={
                data?.touchFreeRate === null || data === undefined
                  ? '—'
                  : Math.round(data.touchFreeRate * 1000) / 10
              }
              suffix={data?.touchFreeRate === null ? undefined : '%'}
              data-testid="stat-touch-free"
            />
            <Typography.Text type="secondary">
              {t('home.touchFreeOf', { touchFree: data?.touchFree ?? 0, decided: data?.decided ?? 0 })}
            </Typography.Text>
          </Card>
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <Card size="small" loading={!data}>
            <Statistic
              title={t('home.reviewMedian')}
              value={minutes(data?.reviewMinutes.median)}
              data-testid="stat-review-median"
            />
            <Typography.Text type="secondary">
              {t('home.reviewP90', { time: minutes(data?.reviewMinutes.p90), count: data?.reviewed ?? 0 })}
            </Typography.Text>
          </Card>
        </Col>
        <Col xs={12} sm={12} lg={6}>
          <Card size="small" hoverable onClick={() => navigate('/orders/queue')} loading={!data}>
            <Statistic
              title={t('home.slaAtRisk')}
              value={data?.sla.atRisk ?? 0}
              styles={{ content: { color: data?.sla.atRisk ? '#fa8c16' : undefined } }}
              data-testid="stat-sla-at-risk"
            />
            <Typography.Text type="secondary">{t('home.toQueue')}</Typography.Text>
          </Card>
        </Col>
        <Col xs={12} sm={12} lg={6}>
          <Card size="small" hoverable onClick={() => navigate('/orders/queue')} loading={!data}>
            <Statistic
              title={t('home.slaBreached')}
              value={data?.sla.breached ?? 0}
              styles={{ content: { color: data?.sla.breached ? '#f5222d' : undefined } }}
              data-testid="stat-sla-breached"
            />
            <Typography.Text type="secondary">
              {t('home.onTrack', { count: data?.sla.onTrack ?? 0 })}
            </Typography.Text>
          </Card>
        </Col>
      </Row>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('home.holdsByReason')}
      </Typography.Title>
      {holds.length ? (
        <div style={{ height: Math.max(160, holds.length * 36) }} data-testid="efficiency-holds-chart">
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={holds} layout="vertical" margin={{ top: 0, right: 16, bottom: 0, left: 24 }}>
              <CartesianGrid strokeDasharray="3 3" horizontal={false} />
              <XAxis type="number" allowDecimals={false} />
              <YAxis type="category" dataKey="name" width={140} />
              <Tooltip formatter={(value) => [value, t('home.orders')]} />
              <Bar dataKey="count" fill="#fa541c" radius={[0, 4, 4, 0]} />
            </BarChart>
          </ResponsiveContainer>
        </div>
      ) : (
        <Typography.Text type="secondary">{t('home.noHolds')}</Typography.Text>
      )}
    </Card>
  );
}

function Dashboard() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const navigate = useNavigate();
  const summary = useLoader(() => ordersApi.summary(), []);

  if (summary.error) return <Alert type="error" showIcon title={errorText(t, summary.error)} />;
  if (!summary.data) return <Spin style={{ display: 'block', marginTop: 80 }} />;
  const { byStatus, daily, holdsByCode, total } = summary.data;

  if (total === 0) {
    return (
      <Card>
        <Empty description={t('home.empty')} data-testid="home-empty">
          {can('orders:write') ? (
            <Link to="/orders/new">
              <Button type="primary" icon={<PlusOutlined />}>
                {t('orders.new')}
              </Button>
            </Link>
          ) : null}
        </Empty>
      </Card>
    );
  }

  const holds = Object.entries(holdsByCode)
    .map(([code, count]) => ({ code, count }))
    .sort((a, b) => b.count - a.count);

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Row gutter={[16, 16]} data-testid="status-counts">
        <Col xs={24} sm={12} md={8} lg={6} xl={4}>
          <Card hoverable onClick={() => navigate('/orders')} size="small">
            <Statistic title={t('home.totalOrders')} value={total} data-testid="stat-total" />
          </Card>
        </Col>
        {orderStatuses.map((status) => (
          <Col key={status} xs={24} sm={12} md={8} lg={6} xl={4}>
            <Card hoverable onClick={() => navigate(`/orders?status=${status}`)} size="small">
              <Statistic
                title={<OrderStatusTag status={status} />}
                value={byStatus[status] ?? 0}
                data-testid={`stat-${status}`}
              />
            </Card>
          </Col>
        ))}
      </Row>
      <EfficiencyCards />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Card title={t('home.ordersPerDay', { days: chartDays })}>
            <div style={{ height: 300 }} data-testid="orders-per-day">
              <ResponsiveContainer width="100%" height="100%">
                <BarChart data={lastDays(daily)} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
                  <CartesianGrid strokeDasharray="3 3" vertical={false} />
                  <XAxis dataKey="label" />
                  <YAxis allowDecimals={false} />
                  <Tooltip
                    formatter={(value) => [value, t('home.orders')]}
                    labelFormatter={(label) => String(label)}
                  />
                  <Bar dataKey="count" fill="#1677ff" radius={[4, 4, 0, 0]} />
                </BarChart>
              </ResponsiveContainer>
            </div>
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card title={t('home.holdsByCode')} data-testid="holds-by-code">
            <DataTable
              size="small"
              rowKey="code"
              pagination={false}
              dataSource={holds}
              locale={{ emptyText: t('home.noHolds') }}
              columns={[
                {
                  title: t('home.hold'),
                  dataIndex: 'code',
                  render: (code: string) => <HoldTag code={code} />,
                },
                { title: t('home.count'), dataIndex: 'count', align: 'right' },
              ]}
              onRow={() => ({ onClick: () => navigate('/orders?status=pending_review') })}
            />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}

export default function HomePage() {
  const { t } = useTranslation();
  const { user, can } = useAuth();
  usePageTitle(t('nav.home'));
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('home.welcome', { name: user?.displayName || user?.username })}
      </Typography.Title>
      {can('orders:read') ? (
        <Dashboard />
      ) : (
        <Typography.Text type="secondary">{t('home.noDashboard')}</Typography.Text>
      )}
      <MyTrainingCard />
      <MyJobDescriptionCard />
    </Space>
  );
}
