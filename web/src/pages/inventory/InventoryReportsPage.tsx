import { Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import type { ReportKind } from '../../api/inventory';
import { ReportView } from '../../components/inventory/ReportView';
import { usePageTitle } from '../../hooks/usePageTitle';

const reportKinds = [
  'slow-movers',
  'fast-movers',
  'abc',
  'turnover',
  'stockouts',
] as const satisfies readonly ReportKind[];

function isReportKind(value: string | null): value is ReportKind {
  return reportKinds.includes(value as ReportKind);
}

export default function InventoryReportsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const requested = params.get('report');
  const kind: ReportKind = isReportKind(requested) ? requested : 'slow-movers';
  usePageTitle(t('inventory.reports.title'));
  return (
    <Card title={t('inventory.reports.title')}>
      <Tabs
        activeKey={kind}
        onChange={(key) => setParams({ report: key }, { replace: true })}
        destroyOnHidden
        items={reportKinds.map((value) => ({
          key: value,
          label: t(`inventory.reports.kinds.${value}`),
          children: <ReportView kind={value} />,
        }))}
        data-testid="report-tabs"
      />
    </Card>
  );
}
