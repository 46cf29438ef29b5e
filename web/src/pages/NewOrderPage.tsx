import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Statistic,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { catalogApi, type Sku } from '../api/catalog';
import type { AddressInput } from '../api/order-review';
import {
  type OrderInput,
  type OrderType,
  ordersApi,
  orderTypes,
  type PaymentStatus,
  paymentMethods,
  paymentStatuses,
  type RequestedService,
  requestedServices,
} from '../api/orders';
import { SkuPicker } from '../components/SkuPicker';
import { errorText, fieldErrors, showFieldErrors } from '../errors';
import { formatMoney, fromCents, toCents } from '../format';
import { useLoader } from '../hooks/useLoader';
import { usePageTitle } from '../hooks/usePageTitle';

const currencies = ['CNY', 'USD', 'EUR', 'HKD'] as const;

type LineValues = { sku?: string; quantity?: number; unitPrice?: string };
type FormValues = {
  channel: string;
  externalId: string;
  placedAt: Dayjs;
  currency: string;
  type: OrderType;
  requestedService: RequestedService;
  customer: { name: string; email?: string; phone?: string };
  shippingAddress: AddressInput;
  lines: LineValues[];
  shippingFee?: string;
  discount?: string;
  payment: { status: PaymentStatus; method?: string; paidAmount?: string };
  buyerNote?: string;
  sellerNote?: string;
};

function initialValues(): Partial<FormValues> {
  return {
    channel: 'web',
    externalId: `MAN-${dayjs().format('YYYYMMDDHHmmss')}`,
    placedAt: dayjs(),
    currency: 'CNY',
    type: 'normal',
    requestedService: 'standard',
    shippingAddress: {
      name: '',
      phone: '',
      country: 'CN',
      province: '',
      city: '',
      district: '',
      line1: '',
      line2: '',
      postalCode: '',
    },
    lines: [{ quantity: 1 }],
    shippingFee: '0.00',
    discount: '0.00',
    payment: { status: 'paid', method: 'bank_transfer' },
  };
}

/** Order total in cents: lines plus shipping minus discount; NaN while a number is malformed. */
function totalCents(lines: LineValues[] = [], shippingFee?: string, discount?: string): number {
  const linesCents = lines.reduce((sum, line) => sum + (line?.quantity ?? 0) * toCents(line?.unitPrice), 0);
  return linesCents + toCents(shippingFee) - toCents(discount);
}

const optional = (value?: string) => (value?.trim() ? value.trim() : undefined);
const money = (value?: string) => fromCents(toCents(value));

/** `skuNames`: catalogue names of the SKUs picked from suggestions, sent as the line names. */
function toOrderInput(values: FormValues, skuNames: Record<string, string>): OrderInput {
  const total = fromCents(totalCents(values.lines, values.shippingFee, values.discount));
  const { status, method, paidAmount } = values.payment;
  const placedAt = values.placedAt.toISOString();
  const isPaid = status === 'paid' || status === 'partially_paid';
  return {
    channel: values.channel,
    externalId: values.externalId.trim(),
    placedAt,
    currency: values.currency,
    customer: {
      name: values.customer.name.trim(),
      email: optional(values.customer.email),
      phone: optional(values.customer.phone),
    },
    shippingAddress: values.shippingAddress,
    lines: values.lines.map((line) => ({
      sku: (line.sku ?? '').trim(),
      name: skuNames[(line.sku ?? '').trim()],
      quantity: line.quantity ?? 0,
      unitPrice: money(line.unitPrice),
    })),
    shippingFee: money(values.shippingFee),
    discount: money(values.discount),
    total,
    payment: {
      status,
      method: optional(method),
      paidAmount: status === 'paid' ? total : status === 'partially_paid' ? money(paidAmount) : undefined,
      paidAt: isPaid ? placedAt : undefined,
    },
    type: values.type,
    requestedService: values.requestedService,
    buyerNote: values.buyerNote ?? '',
    sellerNote: values.sellerNote ?? '',
  };
}

function MoneyInput(props: { value?: string; onChange?: (value: string) => void; 'data-testid'?: string }) {
  return (
    <InputNumber<string>
      stringMode
      min="0"
      step="0.01"
      precision={2}
      style={{ width: '100%' }}
      value={props.value}
      onChange={(value) => props.onChange?.(value ?? '')}
      data-testid={props['data-testid']}
    />
  );
}

function LinesEditor({
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

export default function NewOrderPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<FormValues>();
  const [error, setError] = useState<unknown>(null);
  const [isSubmitting, setIsSubmitting] = useState(false);
  const [skuNames, setSkuNames] = useState<Record<string, string>>({});
  const channels = useLoader(() => catalogApi.channels.list(), []);
  usePageTitle(t('newOrder.title'));

  const currency = Form.useWatch('currency', form) ?? 'CNY';
  const paymentStatus = Form.useWatch(['payment', 'status'], form);
  const lines = Form.useWatch('lines', form);
  const shippingFee = Form.useWatch('shippingFee', form);
  const discount = Form.useWatch('discount', form);
  const total = totalCents(lines, shippingFee, discount);

  const copyCustomerToAddress = () => {
    const customer = form.getFieldValue('customer') as FormValues['customer'] | undefined;
    form.setFieldValue(['shippingAddress', 'name'], customer?.name ?? '');
    form.setFieldValue(['shippingAddress', 'phone'], customer?.phone ?? '');
  };

  const submit = async (values: FormValues) => {
    setIsSubmitting(true);
    setError(null);
    try {
      const { order, isNew } = await ordersApi.create(toOrderInput(values, skuNames));
      if (isNew) message.success(t('newOrder.created', { number: order.number }));
      else message.info(t('newOrder.alreadyExisted', { number: order.number }));
      navigate(`/orders/${order.id}`);
    } catch (failure) {
      setError(failure);
      const fields = showFieldErrors(form, t, failure);
      if (fields[0]) form.scrollToField(fields[0].name, { block: 'center' });
      setIsSubmitting(false);
    }
  };

  const required = (label: string) => [
    { required: true, whitespace: true, message: t('common.required', { field: label }) },
  ];
  const text = (name: (string | number)[], label: string, isRequired = false, testId?: string) => (
    <Form.Item name={name} label={label} rules={isRequired ? required(label) : undefined}>
      <Input data-testid={testId} />
    </Form.Item>
  );

  return (
    <Form<FormValues>
      form={form}
      layout="vertical"
      initialValues={initialValues()}
      onFinish={submit}
      scrollToFirstError
      disabled={isSubmitting}
      data-testid="new-order-form"
    >
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('newOrder.title')}
        </Typography.Title>
        {error ? (
          <Alert
            type="error"
            showIcon
            title={errorText(t, error)}
            description={
              fieldErrors(t, error).length
                ? t('newOrder.fixFields', {
                    fields: fieldErrors(t, error)
                      .map((f) => f.name.join('.'))
                      .join(', '),
                  })
                : undefined
            }
            data-testid="new-order-error"
          />
        ) : null}
        <Card title={t('newOrder.orderSection')}>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item name="channel" label={t('orders.channel')} rules={required(t('orders.channel'))}>
                <Select
                  loading={channels.isLoading}
                  options={(channels.data?.items ?? [{ id: 'web', name: 'web' }]).map((c) => ({
                    value: c.id,
                    label: c.name || c.id,
                  }))}
                  data-testid="new-order-channel"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              {text(['externalId'], t('orders.externalId'), true, 'new-order-external-id')}
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="placedAt" label={t('orders.placedAt')} rules={[{ required: true }]}>
                <DatePicker showTime style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="type" label={t('orders.type')}>
                <Select options={orderTypes.map((value) => ({ value, label: t(`orderType.${value}`) }))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="requestedService" label={t('order.requestedService')}>
                <Select
                  options={requestedServices.map((value) => ({ value, label: t(`service.${value}`) }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="currency" label={t('newOrder.currency')}>
                <Select options={currencies.map((value) => ({ value, label: value }))} />
              </Form.Item>
            </Col>
          </Row>
        </Card>

        <Card title={t('newOrder.customerSection')}>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              {text(['customer', 'name'], t('order.customerName'), true, 'new-order-customer-name')}
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                name={['customer', 'email']}
                label={t('order.email')}
                rules={[{ type: 'email', message: t('newOrder.emailInvalid') }]}
              >
                <Input data-testid="new-order-customer-email" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              {text(['customer', 'phone'], t('order.phone'), false, 'new-order-customer-phone')}
            </Col>
          </Row>
        </Card>

        <Card
          title={t('newOrder.addressSection')}
          extra={
            <Button size="small" onClick={copyCustomerToAddress}>
              {t('newOrder.sameAsCustomer')}
            </Button>
          }
        >
          <Row gutter={16}>
            <Col xs={24} md={8}>
              {text(['shippingAddress', 'name'], t('order.recipient'), true, 'new-order-address-name')}
            </Col>
            <Col xs={24} md={8}>
              {text(['shippingAddress', 'phone'], t('order.phone'), true, 'new-order-address-phone')}
            </Col>
            <Col xs={24} md={8}>
              {text(['shippingAddress', 'country'], t('address.country'), true)}
            </Col>
            <Col xs={24} md={6}>
              {text(['shippingAddress', 'province'], t('address.province'))}
            </Col>
            <Col xs={24} md={6}>
              {text(['shippingAddress', 'city'], t('address.city'), true, 'new-order-address-city')}
            </Col>
            <Col xs={24} md={6}>
              {text(['shippingAddress', 'district'], t('address.district'))}
            </Col>
            <Col xs={24} md={6}>
              {text(['shippingAddress', 'postalCode'], t('address.postalCode'))}
            </Col>
            <Col xs={24} md={12}>
              {text(['shippingAddress', 'line1'], t('address.line1'), true, 'new-order-address-line1')}
            </Col>
            <Col xs={24} md={12}>
              {text(['shippingAddress', 'line2'], t('address.line2'))}
            </Col>
          </Row>
        </Card>

        <Card title={t('order.lines')}>
          <LinesEditor
            currency={currency}
            skuNames={skuNames}
            onSkuPicked={(sku) => setSkuNames((names) => ({ ...names, [sku.code]: sku.name }))}
          />
        </Card>

        <Card title={t('newOrder.paymentSection')}>
          <Row gutter={16} align="bottom">
            <Col xs={12} md={4}>
              <Form.Item name="shippingFee" label={t('order.shippingFee')}>
                <MoneyInput data-testid="new-order-shipping-fee" />
              </Form.Item>
            </Col>
            <Col xs={12} md={4}>
              <Form.Item name="discount" label={t('order.discount')}>
                <MoneyInput data-testid="new-order-discount" />
              </Form.Item>
            </Col>
            <Col xs={12} md={5}>
              <Form.Item name={['payment', 'status']} label={t('order.paymentStatus')}>
                <Select
                  options={paymentStatuses.map((value) => ({ value, label: t(`paymentStatus.${value}`) }))}
                />
              </Form.Item>
            </Col>
            <Col xs={12} md={5}>
              <Form.Item name={['payment', 'method']} label={t('order.paymentMethod')}>
                <Select
                  allowClear
                  options={paymentMethods.map((value) => ({ value, label: t(`paymentMethod.${value}`) }))}
                />
              </Form.Item>
            </Col>
            {paymentStatus === 'partially_paid' ? (
              <Col xs={12} md={6}>
                <Form.Item
                  name={['payment', 'paidAmount']}
                  label={t('order.paidAmount')}
                  rules={[
                    { required: true, message: t('common.required', { field: t('order.paidAmount') }) },
                  ]}
                >
                  <MoneyInput />
                </Form.Item>
              </Col>
            ) : null}
          </Row>
          <Statistic
            title={t('order.total')}
            value={Number.isNaN(total) ? '—' : formatMoney(fromCents(total), currency)}
            data-testid="new-order-total"
          />
          {total < 0 ? (
            <Alert type="warning" showIcon title={t('newOrder.negativeTotal')} style={{ marginTop: 8 }} />
          ) : null}
        </Card>

        <Card title={t('order.notes')}>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="buyerNote" label={t('order.buyerNote')}>
                <Input.TextArea rows={2} maxLength={1000} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="sellerNote" label={t('order.sellerNote')}>
                <Input.TextArea rows={2} maxLength={1000} />
              </Form.Item>
            </Col>
          </Row>
        </Card>

        <Space>
          <Button type="primary" htmlType="submit" loading={isSubmitting} data-testid="new-order-submit">
            {t('newOrder.submit')}
          </Button>
          <Button onClick={() => navigate('/orders')}>{t('common.cancel')}</Button>
        </Space>
      </Space>
    </Form>
  );
}
