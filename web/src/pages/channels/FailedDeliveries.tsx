import { RedoOutlined } from '@ant-design/icons';
import { App, Button, Card, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { type ChannelHealth, channelsApi, type Delivery } from '../../api/channels';
import { useAuth } from '../../auth';
import { errorText } from '../../errors';
import { formatDateTime } from '../../format';
import { useLoader } from '../../hooks/useLoader';

/** Deliveries kept because they could not be mapped, each with a replay. */
export function FailedDeliveries({
  channels,
  onReplayed,
}: {
  channels: ChannelHealth[];
  onReplayed: () => void;
}) {
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
