import { useTranslation } from 'react-i18next';
import {
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
  ZAxis,
} from 'recharts';
import { formatDecimal } from '../inventory/numbers';
import { seriesColors } from './OnTimeChart';
import type { StopListView, VehicleRoute } from './stop-list';

const coordinate = (value: number) => formatDecimal(value, 4);

/**
 * The stops on a plane (lng/lat or grid km), each route a coloured loop from the depot and
 * back: enough to see that routes do not cross town, without a map service.
 */
export function RouteMap({ list, routes }: { list: StopListView; routes: VehicleRoute[] }) {
  const { t } = useTranslation();
  const depot = { ...list.depot, label: t('fulfilment.routes.depot') };
  const unplanned = routes.length === 0 ? list.stops : [];
  return (
    <div style={{ height: 460 }} data-testid="route-map">
      <ResponsiveContainer width="100%" height="100%">
        <ScatterChart margin={{ top: 16, right: 24, bottom: 16, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis
            type="number"
            dataKey="x"
            name={list.isGeo ? t('fulfilment.routes.lng') : 'x'}
            domain={['auto', 'auto']}
            tickFormatter={coordinate}
          />
          <YAxis
            type="number"
            dataKey="y"
            name={list.isGeo ? t('fulfilment.routes.lat') : 'y'}
            domain={['auto', 'auto']}
            tickFormatter={coordinate}
          />
          <ZAxis range={[60, 60]} />
          <Tooltip
            cursor={{ strokeDasharray: '3 3' }}
            content={({ payload }) => {
              const place = payload?.[0]?.payload as
                | { id?: string | number; demand?: number; label?: string }
                | undefined;
              if (!place) return null;
              return (
                <div style={{ background: '#fff', border: '1px solid #d9d9d9', padding: '4px 8px' }}>
                  {place.label ?? place.id}
                  {place.demand ? ` · ${t('fulfilment.routes.demandValue', { value: place.demand })}` : ''}
                </div>
              );
            }}
          />
          <Legend />
          {routes.map((route, index) => (
            <Scatter
              key={route.stops.map((stop) => stop.id).join('-')}
              name={t('fulfilment.routes.vehicle', { n: index + 1 })}
              data={[list.depot, ...route.stops, list.depot]}
              fill={seriesColors[index % seriesColors.length]}
              line={{ stroke: seriesColors[index % seriesColors.length], strokeWidth: 2 }}
              lineType="joint"
              isAnimationActive={false}
            />
          ))}
          {unplanned.length > 0 ? (
            <Scatter
              name={t('fulfilment.routes.unplanned')}
              data={unplanned}
              fill="#8c8c8c"
              isAnimationActive={false}
            />
          ) : null}
          <Scatter
            name={t('fulfilment.routes.depot')}
            data={[depot]}
            fill="#000"
            shape="star"
            isAnimationActive={false}
          />
        </ScatterChart>
      </ResponsiveContainer>
    </div>
  );
}
