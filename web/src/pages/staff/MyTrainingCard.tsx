import { Card, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { type TrainingRecord, trainingApi } from '../../api/training';
import { formatDateTime } from '../../format';
import { useLoader } from '../../hooks/useLoader';

const statusColor = { due: 'red', expired: 'red', expiring: 'orange', valid: 'green' } as const;

type Required = TrainingRecord['required'][number];

/** The signed-in person's required courses: what is due, expiring or expired, and what is held. */
export function MyTrainingCard({ reloadKey = 0 }: { reloadKey?: number }) {
  const { t } = useTranslation();
  const loaded = useLoader(() => trainingApi.mine(), [reloadKey]);
  const required = loaded.data?.required ?? [];
  const dueCount = required.filter((r) => r.status !== 'valid').length;
  return (
    <Card
      title={t('training.myTraining')}
      loading={loaded.isLoading}
      data-testid="my-training"
      extra={<Link to="/training">{t('training.openTraining')}</Link>}
    >
      {required.length === 0 ? (
        <Typography.Text type="secondary">{t('training.noneRequired')}</Typography.Text>
      ) : (
        <>
          {dueCount > 0 && (
            <Typography.Paragraph type="danger" data-testid="training-due-count">
              {t('training.dueCount', { count: dueCount })}
            </Typography.Paragraph>
          )}
          <Table<Required>
            rowKey="courseId"
            size="small"
            pagination={false}
            dataSource={required}
            columns={[
              { title: t('training.course'), dataIndex: 'courseTitle' },
              {
                title: t('training.status'),
                dataIndex: 'status',
                render: (status: Required['status']) => (
                  <Tag color={statusColor[status]} data-testid={`training-status-${status}`}>
                    {t(`training.statuses.${status}`)}
                  </Tag>
                ),
              },
              {
                title: t('training.expiresAt'),
                dataIndex: 'expiresAt',
                render: (at: string | null) => (at ? formatDateTime(at) : '—'),
              },
            ]}
          />
        </>
      )}
    </Card>
  );
}
