import { Empty, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { Scorecards } from '../../api/fulfilment';
import { formatPercent } from '../inventory/numbers';

export const seriesColors = [
  '#1677ff',
  '#fa8c16',
  '#52c41a',
  '#eb2f96',
  '#722ed1',
  '#13c2c2',
  '#fadb14',
  '#a0d911',
];

/**
 * Weekly on-time rate, one line per carrier: a falling line shows a carrier slipping before the
 * average does. The dashed line is the delivery rules' minimum on-time rate.
 */
export function OnTimeChart({ scorecards, threshold }: { scorecards: Scorecards; threshold?: number }) {
  const { t } = useTranslation();
  const names = new Map(scorecards.items.map((item) => [item.carrier.code, item.carrier.name]));
  const carriers = [...new Set(scorecards.weekly.map((point) => point.carrier))];
  const weeks = [...new Set(scorecards.weekly.map((point) => point.week))].sort();
  const data = weeks.map((week) => ({
    week,
    ...Object.fromEntries(
      scorecards.weekly
        .filter((point) => point.week === week)
        .map((point) => [point.carrier, point.onTimeRate]),
    ),
  }));
  // Weeks whose parcels are all still on the way have no rate yet: nothing to draw.
  if (scorecards.weekly.every((point) => point.onTimeRate === null))
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('fulfilment.scorecards.noTrend')} />;
  return (
    <div data-testid="on-time-chart">
      <Typography.Text type="secondary">{t('fulfilment.scorecards.trendHelp')}</Typography.Text>
      <div style={{ height: 320 }}>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={data} margin={{ top: 16, right: 40, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="week" />
            {/* Zoomed to the rates seen (in 5% steps): differences of a few points are what matter. */}
            <YAxis
              domain={[
                (lowest: number) => Math.max(0, Math.floor(Math.min(lowest, threshold ?? 1) * 20) / 20),
                1,
              ]}
              tickFormatter={(value: number) => formatPercent(value, 0)}
            />
            {threshold === undefined ? null : (
              <ReferenceLine
                y={threshold}
                stroke="#ff4d4f"
                strokeDasharray="6 4"
                label={{
                  value: t('fulfilment.scorecards.threshold', { rate: formatPercent(threshold) }),
                  position: 'insideBottomLeft',
                  fill: '#ff4d4f',
                  fontSize: 12,
                }}
              />
            )}
            <Tooltip
              formatter={(value, carrier) => [
                formatPercent(Number(value)),
                names.get(String(carrier)) ?? carrier,
              ]}
            />
            <Legend formatter={(carrier) => names.get(String(carrier)) ?? carrier} />
            {carriers.map((carrier, index) => (
              <Line
                key={carrier}
                dataKey={carrier}
                stroke={seriesColors[index % seriesColors.length]}
                strokeWidth={2}
                connectNulls
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
    </div>
  );
}
