import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  Radio,
  Select,
  Space,
  Spin,
  Tag,
  Timeline,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { serviceApi } from '../../api/service';
import { isNotFound, NotFoundResult } from '../../components/NotFoundResult';
import { errorText } from '../../errors';
import { formatDateTime } from '../../format';
import { useLoader } from '../../hooks/useLoader';
import { useNow } from '../../hooks/useNow';
import { usePageTitle } from '../../hooks/usePageTitle';
import { SlaTimer } from './ComplaintsPage';

const kinds = ['refund', 'reship', 'replace', 'explain'] as const;

export default function ComplaintDetailPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { complaintId = '' } = useParams();
  const now = useNow(15_000);
  const complaint = useLoader(() => serviceApi.complaints.get(complaintId), [complaintId]);
  const [kind, setKind] = useState<'reply' | 'note'>('reply');
  const [body, setBody] = useState('');
  const [isSending, setIsSending] = useState(false);
  const [resolveForm] = Form.useForm();
  usePageTitle(complaint.data?.subject ?? t('service.complaints.title'));
  if (isNotFound(complaint.error)) {
    return (
      <NotFoundResult
        title={t('service.detail.notFound')}
        backTo="/service/complaints"
        backLabel={t('service.detail.backToList')}
      />
    );
  }
  if (complaint.error) return <Alert type="error" showIcon title={errorText(t, complaint.error)} />;
  const c = complaint.data;
  if (!c) return <Spin />;

  async function send() {
    setIsSending(true);
    try {
      const result = await serviceApi.complaints.addMessage(complaintId, { kind, body });
      complaint.setData(result.complaint);
      setBody('');
      message.success(t(kind === 'reply' ? 'service.detail.replySent' : 'service.detail.noteAdded'));
    } catch (error) {
      message.error(errorText(t, error));
    } finally {
      setIsSending(false);
    }
  }

  async function resolve(values: { kind: (typeof kinds)[number]; cost: string; note: string }) {
    try {
      complaint.setData(await serviceApi.complaints.resolve(complaintId, values));
      message.success(t('service.detail.resolved'));
    } catch (error) {
      message.error(errorText(t, error));
    }
  }

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <Card
        title={c.subject}
        extra={<Tag data-testid="complaint-status">{t(`service.status.${c.status}`)}</Tag>}
      >
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('service.complaints.order')}>
            {c.orderNumber ? <Link to={`/orders/${c.orderId}`}>{c.orderNumber}</Link> : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('service.complaints.category')}>
            {t(`service.category.${c.category}`)}
          </Descriptions.Item>
          <Descriptions.Item label={t('service.complaints.queue')}>
            {t(`service.department.${c.department}`)} · {c.team}
          </Descriptions.Item>
          <Descriptions.Item label={t('service.detail.customer')}>
            {[c.customerName, c.customerEmail].filter(Boolean).join(' · ') || '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('service.complaints.sla')}>
            <SlaTimer complaint={c} now={now} />
          </Descriptions.Item>
          <Descriptions.Item label={t('service.detail.rating')}>{c.rating ?? '—'}</Descriptions.Item>
          {c.resolution ? (
            <Descriptions.Item label={t('service.detail.resolution')}>
              {t(`service.resolution.${c.resolution.kind}`)} · {c.resolution.cost} · {c.resolution.note}
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      </Card>
      <Card title={t('service.detail.conversation')}>
        <Timeline
          data-testid="complaint-conversation"
          items={c.messages.map((m) => ({
            color: m.kind === 'note' ? 'gray' : m.kind === 'reply' ? 'blue' : 'orange',
            children: (
              <div data-testid="complaint-message" data-kind={m.kind}>
                <div>
                  <Tag>{t(`service.messageKind.${m.kind}`)}</Tag>
                  {m.author} · {formatDateTime(m.createdAt)}
                </div>
                <div style={{ whiteSpace: 'pre-wrap' }}>{m.body}</div>
              </div>
            ),
          }))}
        />
        <Space direction="vertical" style={{ width: '100%' }}>
          <Radio.Group value={kind} onChange={(e) => setKind(e.target.value)}>
            <Radio.Button value="reply">{t('service.detail.reply')}</Radio.Button>
            <Radio.Button value="note">{t('service.detail.note')}</Radio.Button>
          </Radio.Group>
          <Input.TextArea
            rows={4}
            value={body}
            onChange={(e) => setBody(e.target.value)}
            data-testid="complaint-message-input"
            aria-label={t('service.detail.message')}
          />
          <Button
            type="primary"
            onClick={send}
            loading={isSending}
            disabled={!body.trim()}
            data-testid="complaint-send"
          >
            {t(kind === 'reply' ? 'service.detail.sendReply' : 'service.detail.addNote')}
          </Button>
        </Space>
      </Card>
      {c.status !== 'resolved' ? (
        <Card title={t('service.detail.resolve')}>
          <Form
            form={resolveForm}
            layout="inline"
            onFinish={resolve}
            initialValues={{ kind: 'explain', cost: '0' }}
          >
            <Form.Item name="kind" label={t('service.detail.resolution')}>
              <Select
                style={{ width: 140 }}
                options={kinds.map((k) => ({ value: k, label: t(`service.resolution.${k}`) }))}
              />
            </Form.Item>
            <Form.Item name="cost" label={t('service.detail.cost')}>
              <Input style={{ width: 100 }} />
            </Form.Item>
            <Form.Item name="note" label={t('service.detail.note')} rules={[{ required: true }]}>
              <Input style={{ width: 300 }} />
            </Form.Item>
            <Button htmlType="submit">{t('service.detail.resolve')}</Button>
          </Form>
        </Card>
      ) : null}
    </Space>
  );
}
