import {
  App,
  Button,
  Descriptions,
  Drawer,
  Form,
  Input,
  Popconfirm,
  Space,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Incident, type IncidentAction, riskApi } from '../../api/risk';
import { useAuth } from '../../auth';
import { FormModal } from '../../components/FormModal';
import { errorText } from '../../errors';
import { useExplain } from '../../explain';
import { formatDateTime } from '../../format';
import { useLoader } from '../../hooks/useLoader';
import { AffectedOrders } from './AffectedOrders';

type NotifyFields = { subject: string; text: string; zhSubject?: string; zhText?: string };
type Modal = 'notify' | 'cancel' | 'close' | null;

/** One incident: its selection and affected orders, bulk actions, communication log, timeline, closing. */
export function IncidentDrawer(props: {
  incidentId: string | null;
  /** The owner's display name where the reader may see it, else the id. */
  ownerName: (ownerId: string) => string;
  onClose: () => void;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const explain = useExplain();
  const incident = useLoader(
    () => (props.incidentId ? riskApi.incidents.get(props.incidentId) : Promise.resolve(null)),
    [props.incidentId],
  );
  const preview = useLoader(
    () => (incident.data ? riskApi.incidents.preview(incident.data.selection) : Promise.resolve(null)),
    [incident.data?.id, incident.data?.log.length],
  );
  const [modal, setModal] = useState<Modal>(null);
  const [logText, setLogText] = useState('');
  const [notifyForm] = Form.useForm<NotifyFields>();
  const [cancelForm] = Form.useForm<{ reason: string }>();
  const [closeForm] = Form.useForm<{ review: string }>();
  const data = incident.data;
  const isOpen = data?.status === 'open' && can('risk:manage');

  const changed = (next: Incident) => {
    incident.setData(next);
    props.onChanged();
  };
  const act = async (action: IncidentAction) => {
    if (!data) return;
    try {
      const result = await riskApi.incidents.act(data.id, action);
      message.success(t('risk.incidents.actionDone', { done: result.done, skipped: result.skipped }));
      incident.reload();
    } catch (failure) {
      message.error(errorText(t, failure));
    }
  };

  return (
    <Drawer open={!!props.incidentId} onClose={props.onClose} width={760} title={data?.title}>
      {data ? (
        <Space direction="vertical" style={{ width: '100%' }} data-testid="incident-detail">
          <Descriptions size="small" column={2}>
            <Descriptions.Item label={t('risk.incidents.kind')}>
              {t(`risk.incidentKind.${data.kind}`)}
            </Descriptions.Item>
            <Descriptions.Item label={t('risk.incidents.severity')}>
              {t(`risk.severity.${data.severity}`)}
            </Descriptions.Item>
            <Descriptions.Item label={t('risk.incidents.owner')}>
              {data.ownerId ? props.ownerName(data.ownerId) : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('risk.incidents.team')}>
              {data.team.join(', ') || '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('risk.incidents.status')}>
              <Tag data-testid="incident-status">{t(`risk.incidents.${data.status}`)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('risk.incidents.selection')}>
              {Object.entries(data.selection)
                .map(([key, value]) => `${t(`risk.selection.${key}`, { defaultValue: key })}: ${value}`)
                .join(' · ')}
            </Descriptions.Item>
          </Descriptions>
          {preview.data ? <AffectedOrders preview={preview.data} /> : null}
          {isOpen ? (
            <Space wrap data-testid="incident-actions">
              <Popconfirm title={t('risk.incidents.confirmHold')} onConfirm={() => act({ action: 'hold' })}>
                <Button data-testid="incident-hold">{t('risk.incidentAction.hold')}</Button>
              </Popconfirm>
              <Button danger onClick={() => setModal('cancel')} data-testid="incident-cancel">
                {t('risk.incidentAction.cancel')}
              </Button>
              <Button onClick={() => setModal('notify')} data-testid="incident-notify">
                {t('risk.incidentAction.notify')}
              </Button>
              <Popconfirm
                title={t('risk.incidents.confirmReship')}
                onConfirm={() => act({ action: 'reship' })}
              >
                <Button data-testid="incident-reship">{t('risk.incidentAction.reship')}</Button>
              </Popconfirm>
              <Button onClick={() => setModal('close')} data-testid="incident-close">
                {t('risk.incidents.close')}
              </Button>
            </Space>
          ) : null}
          {data.review ? (
            <Typography.Paragraph data-testid="incident-review">
              <Typography.Text strong>{t('risk.incidents.lesson')}: </Typography.Text>
              {data.review}
            </Typography.Paragraph>
          ) : null}
          <Typography.Title level={5}>{t('risk.incidents.log')}</Typography.Title>
          {isOpen ? (
            <Space.Compact style={{ width: '100%' }}>
              <Input
                value={logText}
                onChange={(e) => setLogText(e.target.value)}
                placeholder={t('risk.incidents.logPlaceholder')}
                data-testid="incident-log-input"
              />
              <Button
                disabled={!logText.trim()}
                onClick={async () => {
                  changed(await riskApi.incidents.log(data.id, logText));
                  setLogText('');
                }}
              >
                {t('risk.incidents.addLog')}
              </Button>
            </Space.Compact>
          ) : null}
          <Timeline
            data-testid="incident-timeline"
            items={[...data.log].reverse().map((entry) => ({
              children: (
                <span data-testid="incident-log-entry" data-kind={entry.kind}>
                  {formatDateTime(entry.at)} · {t(`risk.logKind.${entry.kind}`, { defaultValue: entry.kind })}
                  {entry.explanation ? ` · ${explain(entry.explanation)}` : ''}
                  {entry.text ? ` · ${entry.text}` : ''} · {entry.actor}
                </span>
              ),
            }))}
          />
        </Space>
      ) : null}
      {modal === 'notify' && data ? (
        <FormModal<NotifyFields>
          title={t('risk.incidentAction.notify')}
          okText={t('risk.incidents.send')}
          form={notifyForm}
          testId="incident-notify-form"
          width={640}
          onClose={() => setModal(null)}
          submit={async (v) => {
            const zh =
              v.zhSubject && v.zhText ? { 'zh-CN': { subject: v.zhSubject, text: v.zhText } } : undefined;
            await act({ action: 'notify', subject: v.subject, text: v.text, translations: zh });
            setModal(null);
          }}
        >
          <Typography.Paragraph type="secondary">{t('risk.numberHint')}</Typography.Paragraph>
          <Form.Item name="subject" label={t('risk.playbooks.subjectEn')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="text" label={t('risk.playbooks.textEn')} rules={[{ required: true }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item name="zhSubject" label={t('risk.playbooks.subjectZh')}>
            <Input />
          </Form.Item>
          <Form.Item name="zhText" label={t('risk.playbooks.textZh')}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </FormModal>
      ) : null}
      {modal === 'cancel' && data ? (
        <FormModal<{ reason: string }>
          title={t('risk.incidentAction.cancel')}
          okText={t('risk.incidentAction.cancel')}
          isDanger
          form={cancelForm}
          testId="incident-cancel-form"
          onClose={() => setModal(null)}
          submit={async (v) => {
            await act({ action: 'cancel', reason: v.reason });
            setModal(null);
          }}
        >
          <Form.Item name="reason" label={t('risk.incidents.reason')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
        </FormModal>
      ) : null}
      {modal === 'close' && data ? (
        <FormModal<{ review: string }>
          title={t('risk.incidents.close')}
          okText={t('risk.incidents.close')}
          form={closeForm}
          testId="incident-close-form"
          onClose={() => setModal(null)}
          submit={async (v) => {
            changed(await riskApi.incidents.close(data.id, v.review));
            setModal(null);
          }}
        >
          <Typography.Paragraph type="secondary">{t('risk.incidents.reviewHint')}</Typography.Paragraph>
          <Form.Item name="review" label={t('risk.incidents.review')} rules={[{ required: true }]}>
            <Input.TextArea rows={5} />
          </Form.Item>
        </FormModal>
      ) : null}
    </Drawer>
  );
}
