import { Card, Input, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AuditEntry, staffApi } from '../api/staff';
import { AuditDetails, AuditTarget, actionLabel } from '../components/AuditDetails';
import { CursorTable } from '../components/CursorTable';
import { formatDateTimeSeconds } from '../format';
import { useCursorList } from '../hooks/useCursorList';
import { usePageTitle } from '../hooks/usePageTitle';

export default function AuditLogPage() {
  const { t } = useTranslation();
  const [action, setAction] = useState('');
  const list = useCursorList((page) => staffApi.auditLog.list({ ...page, action }), [action]);
  usePageTitle(t('audit.title'));

  const columns: ColumnsType<AuditEntry> = [
    { title: t('audit.at'), dataIndex: 'at', render: formatDateTimeSeconds, width: 180 },
    {
      title: t('audit.actor'),
      key: 'actor',
      render: (_, entry) => (
        <span data-testid="audit-actor">
          <Tag>{t(`actorType.${entry.actorType}`, { defaultValue: entry.actorType })}</Tag>
          {entry.actorName || (entry.actorId ? `${entry.actorId.slice(0, 8)}…` : '')}
        </span>
      ),
    },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      render: (value: string) => (
        <span title={value} data-testid="audit-action">
          {actionLabel(t, value)}
        </span>
      ),
    },
    { title: t('audit.target'), key: 'target', render: (_, entry) => <AuditTarget entry={entry} /> },
    {
      title: t('audit.details'),
      dataIndex: 'details',
      render: (details: AuditEntry['details']) => <AuditDetails details={details} />,
    },
  ];

  return (
    <Card title={t('audit.title')}>
      <Input.Search
        allowClear
        placeholder={t('audit.actionPlaceholder')}
        onSearch={(value) => setAction(value.trim())}
        style={{ width: 340, marginBottom: 16 }}
        data-testid="audit-action-filter"
      />
      <CursorTable<AuditEntry> list={list} testId="audit-table" columns={columns} />
    </Card>
  );
}
