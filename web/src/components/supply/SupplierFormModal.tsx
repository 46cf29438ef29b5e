import { App, Col, Form, Input, InputNumber, Row, Switch } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { type Supplier, type SupplierInput, supplyApi } from '../../api/supply';
import { FormModal } from '../FormModal';

type Values = {
  code: string;
  name: string;
  contactName?: string;
  email?: string;
  phone?: string;
  leadTimeDays: number;
  minOrderQty: number;
  packSize: number;
  maxOrderQty?: number | null;
  notes?: string;
  isActive: boolean;
};

const blankToNull = (value?: string) => value?.trim() || null;

/** Create a supplier (`supplier` undefined) or edit one; the code of an existing supplier is fixed. */
export function SupplierFormModal({
  open,
  supplier,
  onClose,
  onSaved,
}: {
  open: boolean;
  supplier?: Supplier;
  onClose: () => void;
  onSaved: (supplier: Supplier) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      supplier
        ? {
            ...supplier,
            contactName: supplier.contactName ?? '',
            email: supplier.email ?? '',
            phone: supplier.phone ?? '',
            notes: supplier.notes ?? '',
          }
        : { leadTimeDays: 7, minOrderQty: 1, packSize: 1, maxOrderQty: null, isActive: true },
    );
  }, [open, supplier, form]);

  const save = async (values: Values) => {
    const input: Omit<SupplierInput, 'code'> = {
      name: values.name.trim(),
      contactName: blankToNull(values.contactName),
      email: blankToNull(values.email),
      phone: blankToNull(values.phone),
      leadTimeDays: values.leadTimeDays,
      minOrderQty: values.minOrderQty,
      packSize: values.packSize,
      maxOrderQty: values.maxOrderQty ?? null,
      notes: blankToNull(values.notes),
    };
    const saved = supplier
      ? await supplyApi.suppliers.update(supplier.id, { ...input, isActive: values.isActive })
      : await supplyApi.suppliers.create({ ...input, code: values.code.trim() });
    message.success(
      t(supplier ? 'supply.suppliers.updated' : 'supply.suppliers.created', { code: saved.code }),
    );
    onSaved(saved);
  };

  const required = (field: string) => ({
    required: true,
    message: t('common.required', { field: t(`supply.suppliers.${field}`) }),
  });
  const quantity = (field: 'minOrderQty' | 'packSize' | 'maxOrderQty', isRequired: boolean) => (
    <Col span={8}>
      <Form.Item
        name={field}
        label={t(`supply.suppliers.${field}`)}
        tooltip={t(`supply.suppliers.${field}Help`)}
        rules={isRequired ? [required(field)] : []}
      >
        <InputNumber min={1} precision={0} style={{ width: '100%' }} data-testid={`supplier-${field}`} />
      </Form.Item>
    </Col>
  );

  return (
    <FormModal<Values>
      open={open}
      title={
        supplier
          ? t('supply.suppliers.editTitle', { code: supplier.code })
          : t('supply.suppliers.createTitle')
      }
      okText={t('common.save')}
      form={form}
      onClose={onClose}
      submit={save}
      testId="supplier-form"
      width={680}
    >
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item
            name="code"
            label={t('supply.suppliers.code')}
            rules={[{ ...required('code'), whitespace: true }]}
          >
            <Input disabled={Boolean(supplier)} maxLength={64} data-testid="supplier-code" />
          </Form.Item>
        </Col>
        <Col span={16}>
          <Form.Item
            name="name"
            label={t('supply.suppliers.name')}
            rules={[{ ...required('name'), whitespace: true }]}
          >
            <Input maxLength={200} data-testid="supplier-name" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item
            name="leadTimeDays"
            label={t('supply.suppliers.leadTimeDays')}
            tooltip={t('supply.suppliers.leadTimeDaysHelp')}
            rules={[required('leadTimeDays')]}
          >
            <InputNumber
              min={0}
              max={365}
              precision={0}
              style={{ width: '100%' }}
              data-testid="supplier-lead-time"
            />
          </Form.Item>
        </Col>
        {quantity('minOrderQty', true)}
        {quantity('packSize', true)}
        {quantity('maxOrderQty', false)}
        <Col span={8}>
          <Form.Item name="contactName" label={t('supply.suppliers.contactName')}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="phone" label={t('supply.suppliers.phone')}>
            <Input maxLength={40} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="email"
            label={t('supply.suppliers.email')}
            rules={[{ type: 'email', message: t('supply.suppliers.emailInvalid') }]}
          >
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        {supplier ? (
          <Col span={12}>
            <Form.Item name="isActive" label={t('supply.suppliers.active')} valuePropName="checked">
              <Switch data-testid="supplier-active" />
            </Form.Item>
          </Col>
        ) : null}
        <Col span={24}>
          <Form.Item name="notes" label={t('supply.suppliers.notes')}>
            <Input.TextArea rows={3} maxLength={1000} showCount />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
