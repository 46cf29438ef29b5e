import { Button, Card, Empty, Select, Space, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  evaluationFigureNames,
  evaluationFigures,
  evaluationsApi,
  type Plan,
  type RankingRow,
  type Weight,
} from '../../api/evaluations';
import { DataTable } from '../../components/DataTable';
import { formatDateTime } from '../../format';
import { useLoader } from '../../hooks/useLoader';
import { usePageTitle } from '../../hooks/usePageTitle';
import { NewPeriodModal, PlanModal, ReviewModal, WeightsCard } from './EvaluationModals';
import { figureText } from './TeamPerformance';

/** The records behind each figure of one person: pick lines, parcels, audit entries, complaints, shifts. */
function FigureSources({ row }: { row: RankingRow }) {
  const { t } = useTranslation();
  return (
    <Space orientation="vertical" data-testid="ranking-sources">
      {evaluationFigureNames.map((figure) => (
        <span key={figure}>
          {t(`staffJobs.figures.${figure}`)} ({figureText(row.figures[figure])}) —{' '}
          {evaluationFigures[figure].sources
            .map(
              (kind) => `${t(`staffJobs.sources.${kind}`)}: ${row.figures.sources[kind].join(', ') || '—'}`,
            )
            .join('; ')}
        </span>
      ))}
    </Space>
  );
}

function PlansTable({ plans, onClose }: { plans: Plan[]; onClose: (plan: Plan) => void }) {
  const { t } = useTranslation();
  return (
    <DataTable<Plan>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={plans}
      empty={t('evaluations.plansEmpty')}
      emptyTestId="improvement-plans-empty"
      data-testid="improvement-plans"
      columns={[
        { title: t('evaluations.person'), dataIndex: 'person' },
        { title: t('evaluations.goals'), dataIndex: 'goals', render: (goals: string[]) => goals.join('; ') },
        { title: t('evaluations.coach'), dataIndex: 'coach' },
        { title: t('evaluations.reviewOn'), dataIndex: 'reviewOn' },
        {
          title: t('evaluations.planStatus'),
          key: 'status',
          render: (_, plan) => (
            <Space>
              <Tag color={plan.status === 'met' ? 'green' : plan.status === 'not_met' ? 'red' : 'blue'}>
                {t(`evaluations.planStatuses.${plan.status}`)}
              </Tag>
              {plan.isOverdue && <Tag color="red">{t('evaluations.overdue')}</Tag>}
            </Space>
          ),
        },
        {
          title: '',
          key: 'close',
          render: (_, plan) =>
            plan.status === 'open' && (
              <Button onClick={() => onClose(plan)}>{t('evaluations.closePlan')}</Button>
            ),
        },
      ]}
    />
  );
}

type Modal = { kind: 'period' } | { kind: 'review' | 'plan'; person: string } | { kind: 'close'; plan: Plan };

/** Evaluation periods: the ranking of a role from its figures, reviews and rewards, improvement plans. */
export default function EvaluationsPage() {
  const { t } = useTranslation();
  usePageTitle(t('evaluations.nav'));
  const periods = useLoader(() => evaluationsApi.periods(), []);
  const [periodId, setPeriodId] = useState<string | null>(null);
  const [modal, setModal] = useState<Modal | null>(null);
  useEffect(() => {
    if (!periodId && periods.data?.items[0]) setPeriodId(periods.data.items[0].id);
  }, [periods.data, periodId]);
  const result = useLoader(
    () => (periodId ? evaluationsApi.result(periodId) : Promise.resolve(undefined)),
    [periodId],
  );
  const weights: Weight[] = result.data?.period.weights ?? [];
  const done = () => {
    setModal(null);
    result.reload();
  };
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Space>
        <Select
          style={{ minWidth: 280 }}
          value={periodId ?? undefined}
          onChange={setPeriodId}
          loading={periods.isLoading}
          placeholder={t('evaluations.choosePeriod')}
          data-testid="period-select"
          options={(periods.data?.items ?? []).map((p) => ({
            value: p.id,
            label: `${p.name} · ${t(`roles.${p.role}`)}`,
          }))}
        />
        <Button type="primary" onClick={() => setModal({ kind: 'period' })} data-testid="new-period">
          {t('evaluations.newPeriod')}
        </Button>
      </Space>
      {!result.data ? (
        <Empty description={t('evaluations.noPeriods')} />
      ) : (
        <>
          <Typography.Text type="secondary">
            {formatDateTime(result.data.period.from)} – {formatDateTime(result.data.period.to)}
          </Typography.Text>
          <WeightsCard period={result.data.period} onSaved={() => result.reload()} />
          <Card title={t('evaluations.ranking')}>
            <DataTable<RankingRow>
              rowKey="person"
              size="small"
              pagination={false}
              loading={result.isLoading}
              dataSource={result.data.ranking}
              empty={t('evaluations.rankingEmpty')}
              emptyTestId="ranking-empty"
              data-testid="ranking"
              expandable={{ expandedRowRender: (row) => <FigureSources row={row} /> }}
              columns={[
                { title: t('evaluations.rank'), dataIndex: 'rank' },
                { title: t('evaluations.person'), dataIndex: 'person' },
                { title: t('evaluations.score'), dataIndex: 'score' },
                ...weights.map((w) => ({
                  title: `${t(`staffJobs.figures.${w.figure}`)} (${w.weight}%)`,
                  key: w.figure,
                  render: (_: unknown, row: RankingRow) => {
                    const part = row.parts.find((p) => p.figure === w.figure);
                    if (!part) return '—';
                    return part.value === null ? (
                      <Tooltip title={t('evaluations.noValue')}>— → {part.points}</Tooltip>
                    ) : (
                      `${part.value} → ${part.points}`
                    );
                  },
                })),
                {
                  title: t('evaluations.rewards'),
                  key: 'review',
                  render: (_, row) =>
                    row.review && (
                      <Space orientation="vertical" size={0}>
                        {row.review.bonusPoints > 0 && (
                          <Tag color="gold">{t('evaluations.bonus', { points: row.review.bonusPoints })}</Tag>
                        )}
                        {row.review.recognition && <Tag color="green">{row.review.recognition}</Tag>}
                        {row.review.comment && <Typography.Text>{row.review.comment}</Typography.Text>}
                      </Space>
                    ),
                },
                {
                  title: '',
                  key: 'actions',
                  render: (_, row) => (
                    <Space>
                      <Button size="small" onClick={() => setModal({ kind: 'review', person: row.person })}>
                        {t('evaluations.review')}
                      </Button>
                      <Button size="small" onClick={() => setModal({ kind: 'plan', person: row.person })}>
                        {t('evaluations.newPlan')}
                      </Button>
                    </Space>
                  ),
                },
              ]}
            />
          </Card>
          <Card title={t('evaluations.plans')}>
            <PlansTable plans={result.data.plans} onClose={(plan) => setModal({ kind: 'close', plan })} />
          </Card>
        </>
      )}
      {modal?.kind === 'period' && (
        <NewPeriodModal
          onClose={(createdId) => {
            setModal(null);
            if (createdId) {
              periods.reload();
              setPeriodId(createdId);
            }
          }}
        />
      )}
      {periodId && (modal?.kind === 'review' || modal?.kind === 'plan') && (
        <ReviewOrPlan kind={modal.kind} person={modal.person} periodId={periodId} onDone={done} />
      )}
      {modal?.kind === 'close' && <PlanModal plan={modal.plan} onDone={done} />}
    </Space>
  );
}

function ReviewOrPlan(props: {
  kind: 'review' | 'plan';
  person: string;
  periodId: string;
  onDone: () => void;
}) {
  return props.kind === 'review' ? (
    <ReviewModal periodId={props.periodId} person={props.person} onDone={props.onDone} />
  ) : (
    <PlanModal periodId={props.periodId} person={props.person} onDone={props.onDone} />
  );
}
