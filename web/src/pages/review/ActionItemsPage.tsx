import { App, Button, Card, Input, Space, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ActionItem, reviewApi } from '../../api/review';
import { useAuth } from '../../auth';
import { CursorTable } from '../../components/CursorTable';
import { errorText } from '../../errors';
import { formatDateTime } from '../../format';
import { useCursorList } from '../../hooks/useCursorList';
import { usePageTitle } from '../../hooks/usePageTitle';

const stateColor: Record<string, string> = { open: 'blue', done: 'green', late: 'red', dropped: 'default' };

/** Action items from meetings: an owner's task list (mine by default), marked done or dropped with a reason. */
export default function ActionItemsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { user } = useAuth();
  const [owner, setOwner] = useState<string>(user?.displayName ?? '');
  const list = useCursorList(
    (page) => reviewApi.actionItems.list({ ...page, owner: owner || undefined }),
    [owner],
  );
  usePageTitle(t('review.actions.title'));
  const change = (item: ActionItem, status: 'done' | 'dropped') => {
    const reason = status === 'dropped' ? (window.prompt(t('review.actions.dropReason')) ?? '') : undefined;
    if (status === 'dropped' && !reason) return;
    reviewApi.actionItems
      .change(item.id, status, reason)
      .then(list.reload)
      .catch((error: unknown) => message.error(errorText(t, error)));
  };
  const columns: ColumnsType<ActionItem> = [
    { title: t('review.action.title'), dataIndex: 'title' },
    { title: t('review.action.owner'), dataIndex: 'ownerName' },
    { title: t('review.action.deadline'), dataIndex: 'deadlineAt', render: formatDateTime },
    {
      title: t('review.actions.link'),
      dataIndex: 'link',
      render: (l: ActionItem['link']) => (l ? `${l.type} ${l.ref}` : '—'),
    },
    {
      title: t('common.status'),
      dataIndex: 'state',
      render: (s: string) => <Tag color={stateColor[s]}>{t(`review.state.${s}`)}</Tag>,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, item) =>
        item.status === 'open' ? (
          <Space>
            <Button size="small" onClick={() => change(item, 'done')}>
              {t('review.actions.done')}
            </Button>
            <Button size="small" onClick={() => change(item, 'dropped')}>
              {t('review.actions.drop')}
            </Button>
          </Space>
        ) : (
          (item.dropReason ?? '')
        ),
    },
  ];
  return (
    <Card title={t('review.actions.title')}>
      <Input.Search
        defaultValue={owner}
        placeholder={t('review.actions.owner')}
        onSearch={setOwner}
        allowClear
        style={{ maxWidth: 320, marginBottom: 16 }}
      />
      <CursorTable<ActionItem>
        list={list}
        testId="action-items-table"
        empty={t('review.actions.empty')}
        columns={columns}
        rowKey="id"
      />
    </Card>
  );
}
