import { Alert, App, Button, Card, Col, Form, Input, Menu, Row, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { CaseType } from '../../../../src/contracts/risk.ts';
import { type Playbook, type PlaybookInput, riskApi } from '../../api/risk';
import { useAuth } from '../../auth';
import { errorText, showFieldErrors } from '../../errors';
import { formatDateTime } from '../../format';
import { useLoader } from '../../hooks/useLoader';
import { usePageTitle } from '../../hooks/usePageTitle';
import { PlaybookStepsField } from './PlaybookStepsField';

type MessageFields = { subject?: string; text?: string };
type FormValues = Omit<PlaybookInput, 'customerMessage'> & { en: MessageFields; zh: MessageFields };

/** The form's shape of a playbook: the customer message split into its two languages. */
function toForm(playbook: Playbook): FormValues {
  const message = playbook.customerMessage;
  return {
    ownerRole: playbook.ownerRole,
    steps: playbook.steps,
    note: '',
    en: { subject: message?.subject, text: message?.text },
    zh: { subject: message?.translations?.['zh-CN']?.subject, text: message?.translations?.['zh-CN']?.text },
  };
}

/** Back to the API's shape: no English subject means no customer message; no Chinese text, none. */
function fromForm(values: FormValues): PlaybookInput {
  const { en, zh, ...rest } = values;
  const zhText = zh.subject && zh.text ? { 'zh-CN': { subject: zh.subject, text: zh.text } } : undefined;
  return {
    ...rest,
    steps: rest.steps.map((step) => ({
      ...step,
      escalation: step.escalation?.toRole ? step.escalation : null,
    })),
    customerMessage:
      en.subject || en.text
        ? { subject: en.subject ?? '', text: en.text ?? '', ...(zhText ? { translations: zhText } : {}) }
        : null,
  };
}

/** Playbook editor: a case type's steps, owners, limits, escalation, actions and customer message. */
export default function RiskPlaybooksPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  usePageTitle(t('risk.playbooks.title'));
  const playbooks = useLoader(() => riskApi.playbooks.list(), []);
  const [caseType, setCaseType] = useState<CaseType>('lost_parcel');
  const versions = useLoader(() => riskApi.playbooks.versions(caseType), [caseType]);
  const [form] = Form.useForm<FormValues>();
  const [error, setError] = useState<unknown>(null);
  const [isBusy, setIsBusy] = useState(false);
  const current = playbooks.data?.items.find((p) => p.caseType === caseType);
  const canManage = can('risk:manage');

  useEffect(() => {
    if (current) form.setFieldsValue(toForm(current));
    setError(null);
  }, [current, form]);

  const save = async (values: FormValues) => {
    setIsBusy(true);
    setError(null);
    try {
      const saved = await riskApi.playbooks.save(caseType, fromForm(values));
      message.success(t('risk.playbooks.saved', { version: saved.version }));
      playbooks.reload();
      versions.reload();
    } catch (failure) {
      setError(failure);
      showFieldErrors(form, t, failure);
    } finally {
      setIsBusy(false);
    }
  };

  const drill = async () => {
    const started = await riskApi.playbooks.drill(caseType);
    message.success(t('risk.playbooks.drillStarted'));
    navigate(`/risk/cases?case=${encodeURIComponent(started.id)}`);
  };

  return (
    <Row gutter={16}>
      <Col xs={24} md={6}>
        <Card title={t('risk.playbooks.title')} styles={{ body: { padding: 0 } }}>
          <Menu
            data-testid="playbook-list"
            selectedKeys={[caseType]}
            onClick={(item) => setCaseType(item.key as CaseType)}
            items={(playbooks.data?.items ?? []).map((p) => ({
              key: p.caseType,
              label: `${t(`risk.caseType.${p.caseType}`)} · v${p.version}`,
            }))}
          />
        </Card>
      </Col>
      <Col xs={24} md={18}>
        <Space direction="vertical" style={{ width: '100%' }}>
          <Card
            title={`${t(`risk.caseType.${caseType}`)} · ${t('risk.playbooks.version')} ${current?.version ?? ''}`}
            extra={
              canManage ? (
                <Button onClick={drill} data-testid="playbook-drill">
                  {t('risk.playbooks.startDrill')}
                </Button>
              ) : null
            }
          >
            {error ? (
              <Alert type="error" showIcon message={errorText(t, error)} style={{ marginBottom: 16 }} />
            ) : null}
            <Form<FormValues>
              form={form}
              layout="vertical"
              disabled={!canManage}
              onFinish={save}
              data-testid="playbook-form"
            >
              <PlaybookStepsField />
              <Typography.Title level={5}>{t('risk.playbooks.customerMessage')}</Typography.Title>
              <Row gutter={16}>
                <Col xs={24} lg={12}>
                  <Form.Item name={['en', 'subject']} label={t('risk.playbooks.subjectEn')}>
                    <Input data-testid="message-subject-en" />
                  </Form.Item>
                  <Form.Item
                    name={['en', 'text']}
                    label={t('risk.playbooks.textEn')}
                    extra={t('risk.numberHint')}
                  >
                    <Input.TextArea rows={3} data-testid="message-text-en" />
                  </Form.Item>
                </Col>
                <Col xs={24} lg={12}>
                  <Form.Item name={['zh', 'subject']} label={t('risk.playbooks.subjectZh')}>
                    <Input data-testid="message-subject-zh" />
                  </Form.Item>
                  <Form.Item name={['zh', 'text']} label={t('risk.playbooks.textZh')}>
                    <Input.TextArea rows={3} data-testid="message-text-zh" />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item name="note" label={t('risk.playbooks.note')}>
                <Input data-testid="playbook-note" />
              </Form.Item>
              {canManage ? (
                <Button type="primary" htmlType="submit" loading={isBusy} data-testid="playbook-save">
                  {t('risk.playbooks.save')}
                </Button>
              ) : null}
            </Form>
          </Card>
          <Card title={t('risk.playbooks.versions')}>
            <Table<Playbook>
              rowKey="version"
              size="small"
              data-testid="playbook-versions"
              loading={versions.isLoading}
              dataSource={versions.data?.items ?? []}
              pagination={false}
              columns={[
                { title: t('risk.playbooks.version'), dataIndex: 'version' },
                { title: t('risk.playbooks.note'), dataIndex: 'note' },
                { title: t('risk.playbooks.savedBy'), dataIndex: 'createdBy' },
                {
                  title: t('risk.playbooks.savedAt'),
                  dataIndex: 'createdAt',
                  render: (at: string) => formatDateTime(at),
                },
              ]}
            />
          </Card>
        </Space>
      </Col>
    </Row>
  );
}
