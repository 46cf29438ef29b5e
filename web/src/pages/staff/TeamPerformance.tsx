import { Card, Empty, Segmented, Select, Space, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { type Grouping, type PersonFigures, performanceApi } from '../../api/performance';
import { DataTable } from '../../components/DataTable';
import { seriesColors } from '../../components/fulfilment/OnTimeChart';
import { useLoader } from '../../hooks/useLoader';

/** The figures shown per person, in the order of the table's columns. */
export const figureKeys = [
  'pickLines',
  'pickedUnits',
  'shortUnits',
  'parcelsPacked',
  'ordersReviewed',
  'reviewMinutes',
  'holdsReleasedWrongly',
  'pickErrors',
  'packErrors',
  'complaintsHandled',
  'complaintsWithinSla',
  'averageRating',
  'hoursWorked',
  'picksPerHour',
  'packsPerHour',
  'reviewsPerHour',
] as const;
export type FigureKey = (typeof figureKeys)[number];

const sourceKinds = [
  'pickLines',
  'parcels',
  'reviews',
  'wrongReleases',
  'pickErrors',
  'packErrors',
  'complaints',
  'shifts',
] as const;

/** Figures that have no value without their records: means, hours worked and rates per hour. */
const nullableFigures = new Set<FigureKey>([
  'reviewMinutes',
  'averageRating',
  'hoursWorked',
  'picksPerHour',
  'packsPerHour',
  'reviewsPerHour',
]);

/** A figure of someone with no recorded work: 0, or no value where there is nothing to count from. */
export function blankFigure(key: FigureKey): number | null {
  return nullableFigures.has(key) ? null : 0;
}

/** A figure as shown: a dash for "nothing to average" and for rates without a shift. */
export function figureText(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : String(value);
}

export function TeamTable({ from, to }: { from: string; to: string }) {
  const { t } = useTranslation();
  const team = useLoader(() => performanceApi.team(from, to), [from, to]);
  return (
    <Card title={t('staffJobs.teamToday')}>
      <DataTable<PersonFigures>
        data-testid="team-figures"
        rowKey="person"
        empty={t('staffJobs.teamTodayEmpty')}
        emptyTestId="team-figures-empty"
        size="small"
        scroll={{ x: true }}
        loading={team.isLoading}
        dataSource={team.data?.items ?? []}
        pagination={false}
        expandable={{
          expandedRowRender: (row) => (
            <Space orientation="vertical" data-testid="figure-sources">
              {sourceKinds.map((kind) => (
                <span key={kind}>
                  {t(`staffJobs.sources.${kind}`)}: {row.sources[kind].join(', ') || '—'}
                </span>
              ))}
            </Space>
          ),
        }}
        columns={[
          { title: t('staffJobs.person'), dataIndex: 'person', fixed: 'left' },
          ...figureKeys.map((key) => ({
            title: t(`staffJobs.figures.${key}`),
            dataIndex: key,
            sorter: (a: PersonFigures, b: PersonFigures) => (a[key] ?? -1) - (b[key] ?? -1),
            render: (value: number | null) =>
              key === 'hoursWorked' && value === null ? (
                <Tag>{t('staffJobs.noShift')}</Tag>
              ) : (
                figureText(value)
              ),
          })),
        ]}
      />
    </Card>
  );
}

const spans: Record<Grouping, number> = { day: 14, week: 8, month: 6 };

/** Team comparison per day, week or month of the shop: one bar per person and period. */
export function TeamChart({ today }: { today: { from: string; to: string } }) {
  const { t } = useTranslation();
  const [by, setBy] = useState<Grouping>('day');
  const [figure, setFigure] = useState<FigureKey>('pickLines');
  const from = dayjs(today.from)
    .subtract(spans[by] - 1, by)
    .toISOString();
  const series = useLoader(() => performanceApi.series(from, today.to, by), [from, today.to, by]);
  const people = [...new Set(series.data?.periods.flatMap((p) => p.items.map((f) => f.person)) ?? [])].sort();
  const data = (series.data?.periods ?? []).map((p) => ({
    period: p.period,
    ...Object.fromEntries(p.items.map((f) => [f.person, f[figure] ?? 0])),
  }));
  return (
    <Card
      title={t('staffJobs.teamChart')}
      loading={series.isLoading}
      extra={
        <Space wrap>
          <Segmented<Grouping>
            data-testid="team-grouping"
            value={by}
            onChange={setBy}
            options={(['day', 'week', 'month'] as const).map((value) => ({
              value,
              label: t(`staffJobs.by.${value}`),
            }))}
          />
          <Select<FigureKey>
            data-testid="team-figure-select"
            style={{ minWidth: 180 }}
            value={figure}
            onChange={setFigure}
            options={figureKeys.map((key) => ({ value: key, label: t(`staffJobs.figures.${key}`) }))}
          />
        </Space>
      }
    >
      {people.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('staffJobs.noWork')} />
      ) : (
        <div data-testid="team-chart" data-grouping={series.data?.by} style={{ width: '100%', height: 300 }}>
          <ResponsiveContainer>
            <BarChart data={data}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="period" />
              <YAxis allowDecimals />
              <Tooltip />
              <Legend />
              {people.map((person, index) => (
                <Bar key={person} dataKey={person} fill={seriesColors[index % seriesColors.length]} />
              ))}
            </BarChart>
          </ResponsiveContainer>
        </div>
      )}
    </Card>
  );
}
