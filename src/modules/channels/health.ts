import type { z } from 'zod';
import type { ConnectorKind, channelHealth } from '../../contracts/channels.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import type { Catalog } from '../catalog/index.ts';
import { type ConnectorRow, channelsRepository as repo } from './channels.repository.ts';
import { syncRepository } from './sync-back/sync.repository.ts';

type ChannelHealth = z.output<typeof channelHealth>;

/** A pull this many intervals behind is failing; one behind is a warning. */
const lagFailingIntervals = 4;

/** The light for a channel: failing when it refuses or loses work, warning when it drifts. */
export function healthStatus(
  h: Omit<ChannelHealth, 'status'>,
  pullEveryMinutes: number,
  now: Date,
): ChannelHealth['status'] {
  if (h.connector === 'none') return 'idle';
  const interval = pullEveryMinutes * 60;
  const isPullFailing =
    h.lastPullError !== null || (interval > 0 && (h.pullLagSeconds ?? 0) > lagFailingIntervals * interval);
  if (h.mappingFailures > 0 || isPullFailing) return 'failing';
  const isPullLate = interval > 0 && h.pullLagSeconds !== null && h.pullLagSeconds > 2 * interval;
  // Refused signatures are a warning for an hour: someone is sending with a wrong secret.
  const hasRecentRefusals =
    h.lastSignatureFailureAt !== null &&
    now.getTime() - new Date(h.lastSignatureFailureAt).getTime() < 3_600_000;
  if (hasRecentRefusals || isPullLate || h.syncFailures > 0) return 'warning';
  return 'ok';
}

/** Interface health per channel (R5.1): arrivals, refused and unmapped deliveries, pull lag. */
export function createHealth(deps: { database: Database; clock: Clock; catalog: Pick<Catalog, 'channels'> }) {
  const { database, clock, catalog } = deps;

  async function channelsHealth(): Promise<ChannelHealth[]> {
    const now = clock.now();
    const hourAgo = new Date(now.getTime() - 60 * 60 * 1000).toISOString();
    const [channels, connectors, arrivals, failures, pushes] = await Promise.all([
      catalog.channels.listChannels(),
      repo.listConnectors(database.db),
      repo.orderArrivals(database.db, hourAgo),
      repo.countFailures(database.db),
      syncRepository.queueCountsByChannel(database.db),
    ]);
    const byId = new Map<string, ConnectorRow>(connectors.map((c) => [c.channel_id, c]));
    return channels.map((channel) => {
      const c = byId.get(channel.id);
      const arrived = arrivals.get(channel.id);
      const lagFrom = c?.pull_cursor ?? null;
      const health = {
        channelId: channel.id,
        connector: (c?.connector ?? 'none') as ConnectorKind,
        lastOrderAt: arrived?.lastAt ?? null,
        ordersLastHour: arrived?.recent ?? 0,
        signatureFailures: c?.signature_failures ?? 0,
        lastSignatureFailureAt: c?.last_signature_failure_at ?? null,
        mappingFailures: failures.get(channel.id) ?? 0,
        lastPullAt: c?.last_pull_at ?? null,
        pullLagSeconds: lagFrom
          ? Math.max(0, Math.round((now.getTime() - new Date(lagFrom).getTime()) / 1000))
          : null,
        lastPullError: c?.last_pull_error ?? null,
        syncPending: pushes.get(channel.id)?.pending ?? 0,
        syncFailures: pushes.get(channel.id)?.failed ?? 0,
      };
      const pullEvery = c?.shop_url ? (c.pull_every_minutes ?? 0) : 0;
      return { ...health, status: healthStatus(health, pullEvery, now) };
    });
  }

  return { channelsHealth };
}
