import { Alert, App, Button, Card, Col, Form, InputNumber, Row, Skeleton, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type InventorySettings, inventoryApi } from '../../api/inventory';
import { errorText, showFieldErrors } from '../../errors';
import { useLoader } from '../../hooks/useLoader';

/** The service level travels as a fraction (0.95) and is typed as a percentage (95). */
const percentProps = {
  getValueProps: (value?: number) => ({
    value: value === undefined ? undefined : Math.round(value * 10_000) / 100,
  }),
  normalize: (value: number | null) => (value === null ? value : Math.round(value * 100) / 10_000),
};

function DaysField({
  name,
  label,
  help,
  min,
  max,
}: {
  name: string | string[];
  label: string;
  help?: string;
  min: number;
  max: number;
}) {
  const { t } = useTranslation();
  return (
    <Form.Item
      name={name}
      label={label}
      tooltip={help}
      rules={[{ required: true, message: t('common.required', { field: label }) }]}
    >
      <InputNumber
        min={min}
        max={max}
        precision={0}
        suffix={t('inventory.settings.daysUnit')}
        style={{ width: '100%' }}
      />
    </Form.Item>
  );
}

/** How stock is allocated and planned: split orders, service level, review period, lead time, counts. */
export function InventorySettingsForm() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<InventorySettings>();
  const settings = useLoader(() => inventoryApi.settings.get(), []);
  const [isSaving, setIsSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const save = async (values: InventorySettings) => {
    setIsSaving(true);
    setError(null);
    try {
      const saved = await inventoryApi.settings.save(values);
      settings.setData(saved);
      form.setFieldsValue(saved);
      message.success(t('inventory.settings.saved'));
    } catch (failure) {
      setError(failure);
      showFieldErrors(form, t, failure);
    } finally {
      setIsSaving(false);
    }
  };

  if (settings.error) return <Alert type="error" showIcon title={errorText(t, settings.error)} />;
  return (
    <Card
      title={t('inventory.settings.title')}
      extra={
        <Button
          type="primary"
          loading={isSaving}
          disabled={!settings.data}
          onClick={() => form.submit()}
          data-testid="settings-save"
        >
          {t('common.save')}
        </Button>
      }
    >
      {settings.data ? (
        <Form
          form={form}
          layout="vertical"
          initialValues={settings.data}
          onFinish={save}
          data-testid="inventory-settings"
        >
          {error ? (
            <Alert type="error" showIcon title={errorText(t, error)} style={{ marginBottom: 16 }} />
          ) : null}
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item
                name="allowSplit"
                label={t('inventory.settings.allowSplit')}
                valuePropName="checked"
                extra={t('inventory.settings.allowSplitHelp')}
              >
                <Switch data-testid="settings-allow-split" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                name="serviceLevel"
                label={t('inventory.settings.serviceLevel')}
                extra={t('inventory.settings.serviceLevelHelp')}
                rules={[
                  {
                    required: true,
                    message: t('common.required', { field: t('inventory.settings.serviceLevel') }),
                  },
                ]}
                {...percentProps}
              >
                <InputNumber
                  min={50.01}
                  max={99.99}
                  step={0.5}
                  precision={2}
                  suffix="%"
                  style={{ width: '100%' }}
                  data-testid="settings-service-level"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <DaysField
                name="reviewPeriodDays"
                label={t('inventory.settings.reviewPeriod')}
                help={t('inventory.settings.reviewPeriodHelp')}
                min={1}
                max={90}
              />
            </Col>
            <Col xs={24} md={8}>
              <DaysField
                name="defaultLeadTimeDays"
                label={t('inventory.settings.defaultLeadTime')}
                help={t('inventory.settings.defaultLeadTimeHelp')}
                min={0}
                max={365}
              />
            </Col>
            <Col xs={24} md={8}>
              <DaysField
                name="slowMoverDays"
                label={t('inventory.settings.slowMoverDays')}
                help={t('inventory.settings.slowMoverDaysHelp')}
                min={7}
                max={730}
              />
            </Col>
          </Row>
          <Typography.Title level={5}>{t('inventory.settings.cycleCounts')}</Typography.Title>
          <Typography.Paragraph type="secondary">
            {t('inventory.settings.cycleCountsHelp')}
          </Typography.Paragraph>
          <Row gutter={16}>
            {(['A', 'B', 'C'] as const).map((abcClass, index) => (
              <Col xs={24} md={8} key={abcClass}>
                <DaysField
                  name={['cycleCountDays', abcClass]}
                  label={t('inventory.settings.cycleClass', { class: abcClass })}
                  min={1}
                  max={[365, 730, 1460][index]}
                />
              </Col>
            ))}
          </Row>
        </Form>
      ) : (
        <Skeleton active />
      )}
    </Card>
  );
}
