import type { Actor } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit-log.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Executor } from '../../platform/db/database.ts';
import type { Row } from '../../platform/db/schema.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { ttlCache } from '../../platform/ttl-cache.ts';
import { catalogRepository as repo } from './catalog.repository.ts';

export interface Channel {
  id: string;
  name: string;
  kind: string;
  isActive: boolean;
  createdAt: string;
}

function toChannel(row: Row<'channels'>): Channel {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    isActive: row.is_active === 1,
    createdAt: row.created_at,
  };
}

export function createChannels(deps: { database: Database; clock: Clock }) {
  const { database, clock } = deps;

  async function listChannels(): Promise<Channel[]> {
    return (await repo.listChannels(database.db)).map(toChannel);
  }

  /** Whether each configured channel is active, for intake's channel check; cached for a second. */
  const states = ttlCache(1000, async () => {
    const rows = await repo.listChannels(database.db);
    return new Map(rows.map((r) => [r.id, r.is_active === 1]));
  });
  const channelStates = () => states.get();

  /**
   * Creates a channel. `alongside` runs in the same transaction, so a module above (the channel
   * connectors) stores its part of the channel with it or not at all.
   */
  async function createChannel(
    actor: Actor,
    input: { id: string; name: string; kind: string },
    alongside?: (tx: Executor) => Promise<unknown>,
  ): Promise<Channel> {
    const now = clock.now();
    return inTransaction(database, async (tx) => {
      if (await repo.findChannel(tx, input.id)) {
        throw new AppError('CHANNEL_ID_TAKEN', `id: channel "${input.id}" already exists`, { field: 'id' });
      }
      const row = {
        id: input.id,
        name: input.name,
        kind: input.kind,
        is_active: 1,
        created_at: now.toISOString(),
      };
      await repo.insertChannel(tx, row);
      await recordAudit(tx, actor, now, {
        action: 'channel.created',
        targetType: 'channel',
        targetId: row.id,
        details: input,
      });
      await alongside?.(tx);
      return toChannel(row);
    }).finally(() => states.invalidate());
  }

  async function updateChannel(
    actor: Actor,
    id: string,
    changes: { name?: string; isActive?: boolean },
  ): Promise<Channel> {
    const now = clock.now();
    return inTransaction(database, async (tx) => {
      const existing = await repo.findChannel(tx, id);
      if (!existing) throw notFound('channel', id);
      const set: Partial<Row<'channels'>> = {};
      if (changes.name !== undefined) set.name = changes.name;
      if (changes.isActive !== undefined) set.is_active = changes.isActive ? 1 : 0;
      if (Object.keys(set).length > 0) await repo.updateChannel(tx, id, set);
      await recordAudit(tx, actor, now, {
        action: 'channel.updated',
        targetType: 'channel',
        targetId: id,
        details: changes,
      });
      return toChannel({ ...existing, ...set });
    }).finally(() => states.invalidate());
  }

  return { listChannels, channelStates, createChannel, updateChannel };
}

export type Channels = ReturnType<typeof createChannels>;
