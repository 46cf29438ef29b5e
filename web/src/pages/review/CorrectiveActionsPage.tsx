import { Button, Card, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CorrectiveAction, reviewApi } from '../../api/review';
import { CursorTable } from '../../components/CursorTable';
import { formatDateTime } from '../../format';
import { useCursorList } from '../../hooks/useCursorList';
import { usePageTitle } from '../../hooks/usePageTitle';
import { CorrectiveFormModal } from './ReviewForms';

const statusColor: Record<string, string> = { open: 'blue', effective: 'green', not_effective: 'red' };

/** Corrective actions: root cause, action, owner, and the KPI verdict after the set time. */
export default function CorrectiveActionsPage() {
  const { t } = useTranslation();
  const list = useCursorList((page) => reviewApi.corrective.list(page), []);
  const [creating, setCreating] = useState(false);
  usePageTitle(t('review.corrective.title'));
  const columns: ColumnsType<CorrectiveAction> = [
    { title: t('review.corrective.problem'), dataIndex: 'title' },
    { title: t('review.corrective.rootCause'), dataIndex: 'rootCause' },
    { title: t('review.corrective.action'), dataIndex: 'action' },
    { title: t('review.action.owner'), dataIndex: 'ownerName' },
    { title: t('review.action.deadline'), dataIndex: 'deadlineAt', render: formatDateTime },
    {
      title: t('review.corrective.kpi'),
      dataIndex: 'kpi',
      render: (k: CorrectiveAction['kpi']) =>
        `${k.name}: ${k.baseline} → ${k.target}${k.measured === null ? '' : ` (${k.measured})`}`,
    },
    { title: t('review.corrective.verifyAt'), dataIndex: 'verifyAt', render: formatDateTime },
    {
      title: t('common.status'),
      dataIndex: 'status',
      render: (s: string) => <Tag color={statusColor[s]}>{t(`review.corrective.status.${s}`)}</Tag>,
    },
  ];
  return (
    <Card
      title={t('review.corrective.title')}
      extra={
        <Button type="primary" onClick={() => setCreating(true)} data-testid="corrective-new">
          {t('review.forms.newCorrective')}
        </Button>
      }
    >
      <CorrectiveFormModal
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={() => {
          setCreating(false);
          list.reload();
        }}
      />
      <CursorTable<CorrectiveAction>
        list={list}
        testId="corrective-table"
        empty={t('review.corrective.empty')}
        columns={columns}
        rowKey="id"
      />
    </Card>
  );
}
