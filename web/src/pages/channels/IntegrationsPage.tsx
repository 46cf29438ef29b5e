import {
  ApiOutlined,
  CloudSyncOutlined,
  PlusOutlined,
  RedoOutlined,
  SettingOutlined,
  SyncOutlined,
} from '@ant-design/icons';
import {
  Alert,
  App,
  Badge,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type ChannelHealth,
  type ConnectorKind,
  type ConnectorSettings,
  channelsApi,
  connectorKinds,
  type Delivery,
  syncApi,
} from '../../api/channels';
import { useAuth } from '../../auth';
import { FormModal } from '../../components/FormModal';
import { errorText } from '../../errors';
import { formatDateTime } from '../../format';
import { useLoader } from '../../hooks/useLoader';
import { usePageTitle } from '../../hooks/usePageTitle';
import { SyncPanel } from './SyncPanel';

const lights = { ok: 'success', warning: 'warning', failing: 'error', idle: 'default' } as const;

type SetupValues = {
  id: string;
  name: string;
  connector: ConnectorKind;
  webhookSecret?: string;
  shopUrl?: string;
  apiToken?: string;
  apiKey?: string;
  apiSecret?: string;
  pullEveryMinutes?: number;
};

/** What to do with the connector once it is saved: the URL to paste and, once, the secret. */
type Connected = { channelId: string; webhookUrl: string; secret?: string; connector: ConnectorKind };

const webhookUrlOf = (settings: ConnectorSettings) => `${window.location.origin}${settings.webhookPath}`;
const blankToUndefined = (value?: string) => (value?.trim() ? value.trim() : undefined);

function SetupModal({
  channelId,
  onClose,
  onSaved,
}: {
  channelId: string | null | undefined;
  onClose: () => void;
  onSaved: (connected: Connected) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<SetupValues>();
  const connector = Form.useWatch('connector', form) ?? 'none';
  const isNew = channelId === null;

  const submit = async (values: SetupValues) => {
    const settings = {
      connector: values.connector,
      webhookSecret: blankToUndefined(values.webhookSecret),
      shopUrl: blankToUndefined(values.shopUrl),
      apiToken: blankToUndefined(values.apiToken),
      apiKey: blankToUndefined(values.apiKey),
      apiSecret: blankToUndefined(values.apiSecret),
      pullEveryMinutes: values.pullEveryMinutes,
    };
    const saved = isNew
      ? (
          await channelsApi.create({
            id: values.id.trim(),
            name: values.name.trim(),
            kind: 'web',
            ...settings,
          })
        ).connector
      : await channelsApi.configure(channelId!, settings);
    onSaved({
      channelId: saved.channelId,
      webhookUrl: webhookUrlOf(saved),
      secret: saved.generatedWebhookSecret,
      connector: saved.connector,
    });
  };

  return (
    <FormModal<SetupValues>
      title={isNew ? t('integrations.addChannel') : t('integrations.setUpTitle', { channel: channelId })}
      okText={t('common.save')}
      form={form}
      onClose={onClose}
      submit={submit}
      testId="integration-form"
      initialValues={{ connector: 'shopify', pullEveryMinutes: 15 }}
    >
      {isNew && (
        <>
          <Form.Item
            name="id"
            label={t('integrations.channelId')}
            extra={t('integrations.channelIdHint')}
            rules={[
              { required: true, message: t('common.required', { field: t('integrations.channelId') }) },
            ]}
          >
            <Input maxLength={64} data-testid="integration-id" />
          </Form.Item>
          <Form.Item
            name="name"
            label={t('integrations.channelName')}
            rules={[
              { required: true, message: t('common.required', { field: t('integrations.channelName') }) },
            ]}
          >
            <Input maxLength={100} data-testid="integration-name" />
          </Form.Item>
        </>
      )}
      <Form.Item name="connector" label={t('integrations.connector')}>
        <Select
          data-testid="integration-connector"
          options={connectorKinds.map((kind) => ({
            value: kind,
            label: t(`integrations.connectors.${kind}`),
          }))}
        />
      </Form.Item>
      {connector !== 'none' && (
        <Form.Item
          name="webhookSecret"
          label={t('integrations.webhookSecret')}
          extra={t(`integrations.secretHint.${connector}`)}
          rules={[{ min: 16, message: t('integrations.secretTooShort') }]}
        >
          <Input.Password maxLength={200} autoComplete="new-password" data-testid="integration-secret" />
        </Form.Item>
      )}
      {(connector === 'shopify' || connector === 'woocommerce') && (
        <>
          <Form.Item
            name="shopUrl"
            label={t('integrations.shopUrl')}
            extra={t(`integrations.shopUrlHint.${connector}`)}
          >
            <Input maxLength={300} placeholder="https://" data-testid="integration-shop-url" />
          </Form.Item>
          {connector === 'shopify' ? (
            <Form.Item name="apiToken" label={t('integrations.apiToken')}>
              <Input.Password maxLength={300} autoComplete="new-password" />
            </Form.Item>
          ) : (
            <Space.Compact block>
              <Form.Item name="apiKey" label={t('integrations.apiKey')} style={{ flex: 1 }}>
                <Input.Password maxLength={300} autoComplete="new-password" />
              </Form.Item>
              <Form.Item name="apiSecret" label={t('integrations.apiSecret')} style={{ flex: 1 }}>
                <Input.Password maxLength={300} autoComplete="new-password" />
              </Form.Item>
            </Space.Compact>
          )}
          <Form.Item
            name="pullEveryMinutes"
            label={t('integrations.pullEvery')}
            extra={t('integrations.pullEveryHint')}
          >
            <InputNumber min={0} max={1440} />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}

/** After saving: the webhook URL to paste into the platform, and a generated secret shown once. */
function ConnectedModal({ connected, onClose }: { connected: Connected | null; onClose: () => void }) {
  const { t } = useTranslation();
  const copyable = (text: string) => ({ text, tooltips: [t('common.copy'), t('common.copied')] });
  return (
    <Modal
      open={connected !== null}
      title={t('integrations.connectedTitle')}
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      footer={
        <Button type="primary" onClick={onClose} data-testid="integration-done">
          {t('integrations.done')}
        </Button>
      }
    >
      {connected && connected.connector !== 'none' && (
        <>
          <Typography.Paragraph>{t(`integrations.pasteUrl.${connected.connector}`)}</Typography.Paragraph>
          <Typography.Paragraph copyable={copyable(connected.webhookUrl)}>
            <Typography.Text code data-testid="integration-webhook-url" style={{ wordBreak: 'break-all' }}>
              {connected.webhookUrl}
            </Typography.Text>
          </Typography.Paragraph>
        </>
      )}
      {connected?.secret && (
        <>
          <Alert
            type="warning"
            showIcon
            title={t('integrations.secretShownOnce')}
            style={{ marginBottom: 12 }}
          />
          <Typography.Paragraph copyable={copyable(connected.secret)}>
            <Typography.Text
              code
              data-testid="integration-generated-secret"
              style={{ wordBreak: 'break-all' }}
            >
              {connected.secret}
            </Typography.Text>
          </Typography.Paragraph>
        </>
      )}
    </Modal>
  );
}

/** Deliveries kept because they could not be mapped, each with a replay. */
function FailedDeliveries({ channels, onReplayed }: { channels: ChannelHealth[]; onReplayed: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useAuth();
  const withFailures = channels.filter((c) => c.mappingFailures > 0).map((c) => c.channelId);
  const failed = useLoader(
    async () =>
      (await Promise.all(withFailures.map((c) => channelsApi.deliveries(c, 'failed')))).flatMap(
        (p) => p.items,
      ),
    [withFailures.join()],
  );
  const replay = async (d: Delivery) => {
    try {
      const result = await channelsApi.replay(d.channelId, d.id);
      if (result.outcome === 'failed')
        message.warning(t('integrations.replayStillFails', { error: result.error }));
      else
        message.success(t('integrations.replayed', { outcome: t(`integrations.outcome.${result.outcome}`) }));
      failed.reload();
      onReplayed();
    } catch (error) {
      message.error(errorText(t, error));
    }
  };
  const columns: ColumnsType<Delivery> = [
    { title: t('integrations.channel'), dataIndex: 'channelId' },
    { title: t('integrations.receivedAt'), dataIndex: 'receivedAt', render: formatDateTime },
    {
      title: t('integrations.topic'),
      dataIndex: 'topic',
      render: (topic: string) => <Typography.Text code>{topic}</Typography.Text>,
    },
    { title: t('integrations.error'), dataIndex: 'error' },
    { title: t('integrations.attempts'), dataIndex: 'attempts' },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, d) =>
        can('channels:manage') && (
          <Button
            size="small"
            icon={<RedoOutlined />}
            onClick={() => replay(d)}
            data-testid={`replay-${d.id}`}
          >
            {t('integrations.replay')}
          </Button>
        ),
    },
  ];
  return (
    <Card title={t('integrations.failedDeliveries')} style={{ marginTop: 16 }}>
      <Table<Delivery>
        rowKey="id"
        size="small"
        loading={failed.isLoading}
        dataSource={failed.data ?? []}
        columns={columns}
        pagination={false}
        data-testid="failed-deliveries"
        locale={{ emptyText: t('integrations.noFailedDeliveries') }}
      />
    </Card>
  );
}

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
          }}
        />
      )}
      <ConnectedModal connected={connected} onClose={() => setConnected(null)} />
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
