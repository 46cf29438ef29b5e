import { Alert, Card, Col, Descriptions, Empty, Row, Segmented, Statistic, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComputedPlan, SkuStock } from '../../api/inventory';
import { useExplain } from '../../explain';
import { formatDateTime } from '../../format';
import { DemandChart } from './DemandChart';
import { formatDecimal, formatPercent, formatQuantity } from './numbers';
import { PlanModeTag } from './StockTags';

/** How well the model did on days it had not seen, against repeating last week (seasonal naive). */
function BacktestStats({ backtest }: { backtest: NonNullable<ComputedPlan['backtest']> }) {
  const { t } = useTranslation();
  const beatsNaive =
    backtest.wape !== null && backtest.naiveWape !== null ? backtest.wape <= backtest.naiveWape : null;
  return (
    <Row gutter={[16, 16]} data-testid="backtest-stats">
      <Col xs={12} md={6}>
        <Statistic
          title={t('inventory.plan.wape')}
          value={formatPercent(backtest.wape)}
          data-testid="backtest-wape"
        />
      </Col>
      <Col xs={12} md={6}>
        <Statistic
          title={t('inventory.plan.naiveWape')}
          value={formatPercent(backtest.naiveWape)}
          data-testid="backtest-naive-wape"
        />
      </Col>
      <Col xs={12} md={6}>
        <Statistic title={t('inventory.plan.mae')} value={formatDecimal(backtest.mae)} />
      </Col>
      <Col xs={12} md={6}>
        <Statistic title={t('inventory.plan.backtestDays')} value={backtest.days} />
        {beatsNaive === null ? null : (
          <Tag color={beatsNaive ? 'green' : 'orange'}>
            {beatsNaive ? t('inventory.plan.beatsNaive') : t('inventory.plan.losesToNaive')}
          </Tag>
        )}
      </Col>
    </Row>
  );
}

function PlanFacts({ plan, plannedAt }: { plan: ComputedPlan; plannedAt: string | null }) {
  const { t } = useTranslation();
  const explain = useExplain();
  return (
    <>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 4 }}
        items={[
          {
            key: 'method',
            label: t('inventory.plan.method'),
            children: t(`inventory.plan.methods.${plan.method}`, { defaultValue: plan.method }),
          },
          { key: 'mean', label: t('inventory.plan.meanDaily'), children: formatDecimal(plan.meanDaily) },
          { key: 'std', label: t('inventory.plan.stdDaily'), children: formatDecimal(plan.stdDaily) },
          {
            key: 'lead',
            label: t('inventory.plan.leadTime'),
            children: t('inventory.plan.days', { count: plan.leadTimeDays }),
          },
          {
            key: 'service',
            label: t('inventory.plan.serviceLevel'),
            children: formatPercent(plan.serviceLevel, 2),
          },
          {
            key: 'safety',
            label: t('inventory.common.safetyStock'),
            children: formatQuantity(plan.safetyStock),
          },
          {
            key: 'reorder',
            label: t('inventory.common.reorderPoint'),
            children: formatQuantity(plan.reorderPoint),
          },
          {
            key: 'target',
            label: t('inventory.common.targetLevel'),
            children: formatQuantity(plan.targetLevel),
          },
          { key: 'plannedAt', label: t('inventory.plan.plannedAt'), children: formatDateTime(plannedAt) },
        ]}
      />
      <Typography.Text type="secondary">{t('inventory.plan.formula')}</Typography.Text>
      <Typography.Paragraph>
        <pre style={{ whiteSpace: 'pre-wrap', margin: '4px 0 0' }} data-testid="plan-formula">
          {explain(plan.formulaExplanation, plan.formula)}
        </pre>
      </Typography.Paragraph>
    </>
  );
}

/** The demand behind a SKU's plan in one warehouse, the forecast and the numbers derived from it. */
export function PlanCard({ stock }: { stock: SkuStock }) {
  const { t } = useTranslation();
  const { levels } = stock;
  const [chosen, setChosen] = useState<string | undefined>();
  // Until one is chosen, the warehouse that sells the most: its plan is the one worth reading.
  const busiest = [...levels].sort((a, b) => (b.plan?.meanDaily ?? -1) - (a.plan?.meanDaily ?? -1))[0];
  const level = levels.find((candidate) => candidate.warehouse === chosen) ?? busiest;
  const plan = level?.plan ?? null;
  return (
    <Card
      title={t('inventory.plan.title')}
      extra={
        levels.length > 1 ? (
          <Segmented<string>
            value={level?.warehouse}
            onChange={setChosen}
            options={levels.map((candidate) => candidate.warehouse)}
            data-testid="plan-warehouse"
          />
        ) : null
      }
      data-testid="plan-card"
    >
      {level ? (
        <Typography.Paragraph>
          {t('inventory.plan.modeIn', { warehouse: level.warehouse })} <PlanModeTag mode={level.mode} />
        </Typography.Paragraph>
      ) : null}
      {plan ? (
        <>
          {level?.mode !== 'computed' ? (
            <Alert
              type="info"
              showIcon
              title={t('inventory.plan.forReference')}
              style={{ marginBottom: 16 }}
            />
          ) : null}
          <PlanFacts plan={plan} plannedAt={level?.plannedAt ?? null} />
        </>
      ) : (
        <Alert type="info" showIcon title={t('inventory.plan.noPlan')} style={{ marginBottom: 16 }} />
      )}
      <Typography.Title level={5}>
        {levels.length > 1 ? t('inventory.chart.titleAll') : t('inventory.chart.title')}
      </Typography.Title>
      {stock.demand.length ? (
        <DemandChart
          demand={stock.demand}
          plan={plan}
          warehouse={levels.length > 1 ? level?.warehouse : undefined}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('inventory.chart.noDemand')} />
      )}
      {plan?.backtest ? (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('inventory.plan.backtest')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('inventory.plan.backtestHelp')}</Typography.Paragraph>
          <BacktestStats backtest={plan.backtest} />
        </>
      ) : plan ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
          {t('inventory.plan.noBacktest')}
        </Typography.Paragraph>
      ) : null}
    </Card>
  );
}
