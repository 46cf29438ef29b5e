import { CaretRightOutlined, PauseOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Input,
  InputNumber,
  List,
  Rate,
  Row,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { Bar, BarChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { type Meeting, reviewApi } from '../../api/review';
import { isNotFound, NotFoundResult } from '../../components/NotFoundResult';
import { errorText } from '../../errors';
import { formatDateTime } from '../../format';
import { useNow } from '../../hooks/useNow';
import { usePageTitle } from '../../hooks/usePageTitle';
import { ActionItemsCard } from './ActionItemsCard';

const clock = (seconds: number) =>
  `${Math.floor(seconds / 60)}:${String(Math.floor(seconds % 60)).padStart(2, '0')}`;

/** The chair's one screen: agenda with timers, the pack's chart, issues one by one, decisions and action items, close. */
export default function MeetingModePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { id = '' } = useParams();
  const [meeting, setMeeting] = useState<Meeting | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [fetchedAt, setFetchedAt] = useState(Date.now());
  const [issueIndex, setIssueIndex] = useState(0);
  const [decision, setDecision] = useState('');
  const now = useNow(1000);
  usePageTitle(meeting?.title ?? t('review.mode.title'));

  const show = useCallback((next: Meeting) => {
    setMeeting(next);
    setFetchedAt(Date.now());
  }, []);
  useEffect(() => {
    setLoadError(null);
    reviewApi.meetings.get(id).then(show, setLoadError);
  }, [id, show]);
  const run = (work: Promise<Meeting>) =>
    work.then(show).catch((error: Error) => message.error(error.message));

  if (!meeting) {
    if (isNotFound(loadError)) {
      return (
        <NotFoundResult
          title={t('review.mode.notFound')}
          backTo="/review/meetings"
          backLabel={t('review.mode.backToList')}
        />
      );
    }
    if (loadError) return <Alert type="error" showIcon title={errorText(t, loadError)} />;
    return <Card loading />;
  }
  const isClosed = meeting.status === 'closed';
  const issue = meeting.issues[issueIndex] ?? null;
  const byStatus = Object.entries(
    (meeting.pack as { orders?: { byStatus?: Record<string, number> } } | null)?.orders?.byStatus ?? {},
  ).map(([status, count]) => ({ status, count }));

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card
        title={meeting.title}
        extra={
          <Space>
            <Tag data-testid="meeting-status" data-status={meeting.status}>
              {t(`review.status.${meeting.status}`)}
            </Tag>
            <a href={reviewApi.meetings.packUrl(meeting.id)} target="_blank" rel="noreferrer">
              {t('review.mode.packPdf')}
            </a>
            {!isClosed ? (
              <Button
                danger
                data-testid="meeting-close"
                onClick={() => run(reviewApi.meetings.close(meeting.id))}
              >
                {t('review.mode.close')}
              </Button>
            ) : null}
          </Space>
        }
      >
        {formatDateTime(meeting.startsAt)} ·{' '}
        {meeting.onlineLink ? <a href={meeting.onlineLink}>{meeting.onlineLink}</a> : null}
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={10}>
          <Card title={t('review.mode.agenda')}>
            <List
              dataSource={meeting.agenda}
              renderItem={(item) => {
                const used = item.usedSeconds + (item.isRunning ? Math.max(0, (now - fetchedAt) / 1000) : 0);
                const over = used > item.plannedMinutes * 60;
                return (
                  <List.Item
                    data-testid={`agenda-${item.position}`}
                    data-running={String(item.isRunning)}
                    actions={
                      isClosed
                        ? []
                        : [
                            <Button
                              key="run"
                              size="small"
                              data-testid={`agenda-run-${item.position}`}
                              icon={item.isRunning ? <PauseOutlined /> : <CaretRightOutlined />}
                              onClick={() =>
                                run(reviewApi.meetings.runItem(meeting.id, item.isRunning ? null : item.id))
                              }
                              aria-label={item.isRunning ? t('review.mode.pause') : t('review.mode.start')}
                            />,
                          ]
                    }
                  >
                    <Space>
                      <span>{t(`review.section.${item.title}`, { defaultValue: item.title })}</span>
                      <Typography.Text
                        type={over ? 'danger' : undefined}
                        data-testid={`agenda-timer-${item.position}`}
                        data-overtime={String(over)}
                      >
                        {clock(used)} / {item.plannedMinutes}:00
                      </Typography.Text>
                      {!isClosed ? (
                        <InputNumber
                          size="small"
                          min={1}
                          max={120}
                          value={item.plannedMinutes}
                          aria-label={t('review.mode.plannedMinutes')}
                          data-testid={`agenda-minutes-${item.position}`}
                          onChange={(minutes) => {
                            if (minutes)
                              void run(
                                reviewApi.meetings.saveAgendaItem(meeting.id, item.id, item.title, minutes),
                              );
                          }}
                        />
                      ) : null}
                      {over ? <Tag color="red">{t('review.mode.overtime')}</Tag> : null}
                    </Space>
                  </List.Item>
                );
              }}
            />
          </Card>
          <Card title={t('review.mode.pack')} style={{ marginTop: 16 }}>
            <div style={{ height: 180 }}>
              <ResponsiveContainer>
                <BarChart data={byStatus}>
                  <XAxis dataKey="status" />
                  <YAxis allowDecimals={false} />
                  <Tooltip />
                  <Bar dataKey="count" fill="#1677ff" />
                </BarChart>
              </ResponsiveContainer>
            </div>
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card
            title={t('review.mode.issues', { n: issueIndex + 1, total: meeting.issues.length })}
            extra={
              <Space>
                <Button
                  size="small"
                  disabled={issueIndex === 0}
                  onClick={() => setIssueIndex(issueIndex - 1)}
                >
                  {t('review.mode.previous')}
                </Button>
                <Button
                  size="small"
                  disabled={issueIndex >= meeting.issues.length - 1}
                  onClick={() => setIssueIndex(issueIndex + 1)}
                >
                  {t('review.mode.next')}
                </Button>
              </Space>
            }
          >
            {issue ? (
              <div data-testid="current-issue">
                <Tag>{t(`review.department.${issue.department}`, { defaultValue: issue.department })}</Tag>
                <Typography.Text strong>{issue.title}</Typography.Text>
                {issue.detail ? <Typography.Paragraph>{issue.detail}</Typography.Paragraph> : null}
              </div>
            ) : (
              <Alert type="info" title={t('review.mode.noIssues')} />
            )}
            {!isClosed ? (
              <Space.Compact style={{ width: '100%', marginTop: 12 }}>
                <Input
                  value={decision}
                  onChange={(e) => setDecision(e.target.value)}
                  placeholder={t('review.mode.decision')}
                  data-testid="decision-text"
                />
                <Button
                  disabled={!decision.trim()}
                  onClick={() =>
                    run(reviewApi.meetings.addDecision(meeting.id, decision, issue?.id ?? null)).then(() =>
                      setDecision(''),
                    )
                  }
                >
                  {t('review.mode.addDecision')}
                </Button>
              </Space.Compact>
            ) : null}
            <List
              size="small"
              dataSource={meeting.decisions}
              renderItem={(d) => <List.Item>{d.text}</List.Item>}
            />
          </Card>
          <ActionItemsCard meeting={meeting} issueId={issue?.id ?? null} onChanged={show} />
          <Card title={t('review.mode.feedback')} style={{ marginTop: 16 }}>
            <Rate onChange={(rating) => run(reviewApi.meetings.addFeedback(meeting.id, rating, null))} />
            <span style={{ marginLeft: 8 }}>{meeting.feedback.length}</span>
          </Card>
          {isClosed && meeting.minutes ? (
            <Card title={t('review.mode.minutes')} style={{ marginTop: 16 }}>
              <pre style={{ whiteSpace: 'pre-wrap' }} data-testid="minutes">
                {meeting.minutes}
              </pre>
              <Button
                onClick={() =>
                  reviewApi.meetings
                    .sendMinutes(meeting.id)
                    .then(() => reviewApi.meetings.get(meeting.id).then(show))
                }
                disabled={!!meeting.minutesSentAt}
              >
                {meeting.minutesSentAt
                  ? t('review.mode.minutesSent', { at: formatDateTime(meeting.minutesSentAt) })
                  : t('review.mode.sendMinutes')}
              </Button>
            </Card>
          ) : null}
        </Col>
      </Row>
    </Space>
  );
}
