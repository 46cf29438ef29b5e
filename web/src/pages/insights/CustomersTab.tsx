import { Alert, Card, Col, Row, Space, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import { insightsApi, type Period } from '../../api/insights';
import { DataTable } from '../../components/DataTable';
import { errorText } from '../../errors';
import { useLoader } from '../../hooks/useLoader';
import { ChartBox } from './ChartBox';
import { chartColors, ExportButtons, formatKpi } from './InsightsParts';

/** Who orders: repeat rate, basket, hour of day, segments, regions and SKUs bought together. */
export function CustomersTab({ period }: { period: Period }) {
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
            <DataTable
              size="small"
              rowKey="segment"
              empty={t('insights.emptyTable.period')}
              emptyTestId="segments-empty"
              loading={result.isLoading}
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
            <DataTable
              size="small"
              rowKey={(r) => `${r.province}-${r.city}`}
              empty={t('insights.emptyTable.period')}
              emptyTestId="regions-empty"
              loading={result.isLoading}
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
        <DataTable
          size="small"
          rowKey={(a) => `${a.skuA}-${a.skuB}`}
          empty={t('insights.emptyTable.affinity')}
          emptyTestId="affinity-empty"
          loading={result.isLoading}
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
