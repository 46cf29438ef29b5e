import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  Bar,
  CartesianGrid,
  Cell,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { InventoryReport, ReportKind } from '../../api/inventory';
import { formatDecimal, formatPercent } from './numbers';

/**
 * Which columns a report's chart draws: the top rows' bars of one measure and, for ABC, the
 * cumulative share as a line on a second axis (the Pareto curve) with bars coloured by class.
 */
const chartColumns: Record<ReportKind, { bar: string; line?: string }> = {
  'slow-movers': { bar: 'value' },
  'fast-movers': { bar: 'units' },
  abc: { bar: 'consumption', line: 'cumulativeShare' },
  turnover: { bar: 'turnover' },
  stockouts: { bar: 'daysOut' },
};
export const abcColors: Record<string, string> = { A: '#cf1322', B: '#fa8c16', C: '#8c8c8c' };
const chartRows = 20;
const rowHeight = 24;

/** The top rows as horizontal bars, so long SKU codes stay readable. */
export function ReportChart({
  report,
  isOneWarehouse,
}: {
  report: InventoryReport;
  isOneWarehouse: boolean;
}) {
  const { t } = useTranslation();
  const chart = chartColumns[report.kind];
  const keys = new Set(report.columns.map((column) => column.key));
  const labelKey = report.columns.find((column) => column.type === 'text')?.key;
  if (!labelKey || !keys.has(chart.bar)) return null;
  const line = chart.line && keys.has(chart.line) ? chart.line : undefined;
  const name = (key: string) => t(`inventory.reports.columns.${key}`, { defaultValue: key });
  // Rows are per SKU and warehouse: the label names both unless the report is already narrowed.
  const label = (row: InventoryReport['rows'][number]) =>
    labelKey === 'sku' && keys.has('warehouse') && !isOneWarehouse
      ? `${row.sku} · ${row.warehouse}`
      : String(row[labelKey] ?? '—');
  const data = report.rows.slice(0, chartRows).map((row) => ({
    label: label(row),
    fill: abcColors[String(row.class)] ?? '#4096ff',
    bar: Number(row[chart.bar] ?? 0),
    line: line ? Number(row[line] ?? 0) : undefined,
  }));
  const seriesName = (series: string) => (series === 'line' ? name(line ?? '') : name(chart.bar));
  return (
    <div data-testid="report-chart">
      <Typography.Text type="secondary">
        {t('inventory.reports.chartTop', { count: data.length, measure: name(chart.bar) })}
      </Typography.Text>
      <div style={{ height: data.length * rowHeight + (line ? 90 : 50) }}>
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={data} layout="vertical" margin={{ top: 8, right: 24, bottom: 0, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <YAxis type="category" dataKey="label" width={250} interval={0} tick={{ fontSize: 12 }} />
            <XAxis xAxisId="bar" type="number" tickFormatter={(value: number) => formatDecimal(value)} />
            {line ? (
              <XAxis
                xAxisId="line"
                type="number"
                orientation="top"
                domain={[0, 1]}
                tickFormatter={(value: number) => formatPercent(value, 0)}
              />
            ) : null}
            <Tooltip
              formatter={(value, series) => [
                series === 'line' ? formatPercent(Number(value)) : formatDecimal(Number(value)),
                seriesName(String(series)),
              ]}
            />
            {line ? <Legend verticalAlign="bottom" formatter={seriesName} /> : null}
            <Bar xAxisId="bar" dataKey="bar" barSize={16} isAnimationActive={false}>
              {data.map((point) => (
                <Cell key={point.label} fill={point.fill} />
              ))}
            </Bar>
            {line ? (
              <Line
                xAxisId="line"
                dataKey="line"
                stroke="#1677ff"
                strokeWidth={2}
                isAnimationActive={false}
              />
            ) : null}
          </ComposedChart>
        </ResponsiveContainer>
      </div>
    </div>
  );
}
