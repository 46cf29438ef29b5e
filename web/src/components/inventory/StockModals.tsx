import { App, Col, Form, Input, InputNumber, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { inventoryApi } from '../../api/inventory';
import { FormModal } from '../FormModal';
import { SkuPicker } from '../SkuPicker';
import { formatQuantity } from './numbers';
import { WarehouseSelect } from './WarehouseSelect';

/** What the dialog starts with: the row it was opened from, if any. */
export type StockTarget = { sku?: string; warehouse?: string };

type AdjustValues = { sku: string; warehouse: string; delta: number; reason: string; bin?: string };

/**
 * Corrects stock by a signed quantity with a reason (found, damaged, counted…). Mounted only
 * while open, so every opening starts from the row it was opened on.
 */
export function AdjustStockModal({
  target,
  onClose,
  onDone,
}: {
  target: StockTarget;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<AdjustValues>();
  const required = (field: string) => ({
    required: true,
    whitespace: true,
    message: t('common.required', { field }),
  });

  const submit = async (values: AdjustValues) => {
    const level = await inventoryApi.levels.adjust({
      sku: values.sku.trim(),
      warehouse: values.warehouse,
      delta: values.delta,
      reason: values.reason.trim(),
      bin: values.bin?.trim() || undefined,
    });
    message.success(
      t('inventory.adjust.done', {
        sku: level.sku,
        warehouse: level.warehouse,
        onHand: formatQuantity(level.onHand),
      }),
    );
    onDone();
  };

  return (
    <FormModal<AdjustValues>
      title={t('inventory.adjust.title')}
      okText={t('inventory.adjust.submit')}
      form={form}
      initialValues={target}
      onClose={onClose}
      submit={submit}
      testId="adjust-form"
      width={560}
    >
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item
            name="sku"
            label={t('inventory.common.sku')}
            rules={[required(t('inventory.common.sku'))]}
          >
            <SkuPicker data-testid="adjust-sku" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="warehouse"
            label={t('inventory.common.warehouse')}
            rules={[required(t('inventory.common.warehouse'))]}
          >
            <WarehouseSelect includeInactive data-testid="adjust-warehouse" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="delta"
            label={t('inventory.adjust.delta')}
            extra={t('inventory.adjust.deltaHelp')}
            rules={[
              { required: true, message: t('common.required', { field: t('inventory.adjust.delta') }) },
              {
                validator: async (_, value?: number) => {
                  if (value === 0) throw new Error(t('inventory.adjust.deltaZero'));
                },
              },
            ]}
          >
            <InputNumber
              precision={0}
              min={-10_000_000}
              max={10_000_000}
              style={{ width: '100%' }}
              data-testid="adjust-delta"
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="bin" label={t('inventory.common.bin')} extra={t('inventory.adjust.binHelp')}>
            <Input maxLength={64} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item
            name="reason"
            label={t('inventory.common.reason')}
            rules={[required(t('inventory.common.reason'))]}
          >
            <Input.TextArea
              rows={2}
              maxLength={300}
              showCount
              placeholder={t('inventory.adjust.reasonPlaceholder')}
              data-testid="adjust-reason"
            />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}

type TransferValues = { sku: string; from: string; to: string; quantity: number; reason?: string };

/** Moves stock of one SKU between two warehouses: one transfer_out and one transfer_in. */
export function TransferStockModal({
  target,
  onClose,
  onDone,
}: {
  target: StockTarget;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<TransferValues>();
  const required = (field: string) => ({ required: true, message: t('common.required', { field }) });

  const submit = async (values: TransferValues) => {
    const moved = await inventoryApi.levels.transfer({
      sku: values.sku.trim(),
      from: values.from,
      to: values.to,
      quantity: values.quantity,
      reason: values.reason?.trim() || undefined,
    });
    message.success(
      t('inventory.transfer.done', {
        quantity: formatQuantity(values.quantity),
        sku: moved.from.sku,
        from: moved.from.warehouse,
        to: moved.to.warehouse,
      }),
    );
    onDone();
  };

  return (
    <FormModal<TransferValues>
      title={t('inventory.transfer.title')}
      okText={t('inventory.transfer.submit')}
      form={form}
      initialValues={{ sku: target.sku, from: target.warehouse }}
      onClose={onClose}
      submit={submit}
      testId="transfer-form"
      width={560}
    >
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item
            name="sku"
            label={t('inventory.common.sku')}
            rules={[{ ...required(t('inventory.common.sku')), whitespace: true }]}
          >
            <SkuPicker data-testid="transfer-sku" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="quantity"
            label={t('inventory.transfer.quantity')}
            rules={[required(t('inventory.transfer.quantity'))]}
          >
            <InputNumber
              precision={0}
              min={1}
              max={10_000_000}
              style={{ width: '100%' }}
              data-testid="transfer-quantity"
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="from"
            label={t('inventory.transfer.from')}
            rules={[required(t('inventory.transfer.from'))]}
          >
            <WarehouseSelect includeInactive data-testid="transfer-from" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="to"
            label={t('inventory.transfer.to')}
            dependencies={['from']}
            rules={[
              required(t('inventory.transfer.to')),
              ({ getFieldValue }) => ({
                validator: async (_, value?: string) => {
                  if (value && value === getFieldValue('from'))
                    throw new Error(t('inventory.transfer.sameWarehouse'));
                },
              }),
            ]}
          >
            <WarehouseSelect data-testid="transfer-to" />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="reason" label={t('inventory.common.reason')}>
            <Input maxLength={300} placeholder={t('inventory.transfer.reasonPlaceholder')} />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
