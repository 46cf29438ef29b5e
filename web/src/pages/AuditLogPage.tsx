import { Card, Input, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { type AuditEntry, staffApi } from '../api/staff';
import { CursorTable } from '../components/CursorTable';
import { JsonPreview, jsonSummary } from '../components/JsonPreview';
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
        <span>
          <Tag>{t(`actorType.${entry.actorType}`, { defaultValue: entry.actorType })}</Tag>
          {entry.actorName ?? entry.actorId ?? ''}
        </span>
      ),
    },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      render: (value: string) => (
        <span title={value}>
          {t(`auditAction.${value.replaceAll('.', '_')}`, { defaultValue: '' }) || (
            <Typography.Text code>{value}</Typography.Text>
          )}
        </span>
      ),
    },
    {
      title: t('audit.target'),
      key: 'target',
      render: (_, entry) => {
        if (!entry.targetType) return '—';
        const label = `${entry.targetType}${entry.targetId ? ` · ${entry.targetId}` : ''}`;
        if (entry.targetType !== 'order' || !entry.targetId) return label;
        return <Link to={`/orders/${entry.targetId}`}>{label}</Link>;
      },
    },
    {
      title: t('audit.details'),
      dataIndex: 'details',
      render: (details: unknown) => (
        <Typography.Text type="secondary">{jsonSummary(details)}</Typography.Text>
      ),
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
      <CursorTable<AuditEntry>
        list={list}
        testId="audit-table"
        columns={columns}
        expandable={{ expandedRowRender: (entry) => <JsonPreview value={entry.details} /> }}
      />
    </Card>
  );
}
