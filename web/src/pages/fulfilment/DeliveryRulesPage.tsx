import { Alert, App, Button, Card, Col, Form, InputNumber, Row, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type DeliveryRules, logisticsApi } from '../../api/fulfilment';
import { useAuth } from '../../auth';
import { errorText, showFieldErrors } from '../../errors';
import { useLoader } from '../../hooks/useLoader';
import { usePageTitle } from '../../hooks/usePageTitle';

/** The on-time threshold travels as a fraction (0.95) and is typed as a percentage (95). */
const percentProps = {
  getValueProps: (value?: number) => ({
    value: value === undefined ? undefined : Math.round(value * 10_000) / 100,
  }),
  normalize: (value: number | null) => (value === null ? value : Math.round(value * 100) / 10_000),
};

type FieldSpec = { name: keyof DeliveryRules; min: number; max: number; suffix: string; precision?: number };

/**
 * How a parcel's service is chosen and when tracking raises a case: what counts as bulky
 * (freight), the on-time rate a carrier must keep to be preferred, and the no-scan and loss
 * thresholds the detection pass uses.
 */
export default function DeliveryRulesPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const [form] = Form.useForm<DeliveryRules>();
  const rules = useLoader(() => logisticsApi.rules.get(), []);
  const [isSaving, setIsSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  usePageTitle(t('fulfilment.rules.title'));
  const canManage = can('logistics:manage');

  const save = async (values: DeliveryRules) => {
    setIsSaving(true);
    setError(null);
    try {
      const saved = await logisticsApi.rules.save(values);
      rules.setData(saved);
      form.setFieldsValue(saved);
      message.success(t('fulfilment.rules.saved'));
    } catch (failure) {
      setError(failure);
      showFieldErrors(form, t, failure);
    } finally {
      setIsSaving(false);
    }
  };

  const field = ({ name, min, max, suffix, precision = 0 }: FieldSpec) => (
    <Col xs={24} md={12} lg={8} key={name}>
      <Form.Item
        name={name}
        label={t(`fulfilment.rules.${name}`)}
        extra={t(`fulfilment.rules.${name}Help`)}
        rules={[{ required: true, message: t('common.required', { field: t(`fulfilment.rules.${name}`) }) }]}
        {...(name === 'minOnTimeRate' ? percentProps : {})}
      >
        <InputNumber
          min={min}
          max={max}
          precision={precision}
          suffix={suffix}
          disabled={!canManage}
          style={{ width: '100%' }}
          data-testid={`rules-${name}`}
        />
      </Form.Item>
    </Col>
  );

  if (rules.error) return <Alert type="error" showIcon title={errorText(t, rules.error)} />;
  return (
    <Card
      title={t('fulfilment.rules.title')}
      extra={
        canManage ? (
          <Button
            type="primary"
            loading={isSaving}
            disabled={!rules.data}
            onClick={() => form.submit()}
            data-testid="rules-save"
          >
            {t('common.save')}
          </Button>
        ) : null
      }
    >
      {rules.data ? (
        <Form
          form={form}
          layout="vertical"
          initialValues={rules.data}
          onFinish={save}
          data-testid="rules-form"
        >
          {error ? (
            <Alert type="error" showIcon title={errorText(t, error)} style={{ marginBottom: 16 }} />
          ) : null}
          <Typography.Title level={5}>{t('fulfilment.rules.choosing')}</Typography.Title>
          <Typography.Paragraph type="secondary">{t('fulfilment.rules.choosingHelp')}</Typography.Paragraph>
          <Row gutter={16}>
            {field({ name: 'bulkyWeightGrams', min: 1, max: 10_000_000, suffix: 'g' })}
            {field({ name: 'bulkyLongestSideMm', min: 1, max: 100_000, suffix: 'mm' })}
            {field({ name: 'minOnTimeRate', min: 0, max: 100, suffix: '%', precision: 2 })}
          </Row>
          <Typography.Title level={5}>{t('fulfilment.rules.detecting')}</Typography.Title>
          <Typography.Paragraph type="secondary">{t('fulfilment.rules.detectingHelp')}</Typography.Paragraph>
          <Row gutter={16}>
            {field({ name: 'noScanHours', min: 1, max: 240, suffix: t('fulfilment.rules.hours') })}
            {field({ name: 'lostAfterDays', min: 1, max: 60, suffix: t('fulfilment.rules.days') })}
          </Row>
        </Form>
      ) : (
        <Skeleton active />
      )}
    </Card>
  );
}
