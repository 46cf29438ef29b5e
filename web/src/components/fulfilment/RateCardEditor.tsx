import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CarrierService, ServiceInput } from '../../api/fulfilment';

/** One zone of a rate card with its price, edited as one row (the API keeps them in two lists). */
export type ZoneRow = {
  id: string;
  regions: string[];
  firstWeightGrams: number;
  firstPrice: string;
  extraWeightStepGrams: number;
  extraPrice: string;
};

const regionPattern = /^[A-Z]{2}(\/[^/]{1,60}){0,2}$/;
const moneyPattern = /^\d{1,13}(\.\d{1,2})?$/;

export function zoneRows(card: CarrierService['rateCard']): ZoneRow[] {
  return card.zones.map((zone) => {
    const rate = card.rates.find((candidate) => candidate.zoneId === zone.id);
    return {
      id: zone.id,
      regions: zone.regions,
      firstWeightGrams: rate?.firstWeightGrams ?? 1000,
      firstPrice: rate?.firstPrice ?? '',
      extraWeightStepGrams: rate?.extraWeightStepGrams ?? 1000,
      extraPrice: rate?.extraPrice ?? '',
    };
  });
}

export function rateCardOf(rows: ZoneRow[], volumetricDivisor: number | null): ServiceInput['rateCard'] {
  return {
    zones: rows.map((row) => ({ id: row.id.trim(), regions: row.regions })),
    rates: rows.map((row) => ({
      zoneId: row.id.trim(),
      firstWeightGrams: row.firstWeightGrams,
      firstPrice: row.firstPrice.trim(),
      extraWeightStepGrams: row.extraWeightStepGrams,
      extraPrice: row.extraPrice.trim(),
    })),
    volumetricDivisor,
  };
}

export const newZoneRow: ZoneRow = {
  id: '',
  regions: [],
  firstWeightGrams: 1000,
  firstPrice: '',
  extraWeightStepGrams: 1000,
  extraPrice: '',
};

const spans = { id: 3, regions: 7, firstWeight: 3, firstPrice: 3, step: 3, extraPrice: 3, remove: 2 };
const headers = [
  ['zone', spans.id],
  ['regions', spans.regions],
  ['firstWeight', spans.firstWeight],
  ['firstPrice', spans.firstPrice],
  ['extraStep', spans.step],
  ['extraPrice', spans.extraPrice],
] as const;

/**
 * Zones (regions such as "CN" or "CN/浙江省", most specific wins) and per zone the price of the
 * first weight and of each further step: 首重 and 续重.
 */
export function RateCardEditor() {
  const { t } = useTranslation();
  const required = (field: string) => ({ required: true, message: t('common.required', { field }) });
  const money = { pattern: moneyPattern, message: t('fulfilment.rateCard.moneyInvalid') };
  return (
    <Form.List
      name="zones"
      rules={[
        {
          validator: async (_, rows?: ZoneRow[]) => {
            if (!rows || rows.length === 0) throw new Error(t('fulfilment.rateCard.zoneRequired'));
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <div data-testid="rate-card">
          <Row gutter={8} style={{ marginBottom: 4 }}>
            {headers.map(([key, span]) => (
              <Col key={key} span={span}>
                <Typography.Text type="secondary">{t(`fulfilment.rateCard.${key}`)}</Typography.Text>
              </Col>
            ))}
          </Row>
          {fields.map((field) => (
            <Row key={field.key} gutter={8} data-testid="rate-zone">
              <Col span={spans.id}>
                <Form.Item name={[field.name, 'id']} rules={[required(t('fulfilment.rateCard.zone'))]}>
                  <Input maxLength={40} placeholder="zj" data-testid="zone-id" />
                </Form.Item>
              </Col>
              <Col span={spans.regions}>
                <Form.Item
                  name={[field.name, 'regions']}
                  rules={[
                    {
                      required: true,
                      type: 'array',
                      min: 1,
                      message: t('fulfilment.rateCard.regionsRequired'),
                    },
                    {
                      validator: async (_, regions?: string[]) => {
                        const bad = (regions ?? []).find((region) => !regionPattern.test(region));
                        if (bad) throw new Error(t('fulfilment.rateCard.regionInvalid', { region: bad }));
                      },
                    },
                  ]}
                >
                  <Select
                    mode="tags"
                    open={false}
                    suffixIcon={null}
                    tokenSeparators={[',', '，', ' ']}
                    placeholder={t('fulfilment.rateCard.regionsPlaceholder')}
                    data-testid="zone-regions"
                  />
                </Form.Item>
              </Col>
              <Col span={spans.firstWeight}>
                <Form.Item
                  name={[field.name, 'firstWeightGrams']}
                  rules={[required(t('fulfilment.rateCard.firstWeight'))]}
                >
                  <InputNumber
                    min={1}
                    precision={0}
                    suffix="g"
                    style={{ width: '100%' }}
                    data-testid="zone-first-weight"
                  />
                </Form.Item>
              </Col>
              <Col span={spans.firstPrice}>
                <Form.Item
                  name={[field.name, 'firstPrice']}
                  rules={[required(t('fulfilment.rateCard.firstPrice')), money]}
                >
                  <Input prefix="¥" placeholder="8.00" data-testid="zone-first-price" />
                </Form.Item>
              </Col>
              <Col span={spans.step}>
                <Form.Item
                  name={[field.name, 'extraWeightStepGrams']}
                  rules={[required(t('fulfilment.rateCard.extraStep'))]}
                >
                  <InputNumber
                    min={1}
                    precision={0}
                    suffix="g"
                    style={{ width: '100%' }}
                    data-testid="zone-extra-step"
                  />
                </Form.Item>
              </Col>
              <Col span={spans.extraPrice}>
                <Form.Item
                  name={[field.name, 'extraPrice']}
                  rules={[required(t('fulfilment.rateCard.extraPrice')), money]}
                >
                  <Input prefix="¥" placeholder="2.00" data-testid="zone-extra-price" />
                </Form.Item>
              </Col>
              <Col span={spans.remove}>
                <Button
                  icon={<DeleteOutlined />}
                  aria-label={t('fulfilment.rateCard.removeZone')}
                  disabled={fields.length === 1}
                  onClick={() => remove(field.name)}
                />
              </Col>
            </Row>
          ))}
          <Form.ErrorList errors={errors} />
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            onClick={() => add({ ...newZoneRow })}
            data-testid="zone-add"
          >
            {t('fulfilment.rateCard.addZone')}
          </Button>
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            {t('fulfilment.rateCard.help')}
          </Typography.Paragraph>
        </div>
      )}
    </Form.List>
  );
}
