import { Button, Card, List, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Line, LineChart, ResponsiveContainer } from 'recharts';
import { type RiskMonitor, riskApi } from '../../api/risk';
import { useAuth } from '../../auth';
import { formatDateTime } from '../../format';
import { useLoader } from '../../hooks/useLoader';
import { usePageTitle } from '../../hooks/usePageTitle';

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

/** Monitors with a sparkline of their recent values, open alerts and measures (with undo). */
export default function RiskMonitorsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  usePageTitle(t('risk.monitors.title'));
  const monitors = useLoader(() => riskApi.monitors.list(), []);

  return (
    <Card title={t('risk.monitors.title')}>
      <Table<RiskMonitor>
        rowKey="id"
        loading={monitors.isLoading}
        dataSource={monitors.data?.items ?? []}
        pagination={false}
        columns={[
          { title: t('risk.monitors.name'), dataIndex: 'name' },
          {
            title: t('risk.monitors.metric'),
            dataIndex: 'metric',
            render: (m: string) => t(`risk.metric.${m}`),
          },
          {
            title: t('risk.monitors.levels'),
            render: (_, m) => `${percent(m.warning)} / ${percent(m.critical)}`,
          },
          {
            title: t('risk.monitors.trend'),
            render: (_, m) => (
              <div style={{ width: 140, height: 36 }}>
                <ResponsiveContainer>
                  <LineChart data={m.samples}>
                    <Line type="monotone" dataKey="value" dot={false} isAnimationActive={false} />
                  </LineChart>
                </ResponsiveContainer>
              </div>
            ),
          },
          {
            title: t('risk.monitors.alerts'),
            render: (_, m) => (
              <Space direction="vertical">
                {m.openAlerts.map((a) => (
                  <Tag key={a.id} color={a.level === 'critical' ? 'red' : 'orange'}>
                    {t(`risk.level.${a.level}`)} {percent(a.value)} · {formatDateTime(a.openedAt)}
                  </Tag>
                ))}
              </Space>
            ),
          },
          {
            title: t('risk.monitors.measures'),
            render: (_, m) => (
              <List
                size="small"
                dataSource={m.measures}
                renderItem={(measure) => (
                  <List.Item>
                    <Typography.Text delete={!!measure.undoneAt}>
                      {t(`risk.measure.${measure.kind}`)} {String(measure.params.channel ?? '')}
                    </Typography.Text>
                    {!measure.undoneAt && can('risk:manage') ? (
                      <Button
                        size="small"
                        onClick={async () => {
                          await riskApi.monitors.undo(measure.id);
                          monitors.reload();
                        }}
                      >
                        {t('risk.monitors.undo')}
                      </Button>
                    ) : null}
                  </List.Item>
                )}
              />
            ),
          },
        ]}
      />
    </Card>
  );
}
