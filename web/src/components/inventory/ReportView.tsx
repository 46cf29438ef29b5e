import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { inventoryApi, type ReportGroupBy, type ReportKind } from '../../api/inventory';
import { errorText } from '../../errors';
import { useLoader } from '../../hooks/useLoader';
import { ReportChart } from './ReportChart';
import { ReportTable } from './ReportTable';
import { WarehouseSelect } from './WarehouseSelect';

const periods = [30, 90, 180, 365] as const;
const groupings = ['sku', 'category', 'warehouse'] as const satisfies readonly ReportGroupBy[];

/** One report: its filters, the files to download, a chart where one helps and the table. */
export function ReportView({ kind }: { kind: ReportKind }) {
  const { t } = useTranslation();
  const [days, setDays] = useState<number>(90);
  const [warehouse, setWarehouse] = useState<string>();
  const [groupBy, setGroupBy] = useState<ReportGroupBy>('sku');
  const filter = { days, warehouse, groupBy: kind === 'turnover' ? groupBy : undefined };
  const report = useLoader(
    () => inventoryApi.reports.get(kind, filter),
    [kind, days, warehouse, filter.groupBy],
  );
  // While a new filter loads, the old rows must not pass for the new report.
  const shown = report.isLoading ? undefined : report.data;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid={`report-${kind}`}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t(`inventory.reports.about.${kind}`)}
      </Typography.Paragraph>
      <div style={{ display: 'flex', justifyContent: 'space-between', gap: 16, flexWrap: 'wrap' }}>
        <Space wrap>
          <Select<number>
            value={days}
            onChange={setDays}
            options={periods.map((value) => ({
              value,
              label: t('inventory.reports.lastDays', { count: value }),
            }))}
            style={{ width: 150 }}
            data-testid="report-days"
          />
          <WarehouseSelect
            allowClear
            includeInactive
            value={warehouse}
            onChange={(code) => setWarehouse(typeof code === 'string' ? code : undefined)}
            placeholder={t('inventory.stock.allWarehouses')}
            width={220}
            data-testid="report-warehouse"
          />
          {kind === 'turnover' ? (
            <Select<ReportGroupBy>
              value={groupBy}
              onChange={setGroupBy}
              options={groupings.map((value) => ({ value, label: t(`inventory.reports.groupBy.${value}`) }))}
              style={{ width: 170 }}
              data-testid="report-group-by"
            />
          ) : null}
        </Space>
        <Space>
          <Button
            icon={<DownloadOutlined />}
            href={inventoryApi.reports.fileUrl(kind, filter, 'csv')}
            download
            data-testid="report-csv"
          >
            CSV
          </Button>
          <Button
            icon={<DownloadOutlined />}
            href={inventoryApi.reports.fileUrl(kind, filter, 'xlsx')}
            download
            data-testid="report-xlsx"
          >
            Excel
          </Button>
        </Space>
      </div>
      {report.error ? <Alert type="error" showIcon title={errorText(t, report.error)} /> : null}
      {shown?.rows.length ? <ReportChart report={shown} isOneWarehouse={Boolean(warehouse)} /> : null}
      <ReportTable report={shown} isLoading={report.isLoading} />
    </Space>
  );
}
