import { Alert, App, Button, Modal, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ConnectorKind, channelsApi, type WebhookRegistration } from '../../api/channels';
import { errorText, fieldErrors } from '../../errors';
import { useLoader } from '../../hooks/useLoader';

type TopicRow = WebhookRegistration['topics'][number];

const stateColors = {
  created: 'green',
  existing: 'blue',
  inactive: 'orange',
  missing: 'default',
  failed: 'red',
} as const;

/** A refusal says which setting is wrong (public URL, shop API) in the reader's language. */
const refusalText = (t: ReturnType<typeof useTranslation>['t'], error: unknown) =>
  fieldErrors(t, error)
    .map((e) => e.message)
    .join('; ') || errorText(t, error);

/**
 * The shop's order webhooks for Ordo's address, topic by topic, and the button that registers
 * the missing ones through the shop's API, so the operator types no URL, topic or secret.
 */
export function ShopWebhooksModal({
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
  const listed = useLoader(() => channelsApi.webhooks(channelId), [channelId]);
  const [isRegistering, setIsRegistering] = useState(false);

  const register = async () => {
    setIsRegistering(true);
    try {
      const result = await channelsApi.registerWebhooks(channelId);
      listed.setData(result);
      const count = (state: TopicRow['state']) =>
        result.topics.filter((topic) => topic.state === state).length;
      const problems = count('failed') + count('inactive');
      if (problems > 0)
        message.warning(
          t('integrations.webhooks.registeredWithProblems', { created: count('created'), problems }),
        );
      else
        message.success(
          t('integrations.webhooks.registered', { created: count('created'), existing: count('existing') }),
        );
    } catch (error) {
      message.error(refusalText(t, error));
    } finally {
      setIsRegistering(false);
    }
  };

  const columns: ColumnsType<TopicRow> = [
    {
      title: t('integrations.webhooks.topic'),
      dataIndex: 'topic',
      render: (topic: string) => <code>{topic}</code>,
    },
    {
      title: t('integrations.webhooks.state'),
      dataIndex: 'state',
      render: (state: TopicRow['state'], row) => (
        <Tag color={stateColors[state]} data-testid={`webhook-state-${row.topic}`} data-state={state}>
          {t(`integrations.webhooks.states.${state}`)}
        </Tag>
      ),
    },
    {
      title: t('integrations.webhooks.why'),
      key: 'why',
      render: (_, row) =>
        row.state === 'inactive' ? (
          <Typography.Text type="warning">{t('integrations.webhooks.inactiveHint')}</Typography.Text>
        ) : (
          row.error && <Typography.Text type="danger">{row.error}</Typography.Text>
        ),
    },
  ];

  return (
    <Modal
      open
      width={720}
      title={t('integrations.webhooks.title', { channel: channelId })}
      onCancel={onClose}
      footer={
        <Button
          type="primary"
          loading={isRegistering}
          disabled={Boolean(listed.error)}
          onClick={register}
          data-testid="webhooks-register"
        >
          {t('integrations.webhooks.register')}
        </Button>
      }
    >
      <div data-testid="webhooks-panel">
        {listed.error ? (
          <Alert type="error" showIcon title={refusalText(t, listed.error)} data-testid="webhooks-refused" />
        ) : (
          <>
            <Typography.Paragraph>{t('integrations.webhooks.intro')}</Typography.Paragraph>
            <Typography.Paragraph>
              <Typography.Text code data-testid="webhooks-address" style={{ wordBreak: 'break-all' }}>
                {listed.data?.address ?? '…'}
              </Typography.Text>
            </Typography.Paragraph>
            {connector === 'shopify' && (
              <Alert
                type="info"
                showIcon
                title={t('integrations.webhooks.shopifySecret')}
                style={{ marginBottom: 12 }}
              />
            )}
            <Table<TopicRow>
              rowKey="topic"
              size="small"
              loading={listed.isLoading}
              dataSource={listed.data?.topics ?? []}
              columns={columns}
              pagination={false}
            />
          </>
        )}
      </div>
    </Modal>
  );
}
