import type { HealthMetric } from '../../contracts/risk.ts';
import type { SystemFigures } from './ports.ts';

const known = (value: number | null) => (value === null ? { value: 0, volume: 0 } : { value, volume: 1 });
const secondsSince = (at: string, now: Date) => Math.max(0, (now.getTime() - Date.parse(at)) / 1000);

/**
 * A health metric's value from the system figures at `now`: one snapshot per cycle, volume 1 when
 * the figure is known and 0 when it is not (no worker has reported yet, no data directory,
 * connections on SQLite), so a monitor with `minVolume: 1` does not judge a missing figure.
 */
export function healthValue(
  metric: HealthMetric,
  figures: SystemFigures,
  now: Date,
): { value: number; volume: number } {
  const { outbox, disk, database } = figures;
  switch (metric) {
    case 'outbox_backlog':
      return known(outbox.pending);
    case 'outbox_oldest_age_minutes':
      return known(outbox.oldestPendingAt ? secondsSince(outbox.oldestPendingAt, now) / 60 : 0);
    case 'dead_letters':
      return known(outbox.dead);
    case 'worker_lag_seconds':
      return known(figures.workerHeartbeatAt ? secondsSince(figures.workerHeartbeatAt, now) : null);
    case 'disk_used_share':
      return known(disk && disk.totalBytes > 0 ? 1 - disk.freeBytes / disk.totalBytes : null);
    case 'database_size_mb':
      return known(database.sizeBytes === null ? null : database.sizeBytes / 1024 ** 2);
    case 'database_connections':
      return known(database.serverConnections);
  }
}
