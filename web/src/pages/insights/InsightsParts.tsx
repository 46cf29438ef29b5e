import { DownloadOutlined, EditOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, InputNumber, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type InsightsTable,
  type InsightsTableName,
  insightsApi,
  type KpiDefinition,
  type Period,
} from '../../api/insights';
import { useAuth } from '../../auth';
import { DataTable } from '../../components/DataTable';
import { errorText } from '../../errors';
import { useChannelNames } from '../../hooks/useChannelNames';

export const chartColors = ['#1677ff', '#fa8c16', '#52c41a', '#eb2f96', '#722ed1', '#13c2c2'];

/** The last four weeks up to and including today (`to` is exclusive). */
export function defaultPeriod(): Period {
  const today = dayjs();
  return {
    from: today.subtract(28, 'day').format('YYYY-MM-DD'),
    to: today.add(1, 'day').format('YYYY-MM-DD'),
  };
}

/** A KPI value in its unit: rates as percentages, durations in hours. */
export function formatKpi(value: number | null | undefined, unit: string): string {
  if (value === null || value === undefined) return '—';
  if (unit === 'percent') return `${(value * 100).toFixed(1)}%`;
  if (unit === 'hours') return `${value.toFixed(1)} h`;
  return String(Math.round(value * 100) / 100);
}

/** Whether a value meets its target, given which way is good. */
export function meetsTarget(
  value: number | null,
  target: number | null,
  goodDirection: string,
): boolean | null {
  if (value === null || target === null) return null;
  return goodDirection === 'down' ? value <= target : value >= target;
}

/** The period (days, `to` exclusive) and channel every analysis tab shares. */
export function PeriodFilter({ period, onChange }: { period: Period; onChange: (period: Period) => void }) {
  const { t } = useTranslation();
  const channels = useChannelNames();
  return (
    <Space wrap data-testid="insights-filter">
      <DatePicker.RangePicker
        allowClear={false}
        value={[dayjs(period.from), dayjs(period.to).subtract(1, 'day')]}
        onChange={(range) => {
          if (!range?.[0] || !range[1]) return;
          onChange({
            ...period,
            from: range[0].format('YYYY-MM-DD'),
            to: range[1].add(1, 'day').format('YYYY-MM-DD'),
          });
        }}
        data-testid="insights-range"
      />
      <Select<string>
        allowClear
        placeholder={t('insights.filter.allChannels')}
        value={period.channel}
        onChange={(channel) => onChange({ ...period, channel: channel || undefined })}
        options={[...channels.names].map(([value, label]) => ({ value, label }))}
        style={{ width: 200 }}
        data-testid="insights-channel"
      />
    </Space>
  );
}

/** CSV and Excel downloads of one table for the period. */
export function ExportButtons({ name, period }: { name: InsightsTableName; period: Period }) {
  const { t } = useTranslation();
  return (
    <Space>
      <Button
        size="small"
        icon={<DownloadOutlined />}
        href={insightsApi.fileUrl(name, period, 'csv')}
        download
        data-testid={`export-${name}-csv`}
      >
        {t('insights.export.csv')}
      </Button>
      <Button
        size="small"
        icon={<DownloadOutlined />}
        href={insightsApi.fileUrl(name, period, 'xlsx')}
        download
        data-testid={`export-${name}-xlsx`}
      >
        {t('insights.export.xlsx')}
      </Button>
    </Space>
  );
}

// Codes the console knows by name, by the column that holds them: the i18n group they are said under.
const translatedColumns = new Map([
  ['stage', 'insights.stage'],
  ['segment', 'insights.segment'],
  ['status', 'insights.status'],
  ['dim', 'insights.dim'],
  ['reason', 'holds.code'],
  ['type', 'orderType'],
]);

/**
 * Any exported table as it is shown: columns by their keys, codes translated where the console
 * knows them, and ids named by `names` (a column's key → the name of a value).
 */
export function PlainTable({
  table,
  isLoading,
  names = {},
  empty,
}: {
  table: InsightsTable | undefined;
  isLoading?: boolean;
  /** What an empty table means; the export is empty when the period has no orders. */
  empty?: string;
  names?: Record<string, (value: string) => string>;
}) {
  const { t } = useTranslation();
  return (
    <DataTable
      size="small"
      loading={isLoading}
      empty={empty}
      rowKey={(_, i) => String(i)}
      dataSource={table?.rows ?? []}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      columns={(table?.columns ?? []).map((c) => ({
        key: c.key,
        dataIndex: c.key,
        title: t(`insights.columns.${c.key}`, { defaultValue: c.key }),
        render: (value: string | number | null) => {
          if (c.type === 'percent' && typeof value === 'number') return `${(value * 100).toFixed(1)}%`;
          if (typeof value === 'string' && translatedColumns.has(c.key))
            return t(`${translatedColumns.get(c.key)}.${value}`, { defaultValue: value });
          if (typeof value === 'string' && names[c.key]) return names[c.key](value);
          return value ?? '—';
        },
      }))}
    />
  );
}

/** A KPI's target, editable in place by those who manage rules (percentages entered as 0–100). */
export function TargetEditor({
  kpi,
  onSaved,
}: {
  kpi: Pick<KpiDefinition, 'key' | 'unit' | 'target'>;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const scale = kpi.unit === 'percent' ? 100 : 1;
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState<number | null>(kpi.target === null ? null : kpi.target * scale);
  if (!editing)
    return (
      <Space>
        {formatKpi(kpi.target, kpi.unit)}
        {can('rules:manage') ? (
          <Button
            size="small"
            type="text"
            icon={<EditOutlined />}
            aria-label={t('insights.target.edit')}
            onClick={() => setEditing(true)}
            data-testid={`target-edit-${kpi.key}`}
          />
        ) : null}
      </Space>
    );
  const save = () => {
    insightsApi.setTarget(kpi.key, value === null ? null : value / scale).then(
      () => {
        setEditing(false);
        onSaved();
      },
      (error: unknown) => void message.error(errorText(t, error)),
    );
  };
  return (
    <Space>
      <InputNumber
        size="small"
        value={value}
        onChange={(v) => setValue(v)}
        addonAfter={kpi.unit === 'percent' ? '%' : kpi.unit === 'hours' ? 'h' : undefined}
        style={{ width: 140 }}
        data-testid={`target-input-${kpi.key}`}
      />
      <Button size="small" type="primary" onClick={save} data-testid={`target-save-${kpi.key}`}>
        {t('insights.target.save')}
      </Button>
      <Button size="small" onClick={() => setEditing(false)}>
        {t('insights.target.cancel')}
      </Button>
    </Space>
  );
}
