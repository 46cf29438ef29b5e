import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Form, InputNumber, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Sku } from '../api/catalog';
import { SkuPicker } from '../components/SkuPicker';
import { formatMoney, fromCents, toCents } from '../format';
import { MoneyInput } from './NewOrderFields';
import type { FormValues, LineValues } from './NewOrderValues';

/** The order lines: a SKU picked from the catalogue fills in its price; each line shows its total. */
export function LinesEditor({
  currency,
  skuNames,
  onSkuPicked,
}: {
  currency: string;
  skuNames: Record<string, string>;
  onSkuPicked: (sku: Sku) => void;
}) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<FormValues>();
  const lines = Form.useWatch('lines', form) ?? [];

  return (
    <Form.List
      name="lines"
      rules={[
        {
          validator: async (_, value: LineValues[] | undefined) => {
            if (!value?.length) throw new Error(t('newOrder.linesRequired'));
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <div data-testid="order-lines-editor">
          {fields.map((field, index) => {
            const line = lines[index];
            const lineCents = (line?.quantity ?? 0) * toCents(line?.unitPrice);
            return (
              <Row key={field.key} gutter={12} align="top" data-testid="order-line">
                <Col xs={24} md={9}>
                  <Form.Item
                    name={[field.name, 'sku']}
                    label={index === 0 ? t('order.sku') : undefined}
                    rules={[{ required: true, whitespace: true, message: t('newOrder.skuRequired') }]}
                    extra={line?.sku && skuNames[line.sku] ? skuNames[line.sku] : undefined}
                  >
                    <SkuPicker
                      data-testid="line-sku"
                      onPick={(sku) => {
                        onSkuPicked(sku);
                        form.setFieldValue(['lines', field.name, 'unitPrice'], sku.price);
                      }}
                    />
                  </Form.Item>
                </Col>
                <Col xs={8} md={4}>
                  <Form.Item
                    name={[field.name, 'quantity']}
                    label={index === 0 ? t('order.quantity') : undefined}
                    rules={[{ required: true, message: t('newOrder.quantityRequired') }]}
                  >
                    <InputNumber
                      min={1}
                      precision={0}
                      style={{ width: '100%' }}
                      data-testid="line-quantity"
                    />
                  </Form.Item>
                </Col>
                <Col xs={8} md={5}>
                  <Form.Item
                    name={[field.name, 'unitPrice']}
                    label={index === 0 ? t('order.unitPrice') : undefined}
                    rules={[{ required: true, message: t('newOrder.priceRequired') }]}
                  >
                    <MoneyInput data-testid="line-unit-price" />
                  </Form.Item>
                </Col>
                <Col xs={6} md={5}>
                  <Form.Item label={index === 0 ? t('order.lineTotal') : undefined}>
                    <Typography.Text>
                      {Number.isNaN(lineCents) ? '—' : formatMoney(fromCents(lineCents), currency)}
                    </Typography.Text>
                  </Form.Item>
                </Col>
                <Col xs={2} md={1}>
                  <Form.Item label={index === 0 ? ' ' : undefined}>
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      disabled={fields.length === 1}
                      onClick={() => remove(field.name)}
                      aria-label={t('newOrder.removeLine')}
                    />
                  </Form.Item>
                </Col>
              </Row>
            );
          })}
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            onClick={() => add({ quantity: 1 })}
            data-testid="add-line"
          >
            {t('newOrder.addLine')}
          </Button>
          <Form.ErrorList errors={errors} />
        </div>
      )}
    </Form.List>
  );
}
