import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Segmented, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { type Complaint, serviceApi } from '../../api/service';
import { CursorTable } from '../../components/CursorTable';
import { formatDateTime } from '../../format';
import { useCursorList } from '../../hooks/useCursorList';
import { useNow } from '../../hooks/useNow';
import { usePageTitle } from '../../hooks/usePageTitle';

const filters = ['open', 'answered', 'resolved', 'breached', 'all'] as const;
type Filter = (typeof filters)[number];

/** "3h 20m" left, or how long ago the deadline passed. */
function countdown(dueAt: string, now: number): { text: string; isPast: boolean } {
  const ms = Date.parse(dueAt) - now;
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  const text = `${Math.floor(minutes / 60)}h ${minutes % 60}m`;
  return { text, isPast: ms < 0 };
}

export function SlaTimer({ complaint, now }: { complaint: Complaint; now: number }) {
  const { t } = useTranslation();
  if (complaint.status === 'resolved') return <Typography.Text type="secondary">—</Typography.Text>;
  const due = complaint.firstRespondedAt ? complaint.resolutionDueAt : complaint.firstResponseDueAt;
  const { text, isPast } = countdown(due, now);
  const isBreached = complaint.isBreached || isPast;
  return (
    <Typography.Text
      type={isBreached ? 'danger' : undefined}
      data-testid="sla-timer"
      data-breached={isBreached}
    >
      {isPast ? t('service.sla.overdue', { time: text }) : t('service.sla.left', { time: text })}
    </Typography.Text>
  );
}

export default function ComplaintsPage() {
  const { t } = useTranslation();
  const now = useNow(15_000);
  const [params, setParams] = useSearchParams();
  const filter = (filters.find((f) => f === params.get('filter')) ?? 'open') as Filter;
  const list = useCursorList(
    (page) =>
      serviceApi.complaints.list({
        ...page,
        status: filter === 'all' || filter === 'breached' ? undefined : filter,
        isBreached: filter === 'breached' ? 'true' : undefined,
      }),
    [filter],
  );
  usePageTitle(t('service.complaints.title'));
  const columns: ColumnsType<Complaint> = [
    {
      title: t('service.complaints.subject'),
      dataIndex: 'subject',
      render: (subject: string, item) => <Link to={`/service/complaints/${item.id}`}>{subject}</Link>,
    },
    {
      title: t('service.complaints.order'),
      dataIndex: 'orderNumber',
      render: (number: string | null, item) =>
        number ? <Link to={`/orders/${item.orderId}`}>{number}</Link> : '—',
    },
    {
      title: t('service.complaints.category'),
      dataIndex: 'category',
      render: (c: string) => t(`service.category.${c}`),
    },
    {
      title: t('service.complaints.queue'),
      key: 'queue',
      render: (_, item) => `${t(`service.department.${item.department}`)} · ${item.team}`,
    },
    {
      title: t('common.status'),
      dataIndex: 'status',
      render: (status: string, item) => (
        <Space>
          <Tag color={status === 'resolved' ? 'green' : status === 'answered' ? 'blue' : 'orange'}>
            {t(`service.status.${status}`)}
          </Tag>
          {item.isBreached ? <Tag color="red">{t('service.sla.breached')}</Tag> : null}
        </Space>
      ),
    },
    {
      title: t('service.complaints.sla'),
      key: 'sla',
      render: (_, item) => <SlaTimer complaint={item} now={now} />,
    },
    { title: t('service.complaints.openedAt'), dataIndex: 'createdAt', render: formatDateTime },
  ];
  return (
    <Card
      title={t('service.complaints.title')}
      extra={<Button icon={<ReloadOutlined />} onClick={list.reload} aria-label={t('common.refresh')} />}
    >
      <Segmented<Filter>
        style={{ marginBottom: 16 }}
        value={filter}
        onChange={(value) => setParams(value === 'open' ? {} : { filter: value }, { replace: true })}
        options={filters.map((value) => ({ value, label: t(`service.complaints.filter.${value}`) }))}
      />
      <CursorTable<Complaint>
        list={list}
        testId="complaints-table"
        empty={t('service.complaints.empty')}
        columns={columns}
        rowKey="id"
      />
    </Card>
  );
}
