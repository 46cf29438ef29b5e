import { Col, Divider, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { type Carrier, type CarrierService, logisticsApi, type ServiceKind } from '../../api/fulfilment';
import { FormModal } from '../FormModal';
import { serviceKinds } from './FulfilmentTags';
import { newZoneRow, RateCardEditor, rateCardOf, type ZoneRow, zoneRows } from './RateCardEditor';

type Values = {
  code: string;
  name: string;
  kind: ServiceKind;
  transitDays: number;
  dailyCapacity?: number | null;
  maxWeightGrams?: number | null;
  maxLongestSideMm?: number | null;
  volumetricDivisor?: number | null;
  isActive: boolean;
  zones: ZoneRow[];
};

function initialValues(service: CarrierService | null): Partial<Values> {
  if (!service)
    return {
      kind: 'standard',
      transitDays: 2,
      volumetricDivisor: 6000,
      isActive: true,
      zones: [{ ...newZoneRow, id: 'cn', regions: ['CN'] }],
    };
  return {
    ...service,
    zones: zoneRows(service.rateCard),
    volumetricDivisor: service.rateCard.volumetricDivisor,
  };
}

/** Adds a service to a carrier or replaces one (same code): coverage and prices, limits, capacity, transit time. */
export function ServiceFormModal({
  carrier,
  service,
  onClose,
  onSaved,
}: {
  carrier: Carrier;
  service: CarrierService | null;
  onClose: () => void;
  onSaved: (carrier: Carrier) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const save = async (values: Values) => {
    onSaved(
      await logisticsApi.carriers.saveService(carrier.id, {
        code: values.code.trim(),
        name: values.name.trim(),
        kind: values.kind,
        transitDays: values.transitDays,
        dailyCapacity: values.dailyCapacity ?? null,
        maxWeightGrams: values.maxWeightGrams ?? null,
        maxLongestSideMm: values.maxLongestSideMm ?? null,
        isActive: values.isActive,
        rateCard: rateCardOf(values.zones, values.volumetricDivisor ?? null),
      }),
    );
  };
  const number = (
    name: keyof Values,
    label: string,
    props: { min: number; max: number; suffix?: string },
    help?: string,
  ) => (
    <Form.Item name={name} label={label} extra={help}>
      <InputNumber
        precision={0}
        style={{ width: '100%' }}
        {...props}
        placeholder={t('fulfilment.service.noLimit')}
      />
    </Form.Item>
  );
  return (
    <FormModal<Values>
      title={
        service
          ? t('fulfilment.service.editTitle', { carrier: carrier.name, code: service.code })
          : t('fulfilment.service.createTitle', { carrier: carrier.name })
      }
      okText={t('common.save')}
      form={form}
      onClose={onClose}
      submit={save}
      testId="service-form"
      width={1080}
      initialValues={initialValues(service)}
    >
      <Row gutter={16}>
        <Col span={5}>
          <Form.Item
            name="code"
            label={t('fulfilment.service.code')}
            extra={service ? undefined : t('fulfilment.service.codeHelp')}
            rules={[
              { required: true, message: t('common.required', { field: t('fulfilment.service.code') }) },
            ]}
          >
            <Input maxLength={64} disabled={service !== null} data-testid="service-code" />
          </Form.Item>
        </Col>
        <Col span={7}>
          <Form.Item
            name="name"
            label={t('fulfilment.service.name')}
            rules={[
              {
                required: true,
                whitespace: true,
                message: t('common.required', { field: t('fulfilment.service.name') }),
              },
            ]}
          >
            <Input maxLength={100} data-testid="service-name" />
          </Form.Item>
        </Col>
        <Col span={5}>
          <Form.Item name="kind" label={t('fulfilment.service.kind')}>
            <Select
              options={serviceKinds.map((kind) => ({
                value: kind,
                label: t(`fulfilment.serviceKind.${kind}`),
              }))}
              data-testid="service-kind"
            />
          </Form.Item>
        </Col>
        <Col span={4}>
          <Form.Item
            name="transitDays"
            label={t('fulfilment.service.transitDays')}
            rules={[{ required: true }]}
          >
            <InputNumber
              min={0}
              max={60}
              precision={0}
              suffix={t('fulfilment.service.days')}
              style={{ width: '100%' }}
            />
          </Form.Item>
        </Col>
        <Col span={3}>
          <Form.Item name="isActive" label={t('common.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={6}>
          {number(
            'dailyCapacity',
            t('fulfilment.service.dailyCapacity'),
            { min: 1, max: 1_000_000 },
            t('fulfilment.service.dailyCapacityHelp'),
          )}
        </Col>
        <Col span={6}>
          {number('maxWeightGrams', t('fulfilment.service.maxWeight'), {
            min: 1,
            max: 10_000_000,
            suffix: 'g',
          })}
        </Col>
        <Col span={6}>
          {number('maxLongestSideMm', t('fulfilment.service.maxLongestSide'), {
            min: 1,
            max: 100_000,
            suffix: 'mm',
          })}
        </Col>
        <Col span={6}>
          {number(
            'volumetricDivisor',
            t('fulfilment.service.volumetricDivisor'),
            { min: 1000, max: 20_000 },
            t('fulfilment.service.volumetricDivisorHelp'),
          )}
        </Col>
      </Row>
      <Divider titlePlacement="start">{t('fulfilment.rateCard.title')}</Divider>
      <RateCardEditor />
    </FormModal>
  );
}
