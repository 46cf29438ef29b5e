import { RedoOutlined, ReloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Select, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import {
  type MessageStatus,
  messageStatuses,
  type NotificationEvent,
  type NotificationMessage,
  notificationEvents,
  notificationsApi,
} from '../../api/notifications';
import { useAuth } from '../../auth';
import { CursorTable } from '../../components/CursorTable';
import { errorText } from '../../errors';
import { formatDateTimeSeconds } from '../../format';
import { useCursorList } from '../../hooks/useCursorList';
import { usePageTitle } from '../../hooks/usePageTitle';

const statusColors: Record<MessageStatus, string> = {
  pending: 'processing',
  deferred: 'purple',
  sent: 'success',
  failed: 'error',
  bounced: 'warning',
};

/** Every message sent or waiting, with why it failed; failed and bounced ones can be sent again. */
export default function NotificationLogPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useAuth();
  const [status, setStatus] = useState<MessageStatus | undefined>();
  const [event, setEvent] = useState<NotificationEvent | undefined>();
  const [retrying, setRetrying] = useState<string | null>(null);
  const list = useCursorList(
    (page) => notificationsApi.messages.list({ ...page, status, event }),
    [status, event],
  );
  usePageTitle(t('notify.log.title'));

  const retry = async (item: NotificationMessage) => {
    setRetrying(item.id);
    try {
      const result = await notificationsApi.messages.retry(item.id);
      message.info(t(`notify.status.${result.status}`));
      list.reload();
    } catch (failure) {
      message.error(errorText(t, failure));
    } finally {
      setRetrying(null);
    }
  };

  const columns: ColumnsType<NotificationMessage> = [
    { title: t('common.createdAt'), dataIndex: 'createdAt', render: formatDateTimeSeconds },
    { title: t('notify.event'), dataIndex: 'event', render: (e: string) => t(`notify.events.${e}`) },
    { title: t('notify.channel'), dataIndex: 'channel', render: (c: string) => t(`notify.channels.${c}`) },
    {
      title: t('notify.log.order'),
      dataIndex: 'orderId',
      render: (orderId: string) => <Link to={`/orders/${orderId}`}>{t('notify.log.open')}</Link>,
    },
    { title: t('notify.log.recipient'), dataIndex: 'recipient', ellipsis: true },
    {
      title: t('notify.log.status'),
      dataIndex: 'status',
      render: (s: MessageStatus) => (
        <Tag color={statusColors[s]} data-testid="message-status">
          {t(`notify.status.${s}`)}
        </Tag>
      ),
    },
    { title: t('notify.log.attempts'), dataIndex: 'attempts', align: 'right' },
    { title: t('notify.log.next'), dataIndex: 'nextAttemptAt', render: formatDateTimeSeconds },
    {
      title: t('notify.log.lastError'),
      dataIndex: 'lastError',
      render: (e: string | null) =>
        e ? (
          <Typography.Text type="danger" ellipsis={{ tooltip: e }} style={{ maxWidth: 260 }}>
            {e}
          </Typography.Text>
        ) : (
          '—'
        ),
    },
  ];
  if (can('service:manage'))
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      render: (_, item) =>
        item.status === 'failed' || item.status === 'bounced' ? (
          <Button
            size="small"
            icon={<RedoOutlined />}
            loading={retrying === item.id}
            onClick={() => retry(item)}
          >
            {t('notify.log.retry')}
          </Button>
        ) : null,
    });

  return (
    <Card
      title={t('notify.log.title')}
      extra={<Button icon={<ReloadOutlined />} onClick={list.reload} aria-label={t('common.refresh')} />}
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Select<MessageStatus>
          allowClear
          placeholder={t('notify.log.status')}
          style={{ minWidth: 160 }}
          value={status}
          onChange={setStatus}
          data-testid="log-status"
          options={messageStatuses.map((s) => ({ value: s, label: t(`notify.status.${s}`) }))}
        />
        <Select<NotificationEvent>
          allowClear
          placeholder={t('notify.event')}
          style={{ minWidth: 200 }}
          value={event}
          onChange={setEvent}
          options={notificationEvents.map((e) => ({ value: e, label: t(`notify.events.${e}`) }))}
        />
      </Space>
      <CursorTable<NotificationMessage>
        list={list}
        testId="notification-log"
        columns={columns}
        expandable={{
          expandedRowRender: (item) => (
            <div style={{ whiteSpace: 'pre-wrap' }}>
              {item.subject ? <Typography.Text strong>{item.subject}</Typography.Text> : null}
              <div>{item.body}</div>
            </div>
          ),
        }}
        locale={{ emptyText: t('notify.log.empty') }}
      />
    </Card>
  );
}
