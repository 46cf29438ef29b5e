import { RedoOutlined, ReloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Segmented, Space, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type OutboxItem, type OutboxStatus, systemApi } from '../api/system';
import { useAuth } from '../auth';
import { CursorTable } from '../components/CursorTable';
import { JsonPreview } from '../components/JsonPreview';
import { errorText } from '../errors';
import { formatDateTimeSeconds } from '../format';
import { useCursorList } from '../hooks/useCursorList';
import { useLoader } from '../hooks/useLoader';
import { usePageTitle } from '../hooks/usePageTitle';

const statuses: OutboxStatus[] = ['dead', 'pending', 'done'];

export default function OutboxPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const [status, setStatus] = useState<OutboxStatus>('dead');
  const [retrying, setRetrying] = useState<number | null>(null);
  const list = useCursorList((page) => systemApi.outbox.list({ ...page, status }), [status]);
  const counts = useLoader(() => systemApi.outbox.counts(), [status]);
  const reload = () => {
    list.reload();
    counts.reload();
  };
  usePageTitle(t('outbox.title'));

  const retry = async (item: OutboxItem) => {
    setRetrying(item.id);
    try {
      await systemApi.outbox.retry(item.id);
      message.success(t('outbox.retried'));
      reload();
    } catch (failure) {
      message.error(errorText(t, failure));
    } finally {
      setRetrying(null);
    }
  };

  const columns: ColumnsType<OutboxItem> = [
    { title: t('outbox.id'), dataIndex: 'id' },
    {
      title: t('outbox.type'),
      dataIndex: 'type',
      render: (type: string) => <Typography.Text code>{type}</Typography.Text>,
    },
    { title: t('outbox.attempts'), dataIndex: 'attempts', align: 'right' },
    {
      title: t('outbox.lastError'),
      dataIndex: 'lastError',
      render: (lastError: string | null) =>
        lastError ? (
          <Typography.Text type="danger" ellipsis={{ tooltip: lastError }} style={{ maxWidth: 360 }}>
            {lastError}
          </Typography.Text>
        ) : (
          '—'
        ),
    },
    { title: t('common.createdAt'), dataIndex: 'createdAt', render: formatDateTimeSeconds },
    { title: t('outbox.availableAt'), dataIndex: 'availableAt', render: formatDateTimeSeconds },
  ];
  if (status === 'dead' && can('system:manage')) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      render: (_, item) => (
        <Button
          size="small"
          icon={<RedoOutlined />}
          loading={retrying === item.id}
          onClick={() => retry(item)}
        >
          {t('outbox.retry')}
        </Button>
      ),
    });
  }

  return (
    <Card
      title={t('outbox.title')}
      extra={<Button icon={<ReloadOutlined />} onClick={reload} aria-label={t('common.refresh')} />}
    >
      <Space orientation="vertical" style={{ width: '100%', marginBottom: 16 }}>
        <Segmented<OutboxStatus>
          value={status}
          onChange={setStatus}
          options={statuses.map((value) => ({
            value,
            label: `${t(`outbox.status.${value}`)} (${counts.data?.[value] ?? 0})`,
          }))}
          data-testid="outbox-status"
        />
        <Typography.Text type="secondary">{t(`outbox.explain.${status}`)}</Typography.Text>
      </Space>
      <CursorTable<OutboxItem>
        list={list}
        testId="outbox-table"
        columns={columns}
        expandable={{ expandedRowRender: (item) => <JsonPreview value={item.payload} /> }}
        locale={{ emptyText: t(`outbox.empty.${status}`) }}
      />
    </Card>
  );
}
