import {
  Alert,
  App,
  Checkbox,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Space,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { explanationLang, renderExplanation } from '../../../src/contracts/explanations.ts';
import { type AddressInput, customerActionHolds, orderReviewApi, reviewOnlyHolds } from '../api/order-review';
import {
  type Order,
  type PaymentStatus,
  paymentMethods,
  paymentStatuses,
  type ReviewStage,
} from '../api/orders';
import { AddressFields, toAddressInput, trimAddress } from './AddressFields';
import { FormModal } from './FormModal';
import { HoldTag } from './StatusTags';

type ModalProps = { order: Order; onClose: () => void; onDone: (order: Order) => void };

export function ReleaseHoldsModal({ order, onClose, onDone }: ModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ codes: string[]; note?: string }>();
  const releasable = order.holds.filter((code) => !reviewOnlyHolds.includes(code));
  const needsReview = order.holds.some((code) => reviewOnlyHolds.includes(code));
  return (
    <FormModal
      title={t('actions.releaseTitle', { number: order.number })}
      okText={t('actions.release')}
      form={form}
      onClose={onClose}
      testId="release-form"
      submit={async ({ codes, note }) => {
        const updated = await orderReviewApi.releaseHolds(order.id, codes, note?.trim() || undefined);
        message.success(
          updated.status === 'approved'
            ? t('actions.releasedApproved', { number: order.number })
            : t('actions.released', { count: codes.length }),
        );
        onDone(updated);
      }}
    >
      <Form.Item
        name="codes"
        label={t('actions.releaseWhich')}
        initialValue={releasable}
        rules={[{ required: true, type: 'array', min: 1, message: t('actions.releasePickOne') }]}
      >
        <Checkbox.Group style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
          {releasable.map((code) => (
            <Checkbox key={code} value={code} data-testid="release-code" data-code={code}>
              <HoldTag code={code} />
              <Typography.Text type="secondary">
                {t(`holds.explain.${code}`, { defaultValue: '' })}
              </Typography.Text>
            </Checkbox>
          ))}
        </Checkbox.Group>
      </Form.Item>
      {needsReview ? (
        <Alert type="info" showIcon title={t('actions.highRiskNeedsReview')} style={{ marginBottom: 16 }} />
      ) : null}
      <Form.Item name="note" label={t('actions.note')}>
        <Input.TextArea rows={2} maxLength={500} showCount data-testid="release-note" />
      </Form.Item>
    </FormModal>
  );
}

export function ReviewModal({ order, onClose, onDone }: ModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ decision: 'approve' | 'reject'; reason?: string }>();
  const decision = Form.useWatch('decision', form);
  const stage: ReviewStage = order.review.stage ?? 'processor';
  return (
    <FormModal
      title={t('actions.reviewTitle', { number: order.number, stage: t(`reviewStage.${stage}`) })}
      okText={decision === 'reject' ? t('actions.reject') : t('actions.approve')}
      isDanger={decision === 'reject'}
      form={form}
      onClose={onClose}
      testId="review-form"
      submit={async (values) => {
        const updated = await orderReviewApi.review(
          order.id,
          stage,
          values.decision,
          values.reason?.trim() || undefined,
        );
        message.success(
          values.decision === 'reject'
            ? t('actions.reviewRejected', { number: order.number })
            : t('actions.reviewApproved', { number: order.number, stage: t(`reviewStage.${stage}`) }),
        );
        onDone(updated);
      }}
    >
      <Alert
        type="warning"
        showIcon
        title={t('actions.reviewRisk', { score: order.review.riskScore })}
        description={t(`reviewStage.explain.${stage}`)}
        style={{ marginBottom: 16 }}
      />
      <Form.Item name="decision" label={t('actions.decision')} initialValue="approve">
        <Radio.Group data-testid="review-decision">
          <Radio.Button value="approve">{t('actions.approve')}</Radio.Button>
          <Radio.Button value="reject">{t('actions.reject')}</Radio.Button>
        </Radio.Group>
      </Form.Item>
      <Form.Item
        name="reason"
        label={decision === 'reject' ? t('actions.rejectReason') : t('actions.approveNote')}
        rules={
          decision === 'reject'
            ? [{ required: true, whitespace: true, message: t('actions.rejectReasonRequired') }]
            : undefined
        }
      >
        <Input.TextArea rows={3} maxLength={500} showCount data-testid="review-reason" />
      </Form.Item>
      {decision === 'reject' ? (
        <Typography.Text type="danger">{t('actions.rejectCancels')}</Typography.Text>
      ) : null}
    </FormModal>
  );
}

type PaymentValues = {
  status: PaymentStatus;
  paidAmount?: string | null;
  paidAt?: Dayjs | null;
  method?: string;
};

export function PaymentModal({ order, onClose, onDone }: ModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<PaymentValues>();
  const status = Form.useWatch('status', form);
  const isPaid = status === 'paid' || status === 'partially_paid';
  return (
    <FormModal
      title={t('actions.paymentTitle', { number: order.number })}
      okText={t('common.save')}
      form={form}
      onClose={onClose}
      testId="payment-form"
      submit={async (values) => {
        const updated = await orderReviewApi.recordPayment(order.id, {
          status: values.status,
          paidAmount: isPaid && values.paidAmount ? String(values.paidAmount) : undefined,
          paidAt: isPaid && values.paidAt ? values.paidAt.toISOString() : undefined,
          method: values.method || undefined,
        });
        message.success(t('actions.paymentSaved'));
        onDone(updated);
      }}
    >
      <Form.Item
        name="status"
        label={t('order.paymentStatus')}
        initialValue="paid"
        rules={[{ required: true }]}
      >
        <Select
          options={paymentStatuses.map((value) => ({ value, label: t(`paymentStatus.${value}`) }))}
          data-testid="payment-status"
        />
      </Form.Item>
      {isPaid ? (
        <Space wrap align="start">
          <Form.Item
            name="paidAmount"
            label={t('order.paidAmount')}
            initialValue={order.total}
            rules={[{ required: true, message: t('common.required', { field: t('order.paidAmount') }) }]}
          >
            <InputNumber<string>
              stringMode
              min="0"
              step="0.01"
              precision={2}
              style={{ width: 180 }}
              addonAfter={order.currency}
              data-testid="payment-amount"
            />
          </Form.Item>
          <Form.Item name="paidAt" label={t('order.paidAt')} initialValue={dayjs()}>
            <DatePicker showTime />
          </Form.Item>
        </Space>
      ) : null}
      <Form.Item
        name="method"
        label={t('order.paymentMethod')}
        initialValue={order.payment.method ?? undefined}
      >
        <Select
          allowClear
          options={paymentMethods.map((value) => ({ value, label: t(`paymentMethod.${value}`) }))}
        />
      </Form.Item>
    </FormModal>
  );
}

export function AddressModal({ order, onClose, onDone }: ModalProps) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ shippingAddress: AddressInput }>();
  const problems = order.holdDetails.filter(
    (hold) => !hold.releasedAt && customerActionHolds.includes(hold.code),
  );
  return (
    <FormModal
      title={t('actions.addressTitle', { number: order.number })}
      okText={t('common.save')}
      form={form}
      onClose={onClose}
      testId="address-form"
      width={720}
      initialValues={{ shippingAddress: toAddressInput(order.shippingAddress) }}
      submit={async ({ shippingAddress }) => {
        const updated = await orderReviewApi.correctAddress(order.id, trimAddress(shippingAddress));
        message.success(t('actions.addressSaved'));
        onDone(updated);
      }}
    >
      {problems.map((hold) => (
        <Alert
          key={hold.code}
          type="warning"
          showIcon
          title={t(`holds.code.${hold.code}`, { defaultValue: hold.code })}
          description={
            hold.explanation
              ? renderExplanation(hold.explanation, explanationLang(i18n.language))
              : hold.message
          }
          style={{ marginBottom: 12 }}
        />
      ))}
      <AddressFields />
    </FormModal>
  );
}

/** Open orders of the same buyer and address that could ship with this one. */
