import { App, Button, Card, DatePicker, Form, Input, InputNumber, Radio, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  evaluationFigureNames,
  evaluationFigures,
  evaluationsApi,
  type Period,
  type Plan,
  type Weight,
} from '../../api/evaluations';
import { FormModal } from '../../components/FormModal';
import { RoleSelect } from '../../components/RoleSelect';
import { errorText } from '../../errors';

type WeightValues = Partial<Record<Weight['figure'], number>>;

function toWeights(values: WeightValues): Weight[] {
  return evaluationFigureNames
    .map((figure) => ({ figure, weight: values[figure] ?? 0 }))
    .filter((w) => w.weight > 0);
}

function WeightFields() {
  const { t } = useTranslation();
  return (
    <Space wrap>
      {evaluationFigureNames.map((figure) => (
        <Form.Item
          key={figure}
          name={figure}
          label={t(`staffJobs.figures.${figure}`)}
          tooltip={evaluationFigures[figure].isHigherBetter ? undefined : t('evaluations.lessIsBetter')}
        >
          <InputNumber min={0} max={100} addonAfter="%" data-testid={`weight-${figure}`} />
        </Form.Item>
      ))}
    </Space>
  );
}

/** The period's weights, editable; the server refuses weights that do not sum to 100. */
export function WeightsCard({ period, onSaved }: { period: Period; onSaved: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<WeightValues>();
  const initial = Object.fromEntries(period.weights.map((w) => [w.figure, w.weight]));
  const values = Form.useWatch([], form) ?? initial;
  const sum = evaluationFigureNames.reduce((total, f) => total + ((values as WeightValues)[f] ?? 0), 0);
  async function save(v: WeightValues) {
    try {
      await evaluationsApi.setWeights(period.id, toWeights(v));
      message.success(t('evaluations.weightsSaved'));
      onSaved();
    } catch (failure) {
      message.error(errorText(t, failure));
    }
  }
  return (
    <Card title={t('evaluations.weights')} data-testid="weights">
      <Form
        form={form}
        key={period.id + period.updatedAt}
        initialValues={initial}
        onFinish={save}
        layout="vertical"
      >
        <WeightFields />
        <Space>
          <Typography.Text type={sum === 100 ? 'success' : 'danger'} data-testid="weights-sum">
            {t('evaluations.weightsSum', { sum })}
          </Typography.Text>
          <Button htmlType="submit" data-testid="save-weights">
            {t('common.save')}
          </Button>
        </Space>
      </Form>
    </Card>
  );
}

type PeriodValues = WeightValues & { name: string; role: string; window: [Dayjs, Dayjs] };

export function NewPeriodModal({ onClose }: { onClose: (createdId?: string) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<PeriodValues>();
  return (
    <FormModal<PeriodValues>
      title={t('evaluations.newPeriod')}
      okText={t('common.save')}
      form={form}
      width={720}
      testId="period-modal"
      onClose={() => onClose()}
      submit={async (v) => {
        const created = await evaluationsApi.create({
          name: v.name,
          role: v.role,
          from: v.window[0].startOf('day').toISOString(),
          to: v.window[1].add(1, 'day').startOf('day').toISOString(),
          weights: toWeights(v),
        });
        onClose(created.id);
      }}
    >
      <Form.Item name="name" label={t('evaluations.periodName')} rules={[{ required: true }]}>
        <Input />
      </Form.Item>
      <Form.Item name="role" label={t('evaluations.role')} rules={[{ required: true }]}>
        <RoleSelect />
      </Form.Item>
      <Form.Item name="window" label={t('evaluations.window')} rules={[{ required: true }]}>
        <DatePicker.RangePicker />
      </Form.Item>
      <WeightFields />
    </FormModal>
  );
}

type ReviewValues = { comment?: string; bonusPoints?: number; recognition?: string };

export function ReviewModal(props: { periodId: string; person: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ReviewValues>();
  return (
    <FormModal<ReviewValues>
      title={`${t('evaluations.review')}: ${props.person}`}
      okText={t('common.save')}
      form={form}
      testId="review-modal"
      onClose={props.onDone}
      submit={async (v) => {
        await evaluationsApi.review(props.periodId, props.person, {
          comment: v.comment || null,
          bonusPoints: v.bonusPoints ?? 0,
          recognition: v.recognition || null,
        });
        props.onDone();
      }}
    >
      <Form.Item name="comment" label={t('evaluations.comment')}>
        <Input.TextArea rows={3} />
      </Form.Item>
      <Form.Item name="bonusPoints" label={t('evaluations.bonusPoints')}>
        <InputNumber min={0} max={10000} />
      </Form.Item>
      <Form.Item name="recognition" label={t('evaluations.recognition')}>
        <Input />
      </Form.Item>
    </FormModal>
  );
}

type PlanValues = {
  goals: string;
  coach: string;
  reviewOn: Dayjs;
  status: 'met' | 'not_met';
  outcome: string;
};

/** Starts a plan for a person (goals one per line), or closes an open plan at its review. */
export function PlanModal(props: { periodId?: string; person?: string; plan?: Plan; onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<PlanValues>();
  const [isClosing] = useState(Boolean(props.plan));
  return (
    <FormModal<PlanValues>
      title={isClosing ? t('evaluations.closePlan') : `${t('evaluations.newPlan')}: ${props.person}`}
      okText={t('common.save')}
      form={form}
      testId="plan-modal"
      onClose={props.onDone}
      submit={async (v) => {
        if (props.plan)
          await evaluationsApi.closePlan(props.plan.id, { status: v.status, outcome: v.outcome });
        else
          await evaluationsApi.createPlan({
            person: props.person!,
            periodId: props.periodId ?? null,
            goals: v.goals
              .split('\n')
              .map((g) => g.trim())
              .filter(Boolean),
            coach: v.coach,
            reviewOn: v.reviewOn.format('YYYY-MM-DD'),
          });
        props.onDone();
      }}
    >
      {isClosing ? (
        <>
          <Form.Item name="status" label={t('evaluations.planStatus')} rules={[{ required: true }]}>
            <Radio.Group
              options={(['met', 'not_met'] as const).map((s) => ({
                value: s,
                label: t(`evaluations.planStatuses.${s}`),
              }))}
            />
          </Form.Item>
          <Form.Item name="outcome" label={t('evaluations.outcome')} rules={[{ required: true }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </>
      ) : (
        <>
          <Form.Item
            name="goals"
            label={t('evaluations.goals')}
            extra={t('evaluations.goalsHelp')}
            rules={[{ required: true }]}
          >
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item name="coach" label={t('evaluations.coach')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="reviewOn" label={t('evaluations.reviewOn')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}
