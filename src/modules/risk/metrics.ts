import { isHealthMetric, type monitorMetrics } from '../../contracts/risk.ts';
import type { Row } from '../../platform/db/schema.ts';
import { healthValue } from './health-metrics.ts';
import { type MetricScope, monitorsRepository as repo } from './monitors.repository.ts';
import type { RiskDeps } from './ports.ts';

type Metric = (typeof monitorMetrics)[number];

const minutesPerDay = 24 * 60;

/** A share of hits in the volume, 0 when nothing was seen. */
const share = ({ volume, hits }: { volume: number; hits: number }) => ({
  volume,
  value: volume === 0 ? 0 : hits / volume,
});

/**
 * A monitor's value over its window and the volume it was judged on. Order metrics read orders'
 * view, carrier metrics logistics' shipments view (parcels shipped in the window), stock-outs
 * inventory's levels (a snapshot), demand spikes the units ordered against the forecast, and
 * interface failures the channels' deliveries and pushes, and health metrics the system figures.
 */
export async function measureMetric(
  deps: Pick<RiskDeps, 'database' | 'logistics' | 'inventory' | 'channels' | 'system'>,
  m: Row<'risk_monitors'>,
  now: Date,
): Promise<{ value: number; volume: number }> {
  const db = deps.database.db;
  const metric = m.metric as Metric;
  if (isHealthMetric(metric)) return healthValue(metric, await deps.system.figures(), now);
  const scope: MetricScope = {
    since: new Date(now.getTime() - m.window_minutes * 60_000).toISOString(),
    now: now.toISOString(),
    channel: m.channel,
    carrierId: null,
    sku: m.sku,
  };
  switch (metric) {
    case 'carrier_late_rate':
    case 'carrier_loss_rate':
    case 'carrier_backlog': {
      if (m.carrier) {
        scope.carrierId = await deps.logistics.carrierId(m.carrier);
        if (!scope.carrierId) return { value: 0, volume: 0 };
      }
      return share(await repo.shipmentMetric(db, metric, scope));
    }
    case 'stockout_rate':
      return share(await repo.stockouts(db, scope));
    case 'demand_spike': {
      const units = await repo.unitsOrdered(db, scope);
      const daily = await deps.inventory.expectedDailyDemand(m.sku);
      // Less than one unit expected in the window counts as one: a first sale is no spike of ∞.
      const expected = Math.max(1, (daily * m.window_minutes) / minutesPerDay);
      return { volume: units, value: units / expected };
    }
    case 'interface_failures':
      return share(await deps.channels.interfaceFailures(scope.since, m.channel));
    default:
      return share(await repo.orderMetric(db, metric, scope));
  }
}
