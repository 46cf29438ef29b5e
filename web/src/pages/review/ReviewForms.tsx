import type { ButtonProps } from 'antd';
import { Button, DatePicker, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CalendarDay, reviewApi } from '../../api/review';
import { errorText, showFieldErrors } from '../../errors';

const departments = ['customer_service', 'logistics', 'finance', 'it', 'operations'] as const;
const sourceTypes = ['meeting_issue', 'complaint', 'case', 'incident', 'feedback'] as const;
const classifications = ['process', 'system', 'partner', 'people', 'customer'] as const;
const causeCategories = ['method', 'machine', 'material', 'manpower', 'measurement', 'environment'] as const;
const articleKinds = ['howto', 'playbook', 'lesson'] as const;

const emptyToNull = (value: string | undefined | null) => (value?.trim() ? value.trim() : null);

interface ModalFormProps {
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
}

/** Saves through `save`; a refused save puts the server's field errors onto the form. */
function useSubmit<T>(save: (values: T) => Promise<unknown>, onSaved: () => void) {
  const { t } = useTranslation();
  const [form] = Form.useForm<T>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (values: T) => {
    setBusy(true);
    setError(null);
    try {
      await save(values);
      form.resetFields();
      onSaved();
    } catch (failure) {
      if (showFieldErrors(form, t, failure).length === 0) setError(errorText(t, failure));
    } finally {
      setBusy(false);
    }
  };
  return { form, busy, error, submit };
}

interface SeriesValues {
  name: string;
  kind: 'weekly' | 'sharing';
  chair?: string;
  participants: { name: string; email?: string; department: string; role?: string }[];
  weekday: number;
  startTime: string;
  durationMinutes: number;
  timeZone: string;
  onlineLink?: string;
}

/** A new meeting series: who meets, when, where online. */
export function SeriesFormModal({ open, onClose, onSaved }: ModalFormProps) {
  const { t } = useTranslation();
  const { form, busy, error, submit } = useSubmit<SeriesValues>(
    (v) =>
      reviewApi.series.create({
        name: v.name,
        kind: v.kind,
        chair: v.chair ?? '',
        participants: (v.participants ?? []).map((p) => ({
          name: p.name,
          email: emptyToNull(p.email),
          department: p.department as (typeof departments)[number],
          role: emptyToNull(p.role),
        })),
        weekday: v.weekday,
        startTime: v.startTime,
        durationMinutes: v.durationMinutes,
        timeZone: v.timeZone,
        onlineLink: emptyToNull(v.onlineLink),
      }),
    onSaved,
  );
  return (
    <Modal
      open={open}
      title={t('review.forms.newSeries')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy, 'data-testid': 'series-save' } as ButtonProps}
      width={760}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          kind: 'weekly',
          weekday: 1,
          startTime: '10:00',
          durationMinutes: 60,
          timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
          participants: [{ department: 'operations' }],
        }}
      >
        {error && <div className="ant-form-item-explain-error">{error}</div>}
        <Form.Item name="name" label={t('review.forms.name')}>
          <Input data-testid="series-name" />
        </Form.Item>
        <Space wrap>
          <Form.Item name="kind" label={t('review.forms.kind')}>
            <Select
              style={{ width: 140 }}
              options={['weekly', 'sharing'].map((k) => ({ value: k, label: t(`review.forms.kinds.${k}`) }))}
            />
          </Form.Item>
          <Form.Item name="chair" label={t('review.forms.chair')}>
            <Input data-testid="series-chair" />
          </Form.Item>
          <Form.Item name="weekday" label={t('review.forms.weekday')}>
            <Select
              style={{ width: 140 }}
              options={[1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: d, label: t(`review.weekday.${d}`) }))}
            />
          </Form.Item>
          <Form.Item name="startTime" label={t('review.forms.startTime')}>
            <Input style={{ width: 90 }} placeholder="HH:MM" data-testid="series-start" />
          </Form.Item>
          <Form.Item name="durationMinutes" label={t('review.forms.duration')}>
            <InputNumber min={15} max={240} />
          </Form.Item>
          <Form.Item name="timeZone" label={t('review.forms.timeZone')}>
            <Input style={{ width: 180 }} data-testid="series-zone" />
          </Form.Item>
        </Space>
        <Form.Item name="onlineLink" label={t('review.forms.onlineLink')}>
          <Input placeholder="https://" data-testid="series-link" />
        </Form.Item>
        <Form.List name="participants">
          {(fields, { add, remove }) => (
            <>
              <div style={{ marginBottom: 8 }}>{t('review.forms.participants')}</div>
              {fields.map((field) => (
                <Space key={field.key} align="start" wrap>
                  <Form.Item name={[field.name, 'name']}>
                    <Input
                      placeholder={t('review.forms.participantName')}
                      data-testid={`participant-name-${field.name}`}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'email']}>
                    <Input placeholder={t('review.forms.email')} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'department']}>
                    <Select
                      style={{ width: 160 }}
                      options={departments.map((d) => ({ value: d, label: t(`review.department.${d}`) }))}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'role']}>
                    <Input placeholder={t('review.forms.role')} />
                  </Form.Item>
                  <Button onClick={() => remove(field.name)}>{t('common.remove')}</Button>
                </Space>
              ))}
              <Button onClick={() => add({ department: 'operations' })} data-testid="participant-add">
                {t('review.forms.addParticipant')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}

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
            <Input data-testid="corrective-kpi" />
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

interface ArticleValues {
  kind: (typeof articleKinds)[number];
  title: { en: string; zh: string };
  body: { en: string; zh: string };
}

/** A knowledge-base article, written in both languages. */
export function ArticleFormModal({ open, onClose, onSaved }: ModalFormProps) {
  const { t } = useTranslation();
  const { form, busy, error, submit } = useSubmit<ArticleValues>(
    (v) => reviewApi.knowledge.create({ kind: v.kind, title: v.title, body: v.body }),
    onSaved,
  );
  return (
    <Modal
      open={open}
      title={t('review.forms.newArticle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy, 'data-testid': 'article-save' } as ButtonProps}
      width={760}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ kind: 'howto' }}>
        {error && <div className="ant-form-item-explain-error">{error}</div>}
        <Form.Item name="kind" label={t('review.forms.kind')}>
          <Select
            style={{ width: 160 }}
            options={articleKinds.map((k) => ({ value: k, label: t(`review.knowledge.kind.${k}`) }))}
          />
        </Form.Item>
        <Form.Item name={['title', 'en']} label={t('review.forms.titleEn')}>
          <Input data-testid="article-title-en" />
        </Form.Item>
        <Form.Item name={['title', 'zh']} label={t('review.forms.titleZh')}>
          <Input data-testid="article-title-zh" />
        </Form.Item>
        <Form.Item name={['body', 'en']} label={t('review.forms.bodyEn')}>
          <Input.TextArea rows={5} data-testid="article-body-en" />
        </Form.Item>
        <Form.Item name={['body', 'zh']} label={t('review.forms.bodyZh')}>
          <Input.TextArea rows={5} data-testid="article-body-zh" />
        </Form.Item>
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
