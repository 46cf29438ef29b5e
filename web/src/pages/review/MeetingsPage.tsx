import type { ButtonProps } from 'antd';
import { App, Button, Card, Popconfirm, Space, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { type CalendarDay, type MeetingSeries, type MeetingSummary, reviewApi } from '../../api/review';
import { CursorTable } from '../../components/CursorTable';
import { DataTable } from '../../components/DataTable';
import { errorText } from '../../errors';
import { formatDateTime } from '../../format';
import { useCursorList } from '../../hooks/useCursorList';
import { usePageTitle } from '../../hooks/usePageTitle';
import { CalendarDayForm } from './ReviewForms';
import { SeriesFormModal } from './SeriesForm';

/** Meeting series (prepare now) and every meeting with its notice, minutes and lateness. */
export default function MeetingsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [series, setSeries] = useState<MeetingSeries[]>([]);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<MeetingSeries | null>(null);
  const [days, setDays] = useState<CalendarDay[]>([]);
  const list = useCursorList((page) => reviewApi.meetings.list(page), []);
  usePageTitle(t('review.meetings.title'));
  const loadSeries = useCallback(() => {
    void reviewApi.series.list().then((r) => setSeries(r.items));
  }, []);
  const loadDays = useCallback(() => {
    const from = dayjs().format('YYYY-MM-DD');
    const to = dayjs().add(60, 'day').format('YYYY-MM-DD');
    void reviewApi.calendar.list(from, to).then((r) => setDays(r.items));
  }, []);
  useEffect(() => {
    loadSeries();
    loadDays();
  }, [loadSeries, loadDays]);

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
      <Card
        title={t('review.meetings.series')}
        extra={
          <Button type="primary" onClick={() => setCreating(true)} data-testid="series-new">
            {t('review.forms.newSeries')}
          </Button>
        }
      >
        <SeriesFormModal
          open={creating || editing !== null}
          series={editing}
          key={editing?.id ?? 'new'}
          onClose={() => {
            setCreating(false);
            setEditing(null);
          }}
          onSaved={() => {
            setCreating(false);
            setEditing(null);
            loadSeries();
          }}
        />
        {series.map((s) => (
          <Space key={s.id} style={{ marginRight: 24 }} data-testid="series-item">
            <span>
              {s.name} · {t(`review.weekday.${s.weekday}`)} {s.startTime} ({s.timeZone})
            </span>
            {s.archivedAt ? <Tag data-testid="series-archived">{t('review.meetings.archived')}</Tag> : null}
            <Button
              size="small"
              disabled={!!s.archivedAt}
              onClick={() => setEditing(s)}
              data-testid="series-edit"
            >
              {t('common.edit')}
            </Button>
            <Popconfirm
              title={t('review.meetings.archiveConfirm', { name: s.name })}
              okText={t('review.meetings.archive')}
              cancelText={t('common.cancel')}
              okButtonProps={{ danger: true, 'data-testid': 'series-archive-ok' } as ButtonProps}
              onConfirm={() =>
                reviewApi.series
                  .archive(s.id)
                  .then(loadSeries)
                  .catch((error: unknown) => message.error(errorText(t, error)))
              }
            >
              <Button size="small" danger disabled={!!s.archivedAt} data-testid="series-archive">
                {t('review.meetings.archive')}
              </Button>
            </Popconfirm>
            <Button
              disabled={!!s.archivedAt}
              size="small"
              onClick={() =>
                reviewApi.series
                  .prepare(s.id)
                  .then(() => list.reload())
                  .catch((error: unknown) => message.error(errorText(t, error)))
              }
            >
              {t('review.meetings.prepare')}
            </Button>
          </Space>
        ))}
      </Card>
      <Card title={t('review.meetings.title')}>
        <CursorTable<MeetingSummary>
          list={list}
          testId="meetings-table"
          empty={t('review.meetings.empty')}
          columns={columns}
          rowKey="id"
        />
      </Card>
      <Card title={t('review.forms.calendar')}>
        <CalendarDayForm onSaved={loadDays} />
        <DataTable<CalendarDay>
          style={{ marginTop: 16 }}
          size="small"
          data-testid="calendar-days"
          rowKey="day"
          pagination={false}
          dataSource={days}
          empty={t('review.forms.calendarEmpty')}
          emptyTestId="calendar-days-empty"
          columns={[
            { title: t('review.forms.day'), dataIndex: 'day' },
            {
              title: t('review.forms.dayKind'),
              dataIndex: 'kind',
              render: (k: string) => t(`review.forms.dayKinds.${k}`),
            },
            { title: t('review.forms.label'), dataIndex: 'label' },
            { title: t('review.forms.volumeFactor'), dataIndex: 'volumeFactor' },
          ]}
        />
      </Card>
    </Space>
  );
}
