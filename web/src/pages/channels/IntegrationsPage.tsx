import {
  ApiOutlined,
  CloudSyncOutlined,
  LinkOutlined,
  PlusOutlined,
  SettingOutlined,
  SyncOutlined,
} from '@ant-design/icons';
import { Alert, App, Badge, Button, Card, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ChannelHealth, type ConnectorKind, channelsApi, syncApi } from '../../api/channels';
import { useAuth } from '../../auth';
import { errorText } from '../../errors';
import { formatDateTime } from '../../format';
import { useLoader } from '../../hooks/useLoader';
import { usePageTitle } from '../../hooks/usePageTitle';
import { type Connected, ConnectedModal, SetupModal } from './ConnectorSetup';
import { FailedDeliveries } from './FailedDeliveries';
import { ShopWebhooksModal } from './ShopWebhooks';
import { SyncPanel } from './SyncPanel';

const lights = { ok: 'success', warning: 'warning', failing: 'error', idle: 'default' } as const;

/** Each channel's health light, its connector, and the actions that set up, pull, sync or test it. */
export default function IntegrationsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useAuth();
  const canManage = can('channels:manage');
  const health = useLoader(() => channelsApi.health(), []);
  // undefined: closed; null: a new channel; a string: that channel's connector.
  const [setupOf, setSetupOf] = useState<string | null | undefined>(undefined);
  const [connected, setConnected] = useState<Connected | null>(null);
  const [syncOf, setSyncOf] = useState<ChannelHealth | null>(null);
  const [webhooksOf, setWebhooksOf] = useState<ChannelHealth | null>(null);
  // Registering webhooks needs the shop's API credentials, which only the connector says it has.
  const connectors = useLoader(() => channelsApi.connectors(), []);
  const hasShopApi = (channelId: string) =>
    connectors.data?.items.some((c) => c.channelId === channelId && c.shopUrl && c.hasApiCredentials) ??
    false;
  const alerts = useLoader(() => syncApi.alerts(), []);
  usePageTitle(t('integrations.title'));

  const testDelivery = async (channelId: string) => {
    try {
      const result = await syncApi.testDelivery(channelId);
      if (result.statusCode === 200) message.success(t('sync.testDeliveryOk', { status: result.statusCode }));
      else message.error(t('sync.testDeliveryFailed', { status: result.statusCode, body: result.body }));
      health.reload();
    } catch (error) {
      message.error(errorText(t, error));
    }
  };

  const pull = async (channelId: string) => {
    try {
      const result = await channelsApi.pull(channelId);
      if (result.error) message.error(t('integrations.pullFailed', { error: result.error }));
      else message.success(t('integrations.pulled', { listed: result.listed, created: result.created }));
      health.reload();
    } catch (error) {
      message.error(errorText(t, error));
    }
  };

  const columns: ColumnsType<ChannelHealth> = [
    {
      title: t('integrations.channel'),
      dataIndex: 'channelId',
      render: (channelId: string, row) => (
        <Space>
          <Badge status={lights[row.status]} data-testid={`light-${channelId}`} data-status={row.status} />
          <Typography.Text strong>{channelId}</Typography.Text>
        </Space>
      ),
    },
    {
      title: t('integrations.connector'),
      dataIndex: 'connector',
      render: (kind: ConnectorKind) => <Tag>{t(`integrations.connectors.${kind}`)}</Tag>,
    },
    {
      title: t('common.status'),
      dataIndex: 'status',
      render: (s: ChannelHealth['status']) => t(`integrations.status.${s}`),
    },
    { title: t('integrations.lastOrderAt'), dataIndex: 'lastOrderAt', render: formatDateTime },
    { title: t('integrations.ordersLastHour'), dataIndex: 'ordersLastHour' },
    { title: t('integrations.signatureFailures'), dataIndex: 'signatureFailures' },
    { title: t('integrations.mappingFailures'), dataIndex: 'mappingFailures' },
    {
      title: t('sync.failuresColumn'),
      dataIndex: 'syncFailures',
      render: (failed: number, row) => (
        <Typography.Text
          type={failed > 0 ? 'danger' : undefined}
          data-testid={`sync-failures-${row.channelId}`}
        >
          {failed}
          {row.syncPending > 0 && ` / ${t('sync.pendingShort', { count: row.syncPending })}`}
        </Typography.Text>
      ),
    },
    {
      title: t('integrations.lastPull'),
      key: 'pull',
      render: (_, row) =>
        row.lastPullAt ? (
          <Space direction="vertical" size={0}>
            <span>{formatDateTime(row.lastPullAt)}</span>
            {row.pullLagSeconds !== null && (
              <Typography.Text type="secondary">
                {t('integrations.lag', { minutes: Math.round(row.pullLagSeconds / 60) })}
              </Typography.Text>
            )}
            {row.lastPullError && <Typography.Text type="danger">{row.lastPullError}</Typography.Text>}
          </Space>
        ) : (
          '—'
        ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, row) =>
        canManage && (
          <Space>
            <Button
              size="small"
              icon={<SettingOutlined />}
              onClick={() => setSetupOf(row.channelId)}
              data-testid={`setup-${row.channelId}`}
            >
              {t('integrations.setUp')}
            </Button>
            {(row.connector === 'shopify' || row.connector === 'woocommerce') && (
              <Button size="small" icon={<CloudSyncOutlined />} onClick={() => pull(row.channelId)}>
                {t('integrations.pullNow')}
              </Button>
            )}
            {(row.connector === 'shopify' || row.connector === 'woocommerce') &&
              hasShopApi(row.channelId) && (
                <Button
                  size="small"
                  icon={<LinkOutlined />}
                  onClick={() => setWebhooksOf(row)}
                  data-testid={`webhooks-${row.channelId}`}
                >
                  {t('integrations.webhooks.open')}
                </Button>
              )}
            {row.connector !== 'none' && (
              <>
                <Button
                  size="small"
                  icon={<SyncOutlined />}
                  onClick={() => setSyncOf(row)}
                  data-testid={`sync-${row.channelId}`}
                >
                  {t('sync.open')}
                </Button>
                <Button
                  size="small"
                  icon={<ApiOutlined />}
                  onClick={() => testDelivery(row.channelId)}
                  data-testid={`test-delivery-${row.channelId}`}
                >
                  {t('sync.testDelivery')}
                </Button>
              </>
            )}
          </Space>
        ),
    },
  ];

  return (
    <>
      <Card
        title={t('integrations.title')}
        extra={
          canManage && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setSetupOf(null)}
              data-testid="integration-add"
            >
              {t('integrations.addChannel')}
            </Button>
          )
        }
      >
        <Typography.Paragraph type="secondary">{t('integrations.intro')}</Typography.Paragraph>
        {(alerts.data?.items.length ?? 0) > 0 && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('sync.alertsTitle')}
            data-testid="channel-alerts"
            description={
              <ul style={{ margin: 0, paddingLeft: 16 }}>
                {alerts.data!.items.map((a) => (
                  <li key={`${a.channelId}-${a.kind}`}>
                    <Typography.Text strong>{a.channelId}</Typography.Text>: {a.message}
                  </li>
                ))}
              </ul>
            }
          />
        )}
        <Table<ChannelHealth>
          rowKey="channelId"
          loading={health.isLoading}
          dataSource={health.data?.items ?? []}
          columns={columns}
          pagination={false}
          scroll={{ x: true }}
          data-testid="integrations-table"
        />
      </Card>
      <FailedDeliveries channels={health.data?.items ?? []} onReplayed={health.reload} />
      {setupOf !== undefined && (
        <SetupModal
          channelId={setupOf}
          onClose={() => setSetupOf(undefined)}
          onSaved={(result) => {
            setSetupOf(undefined);
            setConnected(result);
            health.reload();
            connectors.reload();
          }}
        />
      )}
      <ConnectedModal connected={connected} onClose={() => setConnected(null)} />
      {webhooksOf && (
        <ShopWebhooksModal
          channelId={webhooksOf.channelId}
          connector={webhooksOf.connector}
          onClose={() => setWebhooksOf(null)}
        />
      )}
      {syncOf && (
        <SyncPanel
          channelId={syncOf.channelId}
          connector={syncOf.connector}
          onClose={() => {
            setSyncOf(null);
            alerts.reload();
          }}
        />
      )}
    </>
  );
}
