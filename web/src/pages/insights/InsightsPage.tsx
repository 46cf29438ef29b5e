import { Card, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import type { Period } from '../../api/insights';
import { usePageTitle } from '../../hooks/usePageTitle';
import { BottlenecksTab } from './BottlenecksTab';
import { CustomersTab } from './CustomersTab';
import { defaultPeriod, PeriodFilter } from './InsightsParts';
import { OperationsTab } from './OperationsTab';
import { PeriodTab } from './PeriodTab';
import { WeekTab } from './WeekTab';

const tabs = ['operations', 'week', 'period', 'bottlenecks', 'customers'] as const;
type TabKey = (typeof tabs)[number];

/** Insights: operations today, week over week, any period, bottlenecks and customers. */
export default function InsightsPage() {
  const { t } = useTranslation();
  usePageTitle(t('insights.title'));
  const [params, setParams] = useSearchParams();
  const fallback = defaultPeriod();
  const period: Period = {
    from: params.get('from') ?? fallback.from,
    to: params.get('to') ?? fallback.to,
    channel: params.get('channel') ?? undefined,
  };
  const requested = params.get('tab') as TabKey | null;
  const tab: TabKey = requested && tabs.includes(requested) ? requested : 'operations';
  const update = (next: Partial<Period> & { tab?: TabKey }) => {
    const merged = { tab, ...period, ...next };
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(merged)) if (value) search.set(key, String(value));
    setParams(search, { replace: true });
  };
  return (
    <Card
      title={t('insights.title')}
      extra={
        tab === 'operations' ? null : (
          <PeriodFilter period={period} onChange={(p) => update({ ...p, channel: p.channel ?? '' })} />
        )
      }
    >
      <Typography.Paragraph type="secondary">{t(`insights.about.${tab}`)}</Typography.Paragraph>
      <Tabs
        activeKey={tab}
        onChange={(key) => update({ tab: key as TabKey })}
        destroyOnHidden
        data-testid="insights-tabs"
        items={[
          { key: 'operations', label: t('insights.tabs.operations'), children: <OperationsTab /> },
          { key: 'week', label: t('insights.tabs.week'), children: <WeekTab channel={period.channel} /> },
          { key: 'period', label: t('insights.tabs.period'), children: <PeriodTab period={period} /> },
          {
            key: 'bottlenecks',
            label: t('insights.tabs.bottlenecks'),
            children: <BottlenecksTab period={period} />,
          },
          {
            key: 'customers',
            label: t('insights.tabs.customers'),
            children: <CustomersTab period={period} />,
          },
        ]}
      />
    </Card>
  );
}
