import { Col, Form, Input, InputNumber, Row, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { type Carrier, type CreatedCarrier, logisticsApi } from '../../api/fulfilment';
import { FormModal } from '../FormModal';

type Values = {
  code: string;
  name: string;
  contractNotes?: string;
  trackingPrefix?: string;
  trackingRangeStart?: number;
  trackingRangeEnd?: number;
  isActive?: boolean;
};

/**
 * A new carrier (its code and tracking number range are fixed once created) or the name, notes
 * and active switch of an existing one.
 */
export function CarrierFormModal({
  carrier,
  onClose,
  onCreated,
  onSaved,
}: {
  carrier: Carrier | null;
  onClose: () => void;
  onCreated: (created: CreatedCarrier) => void;
  onSaved: (saved: Carrier) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const save = async (values: Values) => {
    const notes = values.contractNotes?.trim() || null;
    if (carrier) {
      onSaved(
        await logisticsApi.carriers.update(carrier.id, {
          name: values.name.trim(),
          contractNotes: notes,
          isActive: values.isActive,
        }),
      );
      return;
    }
    onCreated(
      await logisticsApi.carriers.create({
        code: values.code.trim(),
        name: values.name.trim(),
        contractNotes: notes,
        trackingPrefix: values.trackingPrefix?.trim().toUpperCase() ?? '',
        trackingRangeStart: values.trackingRangeStart,
        trackingRangeEnd: values.trackingRangeEnd,
      }),
    );
  };
  return (
    <FormModal<Values>
      title={
        carrier
          ? t('fulfilment.carriers.editTitle', { name: carrier.name })
          : t('fulfilment.carriers.createTitle')
      }
      okText={carrier ? t('common.save') : t('fulfilment.carriers.create')}
      form={form}
      onClose={onClose}
      submit={save}
      testId="carrier-form"
      width={620}
      initialValues={
        carrier
          ? { ...carrier, contractNotes: carrier.contractNotes ?? '' }
          : { trackingPrefix: '', trackingRangeStart: 1, trackingRangeEnd: 99_999_999 }
      }
    >
      <Row gutter={16}>
        <Col span={10}>
          <Form.Item
            name="code"
            label={t('fulfilment.carriers.code')}
            extra={carrier ? undefined : t('fulfilment.carriers.codeHelp')}
            rules={[
              { required: true, message: t('common.required', { field: t('fulfilment.carriers.code') }) },
            ]}
          >
            <Input maxLength={64} disabled={carrier !== null} data-testid="carrier-code" />
          </Form.Item>
        </Col>
        <Col span={14}>
          <Form.Item
            name="name"
            label={t('fulfilment.carriers.name')}
            rules={[
              {
                required: true,
                whitespace: true,
                message: t('common.required', { field: t('fulfilment.carriers.name') }),
              },
            ]}
          >
            <Input maxLength={100} data-testid="carrier-name" />
          </Form.Item>
        </Col>
      </Row>
      {carrier ? (
        <Form.Item
          name="isActive"
          label={t('common.active')}
          valuePropName="checked"
          extra={t('fulfilment.carriers.activeHelp')}
        >
          <Switch />
        </Form.Item>
      ) : (
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item
              name="trackingPrefix"
              label={t('fulfilment.carriers.trackingPrefix')}
              rules={[{ pattern: /^[A-Za-z0-9]{0,8}$/, message: t('fulfilment.carriers.prefixInvalid') }]}
            >
              <Input maxLength={8} style={{ textTransform: 'uppercase' }} data-testid="carrier-prefix" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="trackingRangeStart" label={t('fulfilment.carriers.rangeStart')}>
              <InputNumber min={0} max={1e12} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="trackingRangeEnd" label={t('fulfilment.carriers.rangeEnd')}>
              <InputNumber min={1} max={1e12} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={24} style={{ marginTop: -16, marginBottom: 16 }}>
            <span style={{ opacity: 0.65 }}>{t('fulfilment.carriers.rangeHelp')}</span>
          </Col>
        </Row>
      )}
      <Form.Item name="contractNotes" label={t('fulfilment.carriers.contractNotes')}>
        <Input.TextArea rows={3} maxLength={2000} showCount />
      </Form.Item>
    </FormModal>
  );
}
