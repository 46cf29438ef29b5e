import { Alert, Button, Card, Descriptions } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { type DrillDownFilter, type DrillDownPage, insightsApi } from '../../api/insights';
import { DataTable } from '../../components/DataTable';
import { errorText } from '../../errors';
import { formatDateTime } from '../../format';
import { usePageTitle } from '../../hooks/usePageTitle';
import { formatKpi } from './InsightsParts';

/** The orders behind a dashboard figure: the filter it came from, then the orders, oldest first. */
export default function InsightsOrdersPage() {
  const { t } = useTranslation();
  usePageTitle(t('insights.drill.title'));
  const [params] = useSearchParams();
  const filter: DrillDownFilter = {
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
    channel: params.get('channel') ?? undefined,
    stage: params.get('stage') ?? undefined,
    dim: params.get('dim') ?? undefined,
    value: params.get('value') ?? undefined,
    status: params.get('status') ?? undefined,
  };
  const key = params.toString();
  const [items, setItems] = useState<DrillDownPage['items']>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<unknown>();
  const [isLoading, setIsLoading] = useState(true);

  const load = (after: string | null, replace: boolean) => {
    setIsLoading(true);
    insightsApi.orders(filter, after).then(
      (page) => {
        setItems((old) => (replace ? page.items : [...old, ...page.items]));
        setCursor(page.nextCursor);
        setError(undefined);
        setIsLoading(false);
      },
      (failure: unknown) => {
        setError(failure);
        setIsLoading(false);
      },
    );
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: the query string is the filter
  useEffect(() => load(null, true), [key]);

  return (
    <Card title={t('insights.drill.title')}>
      <Descriptions size="small" column={4} style={{ marginBottom: 16 }}>
        <Descriptions.Item
          label={t('insights.drill.period')}
        >{`${filter.from} – ${filter.to}`}</Descriptions.Item>
        {filter.channel ? (
          <Descriptions.Item label={t('insights.dim.channel')}>{filter.channel}</Descriptions.Item>
        ) : null}
        {filter.stage ? (
          <Descriptions.Item label={t('insights.columns.stage')}>
            {t(`insights.stage.${filter.stage}`)}
          </Descriptions.Item>
        ) : null}
        {filter.dim && filter.dim !== 'channel' ? (
          <Descriptions.Item label={t(`insights.dim.${filter.dim}`)}>{filter.value}</Descriptions.Item>
        ) : null}
        {filter.status ? (
          <Descriptions.Item label={t('insights.columns.status')}>
            {t(`insights.status.${filter.status}`, { defaultValue: filter.status })}
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      {error ? <Alert type="error" showIcon title={errorText(t, error)} /> : null}
      <DataTable
        size="small"
        rowKey="id"
        loading={isLoading}
        empty={t('insights.emptyTable.drill')}
        emptyTestId="drill-orders-empty"
        dataSource={items}
        pagination={false}
        data-testid="drill-orders"
        columns={[
          {
            key: 'number',
            title: t('insights.columns.number'),
            render: (_, o) => <Link to={`/orders/${o.id}`}>{o.number}</Link>,
          },
          { key: 'channel', dataIndex: 'channel', title: t('insights.dim.channel') },
          {
            key: 'status',
            dataIndex: 'status',
            title: t('insights.columns.status'),
            render: (s: string) => t(`insights.status.${s}`, { defaultValue: s }),
          },
          {
            key: 'placedAt',
            dataIndex: 'placedAt',
            title: t('insights.columns.placedAt'),
            render: (v: string) => formatDateTime(v),
          },
          ...(filter.stage
            ? [
                {
                  key: 'hours',
                  title: t('insights.columns.stageHours'),
                  render: (_: unknown, o: DrillDownPage['items'][number]) => formatKpi(o.stageHours, 'hours'),
                },
              ]
            : []),
        ]}
      />
      {cursor ? (
        <Button style={{ marginTop: 12 }} onClick={() => load(cursor, false)} loading={isLoading}>
          {t('insights.drill.more')}
        </Button>
      ) : null}
    </Card>
  );
}
