import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { ComputedPlan, SkuStock } from '../../api/inventory';
import { formatDecimal } from './numbers';

type Point = {
  date: string;
  demand?: number;
  actual?: number;
  predicted?: number;
  forecast?: number;
};

/**
 * One row per day: the demand history, the back-test over its last days (what the model, fitted
 * without those days, predicted against what was sold) and the forecast after the last day.
 */
function chartPoints(demand: SkuStock['demand'], plan: ComputedPlan | null): Point[] {
  const points: Point[] = demand.map((day) => ({ date: day.date, demand: day.quantity }));
  const backtest = plan?.backtest;
  if (backtest) {
    // The back-test covers the last `days` days of the history the plan was made from.
    const start = points.length - backtest.actual.length;
    backtest.actual.forEach((actual, index) => {
      const point = points[start + index];
      if (point) Object.assign(point, { actual, predicted: backtest.predicted[index] });
    });
  }
  const lastDay = dayjs(demand.at(-1)?.date ?? undefined);
  plan?.forecast.forEach((forecast, index) => {
    points.push({ date: lastDay.add(index + 1, 'day').format('YYYY-MM-DD'), forecast });
  });
  return points;
}

export function DemandChart({
  demand,
  plan,
  warehouse,
}: {
  demand: SkuStock['demand'];
  plan: ComputedPlan | null;
  /** Named when the demand spans several warehouses but the plan is this one's. */
  warehouse?: string;
}) {
  const { t } = useTranslation();
  const points = chartPoints(demand, plan);
  const lastDay = demand.at(-1)?.date;
  const ofPlan = (label: string) => (warehouse ? `${label} (${warehouse})` : label);
  const series: Record<keyof Omit<Point, 'date'>, string> = {
    demand: t('inventory.chart.demand'),
    actual: ofPlan(t('inventory.chart.backtestActual')),
    predicted: ofPlan(t('inventory.chart.backtestPredicted')),
    forecast: ofPlan(t('inventory.chart.forecast')),
  };
  return (
    <div style={{ height: 320 }} data-testid="demand-chart">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={points} margin={{ top: 16, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="date" tickFormatter={(date: string) => date.slice(5)} minTickGap={24} />
          <YAxis allowDecimals={false} width={48} />
          <Tooltip
            formatter={(value, name) => [
              formatDecimal(Number(value)),
              series[name as keyof typeof series] ?? name,
            ]}
          />
          <Legend formatter={(name: string) => series[name as keyof typeof series] ?? name} />
          {lastDay ? (
            <ReferenceLine
              x={lastDay}
              stroke="#8c8c8c"
              strokeDasharray="4 4"
              label={{
                value: t('inventory.chart.forecastStarts'),
                position: 'insideTopLeft',
                fill: '#595959',
              }}
            />
          ) : null}
          <Bar dataKey="demand" fill="#91caff" isAnimationActive={false} />
          <Line dataKey="actual" stroke="#595959" dot={false} strokeWidth={1.5} isAnimationActive={false} />
          <Line
            dataKey="predicted"
            stroke="#fa8c16"
            strokeDasharray="5 3"
            dot={false}
            strokeWidth={2}
            isAnimationActive={false}
          />
          <Line dataKey="forecast" stroke="#1677ff" dot={false} strokeWidth={2} isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
