import { App, Button, Card, Space, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { type MeetingSeries, type MeetingSummary, reviewApi } from '../../api/review';
import { CursorTable } from '../../components/CursorTable';
import { formatDateTime } from '../../format';
import { useCursorList } from '../../hooks/useCursorList';
import { usePageTitle } from '../../hooks/usePageTitle';

/** Meeting series (prepare now) and every meeting with its notice, minutes and lateness. */
export default function MeetingsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [series, setSeries] = useState<MeetingSeries[]>([]);
  const list = useCursorList((page) => reviewApi.meetings.list(page), []);
  usePageTitle(t('review.meetings.title'));
  useEffect(() => {
    void reviewApi.series.list().then((r) => setSeries(r.items));
  }, []);

  const columns: ColumnsType<MeetingSummary> = [
    {
      title: t('review.meetings.meeting'),
      dataIndex: 'title',
      render: (title: string, m) => <Link to={`/review/meetings/${m.id}`}>{title}</Link>,
    },
    { title: t('review.meetings.startsAt'), dataIndex: 'startsAt', render: formatDateTime },
    {
      title: t('common.status'),
      dataIndex: 'status',
      render: (s: string) => <Tag>{t(`review.status.${s}`)}</Tag>,
    },
    { title: t('review.meetings.noticeSentAt'), dataIndex: 'noticeSentAt', render: formatDateTime },
    {
      title: t('review.meetings.minutes'),
      key: 'minutes',
      render: (_, m) =>
        m.isMinutesLate ? (
          <Tag color="red">{t('review.meetings.minutesLate')}</Tag>
        ) : m.minutesSentAt ? (
          formatDateTime(m.minutesSentAt)
        ) : (
          '—'
        ),
    },
  ];

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card title={t('review.meetings.series')}>
        {series.map((s) => (
          <Space key={s.id} style={{ marginRight: 24 }}>
            <span>
              {s.name} · {t(`review.weekday.${s.weekday}`)} {s.startTime} ({s.timeZone})
            </span>
            <Button
              size="small"
              onClick={() =>
                reviewApi.series
                  .prepare(s.id)
                  .then(() => list.reload())
                  .catch((error: Error) => message.error(error.message))
              }
            >
              {t('review.meetings.prepare')}
            </Button>
          </Space>
        ))}
      </Card>
      <Card title={t('review.meetings.title')}>
        <CursorTable<MeetingSummary> list={list} testId="meetings-table" columns={columns} rowKey="id" />
      </Card>
    </Space>
  );
}
