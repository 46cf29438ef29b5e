import { SaveOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Form,
  InputNumber,
  Radio,
  Row,
  Space,
  Spin,
  Switch,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { catalogApi } from '../api/catalog';
import { orderReviewApi } from '../api/order-review';
import { type OrderSettings, ordersApi } from '../api/orders';
import { AssignmentCard } from '../components/settings/AssignmentCard';
import { CalendarCard } from '../components/settings/CalendarCard';
import { ClassificationCard } from '../components/settings/ClassificationCard';
import { cleanSettings } from '../components/settings/cleanSettings';
import { SlasCard } from '../components/settings/SlasCard';
import { TeamsCard } from '../components/settings/TeamsCard';
import { errorText, fieldErrors, showFieldErrors } from '../errors';
import { useLoader } from '../hooks/useLoader';
import { usePageTitle } from '../hooks/usePageTitle';

function SettingsForm({
  initial,
  onSaved,
}: {
  initial: OrderSettings;
  onSaved: (settings: OrderSettings) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<OrderSettings>();
  const [error, setError] = useState<unknown>(null);
  const [isSaving, setIsSaving] = useState(false);
  const channels = useLoader(() => catalogApi.channels.list(), []);
  const teams = useLoader(() => orderReviewApi.teams.list(), []);
  const channelOptions = useMemo(
    () => [
      { value: '*', label: t('settings.anyChannel') },
      ...(channels.data?.items ?? []).map((c) => ({ value: c.id, label: c.name || c.id })),
    ],
    [channels.data, t],
  );
  const channelChoices = channelOptions.filter((option) => option.value !== '*');
  const teamOptions = (teams.data?.items ?? []).map((team) => ({
    value: team.id,
    label: `${team.name} (${team.id})`,
  }));

  const save = async () => {
    setIsSaving(true);
    setError(null);
    try {
      // The whole store, not only the fields on screen: settings the form does not show survive.
      const saved = await ordersApi.settings.update(
        cleanSettings(form.getFieldsValue(true) as OrderSettings),
      );
      message.success(t('settings.saved'));
      form.setFieldsValue(saved);
      onSaved(saved);
    } catch (failure) {
      setError(failure);
      const fields = showFieldErrors(form, t, failure);
      if (fields[0]) form.scrollToField(fields[0].name, { block: 'center' });
    } finally {
      setIsSaving(false);
    }
  };

  return (
    <Form<OrderSettings>
      form={form}
      layout="vertical"
      initialValues={initial}
      onFinish={save}
      data-testid="settings-form"
    >
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        {error ? (
          <Alert
            type="error"
            showIcon
            title={errorText(t, error)}
            description={fieldErrors(t, error)
              .map((field) => `${field.name.join('.')}: ${field.message}`)
              .join('\n')}
            data-testid="settings-error"
          />
        ) : null}
        <CalendarCard initialTimeZone={initial.policy.calendar.timeZone} />

        <SlasCard channelOptions={channelOptions} />

        <ClassificationCard channelChoices={channelChoices} />

        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Card title={t('settings.autohold')} style={{ height: '100%' }}>
              <Typography.Paragraph type="secondary">{t('settings.autoholdHint')}</Typography.Paragraph>
              <Space align="start" wrap>
                <Form.Item
                  name={['autohold', 'isEnabled']}
                  valuePropName="checked"
                  label={t('settings.autoholdOn')}
                >
                  <Switch data-testid="settings-autohold" />
                </Form.Item>
                <Form.Item name={['autohold', 'minutes']} label={t('settings.autoholdMinutes')}>
                  <InputNumber min={1} max={1440} precision={0} addonAfter={t('settings.minutesUnit')} />
                </Form.Item>
              </Space>
            </Card>
          </Col>
          <Col xs={24} md={12}>
            <Card title={t('settings.merge')} style={{ height: '100%' }}>
              <Form.Item name={['merge', 'mode']}>
                <Radio.Group data-testid="settings-merge-mode">
                  <Space orientation="vertical">
                    <Radio value="offer">{t('settings.mergeOffer')}</Radio>
                    <Radio value="auto">{t('settings.mergeAuto')}</Radio>
                  </Space>
                </Radio.Group>
              </Form.Item>
              <Form.Item
                name={['merge', 'windowHours']}
                label={t('settings.mergeWindow')}
                tooltip={t('settings.mergeWindowHelp')}
              >
                <InputNumber min={1} max={336} precision={0} addonAfter={t('settings.hoursUnit')} />
              </Form.Item>
            </Card>
          </Col>
        </Row>

        <AssignmentCard channelChoices={channelChoices} teamOptions={teamOptions} />

        <Button
          type="primary"
          htmlType="submit"
          icon={<SaveOutlined />}
          loading={isSaving}
          data-testid="settings-save"
        >
          {t('settings.save')}
        </Button>
      </Space>
    </Form>
  );
}

export default function OrderSettingsPage() {
  const { t } = useTranslation();
  usePageTitle(t('settings.title'));
  const settings = useLoader(() => ordersApi.settings.get(), []);
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }} data-testid="settings-page">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('settings.title')}
      </Typography.Title>
      {settings.error ? <Alert type="error" showIcon title={errorText(t, settings.error)} /> : null}
      {settings.data ? (
        <SettingsForm initial={settings.data} onSaved={settings.setData} />
      ) : settings.error ? null : (
        <Spin style={{ display: 'block', marginTop: 80 }} />
      )}
      <TeamsCard />
    </Space>
  );
}
