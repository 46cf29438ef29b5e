import { App, Form, Input, InputNumber, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { type PurchaseOrder, supplyApi } from '../../api/supply';
import { FormModal } from '../FormModal';

type Values = { quantities: (number | null)[]; note?: string };
type Line = PurchaseOrder['lines'][number] & { index: number; outstanding: number };

/** Goods arriving against a PO: a quantity per line, pre-filled with what is still outstanding. */
export function ReceiveModal({
  order,
  onClose,
  onReceived,
}: {
  order: PurchaseOrder;
  onClose: () => void;
  onReceived: (order: PurchaseOrder) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const lines: Line[] = order.lines.map((line, index) => ({
    ...line,
    index,
    outstanding: Math.max(0, line.quantity - line.receivedQuantity),
  }));
  const quantities = Form.useWatch('quantities', form) ?? [];
  const total = quantities.reduce<number>((sum, quantity) => sum + (quantity ?? 0), 0);

  const receive = async (values: Values) => {
    const received = lines
      .map((line) => ({ sku: line.sku, quantity: values.quantities[line.index] ?? 0 }))
      .filter((line) => line.quantity > 0);
    const updated = await supplyApi.purchaseOrders.receive(order.id, {
      lines: received,
      note: values.note?.trim() || undefined,
    });
    message.success(
      t('supply.receive.done', { count: received.reduce((sum, line) => sum + line.quantity, 0) }),
    );
    onReceived(updated);
  };

  return (
    <FormModal<Values>
      title={t('supply.receive.title', { number: order.number })}
      okText={t('supply.receive.confirm')}
      form={form}
      onClose={onClose}
      submit={receive}
      testId="receive-form"
      width={760}
      isOkDisabled={total === 0}
      initialValues={{ quantities: lines.map((line) => line.outstanding) }}
    >
      <Typography.Paragraph type="secondary">
        {t('supply.receive.hint', { warehouse: order.warehouse })}
      </Typography.Paragraph>
      <Table<Line>
        rowKey="index"
        size="small"
        pagination={false}
        dataSource={lines}
        columns={[
          {
            title: t('supply.common.sku'),
            dataIndex: 'sku',
            render: (sku: string) => <Typography.Text code>{sku}</Typography.Text>,
          },
          { title: t('supply.common.skuName'), dataIndex: 'skuName' },
          { title: t('supply.purchaseOrders.ordered'), dataIndex: 'quantity', align: 'right' },
          {
            title: t('supply.purchaseOrders.receivedQuantity'),
            dataIndex: 'receivedQuantity',
            align: 'right',
          },
          { title: t('supply.purchaseOrders.outstanding'), dataIndex: 'outstanding', align: 'right' },
          {
            title: t('supply.receive.now'),
            key: 'now',
            align: 'right',
            render: (_, line) => (
              <Form.Item name={['quantities', line.index]} noStyle>
                <InputNumber
                  min={0}
                  max={line.outstanding}
                  precision={0}
                  disabled={line.outstanding === 0}
                  style={{ width: 110 }}
                  data-testid="receive-quantity"
                />
              </Form.Item>
            ),
          },
        ]}
      />
      <Form.Item name="note" label={t('supply.receive.note')} style={{ marginTop: 16, marginBottom: 0 }}>
        <Input maxLength={1000} placeholder={t('supply.receive.notePlaceholder')} />
      </Form.Item>
    </FormModal>
  );
}
