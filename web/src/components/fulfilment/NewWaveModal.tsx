import { Col, DatePicker, Form, InputNumber, Radio, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { fulfilmentApi, type Wave, type WaveInput } from '../../api/fulfilment';
import { requestedServices } from '../../api/orders';
import { FormModal } from '../FormModal';
import { WarehouseSelect } from '../inventory/WarehouseSelect';

type Values = {
  warehouse: string;
  maxOrders: number;
  itemMix: 'any' | 'single' | 'multi';
  minPriority?: number | null;
  shipByBefore?: Dayjs | null;
  requestedService?: WaveInput['requestedService'];
};

/** Builds a wave by rule from the allocated orders of one warehouse, most urgent first. */
export function NewWaveModal({
  onClose,
  onCreated,
}: {
  onClose: () => void;
  onCreated: (wave: Wave) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();

  const create = async (values: Values) => {
    onCreated(
      await fulfilmentApi.waves.create({
        warehouse: values.warehouse,
        maxOrders: values.maxOrders,
        itemMix: values.itemMix,
        minPriority: values.minPriority ?? undefined,
        shipByBefore: values.shipByBefore ? values.shipByBefore.toISOString() : undefined,
        requestedService: values.requestedService || undefined,
      }),
    );
  };

  return (
    <FormModal<Values>
      title={t('fulfilment.newWave.title')}
      okText={t('fulfilment.newWave.create')}
      form={form}
      onClose={onClose}
      submit={create}
      testId="wave-form"
      width={600}
      initialValues={{ warehouse: 'main', maxOrders: 200, itemMix: 'any' }}
    >
      <Row gutter={16}>
        <Col span={14}>
          <Form.Item
            name="warehouse"
            label={t('fulfilment.common.warehouse')}
            rules={[
              { required: true, message: t('common.required', { field: t('fulfilment.common.warehouse') }) },
            ]}
          >
            <WarehouseSelect data-testid="wave-warehouse" />
          </Form.Item>
        </Col>
        <Col span={10}>
          <Form.Item
            name="maxOrders"
            label={t('fulfilment.newWave.maxOrders')}
            extra={t('fulfilment.newWave.maxOrdersHelp')}
            rules={[
              { required: true, message: t('common.required', { field: t('fulfilment.newWave.maxOrders') }) },
            ]}
          >
            <InputNumber
              min={1}
              max={2000}
              precision={0}
              style={{ width: '100%' }}
              data-testid="wave-max-orders"
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="itemMix"
        label={t('fulfilment.newWave.itemMix')}
        extra={t('fulfilment.newWave.itemMixHelp')}
      >
        <Radio.Group
          optionType="button"
          options={(['any', 'single', 'multi'] as const).map((value) => ({
            value,
            label: t(`fulfilment.itemMix.${value}`),
          }))}
        />
      </Form.Item>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item
            name="shipByBefore"
            label={t('fulfilment.newWave.shipByBefore')}
            extra={t('fulfilment.newWave.shipByBeforeHelp')}
          >
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="minPriority"
            label={t('fulfilment.newWave.minPriority')}
            extra={t('fulfilment.newWave.minPriorityHelp')}
          >
            <InputNumber precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="requestedService" label={t('fulfilment.newWave.requestedService')}>
        <Select
          allowClear
          placeholder={t('fulfilment.newWave.anyService')}
          options={requestedServices.map((value) => ({ value, label: t(`serviceLevel.${value}`) }))}
        />
      </Form.Item>
    </FormModal>
  );
}
