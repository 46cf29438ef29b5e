import { App, Button, Card, Collapse, Form, Input, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { jobDescriptionsApi, type NewJobDescription } from '../../api/job-descriptions';
import { useAuth } from '../../auth';
import { useLoader } from '../../hooks/useLoader';
import { usePageTitle } from '../../hooks/usePageTitle';
import { JobDescriptionView } from './JobDescriptionView';
import { MyJobDescriptionCard } from './MyJobDescriptionCard';

const roleNames = [
  'admin',
  'ops_manager',
  'order_processor',
  'warehouse',
  'logistics',
  'customer_service',
  'finance',
  'it',
  'integration',
];

type FormValues = {
  role: string;
  title: string;
  duties: string;
  workflow: string;
  standards: string;
  kpis: string;
};

const lines = (text: string | undefined) =>
  (text ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/** Form text to the API body: workflow lines are "step | /screen", KPI lines "name | target | unit". */
function toBody(values: FormValues): NewJobDescription {
  return {
    role: values.role,
    title: values.title,
    duties: lines(values.duties),
    standards: lines(values.standards),
    workflow: lines(values.workflow).map((line) => {
      const [step = '', screen = ''] = line.split('|').map((part) => part.trim());
      return { step, screen };
    }),
    kpis: lines(values.kpis).map((line) => {
      const [name = '', target = '', unit = ''] = line.split('|').map((part) => part.trim());
      return { name, target: Number(target), unit };
    }),
  };
}

function PublishForm({ onPublished }: { onPublished: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState(false);

  async function submit(values: FormValues) {
    setSaving(true);
    try {
      const created = await jobDescriptionsApi.publish(toBody(values));
      message.success(t('staffJobs.published', { version: created.version }));
      onPublished();
    } catch (failure) {
      message.error(failure instanceof ApiError ? failure.message : String(failure));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Form form={form} layout="vertical" onFinish={submit} data-testid="job-description-form">
      <Form.Item name="role" label={t('staffJobs.role')} rules={[{ required: true }]}>
        <Select
          options={roleNames.map((role) => ({
            value: role,
            label: t(`roles.${role}`, { defaultValue: role }),
          }))}
        />
      </Form.Item>
      <Form.Item name="title" label={t('staffJobs.title')} rules={[{ required: true }]}>
        <Input />
      </Form.Item>
      <Form.Item
        name="duties"
        label={t('staffJobs.duties')}
        extra={t('staffJobs.oneLine')}
        rules={[{ required: true }]}
      >
        <Input.TextArea rows={3} />
      </Form.Item>
      <Form.Item name="workflow" label={t('staffJobs.workflow')} extra={t('staffJobs.workflowHelp')}>
        <Input.TextArea rows={3} placeholder="Open the pick list | /fulfilment/picking" />
      </Form.Item>
      <Form.Item name="standards" label={t('staffJobs.standards')} extra={t('staffJobs.oneLine')}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Form.Item name="kpis" label={t('staffJobs.kpis')} extra={t('staffJobs.kpisHelp')}>
        <Input.TextArea rows={2} placeholder="picks per hour | 60 | lines/h" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={saving} data-testid="publish-job-description">
        {t('staffJobs.publish')}
      </Button>
    </Form>
  );
}

export default function JobDescriptionsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  usePageTitle(t('staffJobs.pageTitle'));
  const current = useLoader(() => jobDescriptionsApi.current(), []);
  const [mineKey, setMineKey] = useState(0);

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <MyJobDescriptionCard key={mineKey} />
      <Card title={t('staffJobs.allRoles')} loading={current.isLoading}>
        <Collapse
          data-testid="job-descriptions-list"
          items={(current.data?.items ?? []).map((description) => ({
            key: description.role,
            label: `${t(`roles.${description.role}`, { defaultValue: description.role })} · ${description.title}`,
            children: <JobDescriptionView description={description} />,
          }))}
        />
      </Card>
      {can('users:manage') && (
        <Card title={t('staffJobs.publishTitle')}>
          <PublishForm
            onPublished={() => {
              current.reload();
              setMineKey((n) => n + 1);
            }}
          />
        </Card>
      )}
    </Space>
  );
}
