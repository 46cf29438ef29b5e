import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Form,
  Input,
  Row,
  Select,
  Space,
  Statistic,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { catalogApi } from '../api/catalog';
import { ordersApi, orderTypes, paymentMethods, paymentStatuses, requestedServices } from '../api/orders';
import { errorText, fieldErrors, showFieldErrors } from '../errors';
import { formatMoney, fromCents } from '../format';
import { useLoader } from '../hooks/useLoader';
import { usePageTitle } from '../hooks/usePageTitle';
import { AddressCard } from './NewOrderAddress';
import { MoneyInput, requiredRules, TextField } from './NewOrderFields';
import { LinesEditor } from './NewOrderLines';
import { currencies, type FormValues, initialValues, toOrderInput, totalCents } from './NewOrderValues';

/** An order entered by hand, section by section. */
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

  const required = (label: string) => requiredRules(t, label);

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
              <TextField
                name={['externalId']}
                label={t('orders.externalId')}
                isRequired
                testId="new-order-external-id"
              />
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
                  options={requestedServices.map((value) => ({ value, label: t(`serviceLevel.${value}`) }))}
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
              <TextField
                name={['customer', 'name']}
                label={t('order.customerName')}
                isRequired
                testId="new-order-customer-name"
              />
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
              <TextField
                name={['customer', 'phone']}
                label={t('order.phone')}
                testId="new-order-customer-phone"
              />
            </Col>
          </Row>
        </Card>
        <AddressCard />

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
