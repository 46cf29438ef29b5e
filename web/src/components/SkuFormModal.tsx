import { App, Col, Form, Input, InputNumber, Row, Switch } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { catalogApi, type Sku } from '../api/catalog';
import { isMoney } from '../format';
import { FormModal } from './FormModal';

type Values = {
  code: string;
  name: string;
  price: string;
  barcode?: string;
  weightGrams?: number | null;
  lengthMm?: number | null;
  widthMm?: number | null;
  heightMm?: number | null;
  isActive: boolean;
};

const dimensions = ['weightGrams', 'lengthMm', 'widthMm', 'heightMm'] as const;

/** Create a SKU (`sku` undefined) or edit one; the code of an existing SKU is fixed. */
export function SkuFormModal({
  open,
  sku,
  onClose,
  onSaved,
}: {
  open: boolean;
  sku?: Sku;
  onClose: () => void;
  onSaved: (sku: Sku) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      sku
        ? { ...sku, barcode: sku.barcode ?? '' }
        : { isActive: true, weightGrams: null, lengthMm: null, widthMm: null, heightMm: null },
    );
  }, [open, sku, form]);

  const save = async (values: Values) => {
    const input = {
      name: values.name.trim(),
      price: values.price.trim(),
      barcode: values.barcode?.trim() || null,
      weightGrams: values.weightGrams ?? null,
      lengthMm: values.lengthMm ?? null,
      widthMm: values.widthMm ?? null,
      heightMm: values.heightMm ?? null,
    };
    const saved = sku
      ? await catalogApi.skus.update(sku.id, { ...input, isActive: values.isActive })
      : await catalogApi.skus.create({ ...input, code: values.code.trim() });
    message.success(t(sku ? 'skus.updated' : 'skus.created', { code: saved.code }));
    onSaved(saved);
  };

  return (
    <FormModal<Values>
      open={open}
      title={sku ? t('skus.editTitle', { code: sku.code }) : t('skus.createTitle')}
      okText={t('common.save')}
      form={form}
      onClose={onClose}
      submit={save}
      testId="sku-form"
      width={640}
    >
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item
            name="code"
            label={t('skus.code')}
            rules={[
              {
                required: true,
                whitespace: true,
                message: t('common.required', { field: t('skus.code') }),
              },
            ]}
          >
            <Input disabled={Boolean(sku)} maxLength={64} data-testid="sku-code" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="barcode" label={t('skus.barcode')}>
            <Input maxLength={64} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item
            name="name"
            label={t('skus.name')}
            rules={[
              {
                required: true,
                whitespace: true,
                message: t('common.required', { field: t('skus.name') }),
              },
            ]}
          >
            <Input maxLength={200} data-testid="sku-name" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="price"
            label={t('skus.price')}
            rules={[
              { required: true, message: t('common.required', { field: t('skus.price') }) },
              {
                validator: async (_, value?: string) => {
                  if (value && (!isMoney(value) || value.trim().startsWith('-')))
                    throw new Error(t('skus.priceInvalid'));
                },
              },
            ]}
          >
            <Input placeholder="59.90" data-testid="sku-price" />
          </Form.Item>
        </Col>
        {sku ? (
          <Col span={12}>
            <Form.Item name="isActive" label={t('skus.active')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
        ) : null}
        {dimensions.map((field) => (
          <Col span={6} key={field}>
            <Form.Item name={field} label={t(`skus.${field}`)}>
              <InputNumber min={0} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        ))}
      </Row>
    </FormModal>
  );
}
