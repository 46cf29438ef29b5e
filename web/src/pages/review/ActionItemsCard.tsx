import { App, Button, Card, DatePicker, Form, Input, List, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { type ActionItem, type Meeting, reviewApi } from '../../api/review';
import { errorText } from '../../errors';
import { formatDateTime } from '../../format';
import { KpiSelect, kpiLabel, OwnerSelect } from './choices';

type ActionForm = {
  title: string;
  ownerName: string;
  deadline: Dayjs;
  kpi?: string | null;
};

const figure = (value: number | null) => (value === null ? '—' : String(value));

/** A KPI an item aimed at: its value when recorded, and now (last meeting's items). */
function KpiEffect({ item }: { item: ActionItem }) {
  const { t } = useTranslation();
  if (!item.kpi) return null;
  return (
    <Tag color="blue" data-testid="action-kpi">
      {t('review.action.kpiEffect', {
        name: kpiLabel(t, item.kpi.name),
        before: figure(item.kpi.before),
        after: figure(item.kpi.after),
      })}
    </Tag>
  );
}

/**
 * Meeting mode's action items: typed as they happen (an active user owns each, a deadline, the
 * current issue, optionally the KPI it aims at), and last meeting's items with their state and
 * the effect on their KPI.
 */
export function ActionItemsCard(props: {
  meeting: Meeting;
  issueId: string | null;
  onChanged: (meeting: Meeting) => void;
}) {
  const { meeting, issueId, onChanged } = props;
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ActionForm>();
  const isClosed = meeting.status === 'closed';
  const add = (values: ActionForm) =>
    reviewApi.meetings
      .addActionItem(meeting.id, {
        title: values.title,
        ownerName: values.ownerName,
        deadlineAt: values.deadline.toISOString(),
        issueId,
        kpi: values.kpi ?? null,
      })
      .then((next) => {
        onChanged(next);
        form.resetFields();
      })
      .catch((error: unknown) => message.error(errorText(t, error)));
  return (
    <Card title={t('review.mode.actionItems')} style={{ marginTop: 16 }}>
      {!isClosed ? (
        <Form<ActionForm> form={form} layout="inline" data-testid="action-form" onFinish={add}>
          <Form.Item name="title" rules={[{ required: true }]}>
            <Input placeholder={t('review.action.title')} data-testid="action-title" />
          </Form.Item>
          <Form.Item name="ownerName" rules={[{ required: true }]}>
            <OwnerSelect testId="action-owner" placeholder={t('review.action.owner')} />
          </Form.Item>
          <Form.Item name="deadline" rules={[{ required: true }]}>
            <DatePicker placeholder={t('review.action.deadline')} data-testid="action-deadline" />
          </Form.Item>
          <Form.Item name="kpi">
            <KpiSelect testId="action-kpi-select" allowClear placeholder={t('review.action.kpi')} />
          </Form.Item>
          <Button type="primary" htmlType="submit" data-testid="action-add">
            {t('review.action.add')}
          </Button>
        </Form>
      ) : null}
      <List
        data-testid="action-items"
        dataSource={meeting.actionItems}
        renderItem={(a) => (
          <List.Item>
            {a.title} — {a.ownerName} · {formatDateTime(a.deadlineAt)} <KpiEffect item={a} />
          </List.Item>
        )}
      />
      {meeting.previousActionItems.length > 0 ? (
        <>
          <Typography.Title level={5}>{t('review.mode.lastWeek')}</Typography.Title>
          <List
            size="small"
            data-testid="previous-action-items"
            dataSource={meeting.previousActionItems}
            renderItem={(a) => (
              <List.Item>
                {a.title} — <Tag>{t(`review.state.${a.state}`)}</Tag> {a.dropReason ?? ''}{' '}
                <KpiEffect item={a} />
              </List.Item>
            )}
          />
        </>
      ) : null}
    </Card>
  );
}
