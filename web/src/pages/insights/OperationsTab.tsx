import { Alert, Card, Col, Row, Space, Statistic, Tag } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import { insightsApi, type Period } from '../../api/insights';
import { DataTable } from '../../components/DataTable';
import { errorText } from '../../errors';
import { formatDateTime } from '../../format';
import { useLoader } from '../../hooks/useLoader';
import { ChartBox } from './ChartBox';
import { chartColors, ExportButtons, formatKpi } from './InsightsParts';

/** Today: orders placed, what is overdue or due soon, and how full each queue is. */
export function OperationsTab() {
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
        <DataTable
          size="small"
          rowKey="status"
          loading={ops.isLoading}
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
        <DataTable
          size="small"
          rowKey="id"
          loading={ops.isLoading}
          dataSource={data?.slaAtRisk.orders ?? []}
          empty={t('insights.emptyTable.atRisk')}
          emptyTestId="at-risk-empty"
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
