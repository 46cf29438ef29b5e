import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Col, DatePicker, Form, Input, InputNumber, Row } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { type PurchaseOrder, supplyApi } from '../../api/supply';
import { isMoney } from '../../format';
import { FormModal } from '../FormModal';
import { WarehouseSelect } from '../inventory/WarehouseSelect';
import { SkuPicker } from '../SkuPicker';
import { SupplierSelect } from './SupplierSelect';

type LineValues = { sku: string; quantity: number; unitCost?: string };
type Values = {
  supplier: string;
  warehouse: string;
  dueAt?: Dayjs | null;
  note?: string;
  lines: LineValues[];
};

function LinesEditor() {
  const { t } = useTranslation();
  return (
    <Form.List
      name="lines"
      rules={[
        {
          validator: async (_, value: LineValues[] | undefined) => {
            if (!value?.length) throw new Error(t('supply.poForm.linesRequired'));
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <div data-testid="po-lines-editor">
          {fields.map((field, index) => (
            <Row key={field.key} gutter={12} align="top" data-testid="po-line">
              <Col span={11}>
                <Form.Item
                  name={[field.name, 'sku']}
                  label={index === 0 ? t('supply.common.sku') : undefined}
                  rules={[{ required: true, whitespace: true, message: t('supply.poForm.skuRequired') }]}
                >
                  <SkuPicker data-testid="po-line-sku" />
                </Form.Item>
              </Col>
              <Col span={5}>
                <Form.Item
                  name={[field.name, 'quantity']}
                  label={index === 0 ? t('supply.common.quantity') : undefined}
                  rules={[{ required: true, message: t('supply.poForm.quantityRequired') }]}
                >
                  <InputNumber
                    min={1}
                    max={10_000_000}
                    precision={0}
                    style={{ width: '100%' }}
                    data-testid="po-line-quantity"
                  />
                </Form.Item>
              </Col>
              <Col span={6}>
                <Form.Item
                  name={[field.name, 'unitCost']}
                  label={index === 0 ? t('supply.common.unitCost') : undefined}
                  rules={[
                    {
                      validator: async (_, value?: string) => {
                        if (value?.trim() && (!isMoney(value) || value.trim().startsWith('-')))
                          throw new Error(t('supply.poForm.costInvalid'));
                      },
                    },
                  ]}
                >
                  <Input placeholder={t('supply.poForm.costPlaceholder')} data-testid="po-line-cost" />
                </Form.Item>
              </Col>
              <Col span={2}>
                <Form.Item label={index === 0 ? ' ' : undefined}>
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    disabled={fields.length === 1}
                    onClick={() => remove(field.name)}
                    aria-label={t('common.remove')}
                  />
                </Form.Item>
              </Col>
            </Row>
          ))}
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            onClick={() => add({ quantity: 1 })}
            data-testid="po-add-line"
          >
            {t('supply.poForm.addLine')}
          </Button>
          <Form.ErrorList errors={errors} />
        </div>
      )}
    </Form.List>
  );
}

/** A purchase order entered by hand; it starts as a draft to be checked and sent. */
export function PurchaseOrderFormModal({
  onClose,
  onCreated,
}: {
  onClose: () => void;
  onCreated: (order: PurchaseOrder) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();

  const create = async (values: Values) => {
    const order = await supplyApi.purchaseOrders.create({
      supplier: values.supplier,
      warehouse: values.warehouse,
      dueAt: values.dueAt ? values.dueAt.format('YYYY-MM-DD') : null,
      note: values.note?.trim() || null,
      lines: values.lines.map((line) => ({
        sku: line.sku.trim(),
        quantity: line.quantity,
        unitCost: line.unitCost?.trim() || undefined,
      })),
    });
    message.success(t('supply.poForm.created', { number: order.number }));
    onCreated(order);
  };

  const required = (field: string) => [{ required: true, message: t('common.required', { field }) }];
  return (
    <FormModal<Values>
      title={t('supply.poForm.title')}
      okText={t('supply.poForm.create')}
      form={form}
      onClose={onClose}
      submit={create}
      testId="po-form"
      width={760}
      initialValues={{ lines: [{ sku: '', quantity: 1 }] }}
    >
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item
            name="supplier"
            label={t('supply.common.supplier')}
            rules={required(t('supply.common.supplier'))}
          >
            <SupplierSelect onlyActive data-testid="po-supplier" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="warehouse"
            label={t('supply.common.warehouse')}
            rules={required(t('supply.common.warehouse'))}
          >
            <WarehouseSelect placeholder={t('supply.common.chooseWarehouse')} data-testid="po-warehouse" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="dueAt"
            label={t('supply.purchaseOrders.dueAt')}
            extra={t('supply.poForm.dueAtHint')}
          >
            <DatePicker style={{ width: '100%' }} data-testid="po-due" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="note" label={t('supply.common.note')}>
            <Input maxLength={1000} />
          </Form.Item>
        </Col>
      </Row>
      <LinesEditor />
    </FormModal>
  );
}
