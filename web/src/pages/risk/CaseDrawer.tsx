import {
  Alert,
  App,
  Button,
  Descriptions,
  Drawer,
  Form,
  Input,
  Popconfirm,
  Select,
  Space,
  Steps,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CaseOutcome, type RiskCase, riskApi, type StepAction } from '../../api/risk';
import { useAuth } from '../../auth';
import { FormModal } from '../../components/FormModal';
import { isNotFound, NotFoundResult } from '../../components/NotFoundResult';
import { errorText, fieldErrors } from '../../errors';
import { useExplain } from '../../explain';
import { formatDateTime } from '../../format';
import { useLoader } from '../../hooks/useLoader';

// The outcomes a case closes with: explanation keys the server and both languages render.
const outcomeKeys = ['case.resolved', 'case.reshipped', 'case.refunded'] as const;
const drillOutcomeKey = 'case.drillReviewed';

type CloseFields = { outcome: string; reviewNote?: string };

/** One case: its owner, the checklist with the current step's actions, closing, the timeline. */
export function CaseDrawer(props: {
  caseId: string | null;
  /** People to give the case to; empty for a reader who may not list them. */
  users: { id: string; displayName: string }[];
  /** The owner's display name where the reader may see it, else the id. */
  ownerName: (ownerId: string) => string;
  onClose: () => void;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const explain = useExplain();
  const detail = useLoader(
    () => (props.caseId ? riskApi.cases.get(props.caseId) : Promise.resolve(null)),
    [props.caseId],
  );
  const [isClosing, setIsClosing] = useState(false);
  const [closeForm] = Form.useForm<CloseFields>();
  const data = detail.data;
  const isOpen = data?.status === 'open' && can('risk:manage');
  const step = data ? data.steps[data.currentStep] : undefined;

  // A refusal reads as the server says it, with the field's reason (e.g. the step disallows it).
  const refusal = (failure: unknown) =>
    [errorText(t, failure), ...fieldErrors(t, failure).map((f) => f.message)].join(': ');
  const change = async (request: () => Promise<RiskCase>, done?: string) => {
    try {
      detail.setData(await request());
      if (done) message.success(done);
      props.onChanged();
    } catch (failure) {
      message.error(refusal(failure));
    }
  };
  const actionLabel = (action: StepAction) => t(`risk.action.${action}`);
  // The server names the person by id and the action by code; the reader gets the name and label.
  // An opening names how the case came (a source code); the worker's escalations name the system.
  const eventBy = ({ kind, actor }: RiskCase['timeline'][number]) => {
    if (kind === 'opened') return t(`risk.source.${actor}`, { defaultValue: actor });
    return actor === 'system' ? t('actorType.system') : actor;
  };
  const eventText = ({ explanation }: RiskCase['timeline'][number]) => {
    if (!explanation) return '';
    const { owner, action } = explanation.params ?? {};
    const params = {
      ...explanation.params,
      ...(typeof owner === 'string' ? { owner: props.ownerName(owner) } : {}),
      ...(typeof action === 'string' ? { action: t(`risk.action.${action}`, { defaultValue: action }) } : {}),
    };
    return ` · ${explain({ ...explanation, params })}`;
  };

  return (
    <Drawer open={!!props.caseId} onClose={props.onClose} width={600} title={t('risk.cases.detail')}>
      {data ? (
        <Space direction="vertical" style={{ width: '100%' }} data-testid="risk-case-detail">
          <Typography.Text>
            {t(`risk.caseType.${data.caseType}`)} · {t('risk.cases.playbookVersion')}
            {data.playbookVersion}
          </Typography.Text>
          <Descriptions size="small" column={2}>
            <Descriptions.Item label={t('risk.cases.status')}>
              <Tag data-testid="case-status">{t(`risk.cases.${data.status}`)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('risk.cases.ownerRole')}>
              {t(`roles.${data.ownerRole}`, { defaultValue: data.ownerRole })}
            </Descriptions.Item>
            <Descriptions.Item label={t('risk.cases.owner')} span={2}>
              {isOpen && props.users.length > 0 ? (
                <Select
                  allowClear
                  showSearch
                  optionFilterProp="label"
                  style={{ width: 240 }}
                  value={data.ownerId ?? undefined}
                  placeholder={t('risk.cases.ownerPlaceholder')}
                  data-testid="case-owner"
                  options={props.users.map((u) => ({ value: u.id, label: u.displayName }))}
                  onChange={(ownerId: string | undefined) =>
                    change(
                      () => riskApi.cases.assign(data.id, ownerId ?? null),
                      ownerId ? t('risk.cases.assigned', { owner: props.ownerName(ownerId) }) : undefined,
                    )
                  }
                />
              ) : (
                <span data-testid="case-owner-name">
                  {data.ownerId ? props.ownerName(data.ownerId) : '—'}
                </span>
              )}
            </Descriptions.Item>
            {data.outcome ? (
              <Descriptions.Item label={t('risk.cases.outcome')} span={2}>
                <span data-testid="case-outcome">{explain(data.outcome)}</span>
              </Descriptions.Item>
            ) : null}
            {data.reviewNote ? (
              <Descriptions.Item label={t('risk.cases.reviewNote')} span={2}>
                {data.reviewNote}
              </Descriptions.Item>
            ) : null}
          </Descriptions>
          <Steps
            direction="vertical"
            size="small"
            current={data.currentStep}
            items={data.steps.map((s) => ({
              title: t(`risk.step.${s.code}`, { defaultValue: s.code }),
              description: `${t(`roles.${s.ownerRole}`, { defaultValue: s.ownerRole })} · ${s.limitWorkingHours} h`,
            }))}
          />
          {isOpen ? (
            <Space wrap data-testid="case-actions">
              {step?.actions.map((action) => (
                <Popconfirm
                  key={action}
                  title={t(data.isDrill ? 'risk.cases.confirmPractice' : 'risk.cases.confirmAction', {
                    action: actionLabel(action),
                  })}
                  onConfirm={() =>
                    change(
                      () => riskApi.cases.takeAction(data.id, action),
                      t('risk.cases.actionDone', { action: actionLabel(action) }),
                    )
                  }
                >
                  <Button data-testid={`case-action-${action}`}>{actionLabel(action)}</Button>
                </Popconfirm>
              ))}
              {step ? (
                <Button
                  type="primary"
                  data-testid="complete-step"
                  onClick={() => change(() => riskApi.cases.completeStep(data.id))}
                >
                  {t('risk.cases.completeStep')}
                </Button>
              ) : null}
              <Button onClick={() => setIsClosing(true)} data-testid="case-close">
                {t('risk.cases.close')}
              </Button>
            </Space>
          ) : null}
          <Typography.Title level={5}>{t('risk.cases.timeline')}</Typography.Title>
          <Timeline
            data-testid="case-timeline"
            items={data.timeline.map((e) => ({
              children: (
                <span data-testid="case-event" data-kind={e.kind}>
                  {formatDateTime(e.at)} · {t(`risk.event.${e.kind}`, { defaultValue: e.kind })}
                  {eventText(e)} · {eventBy(e)}
                </span>
              ),
            }))}
          />
        </Space>
      ) : isNotFound(detail.error) ? (
        <NotFoundResult
          title={t('risk.cases.notFound')}
          backLabel={t('risk.cases.backToBoard')}
          onBack={props.onClose}
        />
      ) : detail.error ? (
        <Alert type="error" showIcon title={errorText(t, detail.error)} />
      ) : null}
      {isClosing && data ? (
        <FormModal<CloseFields>
          title={t('risk.cases.close')}
          okText={t('risk.cases.close')}
          form={closeForm}
          testId="case-close-form"
          initialValues={{ outcome: data.isDrill ? drillOutcomeKey : undefined }}
          onClose={() => setIsClosing(false)}
          submit={async (v) => {
            const input: CaseOutcome = { outcome: { key: v.outcome }, reviewNote: v.reviewNote || undefined };
            detail.setData(await riskApi.cases.close(data.id, input));
            setIsClosing(false);
            props.onChanged();
          }}
        >
          <Form.Item name="outcome" label={t('risk.cases.outcome')} rules={[{ required: true }]}>
            <Select
              data-testid="case-outcome-choice"
              options={[...outcomeKeys, ...(data.isDrill ? [drillOutcomeKey] : [])].map((key) => ({
                value: key,
                label: explain({ key }),
              }))}
            />
          </Form.Item>
          <Form.Item name="reviewNote" label={t('risk.cases.reviewNote')}>
            <Input.TextArea
              rows={3}
              placeholder={t('risk.cases.reviewPlaceholder')}
              data-testid="case-review-note"
            />
          </Form.Item>
        </FormModal>
      ) : null}
    </Drawer>
  );
}
