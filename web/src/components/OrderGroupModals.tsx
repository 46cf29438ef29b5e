import { Alert, App, Button, Empty, Form, Select, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Order, type OrderListItem, ordersApi } from '../api/orders';
import { errorText } from '../errors';
import { formatDateTime, formatMoney } from '../format';
import { useLoader } from '../hooks/useLoader';
import { DataTable } from './DataTable';
import { FormModal } from './FormModal';
import { OrderStatusTag } from './StatusTags';

type ModalProps = { order: Order; onClose: () => void; onDone: (order: Order) => void };

export function MergeModal({ order, onClose, onDone }: ModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [selected, setSelected] = useState<string[]>([]);
  const phone = order.shippingAddress.phone;
  const candidates = useLoader(() => ordersApi.mergeCandidates(order.id), [order.id]);
  return (
    <FormModal
      title={t('actions.mergeTitle', { number: order.number })}
      okText={t('actions.merge')}
      form={form}
      onClose={onClose}
      testId="merge-form"
      width={760}
      isOkDisabled={selected.length === 0}
      submit={async () => {
        const result = await ordersApi.merge([order.id, ...selected]);
        message.success(t('actions.merged', { count: result.orders.length }));
        onDone(result.orders.find((o) => o.id === order.id) ?? order);
      }}
    >
      <Typography.Paragraph type="secondary">
        {t('actions.mergeHint', { phone: phone || '—' })}
      </Typography.Paragraph>
      {candidates.error ? <Alert type="error" showIcon title={errorText(t, candidates.error)} /> : null}
      <DataTable<OrderListItem>
        rowKey="id"
        size="small"
        pagination={false}
        loading={candidates.isLoading}
        dataSource={candidates.data ?? []}
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(String)) }}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('actions.mergeNone')} />,
        }}
        data-testid="merge-candidates"
        columns={[
          { title: t('orders.number'), dataIndex: 'number' },
          {
            title: t('orders.status'),
            dataIndex: 'status',
            render: (status: Order['status']) => <OrderStatusTag status={status} />,
          },
          { title: t('orders.placedAt'), dataIndex: 'placedAt', render: formatDateTime },
          { title: t('orders.customer'), dataIndex: 'customerName' },
          {
            title: t('orders.total'),
            dataIndex: 'total',
            align: 'right',
            render: (total: string, item) => formatMoney(total, item.currency),
          },
        ]}
      />
    </FormModal>
  );
}

/** Assign each line to a parcel; one parcel undoes the split. */
export function SplitModal({ order, onClose, onDone }: ModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [parcelOf, setParcelOf] = useState<Record<number, number>>(() =>
    Object.fromEntries(order.lines.map((line) => [line.lineNo, line.parcel || 1])),
  );
  const [parcelCount, setParcelCount] = useState(() =>
    Math.max(2, ...order.lines.map((line) => line.parcel || 1)),
  );
  const parcels = useMemo(() => {
    const byParcel = new Map<number, number[]>();
    for (const line of order.lines) {
      const parcel = parcelOf[line.lineNo] ?? 1;
      byParcel.set(parcel, [...(byParcel.get(parcel) ?? []), line.lineNo]);
    }
    return [...byParcel.entries()].sort(([a], [b]) => a - b).map(([, lines]) => lines);
  }, [order.lines, parcelOf]);
  const parcelOptions = Array.from({ length: parcelCount }, (_, index) => ({
    value: index + 1,
    label: t('actions.parcel', { n: index + 1 }),
  }));
  return (
    <FormModal
      title={t('actions.splitTitle', { number: order.number })}
      okText={parcels.length > 1 ? t('actions.splitInto', { count: parcels.length }) : t('actions.unsplit')}
      form={form}
      onClose={onClose}
      testId="split-form"
      width={720}
      submit={async () => {
        const updated = await ordersApi.split(order.id, parcels);
        message.success(
          parcels.length > 1 ? t('actions.splitDone', { count: parcels.length }) : t('actions.unsplitDone'),
        );
        onDone(updated);
      }}
    >
      <Typography.Paragraph type="secondary">{t('actions.splitHint')}</Typography.Paragraph>
      <DataTable
        rowKey="lineNo"
        size="small"
        pagination={false}
        dataSource={order.lines}
        data-testid="split-lines"
        columns={[
          { title: '#', dataIndex: 'lineNo', width: 48 },
          { title: t('order.sku'), dataIndex: 'sku' },
          { title: t('order.productName'), dataIndex: 'name', render: (name: string | null) => name ?? '—' },
          { title: t('order.quantity'), dataIndex: 'quantity', align: 'right' },
          {
            title: t('actions.parcelColumn'),
            key: 'parcel',
            render: (_, line) => (
              <Select
                value={parcelOf[line.lineNo] ?? 1}
                options={parcelOptions}
                onChange={(parcel: number) =>
                  setParcelOf((current) => ({ ...current, [line.lineNo]: parcel }))
                }
                style={{ width: 130 }}
                data-testid="split-parcel"
              />
            ),
          },
        ]}
      />
      <Space style={{ marginTop: 12 }}>
        <Button onClick={() => setParcelCount((n) => Math.min(n + 1, order.lines.length))}>
          {t('actions.addParcel')}
        </Button>
        <Button
          onClick={() => setParcelOf(Object.fromEntries(order.lines.map((line) => [line.lineNo, 1])))}
          data-testid="split-reset"
        >
          {t('actions.oneParcel')}
        </Button>
      </Space>
    </FormModal>
  );
}
