import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Row, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatMonitorValue } from '../../../src/contracts/risk.ts';
import { type BackupList, type SystemHealth, systemApi } from '../api/system';
import { useAuth } from '../auth';
import { DataTable } from '../components/DataTable';
import { errorText } from '../errors';
import { formatDateTimeSeconds } from '../format';
import { useLoader } from '../hooks/useLoader';
import { usePageTitle } from '../hooks/usePageTitle';

type Job = SystemHealth['jobs'][number];
type Backup = BackupList['items'][number];
type HealthAlert = SystemHealth['alerts'][number];

const statusColor = { ok: 'green', degraded: 'orange', down: 'red' } as const;
const statusKey = {
  ok: 'health.statusOk',
  degraded: 'health.statusDegraded',
  down: 'health.statusDown',
} as const;

function bytes(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let n = value;
  let unit = 0;
  while (n >= 1024 && unit < units.length - 1) {
    n /= 1024;
    unit += 1;
  }
  return `${n.toFixed(unit === 0 ? 0 : 1)} ${units[unit]}`;
}

/** Administration → System health: what an operator checks first when something is off. */
export default function SystemHealthPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const health = useLoader(() => systemApi.health(), []);
  const backups = useLoader(() => systemApi.backups({ limit: 50 }), []);
  usePageTitle(t('health.title'));
  const h = health.data;
  const when = (iso: string | null) => (iso ? formatDateTimeSeconds(iso) : t('health.never'));
  const yesNo = (value: boolean) => (value ? t('health.yes') : t('health.no'));

  const jobColumns = [
    {
      title: t('health.job'),
      dataIndex: 'name',
      // The job's own name stays beside the reader's: logs and metrics use it.
      render: (name: string) => (
        <Space size="small" data-testid="health-job" data-job={name}>
          {t(`health.jobName.${name}`, { defaultValue: name })}
          <Typography.Text code type="secondary">
            {name}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('health.every'),
      dataIndex: 'everyMs',
      render: (ms: number) => t('health.seconds', { count: ms / 1000 }),
    },
    { title: t('health.runs'), dataIndex: 'runs', align: 'right' as const },
    { title: t('health.lastRun'), dataIndex: 'lastRunAt', render: when },
    {
      title: t('health.duration'),
      dataIndex: 'lastDurationMs',
      render: (ms: number | null) => (ms === null ? t('health.none') : `${ms} ms`),
    },
    {
      title: t('health.lastError'),
      dataIndex: 'lastError',
      render: (error: string | null) =>
        error ? <Typography.Text type="danger">{error}</Typography.Text> : t('health.none'),
    },
  ];

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('health.title')}
        </Typography.Title>
        <Button
          icon={<ReloadOutlined />}
          onClick={() => {
            health.reload();
            backups.reload();
          }}
          loading={health.isLoading}
        >
          {t('health.refresh')}
        </Button>
      </Space>
      {health.error ? <Alert type="error" showIcon title={errorText(t, health.error)} /> : null}
      {h ? (
        <>
          <Card data-testid="health-status">
            <Space wrap>
              <Tag color={statusColor[h.status]}>{t(statusKey[h.status])}</Tag>
              <span>
                {t('health.version')}: <Typography.Text code>{h.version}</Typography.Text>
              </span>
              <span>
                {t('health.checkedAt')}: {formatDateTimeSeconds(h.checkedAt)}
              </span>
            </Space>
            {h.problems.length > 0 ? (
              <Alert
                style={{ marginTop: 12 }}
                type="warning"
                showIcon
                title={t('health.problems')}
                description={
                  <ul style={{ margin: 0 }}>
                    {h.problems.map((p) => (
                      <li key={p}>{p}</li>
                    ))}
                  </ul>
                }
              />
            ) : null}
          </Card>
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={12}>
              <Card title={t('health.database')} data-testid="health-database">
                <Descriptions column={1} size="small">
                  <Descriptions.Item label={t('health.dialect')}>{h.database.dialect}</Descriptions.Item>
                  <Descriptions.Item label={t('health.up')}>{yesNo(h.database.isUp)}</Descriptions.Item>
                  <Descriptions.Item label={t('health.size')}>
                    {bytes(h.database.sizeBytes)}
                  </Descriptions.Item>
                  {h.database.walBytes !== null ? (
                    <Descriptions.Item label={t('health.wal')}>
                      {bytes(h.database.walBytes)}
                    </Descriptions.Item>
                  ) : null}
                  {h.database.connections ? (
                    <Descriptions.Item label={t('health.connections')}>
                      {`${h.database.connections.pool} / ${h.database.connections.idle} / ${h.database.connections.waiting}`}
                    </Descriptions.Item>
                  ) : null}
                  <Descriptions.Item label={t('health.schemaVersion')}>
                    {h.database.schemaVersion ?? t('health.none')}
                  </Descriptions.Item>
                </Descriptions>
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card title={t('health.worker')} data-testid="health-worker">
                <Descriptions column={1} size="small">
                  <Descriptions.Item label={t('health.inThisProcess')}>
                    {yesNo(h.worker.inThisProcess)}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('health.lastTick')}>
                    {when(h.worker.lastTickAt)}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('health.lastHeartbeat')}>
                    {when(h.worker.lastHeartbeatAt)}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('health.failures')}>
                    {h.worker.consecutiveFailures}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('health.lastError')}>
                    {h.worker.lastError ?? t('health.none')}
                  </Descriptions.Item>
                </Descriptions>
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card title={t('health.outbox')} data-testid="health-outbox">
                <Descriptions column={1} size="small">
                  <Descriptions.Item label={t('health.pending')}>{h.outbox.pending}</Descriptions.Item>
                  <Descriptions.Item label={t('health.dead')}>{h.outbox.dead}</Descriptions.Item>
                  <Descriptions.Item label={t('health.oldestPending')}>
                    {h.outbox.oldestPendingAgeSeconds === null
                      ? t('health.none')
                      : t('health.seconds', { count: Math.round(h.outbox.oldestPendingAgeSeconds) })}
                  </Descriptions.Item>
                </Descriptions>
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card title={t('health.disk')} data-testid="health-disk">
                {h.disk ? (
                  <Descriptions column={1} size="small">
                    <Descriptions.Item label={t('health.free')}>{bytes(h.disk.freeBytes)}</Descriptions.Item>
                    <Descriptions.Item label={t('health.total')}>
                      {bytes(h.disk.totalBytes)}
                    </Descriptions.Item>
                    <Descriptions.Item label="">
                      <Typography.Text code>{h.disk.path}</Typography.Text>
                    </Descriptions.Item>
                  </Descriptions>
                ) : (
                  t('health.none')
                )}
              </Card>
            </Col>
          </Row>
          <Card
            title={t('health.alerts')}
            data-testid="health-alerts"
            extra={can('risk:read') ? <Link to="/risk/monitors">{t('health.alertsLink')}</Link> : null}
          >
            {h.alerts.length > 0 ? (
              <Table<HealthAlert>
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={h.alerts}
                columns={[
                  {
                    title: t('risk.monitors.name'),
                    render: (_, a) => (
                      <Space direction="vertical" size={0}>
                        {a.monitorName}
                        <Typography.Text type="secondary">{t(`risk.metric.${a.metric}`)}</Typography.Text>
                      </Space>
                    ),
                  },
                  {
                    title: t('risk.monitors.alerts'),
                    render: (_, a) => (
                      <Tag color={a.level === 'critical' ? 'red' : 'orange'}>
                        {t(`risk.level.${a.level}`)} {formatMonitorValue(a.metric, a.value)}
                      </Tag>
                    ),
                  },
                  { title: t('risk.event.opened'), dataIndex: 'openedAt', render: when },
                  {
                    title: t('health.acknowledged'),
                    render: (_, a) => (a.status === 'acknowledged' ? `${a.acknowledgedBy}: ${a.note}` : '—'),
                  },
                ]}
              />
            ) : (
              <Typography.Text type="secondary">{t('health.noAlerts')}</Typography.Text>
            )}
          </Card>
          <Card title={t('health.jobs')} data-testid="health-jobs">
            <Table<Job>
              rowKey="name"
              size="small"
              pagination={false}
              columns={jobColumns}
              dataSource={h.jobs}
            />
          </Card>
        </>
      ) : null}
      {backups.data ? (
        <Card title={t('health.backups')} data-testid="health-backups">
          {backups.data.directory ? (
            <>
              <Typography.Paragraph>
                {t('health.backupDir')}: <Typography.Text code>{backups.data.directory}</Typography.Text>
              </Typography.Paragraph>
              <DataTable<Backup>
                rowKey="name"
                size="small"
                pagination={false}
                dataSource={backups.data.items}
                empty={t('health.backupsEmpty')}
                emptyTestId="health-backups-empty"
                columns={[
                  { title: t('health.file'), dataIndex: 'name' },
                  { title: t('health.size'), dataIndex: 'sizeBytes', render: (n: number) => bytes(n) },
                  {
                    title: t('health.modifiedAt'),
                    dataIndex: 'modifiedAt',
                    render: (iso: string) => formatDateTimeSeconds(iso),
                  },
                ]}
              />
            </>
          ) : (
            <Typography.Text type="secondary">{t('health.backupsOff')}</Typography.Text>
          )}
        </Card>
      ) : null}
    </Space>
  );
}
