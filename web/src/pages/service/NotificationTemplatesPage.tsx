import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Form,
  Input,
  Row,
  Segmented,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  channelsOf,
  complaintMailEvents,
  type NotificationChannel,
  type NotificationEvent,
  type NotificationLanguage,
  notificationEvents,
  notificationLanguages,
  notificationsApi,
  type RenderedMessage,
} from '../../api/notifications';
import { useAuth } from '../../auth';
import { errorText } from '../../errors';
import { useLoader } from '../../hooks/useLoader';
import { usePageTitle } from '../../hooks/usePageTitle';

/** Edit one template (event × language × channel) beside its live preview on a sample or real order. */
export default function NotificationTemplatesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useAuth();
  const isReadOnly = !can('service:manage');
  const templates = useLoader(() => notificationsApi.templates.list(), []);
  const [event, setEvent] = useState<NotificationEvent>('shipped');
  const [language, setLanguage] = useState<NotificationLanguage>('zh-CN');
  const [channel, setChannel] = useState<NotificationChannel>('email');
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [orderNumber, setOrderNumber] = useState('');
  const [preview, setPreview] = useState<RenderedMessage | null>(null);
  const [previewError, setPreviewError] = useState<unknown>(null);
  const [isSaving, setIsSaving] = useState(false);
  usePageTitle(t('notify.templates.title'));

  const current = useMemo(
    () =>
      templates.data?.items.find(
        (x) => x.event === event && x.language === language && x.channel === channel,
      ),
    [templates.data, event, language, channel],
  );
  useEffect(() => {
    if (!current) return;
    setSubject(current.subject);
    setBody(current.body);
  }, [current]);

  // The preview follows the text as it is typed, a moment after the last key.
  useEffect(() => {
    const timer = setTimeout(() => {
      notificationsApi.templates
        .preview({ event, language, channel, subject, body, orderNumber: orderNumber.trim() || undefined })
        .then(
          (rendered) => {
            setPreview(rendered);
            setPreviewError(null);
          },
          (failure) => setPreviewError(failure),
        );
    }, 250);
    return () => clearTimeout(timer);
  }, [event, language, channel, subject, body, orderNumber]);

  const key = { event, language, channel };
  const act = async (work: () => Promise<unknown>, done: string) => {
    setIsSaving(true);
    try {
      await work();
      templates.reload();
      message.success(t(done));
    } catch (failure) {
      message.error(errorText(t, failure));
    } finally {
      setIsSaving(false);
    }
  };

  return (
    <Card title={t('notify.templates.title')} loading={!templates.data}>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select<NotificationEvent>
          style={{ minWidth: 200 }}
          value={event}
          onChange={(next) => {
            setEvent(next);
            // The complaint's opening and resolution are mail only.
            if (!channelsOf(next).includes(channel)) setChannel('email');
          }}
          data-testid="template-event"
          options={notificationEvents.map((e) => ({ value: e, label: t(`notify.events.${e}`) }))}
        />
        <Segmented<NotificationLanguage>
          value={language}
          onChange={setLanguage}
          options={notificationLanguages.map((l) => ({ value: l, label: t(`notify.languages.${l}`) }))}
          data-testid="template-language"
        />
        <Segmented<NotificationChannel>
          value={channel}
          onChange={setChannel}
          options={channelsOf(event).map((c) => ({ value: c, label: t(`notify.channels.${c}`) }))}
          data-testid="template-channel"
        />
        {current && (
          <Tag color={current.isCustom ? 'blue' : 'default'}>
            {current.isCustom ? t('notify.templates.custom') : t('notify.templates.builtIn')}
          </Tag>
        )}
      </Space>
      {complaintMailEvents.includes(event) && channel === 'email' && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('notify.templates.complaintMail')}
          data-testid="template-complaint-note"
        />
      )}
      <Row gutter={24}>
        <Col xs={24} lg={12}>
          <Form layout="vertical" disabled={isReadOnly}>
            {channel === 'email' && (
              <Form.Item label={t('notify.templates.subject')}>
                <Input
                  value={subject}
                  onChange={(e) => setSubject(e.target.value)}
                  data-testid="template-subject"
                />
              </Form.Item>
            )}
            <Form.Item label={t('notify.templates.body')}>
              <Input.TextArea
                rows={10}
                value={body}
                onChange={(e) => setBody(e.target.value)}
                data-testid="template-body"
              />
            </Form.Item>
            <Typography.Paragraph type="secondary">
              {t('notify.templates.placeholders')}{' '}
              {current?.placeholders.map((p) => (
                <Typography.Text key={p} code>{`{{${p}}}`}</Typography.Text>
              ))}
            </Typography.Paragraph>
            {!isReadOnly && (
              <Space>
                <Button
                  type="primary"
                  loading={isSaving}
                  data-testid="template-save"
                  onClick={() =>
                    act(
                      () => notificationsApi.templates.save(key, { subject, body }),
                      'notify.templates.saved',
                    )
                  }
                >
                  {t('common.save')}
                </Button>
                <Button
                  disabled={!current?.isCustom}
                  onClick={() =>
                    act(() => notificationsApi.templates.reset(key), 'notify.templates.resetDone')
                  }
                >
                  {t('notify.templates.reset')}
                </Button>
              </Space>
            )}
          </Form>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('notify.templates.preview')} data-testid="template-preview">
            <Input
              style={{ marginBottom: 12 }}
              placeholder={t('notify.templates.previewOrder')}
              value={orderNumber}
              onChange={(e) => setOrderNumber(e.target.value)}
              allowClear
            />
            {previewError ? <Alert type="warning" showIcon title={errorText(t, previewError)} /> : null}
            {preview && (
              <>
                {channel === 'email' && <Typography.Title level={5}>{preview.subject}</Typography.Title>}
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="template-preview-body">
                  {preview.body}
                </Typography.Paragraph>
              </>
            )}
          </Card>
        </Col>
      </Row>
    </Card>
  );
}
