import { Card, Descriptions, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDecimal } from '../inventory/numbers';
import { seriesColors } from './OnTimeChart';
import type { Place, StopListView, VehicleRoute } from './stop-list';
import './route-sheet.css';

/**
 * One sheet per rider: stops in riding order with what to hand over, and a box to tick. On
 * paper each sheet takes its own page (route-sheet.css).
 */
export function RouteSheets({ list, routes }: { list: StopListView; routes: VehicleRoute[] }) {
  const { t } = useTranslation();
  const km = (value: number) => t('fulfilment.routes.km', { value: formatDecimal(value, 2) });
  return (
    <div data-testid="route-sheets">
      {routes.map((route, index) => (
        <Card
          key={route.stops.map((stop) => stop.id).join('-')}
          size="small"
          className="ordo-route-sheet"
          style={{ marginBottom: 16, borderLeft: `4px solid ${seriesColors[index % seriesColors.length]}` }}
          title={t('fulfilment.routes.vehicle', { n: index + 1 })}
          data-testid="route-sheet"
        >
          <Descriptions
            size="small"
            column={4}
            items={[
              { key: 'stops', label: t('fulfilment.routes.stops'), children: route.stops.length },
              {
                key: 'load',
                label: t('fulfilment.routes.load'),
                children: list.capacity ? `${route.load} / ${list.capacity}` : route.load,
              },
              {
                key: 'distance',
                label: t('fulfilment.routes.distance'),
                children: <span data-testid="route-distance">{km(route.distance)}</span>,
              },
              {
                key: 'duration',
                label: t('fulfilment.routes.duration'),
                children:
                  route.duration === undefined
                    ? '—'
                    : t('fulfilment.routes.minutes', { value: Math.round(route.duration) }),
              },
            ]}
          />
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }} data-testid="route-sequence">
            {[list.depot.id, ...route.stops.map((stop) => stop.id), list.depot.id].join(' → ')}
          </Typography.Paragraph>
          <Table<Place & { n: number }>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={route.stops.map((stop, n) => ({ ...stop, n: n + 1 }))}
            columns={[
              { title: '#', dataIndex: 'n', width: 48 },
              {
                title: t('fulfilment.routes.stop'),
                dataIndex: 'id',
                render: (id: string) => <Typography.Text strong>{id}</Typography.Text>,
              },
              { title: t('fulfilment.routes.demand'), dataIndex: 'demand', align: 'right' },
              {
                title: list.isGeo ? t('fulfilment.routes.latLng') : t('fulfilment.routes.xy'),
                key: 'where',
                render: (_, stop) =>
                  list.isGeo
                    ? `${formatDecimal(stop.y, 5)}, ${formatDecimal(stop.x, 5)}`
                    : `${formatDecimal(stop.x, 3)}, ${formatDecimal(stop.y, 3)}`,
              },
              { title: t('fulfilment.routes.done'), key: 'done', width: 90, render: () => '☐' },
            ]}
          />
        </Card>
      ))}
    </div>
  );
}
