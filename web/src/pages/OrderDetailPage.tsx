import {
  Alert,
  App,
  Card,
  Col,
  Descriptions,
  Form,
  Input,
  Modal,
  Row,
  Space,
  Spin,
  Table,
  Tag,
  Typography,
} from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { canTransition, type Order, ordersApi } from '../api/orders';
import { useAuth } from '../auth';
import { DetailHeading } from '../components/DetailHeading';
import { isNotFound, NotFoundResult } from '../components/NotFoundResult';
import { OrderActionBar } from '../components/OrderActionBar';
import { OrderConversation } from '../components/OrderConversation';
import { HoldsCard } from '../components/OrderHoldsCard';
import { AllocationCard, ClassificationCard, ReviewCard, ShipmentsCard } from '../components/OrderPanels';
import { OrderTimeline } from '../components/OrderTimeline';
import { EnumText, HoldTag, OrderStatusTag, ReviewStageTag, SlaTag } from '../components/StatusTags';
import { errorText } from '../errors';
import { formatDateTime, formatMoney, fromCents, toCents } from '../format';
import { useChannelNames } from '../hooks/useChannelNames';
import { useLoader } from '../hooks/useLoader';
import { usePageTitle } from '../hooks/usePageTitle';

function LinesCard({ order }: { order: Order }) {
  const { t } = useTranslation();
  const money = (amount: string) => (
    <span style={{ whiteSpace: 'nowrap' }}>{formatMoney(amount, order.currency)}</span>
  );
  const subtotal = fromCents(order.lines.reduce((sum, line) => sum + toCents(line.lineTotal), 0));
  const isSplit = order.lines.some((line) => (line.parcel || 1) > 1);
  const leadColumns = isSplit ? 5 : 4;
  const summaryRow = (label: string, value: ReactNode, strong = false) => (
    <Table.Summary.Row>
      <Table.Summary.Cell index={0} colSpan={leadColumns} align="right">
        {strong ? <Typography.Text strong>{label}</Typography.Text> : label}
      </Table.Summary.Cell>
      <Table.Summary.Cell index={1} align="right">
        {strong ? <Typography.Text strong>{value}</Typography.Text> : value}
      </Table.Summary.Cell>
    </Table.Summary.Row>
  );
  return (
    <Card title={t('order.lines')}>
      <Table
        data-testid="order-lines"
        rowKey="lineNo"
        size="small"
        pagination={false}
        dataSource={order.lines}
        columns={[
          {
            title: t('order.sku'),
            dataIndex: 'sku',
            render: (sku: string) => <Typography.Text code>{sku}</Typography.Text>,
          },
          { title: t('order.productName'), dataIndex: 'name', render: (name: string | null) => name ?? '—' },
          { title: t('order.quantity'), dataIndex: 'quantity', align: 'right' },
          { title: t('order.unitPrice'), dataIndex: 'unitPrice', align: 'right', render: money },
          { title: t('order.lineTotal'), dataIndex: 'lineTotal', align: 'right', render: money },
          ...(isSplit
            ? [
                {
                  title: t('actions.parcelColumn'),
                  dataIndex: 'parcel',
                  render: (parcel: number) => (
                    <Tag color="geekblue" data-testid="line-parcel">
                      {t('actions.parcel', { n: parcel })}
                    </Tag>
                  ),
                },
              ]
            : []),
        ]}
        summary={() => (
          <Table.Summary>
            {summaryRow(t('order.subtotal'), money(subtotal))}
            {summaryRow(t('order.shippingFee'), money(order.shippingFee))}
            {summaryRow(
              t('order.discount'),
              toCents(order.discount) > 0 ? <>−{money(order.discount)}</> : money(order.discount),
            )}
            {summaryRow(t('order.total'), money(order.total), true)}
          </Table.Summary>
        )}
      />
    </Card>
  );
}

function OrderFacts({ order }: { order: Order }) {
  const { t } = useTranslation();
  const channels = useChannelNames();
  const address = order.shippingAddress;
  const place = [address.country, address.province, address.city, address.district].filter(Boolean).join(' ');
  return (
    <Card>
      <Descriptions
        title={t('order.info')}
        size="small"
        column={{ xs: 1, sm: 2, lg: 3 }}
        items={[
          {
            key: 'channel',
            label: t('orders.channel'),
            children: <span data-testid="order-channel">{channels.nameOf(order.channel)}</span>,
          },
          { key: 'externalId', label: t('orders.externalId'), children: order.externalId },
          {
            key: 'type',
            label: t('orders.type'),
            children: <EnumText group="orderType" value={order.type} />,
          },
          { key: 'placedAt', label: t('orders.placedAt'), children: formatDateTime(order.placedAt) },
          {
            key: 'service',
            label: t('order.requestedService'),
            children: <EnumText group="serviceLevel" value={order.requestedService} />,
          },
          { key: 'createdAt', label: t('order.createdAt'), children: formatDateTime(order.createdAt) },
          { key: 'updatedAt', label: t('order.updatedAt'), children: formatDateTime(order.updatedAt) },
        ]}
      />
      <Descriptions
        title={t('order.customerAndAddress')}
        size="small"
        column={{ xs: 1, sm: 2, lg: 3 }}
        style={{ marginTop: 16 }}
        items={[
          { key: 'name', label: t('order.customerName'), children: order.customer.name },
          { key: 'email', label: t('order.email'), children: order.customer.email || '—' },
          { key: 'phone', label: t('order.phone'), children: order.customer.phone || '—' },
          {
            key: 'recipient',
            label: t('order.recipient'),
            children: `${address.name} ${address.phone ?? ''}`,
          },
          {
            key: 'address',
            label: t('order.address'),
            span: 2,
            children: [place, address.line1, address.line2, address.postalCode].filter(Boolean).join(', '),
          },
        ]}
      />
      <Descriptions
        title={t('order.payment')}
        size="small"
        column={{ xs: 1, sm: 2, lg: 4 }}
        style={{ marginTop: 16 }}
        items={[
          {
            key: 'status',
            label: t('order.paymentStatus'),
            children: <EnumText group="paymentStatus" value={order.payment.status} />,
          },
          {
            key: 'method',
            label: t('order.paymentMethod'),
            children: <EnumText group="paymentMethod" value={order.payment.method} />,
          },
          {
            key: 'paid',
            label: t('order.paidAmount'),
            children: formatMoney(order.payment.paidAmount, order.currency),
          },
          { key: 'paidAt', label: t('order.paidAt'), children: formatDateTime(order.payment.paidAt) },
        ]}
      />
      {order.buyerNote || order.sellerNote ? (
        <Descriptions
          title={t('order.notes')}
          size="small"
          column={1}
          style={{ marginTop: 16 }}
          items={[
            { key: 'buyer', label: t('order.buyerNote'), children: order.buyerNote || '—' },
            { key: 'seller', label: t('order.sellerNote'), children: order.sellerNote || '—' },
          ]}
        />
      ) : null}
    </Card>
  );
}

function CancelOrderModal({
  order,
  open,
  onClose,
  onCancelled,
}: {
  order: Order;
  open: boolean;
  onClose: () => void;
  onCancelled: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const [isSubmitting, setIsSubmitting] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async ({ reason }: { reason: string }) => {
    setIsSubmitting(true);
    setError(null);
    try {
      await ordersApi.cancel(order.id, reason.trim());
      message.success(t('order.cancelDone', { number: order.number }));
      form.resetFields();
      onCancelled();
    } catch (failure) {
      setError(failure);
    } finally {
      setIsSubmitting(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('order.cancelTitle', { number: order.number })}
      okText={t('order.cancelConfirm')}
      okButtonProps={{ danger: true, loading: isSubmitting }}
      cancelText={t('common.back')}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {error ? (
        <Alert type="error" showIcon title={errorText(t, error)} style={{ marginBottom: 16 }} />
      ) : null}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="reason"
          label={t('order.cancelReason')}
          rules={[{ required: true, whitespace: true, message: t('order.cancelReasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="cancel-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function OrderDetailPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { orderId = '' } = useParams();
  const loader = useLoader(() => ordersApi.get(orderId), [orderId]);
  const [isCancelOpen, setIsCancelOpen] = useState(false);
  const order = loader.data;
  usePageTitle(order ? t('order.title', { number: order.number }) : t('orders.title'));

  if (loader.error) {
    if (isNotFound(loader.error)) {
      return (
        <NotFoundResult title={t('order.notFound')} backTo="/orders" backLabel={t('order.backToList')} />
      );
    }
    return <Alert type="error" showIcon title={errorText(t, loader.error)} />;
  }
  if (!order) return <Spin style={{ display: 'block', marginTop: 80 }} />;

  const canCancel = can('orders:cancel') && canTransition(order.status, 'cancelled');
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }} data-testid="order-detail">
      <Card>
        <DetailHeading
          backTo="/orders"
          backLabel={t('order.backToList')}
          title={order.number}
          titleTestId="order-number"
          tags={
            <>
              <OrderStatusTag status={order.status} testId="order-status" />
              {order.holds.map((code) => (
                <HoldTag key={code} code={code} />
              ))}
              {order.status === 'pending_review' ? <ReviewStageTag stage={order.review.stage} /> : null}
              <SlaTag status={order.slaStatus} shipBy={order.shipBy} />
              {order.review.claimedBy ? (
                <Tag data-testid="order-claimed">
                  {t('orderReview.claimedByName', { name: order.review.claimedBy })}
                </Tag>
              ) : null}
              <Typography.Text type="secondary">{formatMoney(order.total, order.currency)}</Typography.Text>
            </>
          }
          actions={
            <OrderActionBar
              order={order}
              canCancel={canCancel}
              onCancel={() => setIsCancelOpen(true)}
              onChanged={(updated) => (updated ? loader.setData(updated) : loader.reload())}
            />
          }
        />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Space orientation="vertical" size="large" style={{ width: '100%' }}>
            {order.holdDetails.length ? <HoldsCard holds={order.holdDetails} /> : null}
            <LinesCard order={order} />
            <OrderFacts order={order} />
            <OrderConversation order={order} onChanged={loader.reload} />
          </Space>
        </Col>
        <Col xs={24} xl={8}>
          <Space orientation="vertical" size="large" style={{ width: '100%' }}>
            <ReviewCard order={order} />
            <ClassificationCard order={order} />
            <ShipmentsCard order={order} />
            <AllocationCard order={order} />
            <Card title={t('order.timeline')}>
              <OrderTimeline order={order} />
            </Card>
          </Space>
        </Col>
      </Row>
      <CancelOrderModal
        order={order}
        open={isCancelOpen}
        onClose={() => setIsCancelOpen(false)}
        onCancelled={() => {
          setIsCancelOpen(false);
          loader.reload();
        }}
      />
    </Space>
  );
}
