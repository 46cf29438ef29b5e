import { CloudUploadOutlined, RedoOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Descriptions,
  Drawer,
  Form,
  Input,
  InputNumber,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { type ConnectorKind, type SyncLogEntry, type SyncSettingsInput, syncApi } from '../../api/channels';
import { useAuth } from '../../auth';
import { errorText } from '../../errors';
import { formatDateTime } from '../../format';
import { useLoader } from '../../hooks/useLoader';

const outcomeColors = { ok: 'green', retry: 'orange', failed: 'red', skipped: 'default' } as const;

type Values = {
  stockEnabled: boolean;
  trackingEnabled: boolean;
  locationId?: string | null;
  maxPerSecond: number;
  alertSilentMinutes?: number | null;
  alertFailurePercent?: number | null;
};

/** A channel's sync back: on/off, Shopify location, rate, alert thresholds, last pushes, retry. */
export function SyncPanel({
  channelId,
  connector,
  onClose,
}: {
  channelId: string;
  connector: ConnectorKind;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useAuth();
  const canManage = can('channels:manage');
  const [form] = Form.useForm<Values>();
  const settings = useLoader(() => syncApi.settings(channelId), [channelId]);
  const log = useLoader(() => syncApi.log(channelId), [channelId]);
  const isPlatform = connector === 'shopify' || connector === 'woocommerce';

  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [settings.data, form]);

  const run = async (work: () => Promise<string>) => {
    try {
      message.success(await work());
      settings.reload();
      log.reload();
    } catch (error) {
      message.error(errorText(t, error));
    }
  };

  const save = (values: Values) =>
    run(async () => {
      const input: SyncSettingsInput = {
        ...values,
        locationId: values.locationId?.trim() ? values.locationId.trim() : null,
        alertSilentMinutes: values.alertSilentMinutes ?? null,
        alertFailurePercent: values.alertFailurePercent ?? null,
      };
      await syncApi.save(channelId, input);
      return t('sync.saved');
    });

  const columns: ColumnsType<SyncLogEntry> = [
    { title: t('sync.at'), dataIndex: 'at', render: formatDateTime },
    { title: t('sync.kind'), dataIndex: 'kind', render: (k: SyncLogEntry['kind']) => t(`sync.kinds.${k}`) },
    {
      title: t('sync.target'),
      dataIndex: 'target',
      render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
    },
    {
      title: t('sync.outcome'),
      dataIndex: 'outcome',
      render: (o: SyncLogEntry['outcome']) => (
        <Tag color={outcomeColors[o]} data-testid={`sync-outcome-${o}`}>
          {t(`sync.outcomes.${o}`)}
        </Tag>
      ),
    },
    { title: t('sync.httpStatus'), dataIndex: 'httpStatus', render: (s: number | null) => s ?? '—' },
    { title: t('sync.attempt'), dataIndex: 'attempt' },
    { title: t('sync.error'), dataIndex: 'error', render: (e: string | null) => e ?? '' },
  ];

  return (
    <Drawer
      open
      width={880}
      title={t('sync.title', { channel: channelId })}
      onClose={onClose}
      data-testid="sync-panel"
    >
      <Typography.Paragraph type="secondary">{t('sync.intro')}</Typography.Paragraph>
      <Descriptions size="small" column={3} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('sync.pending')}>
          <span data-testid="sync-pending">{settings.data?.pending ?? '—'}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('sync.failed')}>
          <Typography.Text type={settings.data?.failed ? 'danger' : undefined} data-testid="sync-failed">
            {settings.data?.failed ?? '—'}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('sync.lastPushAt')}>
          {formatDateTime(settings.data?.lastPushAt ?? null)}
        </Descriptions.Item>
      </Descriptions>
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={save}
        disabled={!canManage}
        data-testid="sync-form"
      >
        {isPlatform && (
          <Space size="large" wrap>
            <Form.Item name="stockEnabled" label={t('sync.stockEnabled')} valuePropName="checked">
              <Switch data-testid="sync-stock-enabled" />
            </Form.Item>
            <Form.Item name="trackingEnabled" label={t('sync.trackingEnabled')} valuePropName="checked">
              <Switch />
            </Form.Item>
            <Form.Item name="maxPerSecond" label={t('sync.maxPerSecond')}>
              <InputNumber min={1} max={40} />
            </Form.Item>
          </Space>
        )}
        {connector === 'shopify' && (
          <Form.Item name="locationId" label={t('sync.locationId')} extra={t('sync.locationHint')}>
            <Input maxLength={20} data-testid="sync-location" />
          </Form.Item>
        )}
        <Space size="large" wrap>
          <Form.Item
            name="alertSilentMinutes"
            label={t('sync.alertSilentMinutes')}
            extra={t('sync.alertSilentHint')}
          >
            <InputNumber min={5} max={10080} data-testid="sync-alert-silent" />
          </Form.Item>
          <Form.Item
            name="alertFailurePercent"
            label={t('sync.alertFailurePercent')}
            extra={t('sync.alertFailureHint')}
          >
            <InputNumber min={1} max={100} />
          </Form.Item>
        </Space>
        {canManage && (
          <Space wrap>
            <Button type="primary" htmlType="submit" data-testid="sync-save">
              {t('common.save')}
            </Button>
            {isPlatform && (
              <>
                <Button
                  icon={<RedoOutlined />}
                  data-testid="sync-retry"
                  onClick={() =>
                    run(async () =>
                      t('sync.retried', { requeued: (await syncApi.retry(channelId)).requeued }),
                    )
                  }
                >
                  {t('sync.retryNow')}
                </Button>
                <Button
                  icon={<CloudUploadOutlined />}
                  onClick={() =>
                    run(async () =>
                      t('sync.queued', { queued: (await syncApi.queueAllStock(channelId)).queued }),
                    )
                  }
                >
                  {t('sync.queueAll')}
                </Button>
              </>
            )}
          </Space>
        )}
      </Form>
      {isPlatform && (
        <>
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            {t('sync.recent')}
          </Typography.Title>
          <Table<SyncLogEntry>
            rowKey="id"
            size="small"
            loading={log.isLoading}
            dataSource={log.data?.items ?? []}
            columns={columns}
            pagination={false}
            scroll={{ x: true }}
            data-testid="sync-log"
            locale={{ emptyText: t('sync.noPushes') }}
          />
        </>
      )}
    </Drawer>
  );
}
