import { RedoOutlined } from '@ant-design/icons';
import { App, Button, Card, Progress, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ChannelHealth, channelsApi, type Delivery } from '../../api/channels';
import { useAuth } from '../../auth';
import { errorText } from '../../errors';
import { formatDateTime } from '../../format';
import { useLoader } from '../../hooks/useLoader';

/** Deliveries kept because they could not be mapped, each with a replay, and a replay of all per channel. */
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
  const [bulk, setBulk] = useState<{ channelId: string; done: number; total: number } | null>(null);
  /** Every failed delivery of the channel once, page by page, with a progress bar. */
  const replayAll = async (channel: ChannelHealth) => {
    const totals = { recovered: 0, stillFailed: 0 };
    setBulk({ channelId: channel.channelId, done: 0, total: channel.mappingFailures });
    try {
      let after: string | undefined;
      let done = 0;
      do {
        const run = await channelsApi.replayFailed(channel.channelId, {
          limit: 50,
          ...(after ? { after } : {}),
        });
        done += run.replayed;
        totals.recovered += run.recovered;
        totals.stillFailed += run.stillFailed;
        setBulk({ channelId: channel.channelId, done, total: done + run.remaining });
        after = run.nextAfter ?? undefined;
      } while (after);
      message.success(t('integrations.replayAllDone', { channel: channel.channelId, ...totals }));
    } catch (error) {
      message.error(errorText(t, error));
    } finally {
      setBulk(null);
      failed.reload();
      onReplayed();
    }
  };
  const withFailuresHealth = channels.filter((c) => c.mappingFailures > 0);
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
    <Card
      title={t('integrations.failedDeliveries')}
      style={{ marginTop: 16 }}
      extra={
        can('channels:manage') && (
          <Space wrap>
            {withFailuresHealth.map((c) => (
              <Button
                key={c.channelId}
                icon={<RedoOutlined />}
                disabled={bulk !== null}
                loading={bulk?.channelId === c.channelId}
                onClick={() => replayAll(c)}
                data-testid={`replay-all-${c.channelId}`}
              >
                {t('integrations.replayAll', { channel: c.channelId, count: c.mappingFailures })}
              </Button>
            ))}
          </Space>
        )
      }
    >
      {bulk && (
        <Progress
          percent={bulk.total ? Math.round((bulk.done / bulk.total) * 100) : 0}
          format={() => `${bulk.done} / ${bulk.total}`}
          data-testid="replay-all-progress"
        />
      )}
      {withFailuresHealth.some((c) => c.mappingFailures > 100) && (
        <Typography.Paragraph type="secondary">{t('integrations.failedFirstHundred')}</Typography.Paragraph>
      )}
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
