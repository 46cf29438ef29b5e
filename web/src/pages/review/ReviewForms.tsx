import type { ButtonProps } from 'antd';
import { Button, DatePicker, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { type CalendarDay, reviewApi } from '../../api/review';
import { KpiSelect } from './choices';
import { emptyToNull, type ModalFormProps, useSubmit } from './formKit';

const sourceTypes = ['meeting_issue', 'complaint', 'case', 'incident', 'feedback'] as const;
const classifications = ['process', 'system', 'partner', 'people', 'customer'] as const;
const causeCategories = ['method', 'machine', 'material', 'manpower', 'measurement', 'environment'] as const;

interface CorrectiveValues {
  sourceType: (typeof sourceTypes)[number];
  sourceRef?: string;
  title: string;
  classification: (typeof classifications)[number];
  causeCategory: (typeof causeCategories)[number];
  whys: string[];
  rootCause: string;
  action: string;
  ownerName: string;
  ownerEmail?: string;
  deadlineAt?: Dayjs;
  kpi: { name: string; baseline: number; target: number };
  verifyAfterDays: number;
}

/** A corrective action: the problem, its 5 whys and root cause, the action, and the KPI to verify. */
export function CorrectiveFormModal({ open, onClose, onSaved }: ModalFormProps) {
  const { t } = useTranslation();
  const { form, busy, error, submit } = useSubmit<CorrectiveValues>(
    (v) =>
      reviewApi.corrective.create({
        sourceType: v.sourceType,
        sourceRef: emptyToNull(v.sourceRef),
        title: v.title,
        classification: v.classification,
        causeCategory: v.causeCategory,
        whys: (v.whys ?? []).filter((why) => why?.trim()),
        rootCause: v.rootCause,
        action: v.action,
        ownerName: v.ownerName,
        ownerEmail: emptyToNull(v.ownerEmail),
        deadlineAt: v.deadlineAt ? v.deadlineAt.toISOString() : '',
        kpi: v.kpi,
        verifyAfterDays: v.verifyAfterDays,
      }),
    onSaved,
  );
  return (
    <Modal
      open={open}
      title={t('review.forms.newCorrective')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy, 'data-testid': 'corrective-save' } as ButtonProps}
      width={760}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          sourceType: 'meeting_issue',
          classification: 'process',
          causeCategory: 'method',
          whys: ['', '', '', '', ''],
          kpi: { baseline: 0, target: 0 },
          verifyAfterDays: 30,
        }}
      >
        {error && <div className="ant-form-item-explain-error">{error}</div>}
        <Form.Item name="title" label={t('review.corrective.problem')}>
          <Input data-testid="corrective-title" />
        </Form.Item>
        <Space wrap>
          <Form.Item name="sourceType" label={t('review.forms.source')}>
            <Select
              style={{ width: 160 }}
              options={sourceTypes.map((s) => ({ value: s, label: t(`review.forms.sources.${s}`) }))}
            />
          </Form.Item>
          <Form.Item name="sourceRef" label={t('review.forms.sourceRef')}>
            <Input />
          </Form.Item>
          <Form.Item name="classification" label={t('review.forms.classification')}>
            <Select
              style={{ width: 140 }}
              options={classifications.map((c) => ({
                value: c,
                label: t(`review.forms.classifications.${c}`),
              }))}
            />
          </Form.Item>
          <Form.Item name="causeCategory" label={t('review.forms.causeCategory')}>
            <Select
              style={{ width: 160 }}
              options={causeCategories.map((c) => ({ value: c, label: t(`review.forms.causes.${c}`) }))}
            />
          </Form.Item>
        </Space>
        {[0, 1, 2, 3, 4].map((i) => (
          <Form.Item key={i} name={['whys', i]} label={t('review.forms.why', { n: i + 1 })}>
            <Input data-testid={`corrective-why-${i}`} />
          </Form.Item>
        ))}
        <Form.Item name="rootCause" label={t('review.corrective.rootCause')}>
          <Input.TextArea rows={2} data-testid="corrective-root-cause" />
        </Form.Item>
        <Form.Item name="action" label={t('review.corrective.action')}>
          <Input.TextArea rows={2} data-testid="corrective-action" />
        </Form.Item>
        <Space wrap>
          <Form.Item name="ownerName" label={t('review.action.owner')}>
            <Input data-testid="corrective-owner" />
          </Form.Item>
          <Form.Item name="ownerEmail" label={t('review.action.ownerEmail')}>
            <Input />
          </Form.Item>
          <Form.Item name="deadlineAt" label={t('review.action.deadline')}>
            <DatePicker data-testid="corrective-deadline" />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name={['kpi', 'name']} label={t('review.forms.kpiName')}>
            <KpiSelect testId="corrective-kpi" />
          </Form.Item>
          <Form.Item name={['kpi', 'baseline']} label={t('review.forms.baseline')}>
            <InputNumber data-testid="corrective-baseline" />
          </Form.Item>
          <Form.Item name={['kpi', 'target']} label={t('review.forms.target')}>
            <InputNumber data-testid="corrective-target" />
          </Form.Item>
          <Form.Item name="verifyAfterDays" label={t('review.forms.verifyAfterDays')}>
            <InputNumber min={1} max={365} />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}

interface CalendarValues {
  day?: Dayjs;
  kind: CalendarDay['kind'];
  label: string;
  volumeFactor: number;
}

/** A holiday or campaign day with its volume factor, read by next week's plan. */
export function CalendarDayForm({ onSaved }: { onSaved: () => void }) {
  const { t } = useTranslation();
  const { form, busy, error, submit } = useSubmit<CalendarValues>(
    (v) =>
      reviewApi.calendar.save({
        day: v.day ? v.day.format('YYYY-MM-DD') : '',
        kind: v.kind,
        label: v.label,
        volumeFactor: v.volumeFactor,
      }),
    onSaved,
  );
  return (
    <Form form={form} layout="inline" onFinish={submit} initialValues={{ kind: 'campaign', volumeFactor: 1 }}>
      <Form.Item name="day" label={t('review.forms.day')}>
        <DatePicker data-testid="calendar-day" />
      </Form.Item>
      <Form.Item name="kind">
        <Select
          style={{ width: 120 }}
          options={['holiday', 'campaign'].map((k) => ({ value: k, label: t(`review.forms.dayKinds.${k}`) }))}
        />
      </Form.Item>
      <Form.Item name="label" label={t('review.forms.label')}>
        <Input data-testid="calendar-label" />
      </Form.Item>
      <Form.Item name="volumeFactor" label={t('review.forms.volumeFactor')}>
        <InputNumber min={0} max={20} step={0.1} data-testid="calendar-factor" />
      </Form.Item>
      <Button htmlType="submit" type="primary" loading={busy} data-testid="calendar-save">
        {t('common.save')}
      </Button>
      {error && <div className="ant-form-item-explain-error">{error}</div>}
    </Form>
  );
}
